import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { findStatedTimes } from '../src/pipeline/parse/stated-times.js';
import { sourceFromFixture, sourceFromText } from './helpers/source.js';

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

  test.each([
    // A data symptom names the start: the first bad piece of work, a metric creeping up.
    ['First failed transfer in the job log at 05:33.', '2025-01-22T10:33'],
    ['grafana shows p95 creeping up since 06:18', '2025-01-22T11:18'],
    // The time first, then the symptom that started then.
    ["around 6am the EU cluster's order consumers started lagging", '2025-01-22T11:00'],
  ])('a symptom names the start outright: %s', (text, instant) => {
    const stated = findStatedTimes(text, 7, { zone, lineTime, date: '2025-01-22' });
    const named = stated.filter((s) => s.strength === 'named');
    expect(named.map((s) => [s.milestone, utc(s.time)])).toEqual([['start', instant]]);
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

  test('an impact window with its subject named is stated as firmly as "impact began"', () => {
    const stated = findStatedTimes('Notes: disruption ran 09:35-11:47 UTC.', 31, {
      zone,
      lineTime: null,
      date: '2022-07-08',
    });
    expect(stated.map((s) => [s.milestone, utc(s.time), s.strength])).toEqual([
      ['start', '2022-07-08T09:35', 'named'],
      ['resolved', '2022-07-08T11:47', 'named'],
    ]);
  });

  test('an action that started at a time is no stated start ("at 15:40 we started draining")', () => {
    for (const text of ['at 05:40 we started draining the node', 'the job ran 05:00-05:20'])
      expect(findStatedTimes(text, 4, { zone, lineTime: null, date: '2025-01-22' })).toEqual([]);
  });

  test('a stated end at the minute of the recovery line leaves that line the mitigation', () => {
    const { facts } = analyzeSource(
      sourceFromText(
        [
          '---',
          'title: t',
          'date: 2022-07-08',
          'timezone: UTC',
          '---',
          '09:49 Triggered: page load p95 above threshold',
          '10:14 confirmed: the ACL push blocks DNS, likely cause',
          '10:39 starting rollback of the ACL push',
          '11:47 rollback complete, page loads back to baseline',
          '',
          'Notes: disruption ran 09:35-11:47 UTC.',
        ].join('\n'),
      ),
    );
    expect([facts?.start, facts?.mitigated, facts?.resolved]).toEqual([
      '2022-07-08T09:35:00+00:00',
      '2022-07-08T11:47:00+00:00',
      '2022-07-08T11:47:00+00:00',
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
