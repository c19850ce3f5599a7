/**
 * Gives every timed entry an instant. Bare times are read on the current day in the timeline's
 * zone; a clock that jumps backwards by hours means the next day; an explicit date or a day
 * separator moves the current day. Daylight saving comes from the IANA database via Luxon.
 */
import { DateTime } from 'luxon';
import { error, type Diagnostic } from '../diagnostics.js';
import type { CalendarDate, ClockTime } from './time.js';
import type { TimelineEntry, TimelineItem } from './timeline-lines.js';
import { resolveZone } from './zone.js';

export interface ResolvedEntry extends TimelineEntry {
  time: DateTime | null;
  endTime: DateTime | null;
}

export interface TimelineContext {
  file: string;
  /** The incident's zone, already resolved. */
  zone: string;
  /** The day bare times are read on until the timeline says otherwise. */
  date: { year: number; month: number; day: number };
}

/** A backwards jump larger than this is the clock passing midnight, not lines out of order. */
const MIDNIGHT_JUMP_HOURS = 6;

function withYear(
  date: CalendarDate,
  current: DateTime,
): { year: number; month: number; day: number } {
  if (date.year !== null) return { year: date.year, month: date.month, day: date.day };
  let candidate = { year: current.year, month: date.month, day: date.day };
  // `Jan 02` after `Dec 31` belongs to the next year.
  if (DateTime.fromObject(candidate).diff(current.startOf('day'), 'days').days < -180) {
    candidate = { ...candidate, year: current.year + 1 };
  }
  return candidate;
}

function at(
  day: { year: number; month: number; day: number },
  clock: ClockTime,
  zone: string,
): DateTime {
  return DateTime.fromObject(
    { ...day, hour: clock.hour, minute: clock.minute, second: clock.second },
    { zone },
  );
}

export function resolveInstants(
  items: readonly TimelineItem[],
  context: TimelineContext,
): { entries: ResolvedEntry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const entries: ResolvedEntry[] = [];
  let day = DateTime.fromObject(context.date, { zone: context.zone });
  let previous: DateTime | null = null;
  for (const item of items) {
    if (item.type === 'day') {
      day = DateTime.fromObject(withYear(item.date, day), { zone: context.zone });
      previous = null;
      continue;
    }
    const { entry } = item;
    const stamp = entry.stamp;
    if (stamp?.date) day = DateTime.fromObject(withYear(stamp.date, day), { zone: context.zone });
    if (!stamp?.time) {
      entries.push({ ...entry, time: null, endTime: null });
      continue;
    }
    const written = stamp.zone ?? entry.blockZone;
    const zone = written ? resolveZone(written) : context.zone;
    if (!zone) {
      diagnostics.push(
        error(
          'time/unknown-zone',
          context.file,
          { line: entry.line, column: entry.column },
          `unknown time zone "${written ?? ''}"`,
          'use an IANA name (America/New_York), an abbreviation (UTC, PST, CET) or an offset (UTC-7, +05:30)',
        ),
      );
      continue;
    }
    let time = at({ year: day.year, month: day.month, day: day.day }, stamp.time, zone);
    if (!time.isValid) {
      diagnostics.push(
        error(
          'time/invalid-date',
          context.file,
          { line: entry.line, column: entry.column },
          `no such date: ${day.toISODate() ?? 'unknown'}`,
          'check the day and month of this line',
        ),
      );
      continue;
    }
    if (!stamp.date && previous && previous.diff(time, 'hours').hours > MIDNIGHT_JUMP_HOURS) {
      time = time.plus({ days: Math.ceil(previous.diff(time, 'days').days) });
    }
    let endTime = stamp.endTime
      ? at({ year: time.year, month: time.month, day: time.day }, stamp.endTime, zone)
      : null;
    if (endTime && endTime < time) endTime = endTime.plus({ days: 1 });
    day = time.setZone(context.zone).startOf('day');
    previous = time;
    entries.push({ ...entry, time, endTime });
  }
  return { entries, diagnostics };
}
