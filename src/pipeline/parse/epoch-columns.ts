/**
 * A CSV, TSV or Markdown-table column of Unix epoch times (`1770796692`, `1754432043512`), or
 * an epoch time leading each log line (`[1770796692] SERVICE ALERT: ...`), as log stores, Nagios
 * and scripts write them: rewritten, keeping line numbers, to an ISO 8601 UTC stamp
 * (`2026-02-11T07:58:12Z`) so the column readers in timeline-lines.ts find the time column as in
 * any export. JSON records with epoch fields are read in structured-records.ts; this is the same
 * reading for delimited rows.
 *
 * A column is read as epoch time only when a person would read it so: most of its rows hold a
 * number of exactly 10 digits (seconds) or 13 (milliseconds) between 2001 and 2286, and they all
 * fall within a year of each other (one incident's timeline, not a column of ids). Epoch time is
 * UTC by definition (POSIX.1-2017, 4.16 Seconds Since the Epoch), so the stamp carries `Z`.
 */
import type { Block } from './document.js';
import { cellsOf, delimiterOf, joinCells } from './spreadsheet-serials.js';

const EPOCH_CELL = /^(?:\d{10}|\d{13})(?:\.\d{1,9})?$/;
/** Longest span of one column's times, in milliseconds: a timeline, not a ledger. */
const MAX_SPAN_MS = 366 * 86_400_000;

/** The instant (epoch milliseconds) a cell holds, or null when it is no epoch time. */
function epochOf(cell: string | undefined): number | null {
  const value = (cell ?? '').trim().replace(/^"(.*)"$/, '$1');
  if (!EPOCH_CELL.test(value)) return null;
  const whole = value.split('.')[0] ?? '';
  return whole.length === 13 ? Number(whole) : Math.round(Number(value) * 1000);
}

/** `2026-02-11T07:58:12Z`, with milliseconds only when the cell had them. */
function stampOf(millis: number): string {
  const iso = new Date(millis).toISOString();
  return millis % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

/** The column whose cells read as one timeline's epoch times, or -1. */
function epochColumn(rows: readonly string[][]): number {
  const width = Math.max(0, ...rows.map((row) => row.length));
  for (let column = 0; column < width; column++) {
    const times = rows.map((row) => epochOf(row[column])).filter((t): t is number => t !== null);
    if (times.length < 2 || times.length * 2 <= rows.length) continue;
    if (Math.max(...times) - Math.min(...times) > MAX_SPAN_MS) continue;
    return column;
  }
  return -1;
}

/**
 * An epoch time leading a log line, bare or bracketed: Nagios's `[1770796692] SERVICE ALERT: ...`,
 * a script's `1770796692.512 ERROR ...`.
 */
const LEADING_EPOCH = /^(\s*)\[?((?:\d{10}|\d{13})(?:\.\d{1,9})?)\]?(?=\s)/;

/** A block whose lines mostly start with one timeline's epoch times, rewritten; else null. */
function readLeadingEpochs(block: Block): Block | null {
  const leading = block.lines.map((line) => LEADING_EPOCH.exec(line.text));
  const times = leading.flatMap((match) => (match ? (epochOf(match[2]) ?? []) : []));
  if (times.length < 2 || times.length * 2 <= block.lines.length) return null;
  if (Math.max(...times) - Math.min(...times) > MAX_SPAN_MS) return null;
  return {
    lines: block.lines.map((line, index) => {
      const match = leading[index];
      const millis = match ? epochOf(match[2]) : null;
      if (!match || millis === null) return line;
      return {
        number: line.number,
        text: `${match[1] ?? ''}${stampOf(millis)}${line.text.slice(match[0].length)}`,
      };
    }),
  };
}

function readBlockEpochs(block: Block): Block {
  const delimiter = delimiterOf(block.lines);
  const rows = delimiter ? block.lines.map((line) => cellsOf(line.text, delimiter)) : [];
  const column = delimiter ? epochColumn(rows) : -1;
  if (!delimiter || column < 0) return readLeadingEpochs(block) ?? block;
  const lines = block.lines.map((line, index) => {
    const cells = rows[index] ?? [];
    const millis = epochOf(cells[column]);
    if (millis === null) return line;
    const written = (cells[column] ?? '').replace(/\S+/, stampOf(millis));
    const rewritten = [...cells.slice(0, column), written, ...cells.slice(column + 1)];
    return { number: line.number, text: joinCells(line.text, rewritten, delimiter) };
  });
  return { lines };
}

/**
 * The blocks with every delimited column of epoch seconds or milliseconds rewritten as ISO 8601
 * UTC stamps, keeping line numbers; blocks without one come back as they were. Pure.
 */
export function readEpochColumns(blocks: readonly Block[]): Block[] {
  return blocks.map((block) =>
    block.lines.some((line) => /(?<!\d)(?:\d{10}|\d{13})(?!\d)/.test(line.text))
      ? readBlockEpochs(block)
      : block,
  );
}
