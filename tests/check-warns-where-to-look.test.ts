import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { sourceFromText } from './helpers/source.js';

const codes = (text: string): { code: string; line: number; message: string; hint: string }[] =>
  analyzeSource(sourceFromText(text)).diagnostics.map((d) => ({
    code: d.code,
    line: d.line,
    message: d.message,
    hint: d.hint ?? '',
  }));

describe('check warns where the facts rest on something a reviewer should look at', () => {
  test('a timeline dated on another day than the front matter says is a warning at its first dated line', () => {
    const found = codes(
      [
        '---',
        'date: 2024-03-04',
        'timezone: UTC',
        '---',
        '2024-03-05 10:00 checkout errors for all users',
        '2024-03-05 10:40 rolled back, checkout back to normal, incident resolved',
      ].join('\n'),
    ).filter((d) => d.code === 'timeline/date-mismatch');
    expect(found).toEqual([
      expect.objectContaining({
        line: 5,
        message: 'the timeline says 2024-03-05 but the front matter says date: 2024-03-04',
      }),
    ]);
  });

  test('a dated lead-up line weeks before the incident day is no contradiction, and keeps its day', () => {
    const text = [
      '---',
      'date: 2024-03-04',
      'timezone: UTC',
      '---',
      '2024-02-12 09:00 v7 ships with a latent parser bug',
      '10:00 checkout errors for all users',
      '10:40 rolled back, checkout back to normal, incident resolved',
    ].join('\n');
    expect(codes(text).map((d) => d.code)).not.toContain('timeline/date-mismatch');
    const { facts } = analyzeSource(sourceFromText(text));
    expect([facts?.start, facts?.resolved]).toEqual([
      '2024-03-04T10:00:00+00:00',
      '2024-03-04T10:40:00+00:00',
    ]);
  });

  test('a low-confidence milestone is a warning at its line, with a hint to pin it in front matter', () => {
    const found = codes(
      [
        '---',
        'date: 2024-03-04',
        'timezone: UTC',
        '---',
        '10:00 checkout errors for all users',
        '10:20 error rate dropping',
        '10:30 checkout back to normal',
        '10:50 incident resolved',
      ].join('\n'),
    ).filter((d) => d.code === 'milestone/low-confidence');
    expect(found.length).toBeGreaterThan(0);
    for (const warning of found) {
      expect(warning.message).toMatch(
        /^"(start|detected|acknowledged|identified|mitigated|resolved)" is a guess/,
      );
      expect(warning.hint).toMatch(
        /pin it in the front matter, e\.g\. \w+: "2024-03-04 \d\d:\d\d"/,
      );
    }
  });
});
