import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { sourceFromFixture } from './helpers/source.js';

const dir = join(import.meta.dirname, 'fixtures/corpus');
const cases = readdirSync(dir)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .map((name) => name.replace(/\.md$/, ''));

interface Truth {
  start: string | null;
  detected: string | null;
  mitigated: string | null;
  resolved: string | null;
  duration_minutes: number | null;
}

const MILESTONES = ['start', 'detected', 'mitigated', 'resolved'] as const;

describe('real incidents from the shared corpus come out with the facts their reports state', () => {
  test.each(cases)('%s', (name) => {
    const truth = JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8')) as Truth;
    const { facts, diagnostics } = analyzeSource(sourceFromFixture(join(dir, `${name}.md`)));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(facts).not.toBeNull();
    for (const milestone of MILESTONES) {
      const expected = truth[milestone];
      if (expected === null) continue;
      const actual = facts?.[milestone] ?? null;
      expect({
        milestone,
        actual: actual && DateTime.fromISO(actual).toUTC().startOf('minute').toISO(),
      }).toEqual({
        milestone,
        actual: DateTime.fromISO(expected).toUTC().startOf('minute').toISO(),
      });
    }
    if (truth.duration_minutes !== null) {
      expect(facts?.durationMinutes).not.toBeNull();
      expect(Math.abs((facts?.durationMinutes ?? 0) - truth.duration_minutes)).toBeLessThanOrEqual(
        truth.duration_minutes * 0.01,
      );
    }
  });
});
