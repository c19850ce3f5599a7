import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { stampAnywhere } from '../src/pipeline/parse/stamp-inside-line.js';
import { sourceFromText } from './helpers/source.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/stamps-inside-lines');
const analyze = (name: string) =>
  analyzeSource(sourceFromText(readFileSync(join(FIXTURES, name), 'utf8')));

describe('a paste whose every line holds its time somewhere inside is read, not refused', () => {
  test.each([
    ['logfmt-time-field.md', '2026-02-10T14:02:11+00:00', '2026-02-10T14:29:50+00:00'],
    ['psql-query-output.md', '2026-03-03T09:12:00+00:00', '2026-03-03T09:47:00+00:00'],
    ['author-first-export.md', '2026-04-14T10:05:00-07:00', '2026-04-14T10:52:00-07:00'],
  ])('%s: start and resolved at the times inside the lines, with a warning', (name, start, end) => {
    const { facts, diagnostics } = analyze(name);
    expect(facts?.start).toBe(start);
    expect(facts?.resolved).toBe(end);
    expect(diagnostics.map((d) => d.code)).toContain('timeline/stamps-inside-lines');
  });

  test('a figure, a version or a ticket number is no stamp: such a file is still refused', () => {
    const { facts, diagnostics } = analyzeSource(
      sourceFromText(
        '---\ntitle: x\n---\nThe ratio went 5:1 on build 2.4.1 (ticket 2026-118).\nNothing else to add.\n',
      ),
    );
    expect(facts).toBeNull();
    expect(diagnostics.map((d) => d.code)).toContain('timeline/no-timestamps');
  });

  test('a line that starts with its stamp, or holds none with a date, is left alone', () => {
    expect(stampAnywhere('2026-02-10 14:02 api errors')).toBeNull();
    expect(stampAnywhere('errors rose at 14:02 on the api')).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const moved = stampAnywhere(`note: ${text}`);
        // Whatever it finds, the line's words are kept.
        return moved === null || moved.includes(text.trim().split(/\s+/)[0] ?? '');
      }),
    );
  });
});
