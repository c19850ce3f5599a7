/**
 * Pastes whose instant is not at the start of the line, rewritten (keeping each line's number) to
 * the line shape the rest of parse reads, `<stamp> message`:
 *
 * - a status page's update with its state first and the time between separators
 *   (`Investigating - 09:14 UTC - We are ...`, `Resolved | 10:45 UTC | ...`);
 * - a log line whose time is epoch seconds or milliseconds in a time field (`_time=1585137017`,
 *   `"ts": 1585137017.123`), which is a UTC instant;
 * - `git log` output, whose instant is on the `Date:` header and whose message is the indented
 *   lines after it, in any date format git prints (default, iso, iso-strict, rfc).
 */
import { DateTime } from 'luxon';
import type { Block, SourceLine } from './document.js';
import { isStampProblem, readStamp } from './time.js';
import { STATUS_WORDS } from './timeline-lines.js';

/** `Investigating - 09:14 UTC - We are ...`: separators with space around, so a date's `-` is no separator. */
const STATE_FIRST = new RegExp(
  String.raw`^(\s*(?:[-*]\s+)?)(?:\*\*)?(${STATUS_WORDS})(?:\*\*)?\s+[-–—|]\s+(.{4,48}?)\s+[-–—|]\s+(\S.*)$`,
  'iu',
);

/**
 * A status update written state first: the time between the separators moves to the front and
 * the state stays before the message, as `09:14 UTC Investigating - We are ...`. Null when the
 * middle is not a time and nothing else.
 */
export function stateFirstUpdate(text: string): string | null {
  const match = STATE_FIRST.exec(text);
  if (!match) return null;
  const [, indent = '', state = '', middle = '', message = ''] = match;
  const stamp = readStamp(middle);
  if (!stamp || isStampProblem(stamp) || !stamp.time || stamp.rest.trim() !== '') return null;
  return `${indent}${middle.trim()} ${state} - ${message}`;
}

/**
 * A time field holding epoch seconds (10 digits) or milliseconds (13), optionally with a
 * fraction: logfmt `_time=1585137017`, JSON `"ts": 1585137017.123`. A 10-digit number in any
 * other field (an id, a count) is not a time.
 */
const EPOCH_FIELD =
  /(^|[\s{,;])"?(?:_time|time|ts|timestamp|@timestamp|epoch|t)"?\s*[=:]\s*"?(\d{10}|\d{13})(?:\.(\d{1,9}))?"?(?=[\s,;}]|$)\s*,?/i;

/**
 * A log line stamped with epoch time: the field becomes an ISO 8601 UTC stamp at the start and
 * the rest of the line is the message. Null when the line has no epoch time field, or already
 * starts with a time.
 */
export function epochLine(text: string): string | null {
  const match = EPOCH_FIELD.exec(text);
  if (!match) return null;
  const start = readStamp(text);
  if (start && !isStampProblem(start) && start.time) return null;
  const digits = match[2] ?? '';
  const fraction = Number(`0.${match[3] ?? '0'}`);
  const millis = digits.length === 13 ? Number(digits) : (Number(digits) + fraction) * 1000;
  const time = DateTime.fromMillis(Math.floor(millis), { zone: 'UTC' });
  if (!time.isValid) return null;
  const before = text.slice(0, match.index) + (match[1] ?? '');
  const rest = `${before}${text.slice(match.index + match[0].length)}`
    .replace(/^\s*\{\s*,?\s*/, '')
    .replace(/\s*,?\s*\}\s*,?\s*$/, '')
    .trim();
  return `${time.toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'")} ${logMessage(rest) ?? rest}`;
}

const CLOCK_12 = String.raw`\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M`;
/** Discord's continuation, its time in brackets with the message glued on: `[12:44 PM]reverting`. */
const GLUED_CONTINUATION = new RegExp(String.raw`^(\s*\[${CLOCK_12}\])(?=[^\s\]])`, 'i');
/** Discord's header for a message of today or yesterday: `tomasz — Today at 5:26 PM`. */
const RELATIVE_HEADER = new RegExp(
  String.raw`^(\s*\S.{0,40}?)\s+[—–-]\s+(?:today|yesterday)\s+at\s+(${CLOCK_12})\s*$`,
  'i',
);

/**
 * A Discord copy's lines whose time the other readers miss: a continuation whose message is
 * glued to its bracketed time gets its space, and a "Today at"/"Yesterday at" header becomes a
 * header with its clock time, so its message is its own entry and not the tail of the one above.
 * Which day "today" was is the day of the copy, which the paste does not say: the time is read
 * as a bare time, on the day of the lines before it.
 */
export function discordLine(text: string): string | null {
  if (GLUED_CONTINUATION.test(text)) return text.replace(GLUED_CONTINUATION, '$1 ');
  const relative = RELATIVE_HEADER.exec(text);
  return relative ? `${relative[1] ?? ''} — ${relative[2] ?? ''}` : null;
}

/** A logfmt or JSON field: `msg="..."`, `"level": "info"`, `host=icinga1001`. */
const LOG_FIELD = /"?([A-Za-z_@][\w.@-]*)"?\s*[=:]\s*("(?:[^"\\]|\\.)*"|[^\s,}]+)/g;
const MESSAGE_FIELD = /^(?:msg|message|text|event|summary|description)$/i;
const SOURCE_FIELD = /^(?:host|hostname|service|source|app|logger|component)$/i;

/**
 * The message of a structured log line: its message field, after its source field in brackets
 * (`[icinga1001] first socket timeout ...`), so the words are read without the field names. Null
 * when the line has no message field.
 */
function logMessage(fields: string): string | null {
  let message: string | null = null;
  let source: string | null = null;
  for (const field of fields.matchAll(LOG_FIELD)) {
    const value = (field[2] ?? '').replace(/^"|"$/g, '').replace(/\\"/g, '"');
    if (MESSAGE_FIELD.test(field[1] ?? '')) message ??= value;
    else if (SOURCE_FIELD.test(field[1] ?? '')) source ??= value;
  }
  if (message === null) return null;
  return source ? `[${source}] ${message}` : message;
}

/**
 * A line rewritten when its instant is inside it (see the module comment), or the line itself.
 */
export function stampInsideLine(line: SourceLine, anywhere = false): SourceLine {
  const text =
    stateFirstUpdate(line.text) ??
    epochLine(line.text) ??
    discordLine(line.text) ??
    (anywhere ? stampAnywhere(line.text) : null);
  return text === null ? line : { number: line.number, text };
}

/** Where a stamp may begin inside a line: a digit or a letter that starts a word. */
const WORD_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;
/** What sits between the text before a stamp and the stamp: separators, quotes, a `key=`. */
const BEFORE_STAMP = /(?:[\s|,;:"'([{]|\b[\w.@-]+=)+$/u;

/**
 * The last resort for a file none of whose lines starts with a time (a logfmt or key=value log,
 * a `psql` or CSV row with the time in a later column, a tool's export with the author first):
 * the first stamp with both a calendar date and a clock time found anywhere in the line, moved
 * to its front, `<stamp> <text before it> <text after it>`. A time without a date does not count,
 * so a figure in prose ("5:1", "12.30 EUR") never becomes an event. Null when the line holds
 * none or already starts with a stamp. A person reads such a line's time wherever it is, so
 * refusing the file would lose a readable timeline (issue 10: refuse only what a person could
 * not read); parse warns that it read times from inside lines.
 */
export function stampAnywhere(text: string): string | null {
  for (const match of text.matchAll(WORD_START)) {
    // ISO 8601 allows an offset of hours alone (`+00`, as psql prints it): read it as `+00:00`.
    const tail = text
      .slice(match.index)
      .replace(/^(\S+[ T]\d\d:\d\d(?::\d\d(?:\.\d+)?)?[+-]\d\d)(?![\d:])/u, '$1:00');
    const stamp = readStamp(tail);
    if (!stamp || isStampProblem(stamp) || !stamp.date || !stamp.time) continue;
    if (match.index === 0) return null;
    const restAt = stamp.rest ? tail.lastIndexOf(stamp.rest) : tail.length;
    const stampText = tail
      .slice(0, restAt < 0 ? tail.length : restAt)
      .replace(/[\s|,;"')\]}]+$/u, '');
    const before = text.slice(0, match.index).replace(BEFORE_STAMP, '').trim();
    const after = (restAt < 0 ? '' : tail.slice(restAt)).replace(/^[\s|,;"')\]}]+/u, '').trim();
    const message = [before, after].filter(Boolean).join(' ');
    return message ? `${stampText} ${message}` : null;
  }
  return null;
}

const COMMIT = /^commit [0-9a-f]{7,40}\b/;
const GIT_AUTHOR = /^Author:\s+(.+?)(?:\s+<[^>]*>)?\s*$/;
const GIT_DATE = /^(?:Author)?Date:\s+(.+?)\s*$/;
const GIT_OTHER_HEADER = /^(?:Merge|Commit|CommitDate|Reflog|Signed-off-by):\s/;
/** The date formats `git log --date=...` prints: default, iso, rfc; iso-strict is ISO 8601. */
const GIT_DATE_FORMATS = [
  'EEE MMM d HH:mm:ss yyyy ZZZ',
  'yyyy-MM-dd HH:mm:ss ZZZ',
  'EEE, d MMM yyyy HH:mm:ss ZZZ',
];

/** The instant of a `Date:` header of `git log`, or null when git did not print it. */
export function readGitDate(text: string): DateTime | null {
  const written = text.replace(/\s+/g, ' ').trim();
  const iso = DateTime.fromISO(written, { setZone: true });
  if (iso.isValid) return iso;
  for (const format of GIT_DATE_FORMATS) {
    const read = DateTime.fromFormat(written, format, { setZone: true, locale: 'en-US' });
    if (read.isValid) return read;
  }
  return null;
}

/**
 * `git log` pasted as a timeline: each commit becomes one entry at its `Date:`, on the line of
 * its message's first line (`<stamp> <author> subject`), the message's further lines stay as
 * continuations, and the `commit`/`Author:` headers are dropped. Lines between commits that are
 * not indented like a message (a person's notes) are kept, with a leading `--` or `#` marker
 * removed, so a note that starts with a time is an event and the others are untimed lines.
 * Returns the blocks rewritten, or null when the section holds no `git log` output.
 */
export function normalizeGitLog(blocks: readonly Block[]): Block[] | null {
  const all = blocks.flatMap((block) => block.lines);
  const commits = all.filter((line) => COMMIT.test(line.text)).length;
  const dates = all.filter(
    (line) => GIT_DATE.test(line.text) && readGitDate(GIT_DATE.exec(line.text)?.[1] ?? ''),
  );
  if (commits === 0 || dates.length === 0) return null;
  let pending: { stamp: string; author: string } | null = null;
  let author = '';
  /** Whether the lines now read are a commit's message (indented four spaces under its headers). */
  let inMessage = false;
  return blocks
    .map((block) => ({
      lines: block.lines.flatMap((line): SourceLine[] => {
        const text = line.text;
        if (COMMIT.test(text)) {
          inMessage = false;
          author = '';
          return [];
        }
        const who = GIT_AUTHOR.exec(text);
        if (who) {
          author = who[1]?.trim() ?? '';
          return [];
        }
        const date = GIT_DATE.exec(text);
        const when = date ? readGitDate(date[1] ?? '') : null;
        if (when) {
          pending = { stamp: when.toISO({ suppressMilliseconds: true }) ?? '', author };
          inMessage = true;
          return [];
        }
        if (GIT_OTHER_HEADER.test(text)) return [];
        if (inMessage && /^(?: {4}|\t)\S/.test(text)) {
          const message = text.trim();
          if (!pending) return [{ number: line.number, text: `    ${message}` }];
          const { stamp, author: by } = pending;
          pending = null;
          const actor = by ? `<${by.replace(/[\s<>]+/g, '_').slice(0, 32)}> ` : '';
          return [{ number: line.number, text: `${stamp} ${actor}${message}` }];
        }
        inMessage = false;
        return [{ number: line.number, text: text.replace(/^\s*(?:--+|#+)\s+/, '') }];
      }),
    }))
    .filter((block) => block.lines.length > 0);
}
