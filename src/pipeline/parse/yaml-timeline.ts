/**
 * A timeline written as a YAML list, as templates and runbooks keep one:
 *
 * ```yaml
 * timeline:
 *   - time: "14:05"
 *     event: errors start
 *   - at: 2026-03-14T14:10:00Z
 *     what: alert fired
 * ```
 *
 * Each item is rewritten, keeping line numbers, to one timeline line on its first line
 * (`14:05 errors start`); its other lines are left out. The time and the text are found by the
 * field names structured-records.ts reads JSON records with, so a YAML and a JSON export of the
 * same tool read alike. Only items whose time field reads as a stamp count, and a block needs two.
 */
import type { Block, SourceLine } from './document.js';
import { EVENT_TIME_FIELDS, MESSAGE_FIELDS } from './structured-records.js';
import { isStampProblem, readStamp } from './time.js';

/** `- key: value` opening an item, or `  key: value` continuing it. */
const ITEM_START = /^(\s*)-\s+([\w@.-]+)\s*:\s*(.*)$/;
const ITEM_FIELD = /^(\s+)([\w@.-]+)\s*:\s*(.*)$/;

const fieldKey = (name: string): string => name.toLowerCase().replace(/[_\-@.\s]/g, '');

/** A YAML scalar as written: quotes taken off. */
function scalar(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return quoted ? (quoted[2] ?? '') : trimmed;
}

interface Item {
  first: SourceLine;
  fields: Map<string, string>;
  lines: SourceLine[];
}

/** The value of the first field of `names` an item has. */
function fieldOf(item: Item, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = item.fields.get(name);
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/** The block as YAML list items, or null when it is not one (a line fits no item). */
function itemsOf(lines: readonly SourceLine[]): { head: SourceLine[]; items: Item[] } | null {
  const head: SourceLine[] = [];
  const items: Item[] = [];
  for (const line of lines) {
    const start = ITEM_START.exec(line.text);
    const field = start ? null : ITEM_FIELD.exec(line.text);
    const current = items[items.length - 1];
    if (start) {
      items.push({
        first: line,
        fields: new Map([[fieldKey(start[2] ?? ''), scalar(start[3] ?? '')]]),
        lines: [line],
      });
    } else if (field && current) {
      current.fields.set(fieldKey(field[2] ?? ''), scalar(field[3] ?? ''));
      current.lines.push(line);
    } else if (items.length === 0 && /^\s*[\w@.-]+\s*:/.test(line.text)) head.push(line);
    else return null;
  }
  return items.length >= 2 ? { head, items } : null;
}

function readYamlBlock(block: Block): Block | null {
  const read = itemsOf(block.lines);
  if (!read) return null;
  const timed = read.items.map((item) => {
    const time = fieldOf(item, EVENT_TIME_FIELDS.names);
    const stamp = time ? readStamp(time) : null;
    const text = fieldOf(item, MESSAGE_FIELDS.names);
    return time && stamp && !isStampProblem(stamp) && stamp.time && text
      ? { number: item.first.number, text: `${time} ${text}` }
      : null;
  });
  if (timed.filter((line) => line !== null).length < 2) return null;
  return {
    lines: [
      ...read.head,
      ...read.items.flatMap((item, index) => {
        const line = timed[index];
        return line ? [line] : item.lines;
      }),
    ],
  };
}

/**
 * The blocks with every YAML list of timed items rewritten as timeline lines (see the module
 * comment), keeping line numbers; other blocks come back as they were. Pure.
 */
export function readYamlTimeline(blocks: readonly Block[]): Block[] {
  return blocks.map((block) =>
    block.lines.some((line) => ITEM_START.test(line.text))
      ? (readYamlBlock(block) ?? block)
      : block,
  );
}
