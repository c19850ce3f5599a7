/** How figures read in prose. Every writer and renderer formats through here, so they agree. */
import { DateTime } from 'luxon';
import type { Facts } from '../../schemas/facts.js';

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return 'unknown';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [
    days ? `${days} day${days === 1 ? '' : 's'}` : '',
    hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '',
    rest ? `${rest} minute${rest === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return parts.join(' ');
}

/** Short form for tight spaces: `29m`, `13h 41m`, `3d 11h`. */
export function formatMinutesShort(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 1440) return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
  return `${Math.floor(minutes / 1440)}d ${Math.floor((minutes % 1440) / 60)}h`;
}

// The writer, the Markdown, the MDX and the figure each format the same instants: a 20,000-line
// timeline spent seconds in Luxon reading and formatting them again (issue 13). Each text depends
// only on its key; the bound keeps a long-running process (the dev server) from growing.
const formatted = new Map<string, string>();
const FORMATTED_LIMIT = 100_000;

function remembered(key: string, format: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
    text = format();
    formatted.set(key, text);
  }
  return text;
}

function zoneLabel(time: DateTime): string {
  if (time.zone.name === 'UTC' || time.offset === 0) return 'UTC';
  const named = time.toFormat('ZZZZ');
  return /^[A-Z]{2,5}$/.test(named) ? named : `UTC${time.toFormat('ZZ')}`;
}

function clock(time: DateTime): string {
  return `${time.toFormat(time.second ? 'HH:mm:ss' : 'HH:mm')} ${zoneLabel(time)}`;
}

/** `02:00 PDT`: the clock alone, for rows already grouped under their day. */
export function formatClock(iso: string, zone: string): string {
  return remembered(`${iso} ${zone}`, () => clock(DateTime.fromISO(iso, { zone })));
}

/** `14:23 UTC`, or `Apr 22 02:00 PDT` when the incident spans days. */
export function formatTime(
  iso: string | null,
  facts: Pick<Facts, 'timezone' | 'date'>,
  withDay = false,
): string {
  if (!iso) return 'unknown';
  return remembered(`${iso} ${facts.timezone} ${facts.date} ${withDay}`, () => {
    const time = DateTime.fromISO(iso, { zone: facts.timezone });
    const sameDay = time.toISODate() === facts.date;
    return withDay || !sameDay ? `${time.toFormat('LLL d')} ${clock(time)}` : clock(time);
  });
}

// Formatters built once: Luxon's toFormat and toLocaleString build one per call (0.1 ms),
// which a thousand-page site build notices.
const LONG_DATE = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const utcDay = (isoDate: string) => new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);

/** `2026-01-10` → `January 10, 2026`. */
export function formatDate(isoDate: string): string {
  return LONG_DATE.format(utcDay(isoDate));
}

/** `2026-01-10` → `January 2026`, the history page's headings. */
export function formatMonth(isoDate: string): string {
  return MONTH.format(utcDay(isoDate));
}

/**
 * Users affected as the page, the card and `analyze` show it: a count with separators, the
 * team's own words, or "not stated" (the word the header uses for every missing figure; the
 * published page never says "unknown").
 */
export function formatUsers(users: Facts['usersAffected']): string {
  if (users === null) return 'not stated';
  return typeof users === 'number' ? users.toLocaleString('en-US') : users;
}

/** Whether the incident's events span more than one calendar day in its zone. */
export function spansDays(facts: Pick<Facts, 'events' | 'timezone'>): boolean {
  const key = `${facts.timezone} ${facts.events.length}`;
  const known = spanning.get(facts.events)?.get(key);
  if (known !== undefined) return known;
  const days = new Set(
    facts.events
      .filter((e) => e.time)
      .map((e) => DateTime.fromISO(e.time ?? '', { zone: facts.timezone }).toISODate()),
  );
  const spans = days.size > 1;
  const byZone = spanning.get(facts.events) ?? new Map<string, boolean>();
  spanning.set(facts.events, byZone.set(key, spans));
  return spans;
}

/** spansDays per events list (the Markdown and the MDX tree each ask), zone and length. */
const spanning = new WeakMap<readonly unknown[], Map<string, boolean>>();
