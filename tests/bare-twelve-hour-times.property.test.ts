/**
 * A paste on a 12-hour clock that drops AM/PM on follow-up lines (Slack's `4:58` under
 * `4:52 PM`) reads each bare time after the line above, never the next morning.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readBareTwelveHourTimes } from '../src/pipeline/parse/twelve-hour-clock.js';
import type { TimelineItem } from '../src/pipeline/parse/timeline-lines.js';

const entry = (line: number, hour: number, minute: number, twelveHour: boolean): TimelineItem => ({
  type: 'entry',
  entry: {
    line,
    column: 1,
    stamp: {
      date: null,
      time: { hour, minute, second: 0 },
      endTime: null,
      zone: null,
      approximate: false,
      ...(twelveHour ? { twelveHour } : {}),
      rest: 'x',
      column: 1,
    },
    timeLabel: null,
    source: null,
    actor: null,
    text: 'x',
    blockZone: null,
  },
});

const minutesOf = (item: TimelineItem) =>
  item.type === 'entry' && item.entry.stamp?.time
    ? item.entry.stamp.time.hour * 60 + item.entry.stamp.time.minute
    : -1;

describe('bare times in a 12-hour paste', () => {
  test('an afternoon thread whose follow-ups drop PM stays in order, on the same afternoon', () => {
    fc.assert(
      fc.property(
        // Gaps of up to five hours between lines, from 13:00 on, within the afternoon and
        // evening; every third line keeps its PM. (Beyond six hours a bare time is a guess.)
        fc.array(fc.integer({ min: 0, max: 5 * 60 }), { minLength: 2, maxLength: 30 }),
        (gaps) => {
          const times: number[] = [];
          for (const gap of gaps) {
            const next = (times.at(-1) ?? 13 * 60) + gap;
            if (next < 24 * 60) times.push(next);
          }
          const items = times.map((t, i) => {
            const hour24 = Math.floor(t / 60);
            const shown = i % 3 === 0 ? hour24 : hour24 - 12; // 1..10 for bare lines
            return entry(i + 1, shown, t % 60, i % 3 === 0);
          });
          const read = readBareTwelveHourTimes('f.md', items).items.map(minutesOf);
          expect(read).toEqual(times);
        },
      ),
    );
  });

  test('a paste with no AM or PM anywhere is left as written', () => {
    const items = [entry(1, 16, 52, false), entry(2, 4, 58, false)];
    expect(readBareTwelveHourTimes('f.md', items).items.map(minutesOf)).toEqual([1012, 298]);
  });

  test('each time read so gets a warning naming its line', () => {
    const { diagnostics } = readBareTwelveHourTimes('f.md', [
      entry(3, 16, 52, true),
      entry(4, 4, 58, false),
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'f.md', line: 4, code: 'time/bare-12-hour' });
    expect(diagnostics[0]?.message).toContain('4:58 PM');
  });
});

test('a bare time that refers back ("9:05 was the docs deploy" under 9:14 AM) stays in the morning', () => {
  const items = [entry(1, 9, 12, true), entry(2, 9, 14, true), entry(3, 9, 5, false)];
  const read = readBareTwelveHourTimes('f.md', items);
  expect(read.items.map(minutesOf)).toEqual([552, 554, 545]);
  expect(read.diagnostics).toEqual([]);
});
