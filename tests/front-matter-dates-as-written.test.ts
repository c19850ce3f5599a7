import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { readWrittenDate } from '../src/pipeline/parse/front-matter-date.js';
import { sourceFromText } from './helpers/source.js';

const day = (
  text: string,
  zone = 'UTC',
  timeline: { year: number; month: number; day: number }[] = [],
) => readWrittenDate(text, zone, timeline);

describe('a front-matter date is read as people write it', () => {
  test.each([
    ['2025-10-29', 'UTC'],
    ['29/10/2025', 'UTC'],
    ['10/29/2025', 'UTC'],
    ['29.10.2025', 'America/New_York'],
    ['29-10-2025', 'UTC'],
    ['Oct 29, 2025', 'UTC'],
    ['October 29th 2025', 'UTC'],
    ['29 October 2025', 'UTC'],
    ['Wednesday, 29 Oct 2025', 'UTC'],
  ])('%s (zone %s) is 29 October 2025, with no doubt', (text, zone) => {
    expect(day(text, zone)).toEqual({ date: { year: 2025, month: 10, day: 29 }, ambiguity: null });
  });

  test('an ambiguous slash date follows the zone: month first in the US, day first elsewhere', () => {
    expect(day('03/04/2025', 'America/Los_Angeles')?.date).toEqual({
      year: 2025,
      month: 3,
      day: 4,
    });
    expect(day('03/04/2025', 'Europe/London')?.date).toEqual({ year: 2025, month: 4, day: 3 });
    expect(day('03/04/2025', 'Europe/London')?.ambiguity).toContain('day first');
  });

  test("an ambiguous slash date follows the timeline's own dates before the zone", () => {
    const read = day('03/04/2025', 'America/New_York', [{ year: 2025, month: 4, day: 3 }]);
    expect(read).toEqual({ date: { year: 2025, month: 4, day: 3 }, ambiguity: null });
  });

  test('no day written is null, not a guess', () => {
    expect(day('last Tuesday')).toBeNull();
    expect(day('31/02/2025')).toBeNull();
  });
});

describe('the file is never refused for its date', () => {
  test('an ambiguous date is a warning that says which reading was taken', () => {
    const { facts, diagnostics } = analyzeSource(
      sourceFromText(
        '---\ndate: 03/04/2025\ntimezone: Europe/Berlin\n---\n09:10 checkout down\n09:40 checkout resolved\n',
      ),
    );
    expect(facts?.start).toBe('2025-04-03T09:10:00+02:00');
    const warned = diagnostics.find((d) => d.code === 'front-matter/ambiguous-date');
    expect(warned?.severity).toBe('warning');
    expect(warned?.message).toContain('3 April 2025');
  });

  test('an unreadable date is a warning, and the timeline places the day', () => {
    const { facts, diagnostics } = analyzeSource(
      sourceFromText(
        '---\ndate: the week after launch\ntimezone: UTC\n---\n2025-10-29 09:10 checkout down\n09:40 checkout resolved\n',
      ),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toContain('front-matter/bad-date');
    expect(facts?.resolved).toBe('2025-10-29T09:40:00+00:00');
  });
});
