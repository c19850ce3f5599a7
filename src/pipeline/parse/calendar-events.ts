/**
 * An iCalendar export (`.ics`, as status pages and incident tools offer one per incident): each
 * VEVENT's DTSTART and DTEND are the window a person reads, its SUMMARY what happened. Rewritten,
 * keeping line numbers, to two timeline lines per event (`2025-09-22T07:15:00Z Impact started:
 * Degraded performance: EU API` on DTSTART's line, `... Impact ended: ...` on DTEND's), its
 * DESCRIPTION kept as the text under them; the calendar's own fields (UID, DTSTAMP, PRODID ...)
 * say nothing about the incident and are left out.
 *
 * Times are read as RFC 5545 writes them (3.3.5): `20250922T071500Z` is UTC,
 * `DTSTART;TZID=Europe/Berlin:20250922T091500` is that zone's wall clock, and a time with
 * neither is floating (read in the file's zone, as any bare time). An all-day date has no clock
 * time and is left out. Folded lines (a continuation starts with a space, 3.1) are unfolded.
 */
import { DateTime } from 'luxon';
import type { Block, SourceLine } from './document.js';

const PROPERTY = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/;
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;

/** An RFC 5545 DATE-TIME as a stamp the line readers know, or null for a date or a bad value. */
function stampOf(value: string, parameters: string): string | null {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, utc] = match;
  const wall = { year: +(y ?? 0), month: +(mo ?? 0), day: +(d ?? 0), hour: +(h ?? 0) };
  const clock = { ...wall, minute: +(mi ?? 0), second: +(s ?? 0) };
  const zone = /TZID=([^;:]+)/.exec(parameters)?.[1]?.replace(/^"|"$/g, '');
  if (utc || zone) {
    const at = DateTime.fromObject(clock, { zone: utc ? 'UTC' : zone });
    return at.isValid ? (at.toUTC().toISO({ suppressMilliseconds: true }) ?? null) : null;
  }
  return DateTime.fromObject(clock, { zone: 'UTC' }).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** RFC 5545 3.3.11 TEXT: `\,` `\;` `\\` stand for themselves, `\n` for a line break. */
function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c));
}

/** The block's lines with folded continuations joined to the line they continue. */
function unfold(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last && /^[ \t]/.test(line.text)) last.text += line.text.slice(1);
    else out.push({ ...line });
  }
  return out;
}

function readCalendarBlock(block: Block): Block {
  const lines = unfold(block.lines);
  const out: SourceLine[] = [];
  let event: SourceLine[] = [];
  let inEvent = false;
  for (const line of lines) {
    const property = PROPERTY.exec(line.text.trim());
    const name = property?.[1] ?? '';
    if (name === 'BEGIN' && property?.[3]?.trim() === 'VEVENT') {
      inEvent = true;
      event = [];
      continue;
    }
    if (!inEvent || !property) continue;
    if (name === 'END') {
      inEvent = false;
      out.push(...eventLines(event));
      continue;
    }
    event.push(line);
  }
  return out.length > 0 ? { lines: out } : block;
}

/** One VEVENT's timeline lines: its start and end, then its description. */
function eventLines(event: readonly SourceLine[]): SourceLine[] {
  const field = (wanted: string) =>
    event
      .map((line) => ({ line, property: PROPERTY.exec(line.text.trim()) }))
      .find(({ property }) => property?.[1] === wanted);
  const summary = unescapeText(field('SUMMARY')?.property?.[3] ?? '').trim() || 'event';
  const out: SourceLine[] = [];
  for (const [name, words] of [
    ['DTSTART', 'Impact started'],
    ['DTEND', 'Impact ended'],
  ] as const) {
    const found = field(name);
    const stamp = found?.property
      ? stampOf(found.property[3] ?? '', found.property[2] ?? '')
      : null;
    if (found && stamp)
      out.push({ number: found.line.number, text: `${stamp} ${words}: ${summary}` });
  }
  const description = field('DESCRIPTION');
  if (out.length > 0 && description?.property)
    out.push({
      number: description.line.number,
      text: unescapeText(description.property[3] ?? '').trim(),
    });
  return out.sort((a, b) => a.number - b.number);
}

/**
 * The blocks with every iCalendar VEVENT rewritten as its start and end lines (see the module
 * comment), keeping line numbers; blocks without one come back as they were. Pure.
 */
export function readCalendarEvents(blocks: readonly Block[]): Block[] {
  return blocks.map((block) =>
    block.lines.some((line) => /^BEGIN:VEVENT\s*$/.test(line.text.trim()))
      ? readCalendarBlock(block)
      : block,
  );
}
