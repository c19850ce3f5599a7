/**
 * Syslog (RFC 3164 writes `Mar  1 14:05:10`) and many exports give a month and a day but no
 * year. A person still reads the timeline, taking the latest such day; so does parse, with a
 * warning that names the day it chose and how to pin it. Fixtures: tests/fixtures/no-year
 * (invented).
 */
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { latestPastDay } from '../src/pipeline/parse/parse-incident.js';
import { sourceFromFixture } from './helpers/source.js';

const DIR = join(import.meta.dirname, 'fixtures/no-year');

describe.each([
  ['syslog-no-year.md', 3, 1, 1],
  ['table-no-year.md', 3, 14, 6],
])('%s is read, not refused', (name, month, day, line) => {
  const { facts, diagnostics } = analyzeSource(sourceFromFixture(join(DIR, name)));

  test('no error, and every line is on the timeline', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(facts?.events.every((event) => event.time !== null)).toBe(true);
  });
  test('the day it reads is the one written, in the latest year it is not in the future', () => {
    const start = DateTime.fromISO(facts?.start ?? '');
    expect({ month: start.month, day: start.day }).toEqual({ month, day });
    expect(start <= DateTime.now().plus({ days: 1 })).toBe(true);
    expect(start > DateTime.now().minus({ years: 1, days: 1 })).toBe(true);
  });
  test('a warning names the day chosen and how to pin it, at the line', () => {
    const warning = diagnostics.find((d) => d.code === 'timeline/no-year');
    expect(warning?.line).toBe(line);
    expect(warning?.hint).toMatch(/^add `date: \d{4}-\d{2}-\d{2}`/);
  });
});

test("a day still to come this year is last year's", () => {
  const now = DateTime.fromISO('2026-02-10T12:00:00Z');
  expect(latestPastDay({ month: 3, day: 1 }, 'UTC', now)).toEqual({
    year: 2025,
    month: 3,
    day: 1,
  });
  expect(latestPastDay({ month: 2, day: 10 }, 'UTC', now)).toEqual({
    year: 2026,
    month: 2,
    day: 10,
  });
});
