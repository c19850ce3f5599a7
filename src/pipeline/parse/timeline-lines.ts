/**
 * Turns the blocks of a timeline section into entries: one per timestamped line, plus untimed
 * lines kept in order, table rows, chat messages and day separators. Times are not resolved to
 * instants here (see resolve-instants.ts).
 */
import { error, type Diagnostic } from '../diagnostics.js';
import type { Block, SourceLine } from './document.js';
import { isStampProblem, readStamp, type CalendarDate, type Stamp } from './time.js';

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
}

export type TimelineItem =
  { type: 'entry'; entry: TimelineEntry } | { type: 'day'; line: number; date: CalendarDate };

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const DAY_SEPARATOR = /^[\s\-=*#_.]*(?:day changed(?: to)?|date:?|---)?\s*/i;
// Slack's copy format: the author and time alone on a line, the message on the lines below.
const SLACK_HEADER =
  /^\s*([A-Za-z@][\w.' -]{0,40}?)(?:\s{2,}|\s*\[)(\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)\]?\s*$/i;
const CHAT_STAMP = /^\s*(?:\[[^\]]*\d:\d\d[^\]]*\]|\d{1,2}:\d{2}(?::\d{2})?\s+<[^>]+>)/;
const NOT_ACTORS =
  /^(notes?|error|errors|critical|warning|warn|alert|alarm|info|update|status|identified|resolved|root cause|impact|fix|action|problem|recovery|ok|todo)$/i;

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** A block is a timeline if a line starts with a time, even an impossible one (reported later). */
export function hasTimedLine(block: Block): boolean {
  return block.lines.some((line) => {
    if (isStampProblem(readStamp(line.text))) return true;
    if (TABLE_ROW.test(line.text)) return cells(line.text).some((cell) => stampOf(cell)?.time);
    return Boolean(stampOf(line.text)?.time) || SLACK_HEADER.test(line.text);
  });
}

function stampOf(text: string): Stamp | null {
  const stamp = readStamp(text);
  return stamp && !isStampProblem(stamp) ? stamp : null;
}

/** Splits `early - text`, `(overnight)   text`, `Thu-Fri    text` into a label and the text. */
function splitLabel(text: string): { label: string | null; text: string } {
  const paren = /^\(([^)]{1,80})\)\s*(.*)$/.exec(text);
  if (paren?.[2]) return { label: paren[1] ?? null, text: paren[2] };
  const gap = /^(\S.{0,30}?)(?:\s{2,}|\s+[-–—]\s+)(\S.*)$/.exec(text);
  if (gap && (gap[1] ?? '').split(/\s+/).length <= 4)
    return { label: gap[1] ?? null, text: gap[2] ?? '' };
  return { label: null, text };
}

/** Pulls `[PagerDuty]`, `(graphs)`, `<nick>`, `nick:` and `@mention` off the front of a message. */
export function splitSourceAndActor(
  message: string,
  chat: boolean,
): { source: string | null; actor: string | null; text: string } {
  let text = message.trim();
  let source: string | null = null;
  let actor: string | null = null;
  const bracket =
    /^\[([^\]]{1,40})\]\s*(.*)$/.exec(text) ?? /^\(([a-z][\w -]{0,20})\)\s+(.*)$/i.exec(text);
  if (bracket) {
    source = bracket[1]?.trim() ?? null;
    text = bracket[2] ?? '';
  }
  const irc = /^<([^>\s]{1,32})>\s*(.*)$/.exec(text);
  if (irc) {
    actor = irc[1] ?? null;
    text = irc[2] ?? '';
  } else if (chat) {
    const nick = /^([\w.@|-]{1,32}):\s+(.*)$/.exec(text);
    if (nick && !NOT_ACTORS.test(nick[1] ?? '')) {
      actor = nick[1] ?? null;
      text = nick[2] ?? '';
    }
  }
  const mention = /^@([\w.-]{1,32}):?\s/.exec(text);
  if (!actor && mention) actor = mention[1] ?? null;
  return { source, actor, text: text.replace(/\s{2,}/g, ' ').trim() };
}

function tableEntries(
  file: string,
  lines: SourceLine[],
  diagnostics: Diagnostic[],
): TimelineItem[] {
  const rows = lines.filter((line) => !TABLE_RULE.test(line.text));
  const header = rows[0] && lines[1] && TABLE_RULE.test(lines[1].text) ? cells(rows[0].text) : null;
  const body = header ? rows.slice(1) : rows;
  let timeColumn = header
    ? header.findIndex((cell) => /\b(time|when|timestamp)\b/i.test(cell))
    : -1;
  // A separate Date column is read together with the Time column.
  const dateColumn = header
    ? header.findIndex((cell, i) => i !== timeColumn && /\b(date|day)\b/i.test(cell))
    : -1;
  if (timeColumn === -1) timeColumn = dateColumn === -1 ? 0 : dateColumn;
  const separateDate = dateColumn !== -1 && dateColumn !== timeColumn;
  const headerZone = header?.[timeColumn]?.match(/\(([^)]+)\)/)?.[1] ?? null;
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
          'use a 24-hour HH:MM time from 00:00 to 23:59, or 1:00-12:59 with AM/PM',
        ),
      );
      continue;
    }
    const text = values
      .filter(
        (_, i) =>
          i !== timeColumn &&
          i !== sourceColumn &&
          i !== actorColumn &&
          (!separateDate || i !== dateColumn),
      )
      .join(' — ');
    const timed = stamp?.time ? stamp : null;
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
      },
    });
  }
  return items;
}

/** Reads one timeline block. Problems (impossible times) are reported and the line skipped. */
export function readTimelineBlock(
  file: string,
  block: Block,
  diagnostics: Diagnostic[],
): TimelineItem[] {
  if (block.lines.every((line) => TABLE_ROW.test(line.text) || TABLE_RULE.test(line.text))) {
    return tableEntries(file, block.lines, diagnostics);
  }
  const chat = block.lines.filter((line) => CHAT_STAMP.test(line.text)).length >= 2;
  const items: TimelineItem[] = [];
  let last: TimelineEntry | null = null;
  let awaitingMessage = false;
  for (const line of block.lines) {
    const stamp = readStamp(line.text);
    if (isStampProblem(stamp)) {
      diagnostics.push(
        error(
          'time/impossible',
          file,
          { line: line.number, column: stamp.column },
          stamp.problem,
          'use a 24-hour HH:MM time from 00:00 to 23:59, or 1:00-12:59 with AM/PM',
        ),
      );
      last = null;
      continue;
    }
    const slack = stamp ? null : SLACK_HEADER.exec(line.text);
    if (slack) {
      const time = stampOf(slack[2] ?? '');
      last = {
        line: line.number,
        column: 1,
        stamp: time,
        timeLabel: null,
        source: null,
        actor: slack[1]?.trim() ?? null,
        text: '',
        blockZone: null,
      };
      items.push({ type: 'entry', entry: last });
      awaitingMessage = true;
      continue;
    }
    if (stamp?.time && stamp.rest === '' && last && !last.stamp?.time && last.text) {
      // Status pages print the update first and its time on the line below.
      if (last.timeLabel) last.text = `${last.timeLabel}: ${last.text}`;
      last.stamp = { ...stamp, rest: last.text };
      last.timeLabel = null;
      continue;
    }
    if (stamp?.time) {
      const parts = splitSourceAndActor(stamp.rest, chat);
      last = {
        line: line.number,
        column: stamp.column,
        stamp,
        timeLabel: null,
        ...parts,
        blockZone: null,
      };
      items.push({ type: 'entry', entry: last });
      awaitingMessage = false;
      continue;
    }
    const daySeparator = readStamp(line.text.replace(DAY_SEPARATOR, ''));
    if (
      daySeparator &&
      !isStampProblem(daySeparator) &&
      daySeparator.date &&
      !daySeparator.time &&
      /^[\s\-=*#_.)]*$/.test(daySeparator.rest)
    ) {
      items.push({ type: 'day', line: line.number, date: daySeparator.date });
      last = null;
      continue;
    }
    const continuation =
      last && (awaitingMessage || (/^\s{2,}\S/.test(line.text) && !/^\s*[-*+•]\s/.test(line.text)));
    if (continuation && last) {
      last.text = last.text ? `${last.text} ${line.text.trim()}` : line.text.trim();
      continue;
    }
    const body = (stamp?.date ? stamp.rest : line.text)
      .replace(/^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+)/, '')
      .trim();
    const { label, text } = splitLabel(body);
    const parts = splitSourceAndActor(text, chat);
    last = {
      line: line.number,
      column: 1,
      stamp: stamp?.date ? stamp : null,
      timeLabel: label,
      ...parts,
      blockZone: null,
    };
    items.push({ type: 'entry', entry: last });
    awaitingMessage = false;
  }
  return items;
}
