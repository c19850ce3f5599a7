/**
 * Turns the blocks of a timeline section into entries: one per timestamped line, plus untimed
 * lines kept in order, table rows, chat messages and day separators. Times are not resolved to
 * instants here (see resolve-instants.ts).
 */
import { AMOUNT_SOURCE, stepSeconds } from './number-words.js';
import { withoutQuoteMarks } from './quote-marks.js';
import { DateTime } from 'luxon';
import { error, type Diagnostic } from '../diagnostics.js';
import type { Block, SourceLine } from './document.js';
import { spokenTimes } from './spoken-times.js';
import { journalLabelsRepeat, withoutJournalLabel } from './journal-labels.js';
import {
  isStampProblem,
  readStamp,
  weekdayNumber,
  type CalendarDate,
  type Stamp,
  type StampProblem,
} from './time.js';
import { resolveZone, ZONE_TOKEN_SOURCE } from './zone.js';
import {
  ACTOR_HEADER,
  alignedColumnsAsTabs,
  messageColumnOf,
  namedColumn,
  SOURCE_HEADER,
  STATE_HEADER,
} from './table-columns.js';

export interface TimelineEntry {
  line: number;
  column: number;
  /** Null for an untimed line. A stamp with a date and no time is also untimed. */
  stamp: Stamp | null;
  timeLabel: string | null;
  source: string | null;
  actor: string | null;
  text: string;
  /** Zone stated by the enclosing table's header (`Time (PST)`). */
  blockZone: string | null;
  /** A structured state: `[FIRING]`/`[RESOLVED]`, a CSV `Type` column, a status page's status word. */
  state?: string | null;
  /** The line moves the day without naming a date (`Next day:`, `**Wednesday**`, `Day 2`). */
  dayShift?: DayShift;
  /**
   * A note written after the incident ("Retro notes: ..."): its stamp is when it was written,
   * so it is shown but is no milestone; its stated times are read as the notes' are.
   */
  afterwards?: boolean;
}

/**
 * A day named relative to the timeline's: the day after the current one, the `dayIndex`-th day
 * of the incident (day 1 is the incident's date), or the next day on that ISO weekday (1 =
 * Monday; the current day when it is that weekday).
 */
export type DayShift = { days: number } | { dayIndex: number } | { weekday: number };

const ORDINAL_DAYS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
};

/**
 * The day a line alone moves the timeline to, when it names no date: `Next day`, `(the
 * following morning)`, `**Wednesday**`, `Day 2`, `Second day:`, a weekday in another language
 * time.ts reads (`Mittwoch`). Null for anything more than that on the line: a sentence that
 * mentions the next day is an event, not a separator.
 */
export function readDayShift(text: string): DayShift | null {
  const bare = text
    .replace(/^[\s\-=*#_>[(─━—–]+|[\s\-=*#_:.)\]─━—–]+$/g, '')
    .trim()
    .toLowerCase();
  if (/^(?:the\s+)?(?:next|following)\s+(?:day|morning|evening)$/.test(bare)) return { days: 1 };
  const index =
    /^(?:day\s+(\d{1,2}|one|two|three|four|five)|(first|second|third|fourth|fifth)\s+day)$/.exec(
      bare,
    );
  if (index) {
    const written = index[1] ?? index[2] ?? '';
    const n = ORDINAL_DAYS[written] ?? Number(written);
    return n >= 1 && n <= 31 ? { dayIndex: n } : null;
  }
  const weekday = /^\p{L}+(?:-\p{L}+)?$/u.test(bare) ? weekdayNumber(bare) : null;
  return weekday ? { weekday } : null;
}

export type TimelineItem =
  { type: 'entry'; entry: TimelineEntry } | { type: 'day'; line: number; date: CalendarDate };

/** The hint for a clock time that cannot be, in a line or a table's time column. */
const CLOCK_HINT = 'use a 24-hour HH:MM time from 00:00 to 23:59, or 1:00-12:59 with AM/PM';

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const DAY_SEPARATOR = /^[\s\-=*#_.]*(?:day changed(?: to)?|date:?|---)?\s*/i;
/** A chat log's session line: irssi's `--- Log opened Tue Mar 22 21:00:00 2016`, weechat's `Log closed`. */
const LOG_SESSION = /^[\s\-=*#_.!]*log (?:opened|closed|started|ended)\s+/i;
/** A rule or divider around a day: `──── Tuesday, March 22nd ────`, `-- Mon, 22 Mar 2016 --`. */
const DIVIDER_TAIL = /^[\s\-=*#_.)─━—–]*$/;

/**
 * The day a separator line names, or null when the line is not one: `Day changed to 23 Mar
 * 2016`, `--- Wed Mar 23 2016`, `Date: 2016-03-23`, a Slack or Discord divider around a date,
 * and a chat log's session line (`--- Log opened Tue Mar 22 21:00:00 2016`, whose clock is when
 * logging began, not an event). The day applies to the lines after the separator only.
 */
export function readDaySeparator(text: string): CalendarDate | null {
  const session = LOG_SESSION.exec(text);
  const stripped = (
    session ? text.slice(session[0].length) : text.replace(DAY_SEPARATOR, '')
  ).replace(/^[─━—–\s]+/, '');
  const stamp = readStamp(stripped);
  if (!stamp || isStampProblem(stamp) || !stamp.date) return null;
  if (session) {
    // ctime puts the year last: `Tue Mar 22 21:00:00 2016`.
    const year = /^\s*(\d{4})\b/.exec(stamp.rest);
    const date = year ? { ...stamp.date, year: Number(year[1]) } : stamp.date;
    return year || DIVIDER_TAIL.test(stamp.rest) ? date : null;
  }
  return !stamp.time && DIVIDER_TAIL.test(stamp.rest) ? stamp.date : null;
}

/** A person's name alone after a bracketed time: 2-4 capitalised words ("Priya Natarajan"). */
const CHAT_AUTHOR = /^\p{Lu}[\p{L}'.-]+(?:,? \p{Lu}[\p{L}'.-]*){1,3}(?: \([^)]{1,30}\))?$/u;
const CHAT_STAMP = /^\s*(?:\[[^\]]*\d:\d\d[^\]]*\]|\d{1,2}:\d{2}(?::\d{2})?\s+<[^>]+>)/;
const NOT_ACTORS =
  /^(notes?|error|errors|critical|warning|warn|alert|alarm|info|update|status|identified|resolved|root cause|impact|fix|action|problem|recovery|ok|todo)$/i;

/**
 * Who speaks, at the head of a chat message: Zoom's saved chat `From  Priya Nair  to  Everyone:`
 * (or `to  Marcus Feld(Direct Message):`), or a person's name and a colon (`Priya Nair:`).
 * `text` is what follows the colon, '' when the message is on the lines below.
 */
const ZOOM_SPEAKER =
  /^\s*From\s+(\S.{0,60}?)\s+to\s+(?:\S.{0,60}?)\s*(?:\([^)]{0,40}\))?\s*:(?:\s+|$)/i;
const NAMED_SPEAKER = /^\s*(\p{Lu}[\p{L}'.-]*(?: \p{Lu}[\p{L}'.-]*){1,2}):(?:\s+|$)/u;

export function readSpeaker(text: string, chat: boolean): { actor: string; text: string } | null {
  const zoom = ZOOM_SPEAKER.exec(text);
  if (zoom) return { actor: zoom[1]?.trim() ?? '', text: text.slice(zoom[0].length).trim() };
  const named = chat ? NAMED_SPEAKER.exec(text) : null;
  if (named && !NOT_ACTORS.test(named[1] ?? '') && !STATUS_PREFIX_WORD.test(named[1] ?? ''))
    return { actor: named[1] ?? '', text: text.slice(named[0].length).trim() };
  return null;
}

const STATE_WORDS =
  'FIRING|RESOLVED|OK|ALARM|ALERT|CRITICAL|WARNING|RECOVERED|TRIGGERED|ACKNOWLEDGED|INSUFFICIENT_DATA';
const STATE_TAG = new RegExp(
  `^\\[(${STATE_WORDS})(?::\\d+)?\\]|^(${STATE_WORDS}|Triggered|Resolved|Recovered|Acknowledged):\\s`,
  'i',
);

/** A monitor's state column (`ALARM  HighLatency`, `OK  Http5xx`): capitals only, "ok, looking" is no state. */
const STATE_COLUMN = new RegExp(`^(${STATE_WORDS})(?=\\s)(?!\\s*:)`);

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/**
 * A block is a timeline if a line starts with a time (even an impossible one, reported later),
 * carries a labelled time (`StartsAt: ...`, `Posted ... - 10:05 UTC`), ends an author line
 * with one (`Anna added a comment - 14/Mar/24 09:05 AM`), or the block is CSV with a time column.
 */
export function hasTimedLine(block: Block): boolean {
  if (csvHeader(block.lines) || captionedCsv(block.lines)) return true;
  return block.lines.some((line) => {
    if (isStampProblem(readStamp(line.text))) return true;
    if (TABLE_ROW.test(line.text)) return cells(line.text).some((cell) => stampOf(cell)?.time);
    return Boolean(stampOf(line.text)?.time) || readLabelledStamp(line.text) !== null;
  });
}

/** Status words a status page prints above or before an update (Statuspage's incident states). */
export const STATUS_WORDS =
  'Investigating|Identified|Monitoring|Update|Updated|Resolved|Postmortem|Scheduled|In progress|Verifying|Completed|調査中|特定済み|監視中|解決済み|復旧済み|Untersuchung|Identifiziert|Überwachung|Behoben|Enquête en cours|Identifié|Surveillance|Résolu|Investigando|Identificado|Monitoreando|Resuelto';
const STATUS_LINE = new RegExp(`^\\s*(?:\\*\\*)?(${STATUS_WORDS})(?:\\*\\*)?\\s*:?\\s*$`, 'iu');
const STATUS_PREFIX_WORD = new RegExp(`^(?:${STATUS_WORDS})$`, 'iu');
const STATUS_PREFIX = new RegExp(`^(${STATUS_WORDS})\\s+[-–—:]\\s+`, 'iu');

/** Labels that put a time on its own line under a message; start/end labels make their own entry. */
const TIME_LABEL =
  /^\s*(?:[-*]\s+)?(?:(startsat|endsat|starts at|ends at|started|ended|opened|closed|created(?: at)?|resolved at|fired at)|posted\b(?:[^.\n]*?\bago\b\.?)?|date|time|sent|updated|timestamp)\s*:?\s+/i;

/** `StartsAt: 2026-02-03 09:12:04 +0000 UTC`, `Posted 2 hours ago. Feb 03, 2026 - 10:05 UTC`. */
export function readLabelledStamp(text: string): { label: string | null; stamp: Stamp } | null {
  const label = TIME_LABEL.exec(text);
  if (!label) return null;
  const stamp = stampOf(text.slice(label[0].length));
  // A zone name after a numeric offset (`+0000 UTC`) says the same thing twice.
  const rest = stamp?.rest.replace(/[()]/g, '').trim() ?? '';
  if (!stamp?.time || (rest !== '' && !/^[A-Z]{2,5}$/.test(rest))) return null;
  return { label: label[1]?.toLowerCase().replace(/\s+/g, '') ?? null, stamp };
}

/** A CSV whose header row is the block's second line, under an untimed caption; null otherwise. */
function captionedCsv(
  lines: readonly SourceLine[],
): { delimiter: string; header: string[] } | null {
  const caption = lines[0]?.text ?? '';
  if (lines.length < 3 || stampOf(caption)?.time) return null;
  return csvHeader(lines.slice(1));
}

/**
 * CSV (or TSV, or `;`-separated) with a header row (no times in it) over rows with a time column.
 * The time column is found by its name (`Time`, `Timestamp`, `Zeit`, ...) or, in a language or
 * wording the names do not cover (`Datum;Uhrzeit (MEZ);Quelle;Ereignis`), by its values.
 */
function csvHeader(lines: readonly SourceLine[]): { delimiter: string; header: string[] } | null {
  const first = lines[0]?.text ?? '';
  if (lines.length < 2 || TABLE_ROW.test(first)) return null;
  // A table copied without its outer pipes (`Time | Event | User`) is read like a CSV with `|`.
  for (const delimiter of ['\t', ',', ';', '|']) {
    const header = splitCsv(first, delimiter);
    if (header.length < 2) continue;
    if (header.some((cell) => stampOf(cell)?.time)) continue;
    const rows = lines.slice(1, 9).map((line) => splitCsv(line.text, delimiter));
    if ((rows[0]?.length ?? 0) < header.length - 1) continue;
    // What the rows hold wins over what the header says (`Date,Local time (AEST),...` names a
    // `Date` column, but the clock is in the next one), when it is plainly a table: every row
    // has the header's cells.
    const regular = rows.length >= 2 && rows.every((values) => values.length === header.length);
    const named = regular ? headerNamedByValues(header, rows) : null;
    if (named) return { delimiter, header: named };
    if (header.some((cell) => TIME_COLUMN.test(cell))) return { delimiter, header };
  }
  return null;
}

/**
 * The header with its time columns named as csvEntries knows them, from what the rows hold: the
 * first column whose values read as times in most rows is `Time`; when those are clock times
 * only, a column whose values are dates is `Date`. A zone written in the header cell
 * (`Uhrzeit (MEZ)`) is kept. Null when no column holds times.
 */
function headerNamedByValues(
  header: readonly string[],
  rows: readonly string[][],
): string[] | null {
  const most = (column: number, test: (stamp: Stamp) => boolean): boolean => {
    const read = rows.filter((values) => {
      const stamp = readStamp(values[column] ?? '');
      // The cell is the time and nothing else (a zone at most), not a line that starts with one.
      return stamp !== null && !isStampProblem(stamp) && !stamp.rest.trim() && test(stamp);
    });
    return read.length > 0 && read.length * 2 > rows.length;
  };
  const timeColumn = header.findIndex((_, i) => most(i, (stamp) => stamp.time !== null));
  if (timeColumn < 0) return null;
  const zone = (cell: string | undefined) => cell?.match(/\([^)]+\)/)?.[0] ?? '';
  const named = [...header];
  const clockOnly = most(timeColumn, (stamp) => stamp.date === null);
  const dateColumn = clockOnly
    ? header.findIndex((_, i) => i !== timeColumn && most(i, (s) => s.date !== null && !s.time))
    : -1;
  named[timeColumn] = `Time ${zone(header[timeColumn])}`.trim();
  if (dateColumn >= 0) named[dateColumn] = `Date ${zone(header[dateColumn])}`.trim();
  return named;
}

/**
 * The zone a column header names in brackets: `Time (UTC)`. When it names the zone twice
 * (`Time (IST, UTC+05:30)`, `Time (IST UTC+05:30)`), the spelling that resolves wins, an offset first: an abbreviation
 * like IST is ambiguous (India, Ireland, Israel), an offset is not.
 */
function zoneInHeader(cell: string | undefined): string | null {
  const inside = cell?.match(/\(([^)]+)\)/)?.[1]?.trim();
  if (!inside) return null;
  const parts = inside.split(/\s*[,;/]\s*|\s+or\s+/).filter(Boolean);
  // `(IST UTC+05:30)` names it twice with only a space between.
  const words = inside.split(/[\s,;/]+/).filter(Boolean);
  if (words.length < 2) return inside;
  const offsets = words.filter((word) => /[+-]\d/.test(word));
  return (
    [...offsets, inside, ...parts, ...words].find((part) => resolveZone(part) !== null) ?? inside
  );
}

/** A column that names each row's zone: by its name, or by cells that are all zones. */
const ZONE_COLUMN =
  /^(?:zone|tz|time ?zone|zeitzone|fuseau(?: horaire)?|huso(?: horario)?|fuso(?: orario)?)$/i;
const ZONE_CELL = new RegExp(`^(?:${ZONE_TOKEN_SOURCE})$`);

/**
 * The column of a table or CSV that holds each row's zone (`| 17.02.2026 | 14:05 | CET | ...`),
 * found by its header (`Zone`, `TZ`) or by its cells, every one a zone; -1 when there is none.
 * A person reads the time in the zone written beside it.
 */
function zoneColumnOf(header: readonly string[] | null, rows: readonly string[][]): number {
  const named = header ? header.findIndex((cell) => ZONE_COLUMN.test(cell.trim())) : -1;
  if (named >= 0) return named;
  const width = Math.max(0, ...rows.map((values) => values.length));
  for (let column = 0; column < width; column++) {
    const values = rows.map((row) => (row[column] ?? '').trim()).filter(Boolean);
    if (
      values.length > 0 &&
      values.length * 2 > rows.length &&
      values.every((value) => ZONE_CELL.test(value) && resolveZone(value) !== null)
    )
      return column;
  }
  return -1;
}

const TIME_COLUMN =
  /^(?:time|timestamp|date|when|created(?:[ _]at|[ _]on)?|occurred(?:[ _]at)?|started(?:[ _]at)?|at|datetime|date\/time|zeit|fecha|heure)(?:\s*\([^)]*\))?$/i;

/** A column holding only the clock time, when the date has a column of its own. */
const CLOCK_COLUMN = /^(?:time|clock|uhrzeit|hora|heure)(?:\s*\([^)]*\))?$/i;
const DATE_COLUMN = /^(?:date|day|datum|fecha)(?:\s*\([^)]*\))?$/i;

function splitCsv(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      out.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

function csvEntries(
  file: string,
  lines: readonly SourceLine[],
  csv: { delimiter: string; header: string[] },
  diagnostics: Diagnostic[],
): TimelineItem[] {
  const { header, delimiter } = csv;
  const find = (re: RegExp): number => header.findIndex((cell) => re.test(cell));
  // A separate Date column (`Date,Time (IST),Event`) is read together with the Time column.
  const clockColumn = find(CLOCK_COLUMN);
  const dateColumn = header.findIndex((cell, i) => i !== clockColumn && DATE_COLUMN.test(cell));
  const timeColumn = clockColumn >= 0 ? clockColumn : find(TIME_COLUMN);
  const separateDate = clockColumn >= 0 && dateColumn >= 0;
  const rows = lines.slice(1).map((line) => splitCsv(line.text, delimiter));
  // A state column holds a few words (`Triggered`, `resolve_log_entry`); an "Event" column of
  // sentences is the message itself.
  const short = (column: number): boolean =>
    rows.every((values) => (values[column] ?? '').split(/\s+/).length <= 3);
  // `Event` or `Action` is a state column only beside a column of sentences (see textColumn).
  const stateNamed = find(STATE_HEADER);
  const stateFound = stateNamed >= 0 ? stateNamed : find(/^(?:event|action)$/i);
  const stateColumn = stateFound >= 0 && short(stateFound) ? stateFound : -1;
  const zone =
    zoneInHeader(header[timeColumn]) ?? (separateDate ? zoneInHeader(header[dateColumn]) : null);
  const zoneColumn = zoneColumnOf(header, rows);
  const taken = new Set(
    [timeColumn, separateDate ? dateColumn : -1, stateColumn, zoneColumn].filter((i) => i >= 0),
  );
  const actorColumn = namedColumn(header, ACTOR_HEADER, taken);
  if (actorColumn >= 0) taken.add(actorColumn);
  const sourceColumn = namedColumn(header, SOURCE_HEADER, taken);
  if (sourceColumn >= 0 && short(sourceColumn)) taken.add(sourceColumn);
  // The message is one column; the columns no role names (a ticket number, tags) are not text.
  const textColumn = messageColumnOf(header, rows, taken);
  const messageColumn = textColumn >= 0 ? textColumn : stateColumn;
  const items: TimelineItem[] = [];
  for (const line of lines.slice(1)) {
    const values = splitCsv(line.text, delimiter);
    const read = readStamp(
      separateDate
        ? `${values[dateColumn] ?? ''} ${values[timeColumn] ?? ''}`.trim()
        : (values[timeColumn] ?? ''),
    );
    const rowZone = zoneColumn >= 0 ? values[zoneColumn]?.trim() || null : null;
    const stamp = read && !isStampProblem(read) ? { ...read, zone: read.zone ?? rowZone } : read;
    if (isStampProblem(stamp) || !stamp?.time) {
      if (isStampProblem(stamp))
        diagnostics.push(
          error(
            'time/impossible',
            file,
            { line: line.number },
            stamp.problem,
            'check the time column',
          ),
        );
      continue;
    }
    const text = messageColumn >= 0 ? (values[messageColumn] ?? '') : '';
    const parts = splitSourceAndActor(text, false);
    items.push({
      type: 'entry',
      entry: {
        line: line.number,
        column: 1,
        stamp: { ...stamp, rest: text },
        timeLabel: null,
        source: (taken.has(sourceColumn) ? values[sourceColumn] : null) || parts.source,
        actor: actorColumn >= 0 ? values[actorColumn] || null : parts.actor,
        text: parts.text,
        blockZone: zone,
        state: (stateColumn >= 0 ? values[stateColumn] : null) || parts.state,
      },
    });
  }
  return items;
}

/** `2025-03-03` (or `03-03` when the year is not written). */
function dayLabel(date: CalendarDate): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.year !== null ? `${date.year}-` : ''}${pad(date.month)}-${pad(date.day)}`;
}

function stampOf(text: string): Stamp | null {
  const stamp = readStamp(text);
  return stamp && !isStampProblem(stamp) ? stamp : null;
}

/**
 * What a time label is made of: a number (`T+5`, `~2h later`, `Day 2`), or words for a time of
 * day, a day or an order in time. "ok - proposal is ..." opens with a word, not a time.
 */
const TIME_LABEL_WORD = new RegExp(
  String.raw`^(?:[\p{L}'.~+-]*\d|(?:early|earlier|late|later|overnight|morning|afternoon|evening|night|noon|midnight|dawn|today|yesterday|tomorrow|next|following|previous|prior|before|after|then|meanwhile|week(?:end)?|day|days|hours?|mins?|minutes?|approx\.?|around|about|ca\.?|mon|tue|wed|thu|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?![\p{L}]))`,
  'iu',
);

function looksLikeTimeLabel(label: string): boolean {
  return label.split(/[\s/-]+/).every((word) => word === '' || TIME_LABEL_WORD.test(word));
}

/** Splits `early - text`, `(overnight)   text`, `Thu-Fri    text` into a label and the text. */
function splitLabel(text: string): { label: string | null; text: string } {
  const paren = /^\(([^)]{1,80})\)\s*(.*)$/.exec(text);
  if (paren?.[2]) return { label: paren[1] ?? null, text: paren[2] };
  const gap = /^(\S.{0,30}?)(?:\s{2,}|\s+[-–—]\s+)(\S.*)$/.exec(text);
  const label = gap?.[1] ?? '';
  if (gap && label.split(/\s+/).length <= 4 && looksLikeTimeLabel(label))
    return { label, text: gap[2] ?? '' };
  return { label: null, text };
}

const SYSTEM_MARKER = /^(?:-!-|\*{3}|-->|<--|--)\s+/;
const CHECKBOX = /^(?:[-*+•]\s*)?\[([ xX✓✔]?)\]\s+/;
/** The state of a line that is a follow-up (a task-list item), open or done. */
export const ACTION_ITEM = 'action item';
export const ACTION_ITEM_DONE = 'action item (done)';

/** Pulls `[PagerDuty]`, `(graphs)`, `<nick>`, `nick:` and `@mention` off the front of a message. */
export function splitSourceAndActor(
  message: string,
  chat: boolean,
): { source: string | null; actor: string | null; text: string; state: string | null } {
  // `-!-` (irssi), `***` (mIRC, XChat), `--` / `-->` (weechat): the client's marker for a
  // system line, not part of what was said.
  let text = message.trim().replace(SYSTEM_MARKER, '');
  let source: string | null = null;
  let actor: string | null = null;
  // `[FIRING:1]`, `[RESOLVED]`, `[OK]`, `Triggered:` are an alert's state, not a source tag.
  const stateTag = STATE_TAG.exec(text);
  let state = stateTag ? (stateTag[1] ?? stateTag[2] ?? null) : null;
  const bracket =
    /^\[([^\]]{1,40})\]\s*(.*)$/.exec(text) ?? /^\(([a-z][\w -]{0,20})\)\s+(.*)$/i.exec(text);
  if (bracket && !stateTag) {
    source = bracket[1]?.trim() ?? null;
    text = bracket[2] ?? '';
  }
  if (!state) {
    const after = STATE_TAG.exec(text) ?? STATE_COLUMN.exec(text);
    state = after ? (after[1] ?? after[2] ?? null) : null;
  }
  // `<nick>`, or a full name written there by stamp-layout.ts (`<Alex Kim>`).
  const irc =
    /^<([^>\s]{1,32})>\s*(.*)$/.exec(text) ??
    /^<(\p{Lu}[\p{L}'.-]*(?: [\p{L}][\p{L}'.-]*){1,3})>\s*(.*)$/u.exec(text);
  const speaker = irc ? null : readSpeaker(text, chat);
  if (irc) {
    actor = irc[1] ?? null;
    text = irc[2] ?? '';
  } else if (speaker) {
    actor = speaker.actor;
    text = speaker.text;
  } else if (chat) {
    const nick = /^([\w.@|-]{1,32}):\s+(.*)$/.exec(text);
    if (nick && !NOT_ACTORS.test(nick[1] ?? '')) {
      actor = nick[1] ?? null;
      text = nick[2] ?? '';
    }
  }
  const mention = /^@([\w.-]{1,32}):?\s/.exec(text);
  if (!actor && mention) actor = mention[1] ?? null;
  // `- [ ] alert when ...` in a chat message is a follow-up the team wrote down, not an event.
  const checkbox = CHECKBOX.exec(text);
  if (checkbox) {
    text = text.slice(checkbox[0].length);
    state = /x/i.test(checkbox[1] ?? '') ? ACTION_ITEM_DONE : ACTION_ITEM;
  }
  return { source, actor, text: text.replace(/\s{2,}/g, ' ').trim(), state };
}

function tableEntries(
  file: string,
  lines: SourceLine[],
  diagnostics: Diagnostic[],
): TimelineItem[] {
  const rows = lines.filter((line) => !TABLE_RULE.test(line.text));
  const written =
    rows[0] && lines[1] && TABLE_RULE.test(lines[1].text) ? cells(rows[0].text) : null;
  const body = written ? rows.slice(1) : rows;
  const bodyCells = body.map((row) => cells(row.text));
  const byName = (cell: string): boolean => /\b(time|when|timestamp)\b/i.test(cell);
  // Columns named in a language or wording the names do not cover (`Datum | Zeit`) are found
  // by what their cells hold, as in CSV.
  const header =
    written && !written.some(byName)
      ? (headerNamedByValues(written, bodyCells) ?? written)
      : written;
  let timeColumn = header ? header.findIndex(byName) : -1;
  // A separate Date column is read together with the Time column.
  const dateColumn = header
    ? header.findIndex((cell, i) => i !== timeColumn && /\b(date|day)\b/i.test(cell))
    : -1;
  if (timeColumn === -1) timeColumn = dateColumn === -1 ? 0 : dateColumn;
  const separateDate = dateColumn !== -1 && dateColumn !== timeColumn;
  const headerZone = zoneInHeader(header?.[timeColumn]);
  const sourceColumn = header
    ? header.findIndex(
        (cell, i) =>
          i !== timeColumn && /source|area|service|system|component|tool|channel/i.test(cell),
      )
    : -1;
  const actorColumn = header
    ? header.findIndex(
        (cell, i) => i !== timeColumn && /\b(who|actor|owner|by|author|person)\b/i.test(cell),
      )
    : -1;
  const zoneColumn = zoneColumnOf(header, bodyCells);
  // Under a header the message is one column (a ticket number or a state beside it is not
  // text); without one every cell left is part of it.
  const taken = new Set(
    [timeColumn, separateDate ? dateColumn : -1, sourceColumn, actorColumn, zoneColumn].filter(
      (i) => i >= 0,
    ),
  );
  const stateColumn = header ? namedColumn(header, STATE_HEADER, taken) : -1;
  if (stateColumn >= 0) taken.add(stateColumn);
  const messageColumn = header ? messageColumnOf(header, bodyCells, taken) : -1;
  const items: TimelineItem[] = [];
  for (const row of body) {
    const values = cells(row.text);
    const timeCell = separateDate
      ? `${values[dateColumn] ?? ''} ${values[timeColumn] ?? ''}`.trim()
      : (values[timeColumn] ?? '');
    const stamp = readStamp(timeCell);
    if (isStampProblem(stamp)) {
      diagnostics.push(
        error(
          'time/impossible',
          file,
          { line: row.number, column: row.text.indexOf(timeCell) + 1 },
          stamp.problem,
          CLOCK_HINT,
        ),
      );
      continue;
    }
    const text =
      messageColumn >= 0
        ? (values[messageColumn] ?? '')
        : values.filter((_, i) => !taken.has(i)).join(' — ');
    const rowZone = zoneColumn >= 0 ? values[zoneColumn]?.trim() || null : null;
    const timed = stamp?.time ? { ...stamp, zone: stamp.zone ?? rowZone } : null;
    items.push({
      type: 'entry',
      entry: {
        line: row.number,
        column: 1,
        stamp: timed ? { ...timed, rest: text } : stamp?.date ? { ...stamp, rest: text } : null,
        timeLabel: timed ? null : timeCell || null,
        source: sourceColumn >= 0 ? values[sourceColumn] || null : null,
        actor: actorColumn >= 0 ? values[actorColumn] || null : null,
        text,
        blockZone: headerZone,
        ...(stateColumn >= 0 && values[stateColumn] ? { state: values[stateColumn] } : {}),
      },
    });
  }
  return items;
}

/**
 * A chat paste: at least two timed lines open with a speaker (`From X to Everyone:`, `Priya Nair:`)
 * and some speaker speaks twice, so a leading name and colon is who spoke, not a label.
 */
function speakersRepeat(lines: readonly SourceLine[]): boolean {
  const seen = new Set<string>();
  let repeated = false;
  let count = 0;
  for (const line of lines) {
    const stamp = readStamp(line.text);
    if (!stamp || isStampProblem(stamp) || !stamp.time) continue;
    const speaker = readSpeaker(stamp.rest, true);
    if (!speaker) continue;
    count++;
    if (seen.has(speaker.actor)) repeated = true;
    seen.add(speaker.actor);
  }
  return count >= 2 && repeated;
}

/**
 * What reading a block of timeline lines carries from one line to the next. `last` is the entry
 * a later line may still add to (its message below a header, its time below an update); a day
 * separator or an impossible time clears it.
 */
interface LineBlockReading {
  readonly file: string;
  readonly block: Block;
  /** The block is a chat log, so a leading name and colon is who spoke (see isChatLog). */
  readonly chat: boolean;
  /** Timed lines open with a journal's labels (`Action:`, `Note:`): see journal-labels.ts. */
  readonly journal: boolean;
  readonly items: TimelineItem[];
  readonly diagnostics: Diagnostic[];
  last: TimelineEntry | null;
  /** `last` is a header whose message is on the lines below (a chat header, an author line). */
  awaitingMessage: boolean;
  /** A status word alone on a line ("Resolved") names the state of the update below it. */
  pendingState: string | null;
  /** The block's line before the one being read, as written; null on the first. */
  previous: string | null;
}

/** Alert mail labels whose time is an alert's start or end, an entry of its own. */
const ALERT_EDGE_LABEL =
  /^(?:starts?at|ends?at|started|ended|opened|closed|created(?:at)?|resolvedat|firedat)$/;
const ALERT_END_LABEL = /^(?:endsat|ended|closed|resolvedat)$/;

/**
 * A chat log: at least two lines open with a chat client's stamp (`[09:12]`, `09:12 <nick>`), or
 * speakers repeat (see speakersRepeat). In a chat log a leading `Name:` is who spoke.
 */
function isChatLog(lines: readonly SourceLine[]): boolean {
  return lines.filter((line) => CHAT_STAMP.test(line.text)).length >= 2 || speakersRepeat(lines);
}

/** Adds `entry`, with the state a status word alone above it named, and makes it `last`. */
function pushEntry(reading: LineBlockReading, entry: TimelineEntry): void {
  if (reading.pendingState && !entry.state) entry.state = reading.pendingState;
  reading.pendingState = null;
  reading.items.push({ type: 'entry', entry });
  reading.last = entry;
}

/**
 * Adds a header that carries only a time and who wrote (a chat header, a comment's author line,
 * a time alone): its message is on the lines below, which continueMessage joins to it.
 */
function openHeader(
  reading: LineBlockReading,
  line: number,
  stamp: Stamp,
  actor: string | null,
): void {
  pushEntry(reading, {
    line,
    column: 1,
    stamp,
    timeLabel: null,
    source: null,
    actor,
    text: '',
    blockZone: null,
    state: null,
  });
  reading.awaitingMessage = true;
}

/**
 * `time/impossible` for a line whose time cannot be (`25:10`, `13:20 AM`): the line is skipped and
 * nothing below it joins the entry above, so no message lands on the wrong time.
 */
function reportImpossibleTime(
  reading: LineBlockReading,
  line: SourceLine,
  problem: StampProblem,
): void {
  reading.diagnostics.push(
    error(
      'time/impossible',
      reading.file,
      { line: line.number, column: problem.column },
      problem.problem,
      CLOCK_HINT,
    ),
  );
  reading.last = null;
}

/**
 * A line that is only a time, or a label and a time (`StartsAt: ...`, `Posted ... - 10:05 UTC`):
 * an alert's start or end (an entry of its own), the time of the untimed update above it (status
 * pages print the update first), or else a header whose message is on the lines below (Slack's
 * follow-up message). `label` is the label lower-cased without spaces, null for a bare time.
 */
function readTimeAlone(
  reading: LineBlockReading,
  line: SourceLine,
  time: Stamp,
  label: string | null,
): void {
  if (label !== null && ALERT_EDGE_LABEL.test(label)) {
    pushAlertEdge(reading, line, time, label);
    return;
  }
  const last = reading.last;
  if (last && !last.stamp?.time && last.text) {
    if (last.timeLabel) last.text = `${last.timeLabel}: ${last.text}`;
    last.stamp = { ...time, rest: last.text };
    last.timeLabel = null;
    return;
  }
  openHeader(reading, line.number, time, last?.actor ?? null);
}

/**
 * Alert mails: `StartsAt:` / `EndsAt:` under the alert's header line. The entry is named by the
 * header and the label (`[FIRING:1] HighErrorRate (startsat)`), FIRING at a start and RESOLVED at
 * an end, so the analyzer sees when the alert fired and cleared.
 */
function pushAlertEdge(
  reading: LineBlockReading,
  line: SourceLine,
  time: Stamp,
  label: string,
): void {
  const head = reading.block.lines[0]?.text.trim() ?? '';
  const text = head && head !== line.text.trim() ? `${head} (${label})` : line.text.trim();
  const entry: TimelineEntry = {
    line: line.number,
    column: 1,
    stamp: { ...time, rest: text },
    timeLabel: null,
    ...splitSourceAndActor(text, false),
    blockZone: null,
  };
  entry.state = ALERT_END_LABEL.test(label) ? 'RESOLVED' : (entry.state ?? 'FIRING');
  pushEntry(reading, entry);
  reading.awaitingMessage = false;
}

/**
 * A line that starts with a clock time and says more: a chat header whose message is below
 * (Zoom's `09:36:12 From  Priya Nair  to  Everyone:`, Teams' `[11:52 PM] Priya Natarajan`), or an
 * event, with its source, actor and state pulled off the front of its text.
 */
function readTimedLine(reading: LineBlockReading, line: SourceLine, stamp: Stamp): void {
  const speaker = readSpeaker(stamp.rest, reading.chat);
  if (speaker && speaker.text === '') {
    openHeader(reading, line.number, { ...stamp, rest: '' }, speaker.actor);
    return;
  }
  const author = /^\s*\[/.test(line.text) && CHAT_AUTHOR.test(stamp.rest) ? stamp.rest : null;
  const labelled = withoutJournalLabel(stamp.rest, reading.journal);
  const split = splitSourceAndActor(labelled.text, reading.chat);
  const parts = author
    ? { source: null, actor: author, text: '', state: null }
    : { ...split, actor: split.actor ?? labelled.actor };
  pushEntry(reading, {
    line: line.number,
    column: stamp.column,
    stamp,
    timeLabel: null,
    ...parts,
    blockZone: null,
  });
  reading.awaitingMessage = author !== null;
}

/**
 * Joins an untimed line to the message of `last` when it continues it: the message a header
 * awaits, or an indented line (two spaces, or a tab as Zoom and mail clients indent) that is not
 * a list item. False when the line stands on its own.
 */
function continueMessage(reading: LineBlockReading, line: SourceLine): boolean {
  const last = reading.last;
  const indented = /^(?:\t|\s{2,})\S/.test(line.text) && !/^\s*[-*+•]\s/.test(line.text);
  if (!last || !(reading.awaitingMessage || indented)) return false;
  const more = withoutQuoteMarks(line.text);
  last.text = last.text ? `${last.text} ${more}` : more;
  if (!last.state) last.state = splitSourceAndActor(more, false).state;
  return true;
}

/**
 * A line with no clock time, kept in order as an untimed entry: its list marker dropped, a time
 * label split off (`early - ...`, `(overnight) ...`) or, when it is dated but not timed, its day
 * as the label (the day is its precision), and a status page's `Resolved - ...` as its state.
 */
function pushUntimedLine(reading: LineBlockReading, line: SourceLine, stamp: Stamp | null): void {
  const body = (stamp?.date ? stamp.rest : line.text)
    .replace(/^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+)/, '')
    .trim();
  const statusPrefix = STATUS_PREFIX.exec(body);
  const { label, text } = statusPrefix ? { label: null, text: body } : splitLabel(body);
  const entry: TimelineEntry = {
    line: line.number,
    column: 1,
    stamp: stamp?.date ? stamp : null,
    timeLabel: label ?? (stamp?.date && !stamp.time ? dayLabel(stamp.date) : null),
    ...splitSourceAndActor(text, reading.chat),
    blockZone: null,
  };
  if (statusPrefix) entry.state = statusPrefix[1] ?? null;
  pushEntry(reading, entry);
  reading.awaitingMessage = false;
}

const LIST_MARKER = /^\s*(?:[-*+•]\s|\d{1,3}[.)]\s)/;

/**
 * Whether an indented line is a list item's text wrapped onto the next line, though it starts
 * with a time (`- 09h33 - Impact over. (Their tweet said` / `  03:47-04:32 PT, "about 45 min")`):
 * the line above is the item (or its wrapped text) and stops mid-sentence, inside a bracket or
 * after a lower-case word or a comma. A time under a finished item is an event of its own.
 */
function wrappedListText(reading: LineBlockReading, line: SourceLine): boolean {
  const previous = reading.previous;
  if (!reading.last || previous === null) return false;
  if (!/^(?:\t|\s{2,})\S/.test(line.text) || LIST_MARKER.test(line.text)) return false;
  if (!LIST_MARKER.test(previous) && !/^(?:\t|\s{2,})\S/.test(previous)) return false;
  const opened = (previous.match(/[([]/g) ?? []).length > (previous.match(/[)\]]/g) ?? []).length;
  return opened || /[\p{Ll},]$/u.test(previous.trimEnd());
}

/**
 * Reads one line of a block that is neither a table nor CSV, in this order: a status word alone,
 * an impossible time, a time alone, a timed line, a day separator, a continuation of the message
 * above, and otherwise an untimed line.
 */
function readBlockLine(reading: LineBlockReading, line: SourceLine): void {
  const status = STATUS_LINE.exec(line.text);
  if (status) {
    reading.pendingState = status[1] ?? null;
    return;
  }
  const stamp = readStamp(line.text);
  if (stamp && wrappedListText(reading, line) && continueMessage(reading, line)) return;
  if (isStampProblem(stamp)) {
    reportImpossibleTime(reading, line, stamp);
    return;
  }
  const labelled = stamp ? null : readLabelledStamp(line.text);
  const alone = stamp?.time && stamp.rest === '' ? stamp : (labelled?.stamp ?? null);
  if (alone) {
    readTimeAlone(reading, line, alone, labelled?.label ?? null);
    return;
  }
  if (stamp?.time) {
    readTimedLine(reading, line, stamp);
    return;
  }
  const day = readDaySeparator(line.text);
  if (day) {
    reading.items.push({ type: 'day', line: line.number, date: day });
    reading.last = null;
    return;
  }
  const shift = readDayShift(line.text);
  if (shift) {
    pushUntimedLine(reading, line, null);
    if (reading.last) reading.last.dayShift = shift;
    reading.last = null;
    return;
  }
  if (continueMessage(reading, line)) return;
  pushUntimedLine(reading, line, stamp);
}

/**
 * Reads one timeline block: a Markdown table and CSV by their columns, any other block line by
 * line (readBlockLine). Problems (impossible times) are reported and the line skipped.
 */
export function readTimelineBlock(
  file: string,
  block: Block,
  diagnostics: Diagnostic[],
): TimelineItem[] {
  const isTableLine = (line: SourceLine): boolean =>
    TABLE_ROW.test(line.text) || TABLE_RULE.test(line.text);
  if (block.lines.every(isTableLine)) return tableEntries(file, block.lines, diagnostics);
  // A table under a caption with no blank line between ("Timeline (UTC)" then `| Time | ... |`,
  // as a document editor copies it): the caption lines are read as lines, the rest as the table.
  const tableFrom = block.lines.findIndex(isTableLine);
  if (
    tableFrom > 0 &&
    block.lines.length - tableFrom >= 3 &&
    block.lines.slice(tableFrom).every(isTableLine)
  ) {
    const captions = block.lines.slice(0, tableFrom);
    return [
      ...readTimelineBlock(file, { ...block, lines: captions }, diagnostics),
      ...tableEntries(file, block.lines.slice(tableFrom), diagnostics),
    ];
  }
  const csv = csvHeader(block.lines);
  if (csv) return csvEntries(file, block.lines, csv, diagnostics);
  // An export's caption above its header row ("Rootly export - INC-1187 - timeline.csv"): the
  // caption is a line of its own, the rest the CSV it names.
  const captioned = captionedCsv(block.lines);
  if (captioned) {
    const [caption, ...table] = block.lines;
    return [
      ...readTimelineBlock(file, { ...block, lines: caption ? [caption] : [] }, diagnostics),
      ...csvEntries(file, table, captioned, diagnostics),
    ];
  }
  // Columns aligned with spaces under a header row are read as the TSV they were copied from.
  const aligned = alignedColumnsAsTabs(block.lines);
  const alignedCsv = aligned ? csvHeader(aligned) : null;
  if (aligned && alignedCsv) return csvEntries(file, aligned, alignedCsv, diagnostics);
  const reading: LineBlockReading = {
    file,
    block,
    chat: isChatLog(block.lines),
    journal: journalLabelsRepeat(
      block.lines.flatMap((line) => {
        const stamp = readStamp(line.text);
        return stamp && !isStampProblem(stamp) && stamp.time ? [stamp.rest] : [];
      }),
    ),
    items: [],
    diagnostics,
    last: null,
    awaitingMessage: false,
    pendingState: null,
    previous: null,
  };
  for (const line of block.lines) {
    readBlockLine(reading, line);
    reading.previous = line.text;
  }
  return reading.items;
}

/**
 * A time a sentence states after a word for "at": `at 09:12`, `um 10.15 Uhr`, `à 10h15`, `vers 11h`,
 * `alle 9.40`, `às 14h05`. A European clock (time.ts) is kept whole for the stamp reader.
 */
const PROSE_TIME = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:at|by|around|about|from|until|since|before|after|um|ab|bis|gegen|seit|à|vers|dès|a las|desde|hasta|às|alle|ore|verso|dalle|fino alle)\s+(~?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}h\d{2}|\d{1,2}h(?![\p{L}\p{N}])|\d{1,2}\.\d{2}\s*Uhr|\d{1,2}\s+Uhr)(?:\s*(?:Uhr|h)(?![\p{L}]))?(?:\s*\(?\s*(${ZONE_TOKEN_SOURCE})\s*\)?)?`,
  'giu',
);
const PROSE_DATE = new RegExp(
  String.raw`(?<![\d.])(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,? \d{4})?))(?![\d:])`,
  'i',
);
/** "the next morning", "the following day", "a day later": the day after the one last stated. */
const NEXT_DAY =
  /\b(?:(?:the\s+)?(?:next|following)\s+(?:morning|day|afternoon|evening)|(?:a|one)\s+day\s+later|the\s+day\s+after)\b/i;
/** "Day 2", "On day 3 of the incident": counted from the first day stated. */
const DAY_NUMBER = /\bday\s+(\d{1,2})\b/i;

/** The day a write-up's sentences are on, carried from paragraph to paragraph. */
export interface ProseDay {
  date: CalendarDate | null;
  first: CalendarDate | null;
}

function plusDays(date: CalendarDate, days: number): CalendarDate | null {
  if (date.year === null) return null;
  const next = DateTime.utc(date.year, date.month, date.day).plus({ days });
  return { year: next.year, month: next.month, day: next.day };
}

/**
 * Moves the write-up's day by what a sentence says: a date it names ("On Saturday 4 Nov"),
 * "the next morning", or "Day 2". A date without a year takes the year last stated.
 */
function moveProseDay(sentence: string, day: ProseDay, timed: boolean): void {
  const named = PROSE_DATE.exec(sentence)?.[1];
  const read = named ? stampOf(named) : null;
  // A date without its year ("Handoff, Mon Oct 20") in an untimed sentence is often when the
  // write-up was sent, not when anything happened: only a timed sentence's short date moves the day.
  if (read?.date && (timed || read.date.year !== null)) {
    const year = read.date.year ?? day.date?.year ?? null;
    day.date = { ...read.date, year };
    day.first ??= day.date;
    return;
  }
  const number = DAY_NUMBER.exec(sentence);
  if (number && day.first) {
    day.date = plusDays(day.first, Number(number[1]) - 1) ?? day.date;
    return;
  }
  if (NEXT_DAY.test(sentence) && day.date) day.date = plusDays(day.date, 1) ?? day.date;
}

/** A time a sentence names: where it is, its words, its clock and zone as written. */
interface ProseMention {
  index: number;
  text: string;
  clock: string;
  zone: string;
}

/** "ten minutes later", "an hour later", "about 20 min later" inside a sentence. */
const STEP_IN_SENTENCE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:about\s+|around\s+|some\s+|~\s*)?(${AMOUNT_SOURCE})\s+(minutes?|mins?|hours?|hrs?)\s+later(?![\p{L}\p{N}])`,
  'giu',
);

/**
 * Times a sentence gives as a step from the clock it named before ("we uploaded a new key at
 * 1:10 pm and deliveries resumed ten minutes later"): each as a mention at the earlier clock
 * plus the step, the way a reader adds it up. A step with no clock before it in the sentence
 * gives nothing.
 */
function stepsInSentence(
  sentence: string,
  mentions: readonly ProseMention[],
  before: ProseMention | null,
): ProseMention[] {
  const steps: ProseMention[] = [];
  for (const match of sentence.matchAll(STEP_IN_SENTENCE)) {
    // Steps chain ("at 2:48 pm, back twelve minutes later; closed an hour later"), and the
    // first may count from the last time of the sentence before it.
    const base =
      [...mentions, ...steps].filter((m) => m.index < match.index).at(-1) ?? before ?? undefined;
    const read = base ? stampOf(`${base.clock.replace(/^(\d{1,2})h$/, '$1:00')}`) : null;
    if (!base || !read?.time) continue;
    const minutes = stepSeconds(match[1] ?? '', match[2] ?? '') / 60;
    const total = read.time.hour * 60 + read.time.minute + minutes;
    // A step past midnight stays on the clock; the day is the sentence's, as for any time in it.
    const at = total % 1440;
    const clock = `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
    steps.push({ index: match.index, text: match[0], clock, zone: base.zone });
  }
  return steps;
}

/**
 * A wiki write-up with its times inside sentences ("At 09:12 UTC checkout started failing";
 * "we rolled back at 09:30, and by 09:40 checkout was back to normal"): one entry per time,
 * each with the part of the sentence that belongs to it. Used when no line starts with a time.
 */
export function readProseBlock(
  block: Block,
  day: ProseDay = { date: null, first: null },
): TimelineItem[] {
  const items: TimelineItem[] = [];
  // A paragraph wraps its sentences over lines: read it whole, and cite the line each time is on.
  const starts: number[] = [];
  let paragraph = '';
  for (const line of block.lines) {
    if (paragraph) paragraph += ' ';
    starts.push(paragraph.length);
    paragraph += line.text.trim();
  }
  const lineAt = (offset: number): SourceLine => {
    let index = 0;
    while (index + 1 < starts.length && (starts[index + 1] ?? Infinity) <= offset) index++;
    return block.lines[index] as SourceLine;
  };
  let offset = 0;
  let lastMention: ProseMention | null = null;
  for (const sentence of paragraph.split(/(?<=[.!?;。])\s+/u)) {
    const sentenceStart = paragraph.indexOf(sentence, offset);
    offset = sentenceStart + sentence.length;
    // A time belongs to the day its own sentence states, not the first day of the file.
    const mentions = [
      ...[...sentence.matchAll(PROSE_TIME)].map((m) => ({
        index: m.index,
        text: m[0],
        clock: m[1] ?? '',
        zone: m[2] ?? '',
      })),
      ...spokenTimes(sentence),
    ].sort((a, b) => a.index - b.index);
    mentions.push(...stepsInSentence(sentence, mentions, lastMention));
    mentions.sort((a, b) => a.index - b.index);
    lastMention = mentions.at(-1) ?? lastMention;
    moveProseDay(sentence, day, mentions.length > 0);
    mentions.forEach((mention, index) => {
      // The sentence's part for this time: from the clause break before it to the one before the next.
      const cut = (at: number): number => {
        const before = sentence.slice(0, at);
        const brk = Math.max(before.lastIndexOf(', '), before.lastIndexOf('; '));
        const and = before.lastIndexOf(' and ');
        return Math.max(brk >= 0 ? brk + 2 : 0, and >= 0 ? and + 1 : 0);
      };
      const from = index === 0 ? 0 : cut(mention.index);
      const next = mentions[index + 1];
      const to = next
        ? Math.max(cut(next.index) - 2, mention.index + mention.text.length)
        : sentence.length;
      const text = sentence
        .slice(from, to)
        .replace(/^\s*(?:and|und|et|y)\s+/i, '')
        .replace(/[,;\s]+(?:and|und|et|y)?\s*$/i, '')
        .trim();
      // `vers 11h CET`: an hour alone reads as that hour's first minute.
      const clock = mention.clock.replace(/^(\d{1,2})h$/, '$1:00');
      const read = stampOf(`${clock} ${mention.zone}`.trim());
      if (!read?.time) return;
      const stamp = { ...read, date: day.date };
      const line = lineAt(sentenceStart + mention.index);
      items.push({
        type: 'entry',
        entry: {
          line: line.number,
          column: Math.max(1, line.text.indexOf(mention.text) + 1),
          stamp: { ...stamp, rest: text },
          timeLabel: null,
          source: null,
          actor: null,
          text,
          blockZone: null,
          state: null,
        },
      });
    });
  }
  return items;
}
