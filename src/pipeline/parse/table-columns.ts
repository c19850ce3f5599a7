/**
 * What the columns of a pasted table are for, once its time columns are known. An export from an
 * on-call tool, a ticket system or a wiki (PagerDuty's log, ServiceNow work notes, Opsgenie's log,
 * a Notion database, a Markdown timeline) prints beside the time a message and often who wrote it,
 * then columns a reader skips: a channel (`Web`, `Email`), a ticket number, a state, tags. Only the
 * message is the event's text; who and where go to the entry's actor and source. Read once here
 * for every table shape (CSV, TSV, pipes, Markdown, aligned columns, HTML table text).
 */
import type { SourceLine } from './document.js';

/** A header cell that names the message column, in the words exports use. */
const MESSAGE_HEADER =
  /^(?:summary|description|message|msg|details?|text|notes?|work ?notes?|comments?|title|what(?: happened)?|event|events|activity|log|log message|entry|update|action|happened|ereignis|beschreibung|nachricht|événement|evenement|mensaje|evento|descripción|descrição|mensagem)(?:\s*\([^)]*\))?$/iu;

/** A header cell that names who wrote or did it. */
export const ACTOR_HEADER =
  /^(?:agent|user|who|actor|by|author|person|owner|responder|assignee|operator|(?:logged|reported|created|updated|posted|changed|written|performed|done) by|wer|autor|auteur|qui|quién|quem)$/iu;

/** A header cell that names where it came from: a tool, a channel, a service. */
export const SOURCE_HEADER =
  /^(?:[\w]+\.)?(?:source|area|service|system|component|tool|channel|via|integration|host|origin|quelle|dienst|origine|fuente|origem)(?:\.name)?$/iu;

/** A header cell that names an entry's kind or state (`Type`, `Log type`, `State`). */
export const STATE_HEADER =
  /^(?:type|kind|event[ _]type|log[ _]type|log entry type|state|status|action type|category)$/i;

/** Mean number of words in a column's cells. */
function meanWords(rows: readonly (readonly string[])[], column: number): number {
  if (rows.length === 0) return 0;
  const words = rows.reduce(
    (sum, values) => sum + (values[column] ?? '').split(/\s+/).filter(Boolean).length,
    0,
  );
  return words / rows.length;
}

/**
 * The column that holds each row's message: the one the header names as such, or else the
 * column with the most words per row among those no other role took (a message is prose, the
 * columns beside it are codes and names). -1 when no column is left.
 *
 * @param header the header's cells, as written
 * @param rows the body rows' cells, split the same way
 * @param taken columns already read as time, date, zone, actor, source or state
 */
export function messageColumnOf(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  taken: ReadonlySet<number>,
): number {
  const free = header.map((_, i) => i).filter((i) => !taken.has(i));
  const named = free.find((i) => MESSAGE_HEADER.test((header[i] ?? '').trim()));
  if (named !== undefined) return named;
  let best = -1;
  let bestWords = 0;
  for (const i of free) {
    const words = meanWords(rows, i);
    if (words > bestWords) {
      best = i;
      bestWords = words;
    }
  }
  return best;
}

/** The index of the first header cell `test` accepts that is not in `taken`, or -1. */
export function namedColumn(
  header: readonly string[],
  test: RegExp,
  taken: ReadonlySet<number>,
): number {
  return header.findIndex((cell, i) => !taken.has(i) && test.test(cell.trim()));
}

/** A clock time somewhere in a cell: `9:41 PM`, `14:05`, `14h05`, `2026-03-03T21:41`. */
const CLOCK_IN_CELL = /\d{1,2}[:h.]\d\d|T\d\d:\d\d/;

/**
 * Cells of a line whose columns are set apart by runs of two or more spaces (or tabs), as a
 * web UI's table reads when copied as text.
 */
function alignedCells(text: string): string[] {
  return text
    .trim()
    .split(/\t+|\s{2,}/)
    .map((cell) => cell.trim());
}

/**
 * A table whose columns are aligned with spaces (a PagerDuty or Opsgenie log copied from the web
 * page, `kubectl`-like listings of events) rewritten with tabs between its cells, so the header
 * row names the columns as in a TSV export; null when the block is not one. A header is the
 * first line: three or more cells apart by two spaces or more, no clock time in it, and most
 * lines below split into as many cells and carry a clock time. A row with an empty cell is cut
 * at the header's column starts instead. Line numbers are kept.
 */
export function alignedColumnsAsTabs(lines: readonly SourceLine[]): SourceLine[] | null {
  const first = lines[0];
  if (!first || lines.length < 2 || first.text.includes('\t') || first.text.includes('|'))
    return null;
  const header = alignedCells(first.text);
  if (header.length < 3 || CLOCK_IN_CELL.test(first.text)) return null;
  if (header.some((cell) => cell.split(/\s+/).length > 4)) return null;
  const starts = header.map((cell, i) => {
    let from = 0;
    for (let k = 0; k < i; k++) from = first.text.indexOf(header[k] ?? '', from) + 1;
    return first.text.indexOf(cell, from);
  });
  const body = lines.slice(1);
  const split = body.map((line) => {
    const byGaps = alignedCells(line.text);
    if (byGaps.length === header.length) return byGaps;
    // Cut at the header's column starts when each falls on a gap (or past the row's end: the
    // last cells are empty).
    const fits = starts.every((start, i) => i === 0 || /\s/.test(line.text[start - 1] ?? ' '));
    if (!fits) return byGaps;
    return starts.map((start, i) =>
      line.text.slice(start, i + 1 < starts.length ? starts[i + 1] : undefined).trim(),
    );
  });
  const rows = split.filter((cells, i) => {
    const text = body[i]?.text ?? '';
    return cells.length === header.length && CLOCK_IN_CELL.test(text);
  });
  if (rows.length < 2 || rows.length * 3 < body.filter((l) => l.text.trim()).length * 2)
    return null;
  return [
    { number: first.number, text: header.join('\t') },
    ...body.map((line, i) => ({
      number: line.number,
      text: (split[i]?.length ?? 0) === header.length ? (split[i] ?? []).join('\t') : line.text,
    })),
  ];
}
