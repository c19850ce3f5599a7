import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isStampProblem, readStamp } from '../src/pipeline/parse/time.js';
import { findStatedZone, resolveZone } from '../src/pipeline/parse/zone.js';

function stampOf(line: string) {
  const stamp = readStamp(line);
  if (!stamp || isStampProblem(stamp)) throw new Error(`no stamp in ${line}`);
  return stamp;
}

describe('a timestamp at the start of a line is read in every shape teams paste', () => {
  test.each([
    ['14:23 UTC [PagerDuty] CRITICAL', { hour: 14, minute: 23 }, 'UTC', '[PagerDuty] CRITICAL'],
    [
      '[18:47:04] icinga-wm: PROBLEM',
      { hour: 18, minute: 47, second: 4 },
      null,
      'icinga-wm: PROBLEM',
    ],
    [
      '2026-01-10T14:23:05.123Z deploy started',
      { hour: 14, minute: 23, second: 5 },
      'Z',
      'deploy started',
    ],
    ['2020-03-26T16:14-07:00  Bulk update', { hour: 16, minute: 14 }, '-07:00', 'Bulk update'],
    ['2026-01-10 14:23 rollback', { hour: 14, minute: 23 }, null, 'rollback'],
    ['- 9:37 AM PST - pager fired', { hour: 9, minute: 37 }, 'PST', 'pager fired'],
    ['12:15 AM midnight job', { hour: 0, minute: 15 }, null, 'midnight job'],
    ['Thu 04-21 12:47 PM  Network change', { hour: 12, minute: 47 }, null, 'Network change'],
    ['- **00:27 UTC** Cache purge', { hour: 0, minute: 27 }, 'UTC', 'Cache purge'],
    ['14:23 <sarah> on it', { hour: 14, minute: 23 }, null, '<sarah> on it'],
    [
      'Jan 10 14:23:05 web-1 nginx: 502',
      { hour: 14, minute: 23, second: 5 },
      null,
      'web-1 nginx: 502',
    ],
    ['~02:29 UTC           Redis restored', { hour: 2, minute: 29 }, 'UTC', 'Redis restored'],
    ['Jan 10, 2026 - 15:02 UTC', { hour: 15, minute: 2 }, 'UTC', ''],
  ])('%s', (line, time, zone, rest) => {
    const stamp = stampOf(line);
    expect(stamp.time).toEqual({ second: 0, ...time });
    expect(stamp.zone).toBe(zone);
    expect(stamp.rest).toBe(rest);
  });

  test('a range keeps both ends and is not mistaken for a UTC offset', () => {
    const stamp = stampOf('- 20:08–20:15 link shut off');
    expect([stamp.time, stamp.endTime, stamp.zone]).toEqual([
      { hour: 20, minute: 8, second: 0 },
      { hour: 20, minute: 15, second: 0 },
      null,
    ]);
    expect(stampOf('18:30-18:43 spike').zone).toBeNull();
  });

  test('a date written after the time or in brackets belongs to the line', () => {
    expect(stampOf('00:16 (Jul 24) logstash caught up').date).toEqual({
      year: null,
      month: 7,
      day: 24,
    });
    expect(stampOf('00:23 UTC Thu 01-28  Brief disruption').date).toEqual({
      year: null,
      month: 1,
      day: 28,
    });
  });

  test('approximate times are marked', () => {
    expect(stampOf('~02:29 UTC restored').approximate).toBe(true);
    expect(stampOf('02:29 UTC restored').approximate).toBe(false);
  });

  test.each(['25:61 API down', '14:75 something', '0:30 AM lunch'])(
    '"%s" is an impossible time, not text',
    (line) => {
      const result = readStamp(line);
      expect(isStampProblem(result)).toBe(true);
    },
  );

  test.each(['13:20pm', '13:20 PM', '23:05 a.m.'])(
    '"%s" is a 24-hour time with a redundant suffix: read as written, never refused',
    (written) => {
      const stamp = stampOf(`${written} search slow`);
      expect([stamp.time?.hour, stamp.time?.minute]).toEqual([
        Number(written.slice(0, 2)),
        Number(written.slice(3, 5)),
      ]);
      expect(stamp.rest).toBe('search slow');
    },
  );

  test.each([
    'early - suspect the deploy',
    'Notes: all good',
    'v2.3.1 deployed',
    '3 of 5 nodes down',
    '',
  ])('"%s" has no timestamp', (line) => {
    expect(readStamp(line)).toBeNull();
  });

  test('reading a line never throws, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (line) => {
        readStamp(line);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.stringMatching(
          /^[-*[\] ~]{0,3}\d{1,2}:\d{2}(:\d{2})? ?([AaPp][Mm])? ?(UTC|PST|[+-]\d\d:\d\d)? .{0,20}$/,
        ),
        (line) => {
          const stamp = readStamp(line);
          if (stamp && !isStampProblem(stamp) && stamp.time) {
            expect(stamp.time.hour).toBeLessThan(24);
            expect(stamp.time.minute).toBeLessThan(60);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('time zones resolve through the IANA database', () => {
  test.each([
    ['PST', 'America/Los_Angeles'],
    ['PDT', 'America/Los_Angeles'],
    ['US/Pacific', 'US/Pacific'],
    ['Europe/Berlin', 'Europe/Berlin'],
    ['UTC-8', 'UTC-8'],
    ['+05:30', 'UTC+5:30'],
    ['-07:00', 'UTC-7'],
    ['GMT', 'UTC'],
  ])('%s → %s', (written, zone) => {
    expect(resolveZone(written)).toBe(zone);
  });

  test.each(['Mars/Olympus', 'XYZ', 'UTC+25'])('%s is not a zone', (written) => {
    expect(resolveZone(written)).toBeNull();
  });

  test('a header that states the zone is found, and a phrase about times wins', () => {
    expect(findStatedZone('All times PST.')?.zone).toBe('America/Los_Angeles');
    expect(
      findStatedZone('Timeline kept in UTC. Team on the US west coast: PST = UTC-8')?.zone,
    ).toBe('UTC');
    expect(findStatedZone('#ops, exported (UTC, 2020-06-11)')?.zone).toBe('UTC');
    expect(findStatedZone('nothing here')).toBeNull();
  });
});
