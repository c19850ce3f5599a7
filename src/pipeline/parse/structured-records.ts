/**
 * Structured records pasted as JSON, rewritten to the timeline line shape the rest of parse reads
 * (`<stamp> [source] <author> message`), each record citing the line it starts on:
 *
 * - a JSON array of rows whose first instant-like cell is the time (`aws cloudwatch
 *   describe-alarm-history --query '...[Timestamp,HistoryItemType,HistorySummary]'`);
 * - JSON objects, one per line (JSON Lines, a log explorer's download) or in an array (an API's
 *   reply, pretty-printed or not), possibly wrapped in one object (`{"AlarmHistoryItems": [...]}`).
 *
 * An object's event time is read from a table of field names ({@link EVENT_TIME_FIELDS}); fields
 * that hold another moment (`receiveTimestamp`, `updated_at`) are not in it, so a log store's
 * ingestion lag never moves an event. A record that spans a region (Grafana's `time`/`timeEnd`,
 * a resolved alert's `startsAt`/`endsAt`) also ends: that end is an entry of its own.
 */
import { DateTime } from 'luxon';
import type { Block, SourceLine } from './document.js';
import { parseJson } from './parse-json.js';

/** A field-name table: names compared without case, `_`, `-`, `@` or `.`, each with its reason. */
interface FieldNames {
  names: readonly string[];
  reason: string;
}

/**
 * When the record happened. Ordered: the first name present wins. Slack's `ts` is not here: a chat
 * export is read by paste-shapes.ts, which knows its users.
 */
export const EVENT_TIME_FIELDS: FieldNames = {
  names: [
    'timestamp',
    'eventtime',
    'eventtimestamp',
    'time',
    'occurredat',
    'occurred',
    'datetime',
    'date',
    'startsat',
    'starttime',
    'createdat',
    'created',
    'creationtimestamp',
    'firsttimestamp',
    'at',
    'when',
  ],
  reason:
    'the moment the event happened as the tool that logged it names it (CloudWatch `Timestamp`, Cloud Logging `timestamp`, Grafana `time`, Alertmanager `startsAt`), or as a hand-written timeline names it (`at`, `when`); `receiveTimestamp`, `updated_at` and the like are when a store saw or changed it, not the event',
};

/** When a record that spans a region ends. */
export const REGION_END_FIELDS: FieldNames = {
  names: ['timeend', 'endtime', 'endsat', 'endedat', 'resolvedat', 'end'],
  reason:
    'a region annotation (Grafana `timeEnd`) or a resolved alert (`endsAt`) says when its state ended',
};

/** The readable text of a record, searched breadth first through nested objects. */
export const MESSAGE_FIELDS: FieldNames = {
  names: [
    'message',
    'msg',
    'text',
    'historysummary',
    'summary',
    'textpayload',
    'description',
    'title',
    'body',
    'log',
    'note',
    'comment',
    'content',
    'event',
    'what',
    'action',
  ],
  reason:
    'what a person reads in the tool: a log entry `message`, an annotation `text`, an alarm `HistorySummary`, a hand-written timeline item `event` or `what`',
};

/** Who wrote a record (a person's note in a log, an annotation's login). */
export const AUTHOR_FIELDS: FieldNames = {
  names: ['author', 'login', 'username', 'user', 'actor', 'createdby', 'email'],
  reason: 'the person or bot that wrote the record, shown as its actor',
};

/** Which service or alert a record is about, shown as its source tag. */
export const SOURCE_FIELDS: FieldNames = {
  names: ['servicename', 'service', 'alertname', 'app', 'logger', 'source'],
  reason: 'the service, alert or logger the record is about, shown as `[source]`',
};

/** The kind of a record at its top level (`HistoryItemType`, `status`), a short word only. */
export const KIND_FIELDS: FieldNames = {
  names: ['historyitemtype', 'newstate', 'state', 'status', 'eventtype', 'type'],
  reason:
    "a record's own kind or state (`StateUpdate`, `resolved`, `firing`): structured evidence the analysis reads",
};

/** A log record's level (Cloud Logging `severity`, a logger's `level`). */
export const SEVERITY_FIELDS: FieldNames = {
  names: ['severity', 'level', 'loglevel', 'levelname'],
  reason: "a log record's own level: at error or worse it says something failed",
};

/** Levels that say something failed, in the names syslog, Cloud Logging and loggers use. */
const FAILURE_SEVERITY = /^(?:err(?:or)?|fatal|crit(?:ical)?|alert|emerg(?:ency)?|panic)$/i;
/** A record's kind that is an alert's state, written as the `[STATE]` tag timeline lines carry. */
const STATE_KINDS =
  /^(?:firing|resolved|ok|alarm|alert|critical|warning|recovered|triggered|acknowledged)$/i;
/** States that say a region is still open: its end field is a planned expiry, not an end. */
const OPEN_STATES = /^(?:firing|active|alerting|alarm|open|triggered|pending|ongoing)$/i;
/** A state tag at the start of a record's text that a region's end turns into `[RESOLVED]`. */
const OPEN_TAG = /^\[(?:FIRING|ALERTING|ALARM|ALERT|TRIGGERED)(?::\d+)?\]\s*/i;

const fieldKey = (name: string): string => name.toLowerCase().replace(/[_\-@.\s]/g, '');

/** An epoch number in seconds, milliseconds, microseconds or nanoseconds, by its digit count. */
function epochInstant(value: number | string): DateTime | null {
  const written = String(value).trim();
  const match = /^(\d{10}|\d{13}|\d{16}|\d{19})(?:\.(\d{1,9}))?$/.exec(written);
  if (!match) return null;
  const digits = match[1] ?? '';
  const scale = { 10: 1000, 13: 1, 16: 1e-3, 19: 1e-6 }[digits.length] ?? 1;
  const millis = Number(`${digits}.${match[2] ?? '0'}`) * scale;
  const time = DateTime.fromMillis(Math.floor(millis), { zone: 'UTC' });
  return time.isValid && time.year >= 2000 && time.year <= 2100 ? time : null;
}

/** A written instant: ISO 8601 (with `T` or a space), RFC 2822 or HTTP; a date and a time both. */
function writtenInstant(value: string): { time: DateTime; zoned: boolean } | null {
  const text = value.trim();
  if (!/\d{1,2}:\d{2}/.test(text) || text.length > 40) return null;
  const zoned = /(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)$/i.test(text);
  const readers = [
    () => DateTime.fromISO(text, { setZone: true }),
    () => DateTime.fromSQL(text, { setZone: true }),
    () => DateTime.fromRFC2822(text, { setZone: true }),
    () => DateTime.fromHTTP(text, { setZone: true }),
  ];
  for (const read of readers) {
    const time = read();
    if (time.isValid) return { time, zoned };
  }
  return null;
}

interface Instant {
  /** The stamp as a timeline line starts: `2026-04-14T10:41:07Z`, or without zone when unstated. */
  stamp: string;
  millis: number;
}

function instantOf(value: unknown): Instant | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const epoch = epochInstant(value);
  if (epoch) return { stamp: epoch.toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'"), millis: epoch.toMillis() };
  if (typeof value !== 'string') return null;
  const written = writtenInstant(value);
  if (!written) return null;
  const { time, zoned } = written;
  const zone = !zoned ? '' : time.offset === 0 ? "'Z'" : 'ZZ';
  return { stamp: time.toFormat(`yyyy-MM-dd'T'HH:mm:ss${zone}`), millis: time.toMillis() };
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Names a person's object carries (Discord's `author: {"name": ...}`). */
const PERSON_NAME = ['name', 'username', 'login', 'displayname', 'nickname'];

/**
 * The first string or number under one of `fields`' names: at the top level, then one nesting
 * deeper, down to `depth`. A person's object under a name gives its name.
 */
function findField(
  record: JsonObject,
  fields: FieldNames,
  depth: number,
): string | number | undefined {
  let level: JsonObject[] = [record];
  for (let d = 0; d <= depth && level.length > 0; d++) {
    for (const name of fields.names)
      for (const object of level)
        for (const [key, value] of Object.entries(object)) {
          if (fieldKey(key) !== name) continue;
          if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number')
            return value;
          if (fields === AUTHOR_FIELDS && isObject(value)) {
            const named = Object.entries(value).find(
              ([inner, text]) => PERSON_NAME.includes(fieldKey(inner)) && typeof text === 'string',
            );
            if (named) return named[1] as string;
          }
        }
    level = level.flatMap((object) => Object.values(object).filter(isObject));
  }
  return undefined;
}

const oneLine = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : null;

/** A name or a kind a field holds (at most three words), or null for prose, numbers and nested values. */
const shortWord = (value: unknown): string | null => {
  const text = oneLine(value);
  return text && text.length <= 40 && text.split(' ').length <= 3 ? text : null;
};

/** One record read: its time and text, and its region's end and the text there when it has one. */
interface Reading {
  at: Instant;
  text: string;
  end: { at: Instant; text: string } | null;
}

/** A row `[time, kind, summary, ...]`: the first instant-like cell is the time, the other words the text. */
function readRow(row: readonly unknown[]): Reading | null {
  const index = row.findIndex((cell) => instantOf(cell) !== null);
  const at = index >= 0 ? instantOf(row[index]) : null;
  if (!at) return null;
  const words = row
    .filter((cell, i) => i !== index && (typeof cell === 'string' || typeof cell === 'number'))
    .map((cell) => oneLine(String(cell)))
    .filter((cell): cell is string => cell !== null);
  // `[1772530320, "0.5"]` is a metric's sample, not an event: an event says something in words.
  if (!words.some((word) => /\p{L}{2}/u.test(word))) return null;
  const [first, ...rest] = words;
  const text =
    rest.length > 0 && first && shortWord(first) ? `${first}: ${rest.join(' ')}` : words.join(' ');
  return { at, text, end: null };
}

/**
 * An object record read through the field tables, or null when it has no event time. The line is
 * `[source] [STATE] message` for an alert's state (the state tag is what the analysis weighs, so
 * the alerting bot's login is left out), else `[source] <author> kind: message`. A log record
 * at error severity or worse says so first, as a log line prints it.
 */
function readObject(record: JsonObject): Reading | null {
  const at = instantOf(findField(record, EVENT_TIME_FIELDS, 0));
  if (!at) return null;
  const written = oneLine(findField(record, MESSAGE_FIELDS, 2));
  const kind = shortWord(findField(record, KIND_FIELDS, 0));
  if (!written && !kind) return null;
  const author = shortWord(findField(record, AUTHOR_FIELDS, 2));
  const source = shortWord(findField(record, SOURCE_FIELDS, 2));
  const severity = shortWord(findField(record, SEVERITY_FIELDS, 1));
  const state = kind && STATE_KINDS.test(kind) ? kind.toUpperCase() : null;
  const message = `${severity && FAILURE_SEVERITY.test(severity) ? `${severity.toUpperCase()}: ` : ''}${written ?? ''}`;
  const alert = state !== null || OPEN_TAG.test(message);
  const body = message.replace(OPEN_TAG, '').trim();
  const tag = source && !message.includes(source) ? `[${source}] ` : '';
  const who = author && !alert ? `<${author.replace(/[\s<>]+/g, '_').slice(0, 32)}> ` : '';
  const endAt = instantOf(findField(record, REGION_END_FIELDS, 0));
  // An open alert's end field is when it would expire unless renewed, not when it ended.
  const stillOpen = kind !== null && OPEN_STATES.test(kind);
  if (endAt && endAt.millis > at.millis && !stillOpen) {
    return {
      at,
      text: `${tag}${alert ? '[FIRING] ' : who}${body}`,
      end: { at: endAt, text: `${tag}${alert ? `[RESOLVED] ${body}` : `${who}ended: ${body}`}` },
    };
  }
  const head = state ? `[${state}] ` : `${who}${kind && written ? `${kind}: ` : (kind ?? '')}`;
  return { at, text: `${tag}${head}${state ? body : message}`.trim(), end: null };
}

/** The records of a JSON value: an array's items, one object, or the array one object wraps. */
function recordsOf(value: unknown): unknown[] {
  // A row alone on its line (its array opened above and never closed): one record.
  if (Array.isArray(value) && value.every((cell) => !isObject(cell) && !Array.isArray(cell)))
    return [value];
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return [];
  if (findField(value, EVENT_TIME_FIELDS, 0) !== undefined) return [value];
  const lists = Object.values(value).filter(Array.isArray);
  return lists.length === 1 ? (lists[0] ?? []) : [];
}

/** The timeline lines of one record (two when it spans a region), citing `line`. */
function recordLines(record: unknown, line: number): SourceLine[] {
  const reading = Array.isArray(record)
    ? readRow(record)
    : isObject(record)
      ? readObject(record)
      : null;
  if (!reading) return [];
  const lines = [{ number: line, text: `${reading.at.stamp} ${reading.text}` }];
  if (reading.end)
    lines.push({ number: line, text: `${reading.end.at.stamp} ${reading.end.text}` });
  return lines;
}

/**
 * A JSON value starting at `lines[from]`: where it ends (a bracket scanner that knows strings) and
 * the line each item of a top-level array starts on. Null when the brackets do not close in the
 * block or something other than a comma follows the value on its last line.
 */
function jsonSpan(
  lines: readonly SourceLine[],
  from: number,
): { end: number; text: string; itemLines: number[] } | null {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectItem = false;
  const itemLines: number[] = [];
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]?.text ?? '';
    for (let c = 0; c < text.length; c++) {
      const ch = text[c] ?? '';
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (/\s/.test(ch)) continue;
      if (expectItem && depth === 1 && ch !== ']' && ch !== ',') {
        itemLines.push(lines[i]?.number ?? 0);
        expectItem = false;
      }
      if (ch === '"') inString = true;
      else if (ch === '[' || ch === '{') {
        depth++;
        if (depth === 1) expectItem = ch === '[';
      } else if (ch === ']' || ch === '}') {
        depth--;
        if (depth === 0) {
          if (!/^\s*,?\s*$/.test(text.slice(c + 1))) return null;
          const joined = lines
            .slice(from, i + 1)
            .map((line) => line.text)
            .join('\n');
          return {
            end: i,
            text: joined.slice(0, joined.length - (text.length - c - 1)),
            itemLines,
          };
        }
      } else if (ch === ',' && depth === 1) expectItem = true;
    }
  }
  return null;
}

/**
 * The line a record cites: where its array item starts, else (an array wrapped in an object) the
 * first line that holds its time as written, else the span's first line.
 */
function itemLine(item: unknown, start: number | undefined, span: readonly SourceLine[]): number {
  if (start !== undefined) return start;
  const time = isObject(item) ? findField(item, EVENT_TIME_FIELDS, 0) : undefined;
  const at = time === undefined ? undefined : span.find((line) => line.text.includes(String(time)));
  return at?.number ?? span[0]?.number ?? 1;
}

/**
 * A line a JSON value may start on: a bracket, then a string, a nested bracket, a number or
 * nothing: a line of text such as `[ongoing] ...` is not scanned as JSON.
 */
const JSON_START = /^\s*[[{]\s*(?:["[{\d-]|$)/;

/**
 * A block's lines with every JSON span of records rewritten (see the module comment); lines that
 * are no JSON (a shell command above, a sentence) are kept. Null when the block holds no record
 * with an event time, so other readers see it as pasted.
 */
function recordBlockLines(lines: readonly SourceLine[]): SourceLine[] | null {
  const out: SourceLine[] = [];
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    const span = JSON_START.test(line.text) ? jsonSpan(lines, i) : null;
    const value = span ? parseJson(span.text) : undefined;
    const items = value === undefined ? [] : recordsOf(value);
    const spanLines = span ? lines.slice(i, span.end + 1) : [];
    const read = items.flatMap((item, k) =>
      recordLines(
        item,
        itemLine(item, Array.isArray(value) ? span?.itemLines[k] : undefined, spanLines),
      ),
    );
    if (!span || read.length === 0) {
      out.push(line);
      continue;
    }
    out.push(...read);
    records += read.length;
    i = span.end;
  }
  return records > 0 ? out : null;
}

/**
 * Blocks of a timeline section with pasted JSON records rewritten to timeline lines (see the module
 * comment); a block with no such record comes back as it was.
 */
export function readStructuredRecords(blocks: readonly Block[]): Block[] {
  return blocks.map((block) => {
    const opens = block.lines.some((line) => JSON_START.test(line.text));
    if (!opens || !block.lines.some((line) => line.text.includes('"'))) return block;
    const lines = recordBlockLines(block.lines);
    return lines ? { lines } : block;
  });
}
