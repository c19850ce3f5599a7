import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { findStatedTimes } from '../src/pipeline/parse/stated-times.js';
import { sourceFromFixture } from './helpers/source.js';

const zone = 'America/New_York';
const lineTime = DateTime.fromISO('2025-01-22T06:52:00', { zone });
const utc = (time: DateTime): string => time.toUTC().toFormat("yyyy-MM-dd'T'HH:mm");

describe('a milestone time stated in words is read on the day of the line that states it', () => {
  test.each([
    ['impact began around 6:00 AM: uploads time out', 'start', '2025-01-22T11:00'],
    ['logs show errors started at 05:52, consumers crash', 'start', '2025-01-22T10:52'],
    ['merchants report late webhooks since about 11:30 PM', 'start', '2025-01-22T04:30'],
  ])('%s', (text, milestone, instant) => {
    const stated = findStatedTimes(text, 7, { zone, lineTime, date: '2025-01-22' });
    expect(stated.map((s) => [s.milestone, utc(s.time)])).toEqual([[milestone, instant]]);
  });

  test('a start later in the day than the line is the day before (the line is after midnight)', () => {
    const afterMidnight = DateTime.fromISO('2019-07-03T00:10:00', { zone });
    const [stated] = findStatedTimes('errors started at 11:48 PM', 3, {
      zone,
      lineTime: afterMidnight,
      date: '2019-07-03',
    });
    expect(stated && utc(stated.time)).toBe('2019-07-03T03:48');
  });

  test('an impact window gives the start and the end, in the zone written once after the end', () => {
    const stated = findStatedTimes(
      'Between 03:46 and 04:33 UTC, users of the search API saw elevated error rates.',
      3,
      { zone, lineTime: null, date: '2023-09-19' },
    );
    expect(stated.map((s) => [s.milestone, utc(s.time), s.strength])).toEqual([
      ['start', '2023-09-19T03:46', 'window'],
      ['resolved', '2023-09-19T04:33', 'window'],
    ]);
  });

  test('a sentence wrapped over two lines of a note is read whole', () => {
    const stated = findStatedTimes(
      'The problem was detected at 09:12 by a customer\nand was fully resolved at 10:40.',
      9,
      { zone: 'UTC', lineTime: null, date: '2026-05-11' },
    );
    expect(stated.map((s) => [s.milestone, utc(s.time)])).toEqual([
      ['detected', '2026-05-11T09:12'],
      ['resolved', '2026-05-11T10:40'],
    ]);
  });

  test('a recovery verb in a timeline line is that line, not a stated time', () => {
    expect(
      findStatedTimes('the outage was resolved at 10:40', 4, { zone, lineTime, date: '' }),
    ).toEqual([]);
  });

  test('a time with no milestone named is not stated ("deploy at 09:00")', () => {
    expect(
      findStatedTimes('we planned the deploy at 09:00', 1, {
        zone,
        lineTime: null,
        date: '2025-01-22',
      }),
    ).toEqual([]);
  });
});

describe('an abbreviation that names one season is read as written', () => {
  const source = sourceFromFixture(
    join(import.meta.dirname, 'fixtures', 'cases', 'pst-written-during-daylight-time.md'),
  );

  test('"09:12 PST" in October is UTC-8, and check warns that PST was not in force', () => {
    const { facts, diagnostics } = analyzeSource(source);
    expect(facts?.start && DateTime.fromISO(facts.start).toUTC().toISO()).toBe(
      '2023-10-17T17:12:00.000Z',
    );
    const warnings = diagnostics.filter((d) => d.code === 'time/zone-not-in-force');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('PST (UTC-8) was not in force on 2023-10-17');
  });
});
