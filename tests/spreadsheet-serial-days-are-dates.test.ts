/**
 * A sheet exported with its date column as serial days (`44733.26875`, days since 1899-12-30) is
 * read as the dates and times the sheet showed, in CSV, TSV, `;`-separated and Markdown tables;
 * a column of ids, amounts or numbers spread over years stays as written. Fixtures of the kind:
 * tests/fixtures/cases/spreadsheet-serial-days-*.md.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  readSpreadsheetSerials,
  serialDayText,
} from '../src/pipeline/parse/spreadsheet-serials.js';
import { instants } from './helpers/instants.js';

const block = (...texts: string[]) => [
  { lines: texts.map((text, index) => ({ number: index + 1, text })) },
];
const texts = (blocks: ReturnType<typeof readSpreadsheetSerials>): string[] =>
  blocks.flatMap((b) => b.lines.map((line) => line.text));

describe('a serial day is the date and time a sheet shows', () => {
  test.each([
    [44733.26875, '2022-06-21 06:27'],
    [45712.3875, '2025-02-24 09:18'],
    [46022.999988, '2025-12-31 23:59:59'],
    [25569, '1970-01-01 00:00'],
  ])('%s → %s', (serial, written) => {
    expect(serialDayText(serial)).toBe(written);
  });

  test.each([
    ['CSV', ',', 'When,Who,What', (s: string) => `${s},ops,event`],
    ['TSV', '\t', 'When\tWho\tWhat', (s: string) => `${s}\tops\tevent`],
    ['semicolons', ';', 'Fecha;Quién;Qué', (s: string) => `${s};ops;event`],
    ['a Markdown table', '|', '| When | What |', (s: string) => `| ${s} | event |`],
  ])('in %s', (_, __, header, row) => {
    const read = texts(readSpreadsheetSerials(block(header, row('45712.3875'), row('45712.4375'))));
    expect(read[1]).toContain('2025-02-24 09:18');
    expect(read[2]).toContain('2025-02-24 10:30');
  });
});

describe('a column of numbers that are no dates stays as written', () => {
  test.each([
    ['ids without a time of day', ['Ticket,Note', '45712,opened', '45713,closed']],
    ['amounts spread over years', ['Amount,Note', '45712.50,refund', '61020.75,refund']],
    ['four-digit numbers', ['Value,Note', '4571.3875,a', '4572.12,b']],
    ['years before 1970', ['Value,Note', '12345.5,a', '12346.25,b']],
  ])('%s', (_, lines) => {
    expect(texts(readSpreadsheetSerials(block(...lines)))).toEqual(lines);
  });
});

test('row order never changes an instant', () => {
  const base = Date.UTC(2025, 2, 12);
  const epoch = Date.UTC(1899, 11, 30);
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: 0, max: 3 * 24 * 60 - 1 }), { minLength: 2, maxLength: 7 }),
      fc.func(fc.integer()),
      (minutes, shuffleKey) => {
        const serial = (m: number): string => ((base + m * 60_000 - epoch) / 86_400_000).toFixed(6);
        const file = (order: number[]): string =>
          `---\ntitle: Serial test\n---\n## Timeline\n\nTime (UTC),Owner,Note\n${order
            .map((m) => `${serial(m)},ops,event ${minutes.indexOf(m)}`)
            .join('\n')}\n`;
        const expected = minutes.map((m) => new Date(base + m * 60_000).toISOString()).sort();
        const shuffled = [...minutes].sort((a, b) => shuffleKey(a) - shuffleKey(b));
        const asIso = (list: string[]) => list.map((t) => new Date(t).toISOString());
        expect(asIso(instants(file(minutes)))).toEqual(expected);
        expect(asIso(instants(file([...minutes].reverse())))).toEqual(expected);
        expect(asIso(instants(file(shuffled)))).toEqual(expected);
      },
    ),
    { numRuns: 25 },
  );
});
