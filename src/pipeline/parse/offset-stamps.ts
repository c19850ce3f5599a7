/**
 * Times written as an offset from a start the file states once: a war-room log's `T+12m`,
 * `T+1h05m`, `T+00:12` or `+00:12`, and a call transcript's `[00:12:34]` counted from "Call
 * started 2025-06-02 at 11:00 UTC". A person adds the offset to the start; so does this, and
 * writes the sum as the line's stamp (`2025-06-02 11:12:34 UTC Maya: ...`), keeping line numbers,
 * so the line readers see an ordinary timeline.
 *
 * Offsets are read only beside a stated start (the anchor): a line that names a call, recording,
 * meeting, transcript or the incident as starting, or `T+0`, with a whole date and time on it.
 * A transcript's counter counts only from a call's or recording's start: without one,
 * `[00:12:34]` is a clock time just after midnight and stays one. A transcript's
 * offsets must also begin within its first hour and never go back, as a recording's counter does.
 */
import { DateTime } from 'luxon';
import type { Block } from './document.js';
import {
  findWrittenDate,
  isStampProblem,
  readStamp,
  type CalendarDate,
  type Stamp,
} from './time.js';
import { resolveZone } from './zone.js';

/**
 * A line that states where the counting starts: "Call started ...", "Incident start (T+0): ...",
 * "T0 = 14:00", "times relative to the page at 21:40", "offsets from 09:12".
 */
const ANCHOR =
  /\bT\s*[=+]?\s*0(?![\d:])|\brelative to\b|\bcounted from\b|\boffsets?\b[^\n]{0,20}?\b(?:from|since)\b|\bzero hour\b|\b(?:call|bridge|meeting|recording|transcript|session|incident|outage|war[- ]?room|stream|video)\b[^\n]{0,30}?\b(?:start(?:ed|s|ing)?|began|begins|opened|kicked off)\b|^\s*(?:[-*]\s+)?start(?:ed)?(?:\s+time)?\s*(?:\(T\s*\+\s*0\))?\s*:/i;

/**
 * `T+12m`, `T+1h05m`, `T + 90 min`, `T+00:12`, `+00:12`, `T+0`, and under a stated T0 the same
 * without the T (`+4m`, `+1h05m`), at the start of a line. A bare `+0` or `+1` is a vote, not a time.
 */
const OFFSET_LINE =
  /^(\s*(?:[-*+•]\s+|\|\s*)?)\[?(?:(?:T\s*)?\+\s*(?:(?<h>\d{1,2})\s*(?:h|hrs?|hours?)\s*(?:(?<hm>\d{1,3})\s*(?:m|mins?|minutes?)?)?|(?<m>\d{1,4})\s*(?:m|mins?|minutes?)|(?<=T\s*\+\s*)(?<zero>0))|(?:T\s*)?\+\s*(?<ch>\d{1,2}):(?<cm>\d{2})(?::(?<cs>\d{2}))?)\]?(?![\w:])[\s:,|-]*/i;

/** A transcript's counter at the start of a line: `[00:12:34]`, `(01:02:03)`, `00:12:34`. */
const COUNTER_LINE = /^(\s*)[[(]?(\d{2}):(\d{2}):(\d{2})(?:[.,]\d{1,3})?[\])]?(?![\d:])[\s:,|-]*/;

interface Anchor {
  /** The start as a wall-clock time in `zone` (or floating, read in the file's zone). */
  start: DateTime;
  /** The zone token as written on the anchor line, or null. */
  zoneToken: string | null;
}

/**
 * The first whole date and time written on a line, with its zone as written: one stamp
 * (`2025-06-02 at 11:00 UTC`) or a time and a date apart (`at 21:30 UTC on 2025-02-14`).
 */
function stampOnLine(written: string, day: CalendarDate | null = null): Anchor | null {
  // A sentence's full stop after the stamp (`... at 03:20 UTC.`) is not part of it.
  const text = written.replace(/[.;!:](?=\s|$)/g, ' ');
  let timeOnly: Stamp | null = null;
  for (const match of text.matchAll(/(?<=^|[\s(:,])(?=\d|[A-Z][a-z]{2})/g)) {
    const stamp = readStamp(text.slice(match.index));
    if (!stamp || isStampProblem(stamp) || !stamp.time) continue;
    if (stamp.date?.year == null) {
      timeOnly ??= stamp;
      continue;
    }
    return anchorOf(stamp, stamp.date);
  }
  // "Incident start (T0): 14:00 UTC" under `date: 2026-02-10`: the day the file states.
  const date = timeOnly ? (findWrittenDate(text) ?? day) : null;
  return timeOnly && date ? anchorOf(timeOnly, date) : null;
}

function anchorOf(stamp: Stamp, date: CalendarDate): Anchor | null {
  const zone = stamp.zone ? resolveZone(stamp.zone) : null;
  const start = DateTime.fromObject(
    { year: date.year ?? 0, month: date.month, day: date.day, ...stamp.time },
    { zone: zone ?? 'UTC' },
  );
  return start.isValid ? { start, zoneToken: zone ? (stamp.zone ?? null) : null } : null;
}

/**
 * A recording's start, which a transcript's or subtitles' counter counts from: "Call started",
 * "Recording started", "meeting started". An incident's start is not one: a log just after
 * midnight (`00:01:05`) beside "Incident started 23:55" is a clock, not a counter.
 */
const RECORDING_ANCHOR =
  /\b(?:call|bridge|meeting|recording|transcript|session|war[- ]?room|stream|video)\b[^\n]{0,30}?\b(?:start(?:ed|s|ing)?|began|begins|opened|kicked off)\b/i;

/**
 * The stated start the offsets count from: the first whole date and time on a line matching
 * `phrase` (ANCHOR, or RECORDING_ANCHOR for a counter); null when the file states none.
 */
function findAnchor(
  blocks: readonly Block[],
  phrase: RegExp = ANCHOR,
  day: CalendarDate | null = null,
): Anchor | null {
  for (const block of blocks)
    for (const line of block.lines) {
      if (!phrase.test(line.text)) continue;
      const anchor = stampOnLine(line.text, day);
      if (anchor) return anchor;
    }
  return null;
}

/** The stamp an offset from the anchor reads as: `2025-06-02 11:12:34 UTC`. */
function stampAt(anchor: Anchor, seconds: number): string {
  const at = anchor.start.plus({ seconds });
  const clock = at.toFormat(at.second === 0 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd HH:mm:ss');
  return anchor.zoneToken ? `${clock} ${at.toFormat('ZZ')}` : clock;
}

/** The seconds a `T+` or `+HH:MM` offset states, with the length of the text it takes; or null. */
function offsetOf(text: string): Mark | null {
  const match = OFFSET_LINE.exec(text);
  const g = match?.groups;
  if (!match || !g) return null;
  const n = (value: string | undefined): number => Number(value ?? 0);
  const seconds =
    g.zero !== undefined
      ? 0
      : g.ch !== undefined
        ? n(g.ch) * 3600 + n(g.cm) * 60 + n(g.cs)
        : n(g.h) * 3600 + n(g.hm) * 60 + n(g.m) * 60;
  return { seconds, lead: match[1] ?? '', length: match[0].length };
}

/** Where a line's offset or counter sits and the seconds it counts: `lead`, then `length` chars. */
interface Mark {
  seconds: number;
  lead: string;
  length: number;
}

/**
 * The block with each marked line's offset replaced by the stamp it counts to from `anchor`;
 * null when fewer than two lines, or fewer than half, are marked.
 */
function restamped(block: Block, marks: readonly (Mark | null)[], anchor: Anchor): Block | null {
  const read = marks.filter((mark) => mark !== null).length;
  if (read < 2 || read * 2 < block.lines.length) return null;
  return {
    lines: block.lines.map((line, index) => {
      const mark = marks[index];
      if (!mark) return line;
      const rest = line.text.slice(mark.length);
      // A table row keeps its cells: the offset's cell holds the stamp, the rest stay apart.
      const apart = mark.lead.includes('|') ? ' | ' : ' ';
      return {
        number: line.number,
        text: `${mark.lead}${stampAt(anchor, mark.seconds)}${apart}${rest}`,
      };
    }),
  };
}

/**
 * Whether counts read in order are a recording's counter: it starts within the first hour and
 * never goes back (else `[01:30:00]` is a clock time).
 */
function countsFromZero(counts: readonly { seconds: number }[]): boolean {
  return (
    (counts[0]?.seconds ?? Infinity) < 3600 &&
    counts.every((count, i) => i === 0 || count.seconds >= (counts[i - 1]?.seconds ?? 0))
  );
}

/** A block whose lines mostly start with `T+` offsets, each rewritten as a stamp; else null. */
function readOffsetBlock(block: Block, anchor: Anchor): Block | null {
  return restamped(
    block,
    block.lines.map((line) => offsetOf(line.text)),
    anchor,
  );
}

/** A transcript block counted from zero (`[00:00:10]`, `[00:04:30]` ...), rewritten; else null. */
function readCounterBlock(block: Block, anchor: Anchor): Block | null {
  const counters = block.lines.map((line): Mark | null => {
    const match = COUNTER_LINE.exec(line.text);
    if (!match) return null;
    const [, lead = '', h, m, s] = match;
    return {
      seconds: Number(h) * 3600 + Number(m) * 60 + Number(s),
      lead,
      length: match[0].length,
    };
  });
  if (!countsFromZero(counters.filter((counter) => counter !== null))) return null;
  return restamped(block, counters, anchor);
}

/**
 * A WebVTT or SRT cue's timing line (`00:06:12.500 --> 00:06:15.000`, `00:06:12,500 --> ...`):
 * the cue's start counted from the recording's start. Source: W3C WebVTT 4.1 (cue timings);
 * SRT writes a comma before the milliseconds and numbers each cue on the line above.
 */
const CUE_TIMING = /^\s*(?:(\d{1,2}):)?(\d{2}):(\d{2})[.,]\d{3}\s+-->\s+[\d:.,]+/;

/** A cue's text as a line: `<v Maya>Checkout errors ...</v>` becomes `Maya: Checkout errors ...`. */
function cueText(lines: readonly string[]): string {
  return lines
    .join(' ')
    .replace(/<v(?:\.[\w.-]+)?\s+([^>]+)>/g, '$1: ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Subtitle cues (WebVTT, SRT), one block each, as one line each stamped with the recording's
 * start plus the cue's start; null when the blocks hold no cues or their counter is not a
 * recording's (it must start within the first hour and never go back).
 */
function readCueBlocks(blocks: readonly Block[], anchor: Anchor): Block[] | null {
  const cues = blocks.map((block) => {
    const at = block.lines.findIndex((line) => CUE_TIMING.test(line.text));
    // An SRT cue's number may stand above its timing; nothing else may.
    if (at < 0 || at > 1 || (at === 1 && !/^\s*\d+\s*$/.test(block.lines[0]?.text ?? '')))
      return null;
    const [, h, m, sec] = CUE_TIMING.exec(block.lines[at]?.text ?? '') ?? [];
    return {
      at,
      seconds: Number(h ?? 0) * 3600 + Number(m) * 60 + Number(sec),
    };
  });
  const read = cues.filter((cue) => cue !== null);
  if (read.length < 2 || !countsFromZero(read)) return null;
  return blocks.map((block, index) => {
    const cue = cues[index];
    const timing = cue ? block.lines[cue.at] : undefined;
    if (!cue || !timing) return block;
    const text = cueText(block.lines.slice(cue.at + 1).map((line) => line.text));
    return { lines: [{ number: timing.number, text: `${stampAt(anchor, cue.seconds)} ${text}` }] };
  });
}

/** A line that says when a listing was taken: "Pasted at ...", "output as of ...", "captured ...". */
const CAPTURE =
  /\b(?:pasted|captured|taken|copied|collected|snapshot|ran|run|output|listed)\b[^\n]{0,40}?\b(?:at|on|as of)\b|\bas of\b/i;
/** `kubectl get events`'s header: the age of each row is in its first column. */
const AGE_HEADER = /^\s*(?:\S+\s{2,})*?(?:LAST SEEN|AGE|Age)(?:\s{2,}\S|\s*$)/;
/** Where the age column starts in its header (`kubectl describe`'s `Type  Reason  Age  From`). */
const AGE_CELL = /(?:^|\s{2,})(LAST SEEN|AGE|Age)(?=\s{2,}|\s*$)/;
/** A kubectl age (`42m`, `5m30s`, `2d3h`, `90s`) at the start of a row, then its columns. */
/**
 * A kubectl age (`42m`, `5m30s`, `2d3h`) in its column, and `describe`'s `(x5 over 10m)`: an
 * event seen five times, first 10 minutes ago, which is when it began.
 */
const AGE_AT = /^((?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?)(?:\s+\(x\d+ over ([\dhmsd]+)\))?(?=\s|$)/;

/** The seconds a kubectl age states, or null for anything else. */
function ageSeconds(age: string): number | null {
  const match = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(age);
  if (!match || age === '') return null;
  const [, d, h, m, sec] = match.map((part) => Number(part ?? 0));
  return (d ?? 0) * 86_400 + (h ?? 0) * 3600 + (m ?? 0) * 60 + (sec ?? 0);
}

/**
 * A `kubectl get events` listing (a header starting `LAST SEEN` or `AGE`, rows starting with an
 * age) with each row's age counted back from when it was taken; null when the block is none.
 * Its columns are kept, set apart by single spaces. Source: kubectl's `translateTimestampSince`
 * (ages written as `2d3h`, `5m30s`, `42m`).
 */
function readAgeBlock(block: Block, taken: Anchor): Block | null {
  const header = block.lines.findIndex((line) => AGE_HEADER.test(line.text));
  const cell = AGE_CELL.exec(block.lines[header]?.text ?? '');
  if (header < 0 || !cell?.[1]) return null;
  const column = cell.index + cell[0].length - cell[1].length;
  const lines = block.lines.map((line, index) => {
    if (index <= header) return line;
    const match = AGE_AT.exec(line.text.slice(column));
    const seconds = match ? ageSeconds(match[2] ?? match[1] ?? '') : null;
    if (!match || seconds === null || !/^\s*$|\s$/.test(line.text.slice(0, column))) return line;
    const rest = `${line.text.slice(0, column)} ${line.text.slice(column + match[0].length)}`
      .replace(/^\s*-{2,}.*$/, '')
      .replace(/\s{2,}/g, ' ')
      .trim();
    return { number: line.number, text: `${stampAt(taken, -seconds)} ${rest}` };
  });
  if (!lines.some((line, index) => line !== block.lines[index])) return null;
  // The column names and their rule are the listing's, not events.
  const rule = /^\s*-{2,}(?:\s+-{2,})*\s*$/;
  return { lines: lines.filter((line, index) => index !== header && !rule.test(line.text)) };
}

/** When a listing of ages was taken, or null when no line says. */
function findCapture(blocks: readonly Block[]): Anchor | null {
  for (const block of blocks)
    for (const line of block.lines) {
      if (!CAPTURE.test(line.text)) continue;
      const taken = stampOnLine(line.text);
      if (taken) return taken;
    }
  return null;
}

/**
 * The blocks with offset stamps (`T+12m`, `+00:12`, a transcript's `[00:12:34]`, a `kubectl get
 * events` age counted back from when the listing was taken) rewritten as the date and time they
 * count to from the start the blocks state (see the module comment),
 * keeping line numbers; the blocks as they were when no start is stated. The start is looked for
 * in `anchorBlocks` (the whole file: it is often written above the section that counts). Pure.
 */
export function readOffsetStamps(
  written: readonly Block[],
  anchorBlocks: readonly Block[],
  /** The front matter's start as a line (`2026-01-20 16:40`), when the text states none. */
  statedStart: string | null = null,
  /** The day the file states (front matter `date`), for an anchor written with a time only. */
  statedDay: CalendarDate | null = null,
): Block[] {
  const listed = written.some((block) => block.lines.some((line) => AGE_HEADER.test(line.text)))
    ? findCapture(anchorBlocks)
    : null;
  const blocks = listed ? written.map((block) => readAgeBlock(block, listed) ?? block) : written;
  const offsetLike = /^\s*(?:[-*+•]\s+|\|\s*)?[[(]?(?:T\s*)?\+|^\s*[[(]?\d{1,2}:\d{2}:\d{2}/i;
  if (!blocks.some((block) => block.lines.some((line) => offsetLike.test(line.text))))
    return [...blocks];
  const anchor =
    findAnchor(anchorBlocks, ANCHOR, statedDay) ?? (statedStart ? stampOnLine(statedStart) : null);
  if (!anchor) return [...blocks];
  const recording = findAnchor(anchorBlocks, RECORDING_ANCHOR);
  const cues = recording ? readCueBlocks(blocks, recording) : null;
  if (cues) return cues;
  return blocks.map(
    (block) =>
      readOffsetBlock(block, anchor) ??
      (recording ? readCounterBlock(block, recording) : null) ??
      block,
  );
}
