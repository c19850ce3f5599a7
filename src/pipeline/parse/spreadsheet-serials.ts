/**
 * Dates a spreadsheet exported as serial day numbers (`44733.26875`): days since 1899-12-30, the
 * fraction the time of day, as Excel, LibreOffice and Google Sheets count them when a cell loses
 * its date format on export. Rewritten, keeping line numbers, to the stamp every reader knows
 * (`2022-06-21 06:27`) in the cells of one column of a CSV, TSV or Markdown table, so the column
 * readers in timeline-lines.ts find the time column as they would in any export. The serial has
 * no zone: the header's or the file's zone applies, as to any other time written without one.
 *
 * A column is read as serials only when a person would read it so: most of its rows hold a number
 * with five digits before the point in the years 1970 to 2099, at least one has a fraction (a time
 * of day, not an id), and they all fall within a year of each other (one incident's timeline).
 * Source: ECMA-376 Part 1, 18.17.4 (the 1900 date system, day 60 being the fictitious 1900-02-29,
 * so counting from 1899-12-30 is right for every date after February 1900).
 */
import type { Block, SourceLine } from './document.js';

/** 1970-01-01 and 2100-01-01 as serial days. */
const FIRST_SERIAL = 25569;
const LAST_SERIAL = 73051;
const SERIAL_CELL = /^\d{5}(?:\.\d+)?$/;
/** Longest span of one column's serials, in days: a timeline, not a ledger. */
const MAX_SPAN_DAYS = 366;
/** 1899-12-30T00:00Z, serial day 0. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** The cells of a row split by `delimiter`, with the text between them kept for rewriting. */
export function cellsOf(text: string, delimiter: string): string[] {
  return delimiter === '|' ? text.replace(/^\s*\||\|\s*$/g, '').split('|') : text.split(delimiter);
}

/** The serial day a cell holds, or null when it is no serial in the years read. */
function serialOf(cell: string | undefined): number | null {
  const value = (cell ?? '').trim().replace(/^"(.*)"$/, '$1');
  if (!SERIAL_CELL.test(value)) return null;
  const serial = Number(value);
  return serial >= FIRST_SERIAL && serial < LAST_SERIAL ? serial : null;
}

/**
 * A serial day as `YYYY-MM-DD HH:MM` (`:SS` when the seconds are not zero), rounded to the second:
 * exports keep six decimals, a tenth of a second.
 */
export function serialDayText(serial: number): string {
  const instant = new Date(EPOCH_MS + Math.round(serial * 86_400) * 1000);
  const iso = instant.toISOString();
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`}`;
}

/** The delimiter of a block's rows: a table's `|`, a tab, a comma or a semicolon, or null. */
export function delimiterOf(lines: readonly SourceLine[]): string | null {
  const first = lines[0]?.text ?? '';
  for (const delimiter of ['|', '\t', ',', ';'])
    if (first.includes(delimiter) && lines.every((line) => line.text.includes(delimiter)))
      return delimiter;
  return null;
}

/** The column whose cells read as one timeline's serial days (see the module comment), or -1. */
function serialColumn(rows: readonly string[][]): number {
  const width = Math.max(0, ...rows.map((row) => row.length));
  for (let column = 0; column < width; column++) {
    const serials = rows.map((row) => serialOf(row[column])).filter((s): s is number => s !== null);
    if (serials.length < 2 || serials.length * 2 <= rows.length) continue;
    if (!serials.some((serial) => !Number.isInteger(serial))) continue;
    if (Math.max(...serials) - Math.min(...serials) > MAX_SPAN_DAYS) continue;
    return column;
  }
  return -1;
}

/** One block with its serial-day column written as dates and times; the block itself when none. */
function readBlockSerials(block: Block): Block {
  const delimiter = delimiterOf(block.lines);
  if (!delimiter) return block;
  const rows = block.lines.map((line) => cellsOf(line.text, delimiter));
  const column = serialColumn(rows);
  if (column < 0) return block;
  const lines = block.lines.map((line, index) => {
    const cells = rows[index] ?? [];
    const serial = serialOf(cells[column]);
    if (serial === null) return line;
    const cell = cells[column] ?? '';
    const written = cell.replace(/\S+/, serialDayText(serial));
    const rewritten = [...cells.slice(0, column), written, ...cells.slice(column + 1)];
    return { number: line.number, text: joinCells(line.text, rewritten, delimiter) };
  });
  return { lines };
}

/** A row's cells joined back by `delimiter`, keeping a table row's outer bars. */
export function joinCells(original: string, cells: readonly string[], delimiter: string): string {
  return delimiter === '|'
    ? original.replace(
        /^(\s*\|?)[\s\S]*?(\|?\s*)$/,
        (_, open: string, close: string) => `${open}${cells.join('|')}${close}`,
      )
    : cells.join(delimiter);
}

/**
 * The blocks with every column of spreadsheet serial days (`44733.26875`) rewritten as
 * `2022-06-21 06:27`, keeping line numbers; blocks without one come back as they were. Pure.
 */
export function readSpreadsheetSerials(blocks: readonly Block[]): Block[] {
  return blocks.map((block) =>
    block.lines.some((line) => /\d{5}\.\d/.test(line.text)) ? readBlockSerials(block) : block,
  );
}
