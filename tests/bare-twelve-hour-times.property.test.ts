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
        // Minutes after 13:00, ascending; every third line keeps its PM.
        fc.uniqueArray(fc.integer({ min: 0, max: 10 * 60 }), { minLength: 2, maxLength: 30 }),
        (offsets) => {
          const times = [...offsets].sort((a, b) => a - b).map((m) => 13 * 60 + m);
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
