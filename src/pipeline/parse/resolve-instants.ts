/**
 * Gives every timed entry an instant. Bare times are read on the current day in the timeline's
 * zone; a clock that jumps backwards by hours means the next day; an explicit date or a day
 * separator moves the current day. Daylight saving comes from the IANA database via Luxon; a
 * time in the hour the clocks repeat or skip is read the way that keeps the lines in order.
 */
import { DateTime } from 'luxon';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { CalendarDate, ClockTime, Stamp } from './time.js';
import type { DayShift, TimelineEntry, TimelineItem } from './timeline-lines.js';
import { resolveZone, seasonalAbbreviation, suggestZone } from './zone.js';

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
  /**
   * The date is the front matter's: a dated line more than a day before it is a lead-up
   * ("2024-02-12 09:00 v7 ships") and does not move the day of the bare times after it.
   */
  anchored?: boolean;
  /** Times later than this (plus a day of slack for zones) are reported as in the future. */
  now?: DateTime;
}

/** A backwards jump larger than this is the clock passing midnight, not lines out of order. */
const MIDNIGHT_JUMP_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;

function withYear(
  date: CalendarDate,
  current: DateTime,
): { year: number; month: number; day: number } {
  if (date.year !== null) return { year: date.year, month: date.month, day: date.day };
  // `Sat 02/05` in a May incident: the weekday says which order the date is written in.
  const other = date.otherOrder;
  if (other && date.weekday !== undefined) {
    const fits = (d: { month: number; day: number }) =>
      DateTime.fromObject({ year: current.year, month: d.month, day: d.day }).weekday ===
      date.weekday;
    if (!fits(date) && fits(other)) return withYear({ year: null, ...other }, current);
  }
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

/**
 * Every instant a wall-clock time can mean in a zone, earliest first: two in the hour repeated
 * when clocks go back; in the hour skipped when they go forward, the time read with the offset
 * before the jump and with the offset after it. `kind` says which case it was.
 */
function readings(
  local: DateTime,
  clock: ClockTime,
): { candidates: DateTime[]; kind: 'plain' | 'repeated' | 'skipped' } {
  if (local.hour !== clock.hour || local.minute !== clock.minute) {
    const jump = local.offset - local.minus({ days: 1 }).offset;
    const after = local.minus({ minutes: jump });
    return {
      candidates: [after, local].sort((a, b) => a.toMillis() - b.toMillis()),
      kind: 'skipped',
    };
  }
  const possible = local.getPossibleOffsets();
  if (possible.length < 2) return { candidates: [local], kind: 'plain' };
  return {
    candidates: [...possible].sort((a, b) => a.toMillis() - b.toMillis()),
    kind: 'repeated',
  };
}

function clockText(clock: ClockTime): string {
  return `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
}

/** `time/invalid-date`: the day or month written on a line does not exist (`written` as shown). */
function noSuchDate(file: string, line: number, column: number, written: string): Diagnostic {
  return error(
    'time/invalid-date',
    file,
    { line, column },
    `no such date: ${written}`,
    'check the day and month of this line',
  );
}

/** `time/unknown-zone` for a zone spelling no reader knows, with the nearest known name. */
function unknownZone(file: string, entry: TimelineEntry, written: string | null): Diagnostic {
  const suggestion = suggestZone(written ?? '');
  return error(
    'time/unknown-zone',
    file,
    { line: entry.line, column: entry.column },
    `unknown time zone "${written ?? ''}"${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    'use an IANA name (America/New_York), an abbreviation (UTC, PST, CET) or an offset (UTC-7, +05:30)',
  );
}

/**
 * `clock` on `dayOnly` in `zone`. A seasonal abbreviation not in force that day ("PST" on a day
 * Pacific time was on PDT) is read as written, at its fixed offset, with a
 * `time/zone-not-in-force` warning once per spelling (`seasonWarned` holds those warned about).
 * The result may be invalid (a date that does not exist); the caller reports it.
 */
function readOnDay(
  dayOnly: { year: number; month: number; day: number },
  clock: ClockTime,
  zone: string,
  written: string | null,
  where: { file: string; entry: TimelineEntry; seasonWarned: Set<string> },
  diagnostics: Diagnostic[],
): DateTime {
  const { file, entry, seasonWarned } = where;
  let time = at(dayOnly, clock, zone);
  // "PST" on a day Pacific time was on PDT: read what the paste says (UTC-8), and say so.
  const season = written ? seasonalAbbreviation(written) : null;
  // Only in its own region: "CST" read as China's clock is not US Central's winter.
  if (season && season.region === zone && time.isValid) {
    const fixed = at(dayOnly, clock, season.fixed);
    // On the day the clocks change both readings are fair; the region's clock decides.
    const startOfDay = DateTime.fromObject(dayOnly, { zone });
    const inForceThatDay = [startOfDay, startOfDay.endOf('day')].some(
      (moment) => moment.offset === fixed.offset,
    );
    if (!inForceThatDay) {
      time = fixed;
      if (!seasonWarned.has(written ?? '')) {
        seasonWarned.add(written ?? '');
        diagnostics.push(
          warning(
            'time/zone-not-in-force',
            file,
            { line: entry.line, column: entry.column },
            `${written ?? ''} (${season.fixed}) was not in force on ${time.toISODate() ?? ''} in ${season.region}; read as written, ${season.fixed}`,
            `check the zone: if the clock on the wall was meant, write ${season.region} or the abbreviation in force that day`,
          ),
        );
      }
    }
  }
  return time;
}

/**
 * A time in the hour the clocks repeat or skip, read the way that keeps the lines in file order
 * (the first reading not before `previous`), with a `time/dst-repeated` or `time/dst-skipped`
 * warning; any other time comes back as it is, with no diagnostic.
 */
function settleDaylightSaving(
  time: DateTime,
  clock: ClockTime,
  previous: DateTime | null,
  zone: string,
  file: string,
  entry: TimelineEntry,
): { time: DateTime; diagnostic: Diagnostic | null } {
  const { candidates, kind } = readings(time, clock);
  if (kind === 'plain') return { time, diagnostic: null };
  // File order decides: the first reading not before the line above.
  const chosen =
    candidates.find((candidate) => !previous || candidate >= previous) ?? candidates[0] ?? time;
  const where = `on ${chosen.toISODate() ?? ''} in ${zone}`;
  return {
    time: chosen,
    diagnostic: warning(
      kind === 'repeated' ? 'time/dst-repeated' : 'time/dst-skipped',
      file,
      { line: entry.line, column: entry.column },
      kind === 'repeated'
        ? `${clockText(clock)} happens twice ${where} (clocks go back); read as ${chosen.toFormat('HH:mm ZZ')}, the reading that keeps the lines in order`
        : `${clockText(clock)} does not exist ${where} (clocks jump forward); read as ${chosen.toFormat('HH:mm ZZ')}`,
      'write this time in UTC, or as an ISO 8601 instant with its offset (2026-11-01T01:20-05:00)',
    ),
  };
}

/**
 * The end of a range ("14:02-14:30") on the start's day in `zone`, the next day when it would
 * come before the start; null with no end or an end that does not exist.
 */
function endInstant(
  time: DateTime,
  end: ClockTime | null | undefined,
  zone: string,
): DateTime | null {
  let endTime = end ? at({ year: time.year, month: time.month, day: time.day }, end, zone) : null;
  if (endTime && !endTime.isValid) endTime = null;
  if (endTime && endTime < time) endTime = endTime.plus({ days: 1 });
  return endTime;
}

/**
 * `time/out-of-order` for each line earlier than the line above it, only when the timeline
 * otherwise runs forward: newest-first exports run mostly backwards (the analyzer reverses them).
 */
function outOfOrder(
  backwards: readonly { line: number; column: number; earlierThan: number }[],
  forwards: number,
  file: string,
): Diagnostic[] {
  if (backwards.length === 0 || backwards.length > forwards) return [];
  return backwards.map((step) =>
    warning(
      'time/out-of-order',
      file,
      { line: step.line, column: step.column },
      `this line is earlier than line ${step.earlierThan} above it`,
      'fix the time or move the line; milestones are read in time order, so a line placed wrongly can move them',
    ),
  );
}

/**
 * What resolving carries from one timeline item to the next: the day bare times are on, the
 * instant of the line above (a clock that jumps back by hours has passed midnight; a repeated or
 * skipped daylight-saving hour is read in file order), and what the order and future warnings
 * count.
 */
interface ResolvingTimeline {
  readonly context: TimelineContext;
  readonly diagnostics: Diagnostic[];
  readonly entries: ResolvedEntry[];
  /** For each resolved entry, the index of its item in the paste (entries are handed back in it). */
  readonly sources: number[];
  /** The starting day in the timeline's zone: where the day returns after a lead-up line. */
  readonly anchor: DateTime;
  /** Epoch milliseconds after which a time is in the future (now plus a day of slack for zones). */
  readonly futureAfter: number;
  /** Seasonal abbreviations already warned about as not in force (see readOnDay). */
  readonly seasonWarned: Set<string>;
  day: DateTime;
  previous: DateTime | null;
  previousLine: number;
  /** Lines earlier than the line above them; reported only if the timeline otherwise runs forward. */
  readonly backwards: { line: number; column: number; earlierThan: number }[];
  forwards: number;
  futureWarned: boolean;
}

/**
 * A day separator: the bare times below it are on the day it names (its year, when not written,
 * from the current day), and the line above no longer counts for a midnight crossing. A day that
 * does not exist is reported and the day stays as it was.
 */
function passDaySeparator(
  walk: ResolvingTimeline,
  separator: { line: number; date: CalendarDate },
): void {
  const named = withYear(separator.date, walk.day);
  const next = DateTime.fromObject(named, { zone: walk.context.zone });
  if (!next.isValid) {
    walk.diagnostics.push(noSuchDate(walk.context.file, separator.line, 1, isoDay(named)));
    return;
  }
  walk.day = next;
  walk.previous = null;
}

/**
 * A line that moves the day without a date (`Next day:`, `**Wednesday**`, `Day 2`): the bare
 * times below it are on that day, and the line above no longer counts for a midnight crossing.
 */
function shiftDay(walk: ResolvingTimeline, shift: DayShift): void {
  if ('days' in shift) walk.day = walk.day.plus({ days: shift.days });
  else if ('dayIndex' in shift) walk.day = walk.anchor.plus({ days: shift.dayIndex - 1 });
  else {
    let day = walk.day;
    // The first day on or after the current one with that weekday: a week at most.
    for (let i = 0; i < 7 && day.weekday !== shift.weekday; i++) day = day.plus({ days: 1 });
    walk.day = day;
  }
  walk.previous = null;
}

/**
 * The date written on an entry's line. Only a timed, dated entry moves the day: a dated lead-up
 * line weeks earlier ("2026-02-20 v7 ships") stays on its own day. Returns whether the entry is
 * such a lead-up (timed, more than a day before an anchored front-matter date), or null after
 * reporting a date that does not exist.
 */
function readEntryDate(
  walk: ResolvingTimeline,
  entry: TimelineEntry,
  date: CalendarDate,
  timed: boolean,
): { leadUp: boolean } | null {
  const named = withYear(date, walk.day);
  const next = DateTime.fromObject(named, { zone: walk.context.zone });
  if (!next.isValid) {
    walk.diagnostics.push(noSuchDate(walk.context.file, entry.line, entry.column, isoDay(named)));
    return null;
  }
  if (timed) walk.day = next;
  return {
    leadUp: timed && walk.context.anchored === true && next < walk.anchor.minus({ days: 1 }),
  };
}

/**
 * The instant of a timed entry's `clock` on the current day, in the zone written on the line or
 * its table's header (else the timeline's): a day later when a bare time is more than six hours
 * behind the line above (the clock passed midnight), and a daylight-saving hour read in file
 * order. Null after reporting an unknown zone or a day that does not exist. `zone` is the zone
 * the time was read in, for the end of a range.
 */
function instantOf(
  walk: ResolvingTimeline,
  entry: TimelineEntry,
  stamp: Stamp,
  clock: ClockTime,
): { time: DateTime; zone: string } | null {
  const { file } = walk.context;
  const written = stamp.zone ?? entry.blockZone;
  // A shared abbreviation ("IST" in a header) is the timeline's own zone when it names it.
  const zone = written ? resolveZone(written, walk.context.zone) : walk.context.zone;
  if (!zone) {
    walk.diagnostics.push(unknownZone(file, entry, written));
    return null;
  }
  const dayOnly = { year: walk.day.year, month: walk.day.month, day: walk.day.day };
  let time = readOnDay(
    dayOnly,
    clock,
    zone,
    written,
    { file, entry, seasonWarned: walk.seasonWarned },
    walk.diagnostics,
  );
  if (!time.isValid) {
    walk.diagnostics.push(
      noSuchDate(file, entry.line, entry.column, walk.day.toISODate() ?? 'unknown'),
    );
    return null;
  }
  const behind = walk.previous ? walk.previous.toMillis() - time.toMillis() : 0;
  if (!stamp.date && behind > MIDNIGHT_JUMP_MS) {
    time = time.plus({ days: Math.ceil(behind / DAY_MS) });
  }
  const settled = settleDaylightSaving(time, clock, walk.previous, zone, file, entry);
  if (settled.diagnostic) walk.diagnostics.push(settled.diagnostic);
  return { time: settled.time, zone };
}

/**
 * Counts the step from the line above to `time`, backwards or forwards (for outOfOrder), and
 * warns `time/future` once, at the first time later than now plus a day.
 */
function checkOrderAndFuture(walk: ResolvingTimeline, entry: TimelineEntry, time: DateTime): void {
  if (walk.previous && time < walk.previous)
    walk.backwards.push({ line: entry.line, column: entry.column, earlierThan: walk.previousLine });
  else if (walk.previous) walk.forwards++;
  if (!walk.futureWarned && time.toMillis() > walk.futureAfter) {
    walk.futureWarned = true;
    walk.diagnostics.push(
      warning(
        'time/future',
        walk.context.file,
        { line: entry.line, column: entry.column },
        `${formatForMessage(time)} is in the future`,
        'check the year and the date in the front matter; an incident dated ahead tops the history until then',
      ),
    );
  }
}

/**
 * Resolves one entry: an untimed one is kept with no instant; a timed one gets its instant and the
 * end of its range, and moves the current day to its own (a lead-up line weeks before puts the
 * day back on the anchor's, and is not the line above for the next).
 */
function resolveEntry(walk: ResolvingTimeline, entry: TimelineEntry, source: number): void {
  if (entry.dayShift) shiftDay(walk, entry.dayShift);
  const stamp = entry.stamp;
  const dated = stamp?.date
    ? readEntryDate(walk, entry, stamp.date, Boolean(stamp.time))
    : { leadUp: false };
  if (!dated) return;
  if (!stamp?.time) {
    walk.entries.push({ ...entry, time: null, endTime: null });
    walk.sources.push(source);
    return;
  }
  const read = instantOf(walk, entry, stamp, stamp.time);
  if (!read) return;
  const { time, zone } = read;
  const endTime = endInstant(time, stamp.endTime, zone);
  checkOrderAndFuture(walk, entry, time);
  walk.day = dated.leadUp ? walk.anchor : time.setZone(walk.context.zone).startOf('day');
  if (!dated.leadUp) {
    walk.previous = time;
    walk.previousLine = entry.line;
  }
  walk.entries.push({ ...entry, time, endTime });
  walk.sources.push(source);
}

/** Walks the items in the order given (`order`: indexes into `items`), resolving each entry. */
function walkItems(
  items: readonly TimelineItem[],
  order: readonly number[],
  context: TimelineContext,
): ResolvingTimeline {
  const day = DateTime.fromObject(context.date, { zone: context.zone });
  const walk: ResolvingTimeline = {
    context,
    diagnostics: [],
    entries: [],
    sources: [],
    anchor: day,
    // Compared in epoch milliseconds: Luxon's diff and plus cost a few microseconds each, which
    // a 20,000-line timeline pays 20,000 times.
    futureAfter: (context.now ?? DateTime.now()).toMillis() + DAY_MS,
    seasonWarned: new Set<string>(),
    day,
    previous: null,
    previousLine: 0,
    backwards: [],
    forwards: 0,
    futureWarned: false,
  };
  for (const index of order) {
    const item = items[index];
    if (!item) continue;
    if (item.type === 'day') passDaySeparator(walk, item);
    else resolveEntry(walk, item.entry, index);
  }
  return walk;
}

/**
 * The order to resolve a newest-first paste in: each run of entries between day separators
 * oldest first (reversed), the separators where they stand, since a separator names the day of
 * the lines below it.
 */
function oldestFirstWithinDays(items: readonly TimelineItem[]): number[] {
  const order: number[] = [];
  let run: number[] = [];
  items.forEach((item, index) => {
    if (item.type === 'day') {
      order.push(...run.reverse(), index);
      run = [];
    } else run.push(index);
  });
  return [...order, ...run.reverse()];
}

/**
 * Resolves every timed entry to an instant. Reports as errors: unknown zones (with the nearest
 * known name) and dates that do not exist; as warnings: times in a repeated or skipped
 * daylight-saving hour (read in file order), lines earlier than the line above in a timeline
 * that otherwise runs forward, and times in the future.
 *
 * A timeline that runs mostly backwards (a status page's history, updates "latest first") is
 * resolved oldest first within each day, so a bare clock that passes midnight ("23:35", then
 * "00:05" above it) moves to the next day as it does in a forward timeline; its entries are
 * handed back in paste order (analyze puts them in time order).
 */
export function resolveInstants(
  items: readonly TimelineItem[],
  context: TimelineContext,
): { entries: ResolvedEntry[]; diagnostics: Diagnostic[] } {
  const inPaste = walkItems(
    items,
    items.map((_, index) => index),
    context,
  );
  const newestFirst = inPaste.backwards.length >= 2 && inPaste.backwards.length > inPaste.forwards;
  if (!newestFirst) {
    // Only a line that breaks the order of a forward-running timeline is worth a word.
    inPaste.diagnostics.push(...outOfOrder(inPaste.backwards, inPaste.forwards, context.file));
    return { entries: inPaste.entries, diagnostics: inPaste.diagnostics };
  }
  const walk = walkItems(items, oldestFirstWithinDays(items), context);
  const entries = walk.entries
    .map((entry, i) => ({ entry, source: walk.sources[i] ?? 0 }))
    .sort((a, b) => a.source - b.source)
    .map(({ entry }) => entry);
  return { entries, diagnostics: walk.diagnostics };
}

function isoDay(date: { year: number; month: number; day: number }): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.year}-${two(date.month)}-${two(date.day)}`;
}

function formatForMessage(time: DateTime): string {
  return time.toFormat('yyyy-MM-dd HH:mm ZZ');
}
