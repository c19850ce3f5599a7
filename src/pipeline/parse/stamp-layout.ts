/**
 * Where a paste puts its stamps. Tools print a message's time in many places: at the start of
 * the line (what `timeline-lines.ts` reads), at its end after ` · `, `|`, a tab or "at" (Sentry,
 * Jira, GitHub), after the author's name and journal field (ServiceNow's `Alex Kim  Work notes
 * 2026-02-03 10:05:10`), on a line of its own under the author's name (Mattermost, Rocket.Chat),
 * in a field of a notification mail (`Event timestamp: ...`), or in the cells of an HTML table.
 * Rather than one rewriter per tool, every line is read the same way:
 *
 * 1. find the stamp wherever it is in the line (`readStamp` at each place one can start);
 * 2. decide what the line is: an **event** (its own stamp and a message), a **header** (a stamp
 *    and only who wrote it, in which field: its message is the untimed lines below, up to the
 *    next header or the next block), a **field** (`Event timestamp:` — the stamp of the mail or
 *    notification it is in), or a **body** line;
 * 3. write each event back as the line shape every reader knows, `<stamp> <author> message`, on
 *    the line number of its stamp's line (the header's), so evidence cites what was pasted.
 *
 * Paste order is kept: activity feeds newest first are put in time order by analyze.
 */
import { withoutQuoteMarks } from './quote-marks.js';
import { decodeHTML } from 'entities';
import { warning, type Diagnostic } from '../diagnostics.js';
import type { Block, SourceLine } from './document.js';
import { findMilestoneBlock } from './stated-times.js';
import { isStampProblem, readStamp, type Stamp } from './time.js';
import { readLabelledStamp } from './timeline-lines.js';

/** Context for telling a milestone summary by its shape only: no time is kept from it. */
const ANY_DAY = { zone: 'UTC', date: '2026-01-01' };

/** A stamp found in a line, as written, with the text before and after it. */
interface FoundStamp {
  stamp: Stamp;
  /** The stamp as written (`Feb 3, 2026 9:12:00 AM UTC`), to be put at the line's start. */
  written: string;
  before: string;
  after: string;
}

/** Where a stamp may start: after a space or a separator, at a digit or a month or day name. */
const STAMP_CANDIDATE =
  /(?<=^|[\s,(·•|–—[-])(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)/gi;
/** Longer lines are prose or logs, not a feed's header or event line. */
const MAX_LINE = 240;

/** A stamp read at `index` of `line`, with what is written before and after it. */
function foundAt(line: string, index: number, stamp: Stamp): { found: FoundStamp; end: number } {
  const slice = line.slice(index);
  const end = stamp.rest ? slice.lastIndexOf(stamp.rest) : slice.length;
  let written = slice
    .slice(0, end)
    .replace(/^[\s[(]+/, '')
    .replace(/[\s|,:–—-]+$/, '');
  // A closing bracket is the stamp's own (`(GMT+01:00)`) only when it opened one.
  while (/[)\]]$/.test(written) && !/[([][^)\]]*[)\]]$/.test(written))
    written = written.slice(0, -1).replace(/[\s|,:–—-]+$/, '');
  return { found: { stamp, written, before: line.slice(0, index), after: stamp.rest }, end };
}

/**
 * Every stamp with a clock time in a line, left to right, not overlapping, that starts at or
 * after `from` (a stamp at a line's end starts in its last few dozen characters).
 */
export function findStamps(text: string, from = 0): FoundStamp[] {
  const line = text.trimEnd();
  if (line.length > MAX_LINE || !/\d/.test(line)) return [];
  const found: FoundStamp[] = [];
  let next = from;
  for (const match of line.matchAll(STAMP_CANDIDATE)) {
    if (match.index < next) continue;
    const stamp = readStamp(line.slice(match.index));
    if (!stamp || isStampProblem(stamp) || !stamp.time) continue;
    const read = foundAt(line, match.index, stamp);
    found.push(read.found);
    next = match.index + read.end;
  }
  return found;
}

/** The longest stamp a tool prints at a line's end, with its zone: `Tuesday, February 03, 2026 10:05:12 AM (GMT+01:00)`. */
const LONGEST_STAMP = 64;

/**
 * What separates a message or a name from a stamp at the line's end: a mark, or a comma and a
 * bracket (Telegram Desktop's `Ana López, [09.03.26 10:15]`).
 */
const TRAILING_SEPARATOR = /(?:(?:\s*[·•|–—(,[-]){1,2}\s*|\t\s*|\s{2,}|\s+(?:at|on)\s+)$/i;
/** Only a stamp with a date may follow a plain "at": "rolled back at 09:30" is prose. */
const WORD_SEPARATOR = /\s+(?:at|on)\s+$/i;
/** A chat handle written alone: `kaz`, `ops-bot`, `@mira`, `j.lee`. */
const HANDLE = /^@?[\p{L}\d][\p{L}\d._-]{0,38}$/u;
/** What may follow a stamp at the end of a line. */
const EMPTY_TAIL =
  /^(?:\(edited\)|\(bearbeitet\)|\(modifié\)|,?\s*(?:edited|bearbeitet|modifié))?$/i;

/** The journal field or verb after an author's name: `Work notes`, `commented`, `added a comment`. */
const ROLE =
  /\s*\(?(?:\b(?:work notes?|additional comments?|comments?(?: \((?:customer visible|internal)\))?|internal notes?|public reply|commented(?: on)?|added an? (?:(?:private|public|internal) )?(?:comment|note|reply)|left a comment|wrote|replied|responded|reported(?: (?:via|by) [\w ]{1,20})?|posted|said|changed the status|updated the \w+)|\((?:customer|agent|internal|public|bot|app|guest)\))\)?\s*[-–—:,]?\s*$/i;
const AUTHOR_LEAD = /^\s*(?:comment(?:ed)? by|posted by|reply by|update from)\s+/i;
/** A person or a handle: `lukas.meyer`, `@dana`, `Alex Kim`, `System Administrator`. */
const NAME =
  /^(?:@?[\p{Ll}\d][\p{Ll}\d]*[._-][\p{L}\d._-]+|@[\p{L}\d._-]+|\p{Lu}[\p{L}'.-]*(?:\s+(?:\p{Lu}[\p{L}'.-]*|van|von|de|da|del|der|le|la)){0,3})$/u;
/** Words that make a line a state or a section, never an author. */
const NOT_A_NAME =
  /^(?:activity|timeline|comments?|history|updates?|notes?|events?|resolved|investigating|identified|monitoring|update|status|postmortem|alert|alarm|warning|error|ok|firing|today|yesterday|subject|from|to|date)$/i;
const COLUMN_GAP = /\s{2,}|\t|\s+[·|•]\s+/;
/** A short tag in brackets after a name: `(on duty)`, `(L2)`, `[Bot]`, `(External)`. */
const NAME_TAG = /\s*(?:\([\p{L}\d .'/-]{1,20}\)|\[[\p{L}\d .'/-]{1,20}\])$/u;

/**
 * The author when `text` is only who wrote and in which field (`Alex Kim    Work notes`,
 * `Priya Shah commented`, `lukas.meyer`), else null.
 */
export function authorOf(text: string): { actor: string; role: boolean } | null {
  const columns = text
    // Markdown emphasis around a name (`**hubot** commented`) is how the thread looked.
    .replace(/\*\*|__|`/g, '')
    .replace(AUTHOR_LEAD, '')
    .split(COLUMN_GAP)
    .map((column) => column.trim())
    .filter(Boolean);
  if (columns.length === 0 || columns.length > 4) return null;
  let role = false;
  const last = columns[columns.length - 1] ?? '';
  if (ROLE.test(last)) {
    role = true;
    const name = last.replace(ROLE, '').trim();
    if (name) columns[columns.length - 1] = name;
    else columns.pop();
  }
  // A chat client's tag after the name (Teams' `Sam (on duty)`, `Uptime Monitor [Bot]`, Slack's
  // `Alex (External)`): a role, not part of the name.
  const tagged = NAME_TAG.exec(columns[0] ?? '');
  if (tagged && tagged.index > 0) columns[0] = (columns[0] ?? '').slice(0, tagged.index).trim();
  const actor = columns[0];
  // After a verb or a field (`jlee commented`), any handle is a name.
  const handle = role && /^@?[\p{L}\d][\p{L}\d._-]{0,38}$/u.test(actor ?? '');
  if (!actor || NOT_A_NAME.test(actor) || !(NAME.test(actor) || handle)) return null;
  // Further columns are a role or a team (`Service Desk`), never a sentence.
  if (columns.slice(1).some((column) => column.split(/\s+/).length > 3 || /[.!?]$/.test(column)))
    return null;
  return { actor, role: role || tagged !== null || columns.length > 1 || AUTHOR_LEAD.test(text) };
}

/** Generic labels of a time field: the time of the mail or notification they are in. */
const TIME_FIELD =
  /^(?:event timestamp|event time|timestamp|time|date|sent|received|alert time|triggered at|reported at|occurred at|updated|date\/time)$/i;
const FIELD_LABEL = /^\s*(?:[-*•]\s+)?([\p{L}][\p{L} _/.-]{0,30}?)\s*:\s*$/u;

/** A Zoom chat header with the time first: `14:02:11 From  Dana Ortiz  to  Everyone:`. */
const ZOOM_FROM = /^from\s+(.+?)\s+to\s+.+?:?$/i;

type LineReading =
  | { kind: 'event'; stamp: FoundStamp; text: string }
  /** `label`: an item's kind printed in the header (`Milestone · Mitigated`), kept before its message. */
  | { kind: 'header'; stamp: FoundStamp; actor: string | null; role: boolean; label?: string }
  | { kind: 'field'; stamp: FoundStamp }
  /** A stamp and nothing else: a header when it follows a name line or another header. */
  | { kind: 'time-alone'; stamp: FoundStamp }
  /** A line the timeline reader already reads as it is (a stamp at its start). */
  | { kind: 'as-is' }
  | { kind: 'text' };

/** What one line of a paste is (see the module comment). */
export function readLine(text: string): LineReading {
  const line = text.trimEnd();
  if (line.length > MAX_LINE || !/\d/.test(line)) return { kind: 'text' };
  const start = readStamp(line);
  // An impossible time at the start is reported by the timeline reader.
  if (isStampProblem(start)) return { kind: 'as-is' };
  if (start?.time) {
    const { found: first } = foundAt(line, 0, start);
    if (first.after === '') return { kind: 'time-alone', stamp: first };
    const zoom = ZOOM_FROM.exec(first.after);
    if (zoom) return { kind: 'header', stamp: first, actor: zoom[1]?.trim() ?? null, role: true };
    // `2026-04-14 09:47:33 - Jonas Meier (Work notes)`: the stamp first, then who wrote in
    // which field, the message below. Only with the field named: `10:05 Alex Kim` is a line.
    // The text right after the stamp as written, with its separator (`after` has it trimmed).
    const labels = labelsAfterStamp(line.slice(line.indexOf(first.written) + first.written.length));
    if (labels) return { kind: 'header', stamp: first, role: true, ...labels };
    const author = authorOf(first.after.replace(/^\s*[-–—·|:]\s*/, ''));
    if (author?.role) return { kind: 'header', stamp: first, actor: author.actor, role: true };
    return { kind: 'as-is' };
  }
  // `StartsAt:`, `Posted ... - 10:05 UTC`, `Date:`: the timeline reader knows these labels.
  if (readLabelledStamp(line)) return { kind: 'as-is' };
  const stamps = findStamps(line, line.length - LONGEST_STAMP);
  const last = [...stamps].reverse().find((found) => EMPTY_TAIL.test(found.after.trim()));
  if (!last) return stampColumn(line) ?? { kind: 'text' };
  const separator = TRAILING_SEPARATOR.exec(last.before);
  if (!separator && !FIELD_LABEL.test(last.before)) return { kind: 'text' };
  const inWords = separator !== null && WORD_SEPARATOR.test(separator[0]);
  if (inWords && !last.stamp.date) return { kind: 'text' };
  const before = last.before.slice(0, separator ? separator.index : undefined).trim();
  if (before === '') return { kind: 'time-alone', stamp: last };
  const label = FIELD_LABEL.exec(last.before)?.[1]?.trim();
  if (label) {
    if (TIME_FIELD.test(label)) return { kind: 'field', stamp: last };
    return { kind: 'event', stamp: last, text: label };
  }
  const author = authorOf(before);
  if (author) return { kind: 'header', stamp: last, actor: author.actor, role: author.role };
  // `... closing this. Review on 16/07/2026 10:00`: a message of several sentences whose last
  // names a time is prose (a stated time, often a later one), not a line stamped at that time.
  if (inWords && /[.!?;]\s/.test(before)) return { kind: 'text' };
  // `kaz — 03/14/2026 9:17 PM` (Discord): a bare handle before the stamp is who wrote below.
  if (HANDLE.test(before)) return { kind: 'header', stamp: last, actor: before, role: false };
  return { kind: 'event', stamp: last, text: before.replace(/^\s*[-*+•]\s+/, '') };
}

/**
 * A row of a table aligned with spaces or tabs whose one dated stamp is a column of its own, not
 * the first or the last: Grafana's state history (`Pending → Alerting    2026-04-07 11:05:15
 * {instance="checkout-1"}`), `kubectl get events` with custom columns. The other columns, in
 * order, are the event's text.
 */
function stampColumn(line: string): LineReading | null {
  const columns = line.trim().split(/\s{2,}|\t/);
  if (columns.length < 3) return null;
  const stamped = columns.flatMap((column, index) => {
    const stamp = readStamp(column);
    return stamp && !isStampProblem(stamp) && stamp.date && stamp.time && stamp.rest === ''
      ? [{ index, stamp, column }]
      : [];
  });
  const only = stamped.length === 1 ? stamped[0] : undefined;
  if (!only) return null;
  const text = columns.filter((_, index) => index !== only.index).join(' ');
  const found: FoundStamp = { stamp: only.stamp, written: only.column, before: '', after: text };
  return { kind: 'event', stamp: found, text };
}

/** The kinds and milestone names an incident tool prints in an item's header. */
const KIND_LABEL =
  /^(?:alert|note|milestone|started|detected|acknowledged|investigating|identified|mitigated|monitoring|resolved|closed|update|status|task|action|chat|page|paged|incident)$/i;

/**
 * An incident tool's timeline item header (FireHydrant's `2026-08-04 13:20:11 UTC · Alert ·
 * Datadog`, `· Note · Lucia Romero`): after the stamp, only short labels set apart by `·` or
 * `|` (its kind, then who), the message on the lines below. The last label is the author when
 * it reads as a name. Null when the text after the stamp is a message (one part, or a sentence).
 */
function labelsAfterStamp(after: string): { actor: string | null; label: string } | null {
  if (!/^\s*[·•|]\s/.test(after)) return null;
  const labels = after
    .replace(/^\s*[·•|]\s*/, '')
    .split(/\s+[·•|]\s+/)
    .map((label) => label.trim());
  if (
    labels.length < 2 ||
    labels.some((l) => !l || l.split(/\s+/).length > 3 || /[.!?,;:]$/.test(l))
  )
    return null;
  const last = labels[labels.length - 1] ?? '';
  // A kind word (`Resolved`, `Acknowledged`) is never the author, whatever its capital.
  const named = NAME.test(last) && !NOT_A_NAME.test(last) && !KIND_LABEL.test(last);
  const kinds = named ? labels.slice(0, -1) : labels;
  return { actor: named ? last : null, label: kinds.join(' · ') };
}

/** A header line without its stamp and the separator before it: `Priya Shah commented`. */
function headerText(found: FoundStamp): string {
  if (found.before.trim() === '') return found.after;
  return found.before.replace(TRAILING_SEPARATOR, '').trim();
}

/**
 * A line that is only an author's name, as a chat copy prints it above the time, or a name and
 * the journal field or verb a ticket thread prints beside it (Zendesk's `Rory Walsh (Internal
 * note)`, Freshdesk's `Arjun Mehta added a private note`).
 */
function nameLine(text: string): string | null {
  const trimmed = text.trim().replace(/\s+(?:APP|BOT)$/, '');
  if (findStamps(trimmed).length > 0) return null;
  const author = authorOf(trimmed);
  if (!author) return null;
  return author.actor === trimmed || ROLE.test(trimmed) ? author.actor : null;
}

/** A line that is only a journal field or verb (`Work notes`, `Additional comments`). */
function roleLine(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && ROLE.test(trimmed) && trimmed.replace(ROLE, '').trim() === '';
}

/**
 * The author written on the line below a time alone, when a message follows (after a journal
 * field line, if any): `lines` is how many lines the author and the field take. Null otherwise.
 */
function authorBelow(
  lines: readonly SourceLine[],
  readings: readonly LineReading[],
  at: number,
): { actor: string; lines: number } | null {
  const name = lines[at + 1] ? nameLine(lines[at + 1]?.text ?? '') : null;
  if (!name || readings[at + 1]?.kind !== 'text') return null;
  const field = roleLine(lines[at + 2]?.text ?? '') ? 1 : 0;
  const message = readings[at + 2 + field];
  return message?.kind === 'text' && (lines[at + 2 + field]?.text.trim() ?? '') !== ''
    ? { actor: name, lines: 1 + field }
    : null;
}

function eventLine(
  number: number,
  found: FoundStamp,
  actor: string | null,
  text: string,
): SourceLine {
  const who = actor ? `<${actor.replace(/[<>]/g, '')}> ` : '';
  return { number, text: `${found.written} ${who}${text}`.trimEnd() };
}

/** A block that is CSV or a Markdown table: its columns are read by `timeline-lines.ts`. */
function isTabular(lines: readonly SourceLine[]): boolean {
  if (lines.every((line) => /^\s*\|/.test(line.text))) return true;
  // CSV opens with a header row, which names the columns and holds no time.
  if (lines.length < 2 || findStamps(lines[0]?.text ?? '').length > 0) return false;
  // `|` for a table copied without its outer pipes (`Number | Created | Work notes`).
  return [',', ';', '\t', '|'].some((delimiter) => {
    const count = (text: string): number => text.split(delimiter).length - 1;
    const header = count(lines[0]?.text ?? '');
    return (
      header > 0 &&
      lines.filter((line) => count(line.text) === header).length * 5 >= lines.length * 4
    );
  });
}

const MAIL_SUBJECT = /^\s*subject\s*:\s*(.+)$/i;
const MAIL_HEADER = /^\s*(?:from|to|cc|bcc|reply-to|importance|subject)\s*:/i;
const GREETING = /^\s*(?:hi|hello|dear|hey)\b[^.]{0,40},?\s*$/i;
const LINK_ONLY = /^\s*(?:<?https?:\/\/\S+>?|\[[^\]]*\]\([^)]*\))\s*$/;

/**
 * Notification mails (`Subject: Monitor is DOWN: api` ... `Event timestamp: ...`): each mail,
 * from its subject to the next, is one event at the time its field states, with the subject as
 * its text and the body after it. Null when the section holds no such mail.
 */
function notificationMails(blocks: readonly Block[]): Block[] | null {
  const mails: SourceLine[][] = [];
  const before: Block[] = [];
  for (const block of blocks) {
    for (const line of block.lines) {
      if (MAIL_SUBJECT.test(line.text)) mails.push([line]);
      else if (mails.length > 0) mails[mails.length - 1]?.push(line);
    }
    if (mails.length === 0) before.push(block);
  }
  if (mails.length === 0) return null;
  const out: Block[] = [...before];
  let read = 0;
  for (const mail of mails) {
    const head = mail[0] as SourceLine;
    const readings = mail.map((line) => readLine(line.text));
    const field = readings.find(
      (reading): reading is Extract<LineReading, { kind: 'field' }> => reading.kind === 'field',
    );
    if (!field) {
      out.push({ lines: mail });
      continue;
    }
    read++;
    const subject = MAIL_SUBJECT.exec(head.text)?.[1]?.trim() ?? '';
    const body = mail
      .filter(
        (line, i) =>
          i > 0 &&
          !MAIL_HEADER.test(line.text) &&
          !GREETING.test(line.text) &&
          !LINK_ONLY.test(line.text) &&
          readings[i]?.kind !== 'field' &&
          /[\p{L}]{3}/u.test(line.text),
      )
      .map((line) => ({ number: line.number, text: `    ${line.text.trim()}` }));
    out.push({ lines: [eventLine(head.number, field.stamp, null, subject), ...body] });
  }
  return read > 0 ? out : null;
}

/** A header whose message is being collected from the untimed lines below it. */
interface OpenHeader {
  number: number;
  stamp: FoundStamp;
  actor: string | null;
  /** What the header line says besides its stamp, the event's text when no message follows. */
  said: string;
  body: string[];
  /** The item's kind from the header (`Milestone · Mitigated`), written before the message. */
  label?: string;
}

/**
 * The event line a header becomes once its message is collected: the message (else what the
 * header line said, with no author) after its stamp, on the header's line number.
 */
function headerEvent(open: OpenHeader): SourceLine {
  const body = open.body.map(withoutQuoteMarks).join(' ');
  const message =
    open.body.length === 0
      ? (open.label ?? open.said)
      : open.label
        ? `${open.label}: ${body}`
        : body;
  return eventLine(open.number, open.stamp, open.body.length > 0 ? open.actor : null, message);
}

/** Words for "at" before a time in a sentence: `at 10:15`, `um 14:50 Uhr`: prose, not a layout. */
const PREPOSITION =
  /^(?:at|on|by|around|about|from|until|till|since|before|after|um|ab|bis|gegen|seit|am|à|vers|dès|a|las|alle|ore|desde|hasta|às|le|el|la|de|du|and|und|et|y|then)$/i;
/** What is written before a stamp as a layout's column: one token (`ERROR`, `[web-1]`) or a name. */
const COLUMN_TOKEN = /^[[(<]?[\p{L}\d_.@#/-]{1,32}[\])>]?$/u;
/** Marks between a column and the stamp: `web-1 | 2026-...`, `ERROR [2026-...`. */
const COLUMN_MARKS = /[\s|:[(<·•–—-]+$/;
/** How many of a block's stamped lines must share a layout for it to be the block's. */
const DOMINANT_SHARE = 0.6;

/** A line's stamp after a short column, and what follows it, as a layout candidate. */
function layoutOf(
  text: string,
): { found: FoundStamp; column: string; after: string; shape: 'prefix' | 'suffix' } | null {
  const found = findStamps(text)[0];
  if (!found || found.before.trim() === '') return null;
  const column = found.before.replace(COLUMN_MARKS, '').trim();
  if (column === '' || PREPOSITION.test(column.split(/\s+/).pop() ?? '')) return null;
  const after = found.after.replace(/^[\s|:\])>·•–—-]+/, '').trim();
  const shape = after === '' || EMPTY_TAIL.test(after) ? 'suffix' : 'prefix';
  // A column is one token, or (before a stamp that ends the line) a name.
  const token = COLUMN_TOKEN.test(column);
  if (!token && !(shape === 'suffix' && authorOf(column))) return null;
  return { found, column: column.replace(/^[[(<]|[\])>]$/g, ''), after, shape };
}

/**
 * The block's lines read by its dominant layout: when most lines that hold a stamp put it at
 * the same place after a short column (a log level `INFO [2026-03-09 10:15:02] ...`, a host
 * `web-1 | 2026-03-09 10:15:22 | ...`, a name `Ana López 10:15 AM` with the message below), every
 * line of that layout is read so, though one line alone would be ambiguous. A stamp found this
 * way is a stamp wherever the file's other lines say stamps are.
 */
function withDominantLayout(blocks: readonly Block[]): LineReading[][] {
  const readings = blocks.map((block) => block.lines.map((line) => readLine(line.text)));
  const lines = blocks.flatMap((block) => block.lines);
  const flat = readings.flat();
  const layouts = lines.map((line, i) => (flat[i]?.kind === 'text' ? layoutOf(line.text) : null));
  const stamped = lines.filter((line, i) => layouts[i] || findStamps(line.text).length > 0);
  const count = (shape: 'prefix' | 'suffix'): number =>
    layouts.filter((layout) => layout?.shape === shape).length;
  const shape = count('prefix') >= count('suffix') ? 'prefix' : 'suffix';
  const share = count(shape);
  if (share < 2 || share < stamped.length * DOMINANT_SHARE) return readings;
  let i = 0;
  return readings.map((block) =>
    block.map((reading): LineReading => {
      const layout = layouts[i++];
      if (!layout || layout.shape !== shape) return reading;
      if (shape === 'suffix') {
        const author = authorOf(layout.column);
        return {
          kind: 'header',
          stamp: layout.found,
          actor: author?.actor ?? layout.column,
          role: false,
        };
      }
      return { kind: 'event', stamp: layout.found, text: `[${layout.column}] ${layout.after}` };
    }),
  );
}

/**
 * A block the timeline reader reads as it is: every line is text or already starts with its
 * stamp, or it is an incident tool's milestone summary (`Started  Feb 3, 2026 10:12 CET`), which
 * stated-times.ts reads by key.
 */
function readAsWritten(block: Block, readings: readonly LineReading[]): boolean {
  return (
    readings.every((reading) => reading.kind === 'as-is' || reading.kind === 'text') ||
    findMilestoneBlock(block.lines, ANY_DAY).length > 0
  );
}

/**
 * One block's lines rewritten so each event starts with its stamp (see the module comment): a
 * name line above a time alone (Mattermost) or a header opens an event whose message is the text
 * lines below; a time alone continues the last author's messages; an event line and a field's
 * time are written at once. `lastActor` is the author of the last header before this block
 * (undefined when none yet). Returns the lines, the header still open at the block's end (its
 * message may be the next block) and the author of the last header.
 */
function rewriteBlockLines(
  block: Block,
  readings: readonly LineReading[],
  lastActor: string | null | undefined,
): { lines: SourceLine[]; open: OpenHeader | null; lastActor: string | null | undefined } {
  const lines: SourceLine[] = [];
  let open: OpenHeader | null = null;
  const close = (): void => {
    if (open) lines.push(headerEvent(open));
    open = null;
  };
  for (let i = 0; i < block.lines.length; i++) {
    const line = block.lines[i] as SourceLine;
    const reading = readings[i] as LineReading;
    const next = readings[i + 1];
    const name = next?.kind === 'time-alone' ? nameLine(line.text) : null;
    if (name && next?.kind === 'time-alone') {
      // Mattermost: the name on this line, the time on the next, the message below.
      close();
      lastActor = name;
      open = { number: line.number, stamp: next.stamp, actor: name, said: name, body: [] };
      i++;
      continue;
    }
    if (reading.kind === 'header') {
      close();
      lastActor = reading.actor;
      open = {
        number: line.number,
        stamp: reading.stamp,
        actor: reading.actor,
        said: headerText(reading.stamp),
        body: [],
        ...(reading.label ? { label: reading.label } : {}),
      };
      continue;
    }
    const author = reading.kind === 'time-alone' ? authorBelow(block.lines, readings, i) : null;
    if (reading.kind === 'time-alone' && author) {
      // ServiceNow's activity: the time, the author (and the journal field) below it, then the text.
      close();
      lastActor = author.actor;
      open = { number: line.number, stamp: reading.stamp, actor: author.actor, said: '', body: [] };
      i += author.lines;
      continue;
    }
    if (reading.kind === 'time-alone' && lastActor !== undefined) {
      close();
      open = { number: line.number, stamp: reading.stamp, actor: lastActor, said: '', body: [] };
      continue;
    }
    if (reading.kind === 'text' && open) {
      open.body.push(line.text.trim());
      continue;
    }
    close();
    if (reading.kind === 'event') {
      lines.push(eventLine(line.number, reading.stamp, null, reading.text));
    } else if (reading.kind === 'field') {
      // The time of what the lines above say (a notification's message): a time alone.
      lines.push({ number: line.number, text: reading.stamp.written });
    } else lines.push(line);
  }
  return { lines, open, lastActor };
}

/**
 * Reads a timeline section's blocks wherever their stamps are (see the module comment) and
 * writes every event as a line that starts with its stamp. Lines the timeline reader reads as
 * they are (a stamp at the start, a table, CSV) are left alone.
 */
export function readStampLayout(blocks: readonly Block[]): Block[] {
  const mails = notificationMails(blocks);
  if (mails) return mails;
  const out: Block[] = [];
  /** The author of the last header, for a time alone that continues the same author's messages. */
  let lastActor: string | null | undefined;
  // Each block's lines are read once: a header alone in its block looks at the next block too.
  const read: LineReading[][] = [];
  read.push(...withDominantLayout(blocks));
  const readingsOf = (b: number): LineReading[] => read[b] ?? [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as Block;
    // CSV or a table is read by column in timeline-lines.ts.
    if (isTabular(block.lines) || readAsWritten(block, readingsOf(b))) {
      out.push(block);
      continue;
    }
    const rewritten = rewriteBlockLines(block, readingsOf(b), lastActor);
    lastActor = rewritten.lastActor;
    const { lines, open } = rewritten;
    // A header alone in its block: its message is the next block, when that has no stamp.
    const following = blocks[b + 1];
    if (
      open &&
      open.body.length === 0 &&
      following &&
      readingsOf(b + 1).every((reading) => reading.kind === 'text')
    ) {
      open.body.push(...following.lines.map((line) => line.text.trim()));
      b++;
    }
    if (open) lines.push(headerEvent(open));
    out.push({ lines });
  }
  return out;
}

/** A 24-hour time with a 12-hour suffix: `13:20pm`. */
const REDUNDANT_MERIDIEM =
  /(?<![\d:])(?:1[3-9]|2[0-3]):[0-5]\d(?::[0-5]\d)?\s*[ap]\.?m\.?(?![a-z])/gi;

/**
 * Warns on each `13:20pm`: it is read as 13:20 (time.ts), but the writer may have meant
 * something else, so the person is told.
 */
export function redundantMeridiems(
  file: string,
  blocks: readonly Block[],
  diagnostics: Diagnostic[],
): void {
  for (const block of blocks)
    for (const line of block.lines)
      for (const match of line.text.matchAll(REDUNDANT_MERIDIEM))
        diagnostics.push(
          warning(
            'time/redundant-meridiem',
            file,
            { line: line.number, column: match.index + 1 },
            `"${match[0]}" is a 24-hour time with an AM/PM suffix; reading it as ${match[0].replace(/\s*[ap]\.?m\.?$/i, '')}`,
            'drop the AM/PM suffix from 24-hour times (or write a 12-hour time)',
          ),
        );
}

const TABLE_TAG = /<(\/?)(table|thead|tbody|tfoot|tr|td|th)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-z][a-z0-9]*\b[^>]*>/gi;
const HTML_LINE = /^\s*<(?:p|li|div|span|br|b|strong|em|i|code|ul|ol|h[1-6])\b[^>]*>/i;

function cellText(html: string): string {
  return decodeHTML(html.replace(/<br\s*\/?>/gi, ' ').replace(ANY_TAG, ''))
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

/**
 * Pasted markup read as what it shows: an HTML table's rows become Markdown table rows (the
 * first row's `<th>` cells its header, each row on the line its `<tr>` opens), other HTML
 * lines lose their tags, and entities (`&ndash;`, `&nbsp;`) become their characters.
 */
export function readMarkup(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) => {
    if (!block.lines.some((line) => /<t[rdh]\b/i.test(line.text))) {
      if (!block.lines.some((line) => HTML_LINE.test(line.text))) return [block];
      return [
        {
          lines: block.lines.map((line) =>
            HTML_LINE.test(line.text) ? { number: line.number, text: cellText(line.text) } : line,
          ),
        },
      ];
    }
    // A line around the table (`<h2>Timeline</h2>`, a caption) is a block of its own, so the
    // rows read as a table: `lines` collects the table, `around` what is outside it.
    const out: Block[] = [];
    let around: SourceLine[] = [];
    const flushAround = (): void => {
      if (around.length > 0) out.push({ lines: around });
      around = [];
    };
    const lines: SourceLine[] = [];
    let row: { number: number; cells: string[]; header: boolean } | null = null;
    let cell: string | null = null;
    let rows = 0;
    const endCell = (): void => {
      if (row && cell !== null) row.cells.push(cellText(cell));
      cell = null;
    };
    const endRow = (): void => {
      endCell();
      if (row && row.cells.length > 0) {
        lines.push({ number: row.number, text: `| ${row.cells.join(' | ')} |` });
        if (rows === 0 && row.header)
          lines.push({ number: row.number, text: `|${' --- |'.repeat(row.cells.length)}` });
        rows++;
      }
      row = null;
    };
    for (const line of block.lines) {
      let at = 0;
      for (const tag of line.text.matchAll(TABLE_TAG)) {
        if (cell !== null) cell += line.text.slice(at, tag.index);
        at = tag.index + tag[0].length;
        const closing = tag[1] === '/';
        const name = (tag[2] ?? '').toLowerCase();
        if (name === 'tr' && !closing) {
          if (lines.length === 0) flushAround();
          endRow();
          row = { number: line.number, cells: [], header: true };
        } else if ((name === 'td' || name === 'th') && !closing) {
          endCell();
          row ??= { number: line.number, cells: [], header: true };
          if (name === 'td') row.header = false;
          cell = '';
        } else if (name === 'td' || name === 'th') endCell();
        else if (name === 'tr') endRow();
        else if (name === 'table') {
          endRow();
          // What follows the table is a block of its own again.
          if (closing && lines.length > 0) out.push({ lines: lines.splice(0) });
          rows = 0;
        }
      }
      if (cell !== null) cell += ` ${line.text.slice(at)}`;
      else if (!row && at === 0 && line.text.trim()) {
        const text = HTML_LINE.test(line.text) ? cellText(line.text) : line.text;
        if (text.trim()) (lines.length === 0 ? around : lines).push({ number: line.number, text });
      }
    }
    endRow();
    if (lines.length > 0) out.push({ lines });
    flushAround();
    return out;
  });
}
