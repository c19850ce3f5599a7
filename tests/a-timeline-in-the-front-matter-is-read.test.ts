/**
 * Some templates keep the timeline in the front matter as a YAML list, of strings or of
 * time/event mappings. It is read like the body's timeline, at its own lines, with no warning
 * that `timeline` is unknown. Fixtures: tests/fixtures/front-matter-timeline (invented).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { sourceFromFixture } from './helpers/source.js';

const DIR = join(import.meta.dirname, 'fixtures/front-matter-timeline');

describe.each([
  ['quoted-lines.md', '2026-04-02T09:00:00+00:00', '2026-04-02T09:31:00+00:00', 6],
  ['mapping-items.md', '2026-06-18T14:02:00+02:00', '2026-06-18T14:27:00+02:00', 6],
])('%s', (name, start, resolved, firstLine) => {
  const { facts, diagnostics } = analyzeSource(sourceFromFixture(join(DIR, name)));

  test('is read without errors or an unknown-key warning', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.code)).not.toContain('front-matter/unknown-key');
  });
  test('its items are the events, at their own lines', () => {
    expect(facts?.events).toHaveLength(4);
    expect(facts?.events[0]?.line).toBe(firstLine);
    expect(facts?.events.every((event) => !/^["'-]/.test(event.text))).toBe(true);
  });
  test('start and resolved come from its lines', () => {
    expect({ start: facts?.start, resolved: facts?.resolved }).toEqual({ start, resolved });
  });
});
