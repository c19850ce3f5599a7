/**
 * A bare time in a paste that keeps a 12-hour clock. Slack prints the time of a follow-up
 * message without AM or PM (`4:58` under `Anna Schmidt  4:52 PM`), and a hand-written list
 * may drop it once it is clear, or never write it (`11:50`, `12:10`, `1:05`). Read as a 24-hour time, `4:58` after `4:52 PM` would jump to
 * 04:58 the next morning and take every later line with it; a person reads 4:58 PM.
 */
import { warning, type Diagnostic } from '../diagnostics.js';
import type { TimelineItem } from './timeline-lines.js';

const HALF_DAY_MINUTES = 12 * 60;
/** The backward jump resolve-instants.ts reads as midnight passing (MIDNIGHT_JUMP_MS), in minutes. */
const NOON_JUMP_MINUTES = 6 * 60;

/**
 * Whether a paste keeps a 12-hour clock: some time is written with AM or PM, or none says the
 * clock has 24 hours (no hour from 13 to 23, no hour 0) and one crosses noon the way only a
 * 12-hour clock does (`12:10` then `1:05`). A 24-hour paste's `13:05` after `12:50` never needs
 * this.
 */
function keepsTwelveHourClock(items: readonly TimelineItem[]): boolean {
  const stamps = items.flatMap((item) =>
    item.type === 'entry' && item.entry.stamp?.time ? [item.entry.stamp] : [],
  );
  if (stamps.some((stamp) => stamp.twelveHour === true)) return true;
  const clocks = stamps.flatMap((stamp) => (stamp.time ? [stamp.time] : []));
  if (clocks.some((clock) => clock.hour === 0 || clock.hour >= 13)) return false;
  const minutes = clocks.map((clock) => clock.hour * 60 + clock.minute);
  // The clock runs back by more than the midnight rule allows (resolve-instants.ts reads that as
  // the next day), yet half a day later it is a few hours on: the afternoon of a 12-hour clock.
  return minutes.some((now, i) => {
    const next = minutes[i + 1];
    if (next === undefined || next < 60 || now - next <= NOON_JUMP_MINUTES) return false;
    const afternoon = next + HALF_DAY_MINUTES - now;
    return afternoon >= 0 && afternoon <= NOON_JUMP_MINUTES;
  });
}

/**
 * `items` with each bare time from 1:00 to 12:59 read in the half of the day nearest the
 * line above, when the paste keeps a 12-hour clock (keepsTwelveHourClock) and the
 * line above is on the same day (no date, no day separator between them). A warning names
 * each line read so. Times with a date, with AM or PM, or at 13:00 and later are kept.
 *
 * @param items the timeline in file order
 * @returns the items (entries with a changed stamp are copies) and one warning per change
 */
export function readBareTwelveHourTimes(
  file: string,
  items: readonly TimelineItem[],
): { items: TimelineItem[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (!keepsTwelveHourClock(items)) return { items: [...items], diagnostics };
  let previous: number | null = null;
  const out = items.map((item): TimelineItem => {
    if (item.type === 'day') {
      previous = null;
      return item;
    }
    const stamp = item.entry.stamp;
    if (!stamp?.time) return item;
    const { hour, minute } = stamp.time;
    let minutes = hour * 60 + minute;
    const bare = !stamp.twelveHour && !stamp.date && hour >= 1 && hour <= 12;
    if (bare && previous !== null) {
      const morning = hour === 12 ? minutes - HALF_DAY_MINUTES : minutes;
      const evening = morning + HALF_DAY_MINUTES;
      // The half of the day nearer the line above: `4:58` under `4:52 PM` is six minutes
      // later, `9:05` under `9:14 AM` ("9:05 was the docs deploy") nine minutes earlier.
      const from = previous;
      const chosen = Math.abs(evening - from) < Math.abs(morning - from) ? evening : morning;
      if (chosen !== minutes) {
        minutes = chosen;
        const clock = `${hour}:${String(minute).padStart(2, '0')}`;
        diagnostics.push(
          warning(
            'time/bare-12-hour',
            file,
            { line: item.entry.line, column: item.entry.column },
            `"${clock}" has no AM or PM; read as ${clock} ${chosen >= HALF_DAY_MINUTES ? 'PM' : 'AM'}, nearest the line above`,
            'write AM or PM (or a 24-hour time) if it was meant otherwise',
          ),
        );
        item = {
          type: 'entry',
          entry: {
            ...item.entry,
            stamp: {
              ...stamp,
              time: { ...stamp.time, hour: Math.floor(chosen / 60) },
            },
          },
        };
      }
    }
    previous = minutes;
    return item;
  });
  return { items: out, diagnostics };
}
