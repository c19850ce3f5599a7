/**
 * Human-written sections (root cause, mitigations, action items, impact, summary, notes) are
 * authoritative: they are carried verbatim, never rewritten by a writer.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { DONE_BOX, OPEN_BOX } from './task-boxes.js';
import { labelKind, type Block, type Section, type SectionKind } from './document.js';

export interface HumanText {
  markdown: string;
  line: number;
}

export interface HumanActionItem {
  /** Null when the input gives none. */
  priority: 'HIGH' | 'MEDIUM' | 'LOW' | null;
  text: string;
  line: number;
  /** Ticked (`- [x]`) in the incident file. */
  done: boolean;
}

type Priority = NonNullable<HumanActionItem['priority']>;
const PRIORITY_ALIASES: Readonly<Record<string, Priority>> = {
  HIGH: 'HIGH',
  P0: 'HIGH',
  P1: 'HIGH',
  CRITICAL: 'HIGH',
  MEDIUM: 'MEDIUM',
  MED: 'MEDIUM',
  P2: 'MEDIUM',
  LOW: 'LOW',
  P3: 'LOW',
};
const ITEM =
  /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\[[ xX]\]\s+)?(?:\*\*|__)?\[?(HIGH|MEDIUM|MED|LOW|P[0-3]|CRITICAL)\]?(?:\*\*|__)?\s*(?:[:\-–—]|\s)\s*(?:\*\*|__)?\s*(.+)$/i;
/**
 * A list item: a bullet or number, or the box a document or chat editor prints for a task
 * (`☑ done item`, `☐ open item`, `✅`, `⬜`) in place of one.
 */
const LIST_ITEM = new RegExp(
  String.raw`^\s*(?:(?:[-*+]\s+|\d{1,3}[.)]\s+)(?:\[[ xX]\]\s+)?|(?:${DONE_BOX}|${OPEN_BOX})\s+)(.+)$`,
  'u',
);
const PRIORITY_HEADING =
  /^\s*(?:#{1,6}\s+|\*\*)?\s*(HIGH|MEDIUM|MED|LOW|P[0-3])\b[^:]*?:?\s*(?:\*\*)?\s*$/i;

/** The text of a block without a leading `Notes:` style label. */
export function blockMarkdown(block: Block, stripLabel: boolean): string {
  const lines = block.lines.map((line) => line.text);
  // A label alone on the first line ("Follow-ups", as a document editor copies a heading) goes
  // with its line.
  if (stripLabel && lines[0] && labelKind(lines[0]) && !lines[0].includes(':')) lines.shift();
  else if (stripLabel && lines[0])
    lines[0] = lines[0].replace(/^\s*(?:\*\*)?[\w\s-]{2,20}?(?:\*\*)?\s*:\s*/, '');
  return lines.join('\n').trim();
}

export function sectionMarkdown(section: Section): HumanText {
  return {
    markdown: section.blocks.map((block) => blockMarkdown(block, false)).join('\n\n'),
    line: section.blocks[0]?.lines[0]?.number ?? section.line,
  };
}

export function labelledBlockKind(block: Block): SectionKind | null {
  return labelKind(block.lines[0]?.text ?? '');
}

const TICKED = new RegExp(
  String.raw`^\s*(?:(?:[-*+]\s+|\d{1,3}[.)]\s+)\[[xX]\]|${DONE_BOX}\s)`,
  'u',
);

/**
 * Action items from an action-items section: prioritized lines and list items. Prose in the
 * section (`Follow-ups: load-test X and add Y.`) is returned as `prose`, for the writer to read
 * follow-ups from; it is never dropped.
 */
export function readActionItems(
  file: string,
  text: HumanText,
  firstLine: number,
  diagnostics: Diagnostic[],
): { items: HumanActionItem[]; prose: HumanText | null } {
  const items: HumanActionItem[] = [];
  const prose: { text: string; line: number }[] = [];
  let headingPriority: Priority | null = null;
  const lines = text.markdown.split('\n');
  lines.forEach((raw, index) => {
    const line = firstLine + index;
    const done = TICKED.test(raw);
    const heading = PRIORITY_HEADING.exec(raw);
    if (heading) {
      headingPriority = PRIORITY_ALIASES[(heading[1] ?? '').toUpperCase()] ?? null;
      return;
    }
    const prioritized = ITEM.exec(raw);
    if (prioritized) {
      const priority = PRIORITY_ALIASES[(prioritized[1] ?? '').toUpperCase()];
      if (priority) items.push({ priority, text: (prioritized[2] ?? '').trim(), line, done });
      return;
    }
    const listed = LIST_ITEM.exec(raw);
    if (listed) {
      if (!headingPriority) {
        diagnostics.push(
          warning(
            'action-items/no-priority',
            file,
            { line },
            'action item has no priority; the writer infers one from its words',
            'start the item with HIGH:, MEDIUM: or LOW:',
          ),
        );
      }
      items.push({ priority: headingPriority, text: (listed[1] ?? '').trim(), line, done });
      return;
    }
    const last = items.at(-1);
    if (last && raw.trim() && /^\s{2,}/.test(raw)) last.text = `${last.text} ${raw.trim()}`;
    else if (raw.trim()) prose.push({ text: raw, line });
  });
  const first = prose[0];
  return {
    items,
    prose: first ? { markdown: prose.map((p) => p.text).join('\n'), line: first.line } : null,
  };
}

/**
 * Quotes and lists nested deeper than this are refused: Markdown tools walk the tree
 * recursively and overflow the stack on a few thousand levels, and no postmortem needs 30.
 */
export const MAX_MARKDOWN_DEPTH = 30;

const NESTING_MARK = /^[ \t]*(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))/;

/** How deep one line nests: quote and list markers (each indented level counts) and brackets. */
function lineDepth(line: string): number {
  let depth = 0;
  let rest = line;
  if (NESTING_MARK.test(line)) depth += Math.floor((/^ */.exec(line)?.[0].length ?? 0) / 2);
  for (let match = NESTING_MARK.exec(rest); match; match = NESTING_MARK.exec(rest)) {
    depth++;
    rest = rest.slice(match[0].length);
    if (depth > MAX_MARKDOWN_DEPTH) return depth;
  }
  let open = 0;
  let deepest = 0;
  for (const char of line) {
    if (char === '[' || char === '(') deepest = Math.max(deepest, ++open);
    else if ((char === ']' || char === ')') && open > 0) open--;
  }
  // Brackets nest in links, runs of `*` and `_` in emphasis; only hundreds overflow a parser.
  const run = Math.max(0, ...(line.match(/[*_]{100,}/g) ?? []).map((r) => r.length));
  return Math.max(depth, deepest > 200 ? deepest : 0, run);
}

/** An error when a human section nests deeper than MAX_MARKDOWN_DEPTH, at its first such line. */
export function nestingProblem(file: string, text: HumanText): Diagnostic | null {
  const lines = text.markdown.split('\n');
  let fenced = false;
  for (const [index, line] of lines.entries()) {
    // Code is literal text, however it is indented.
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || lineDepth(line) <= MAX_MARKDOWN_DEPTH) continue;
    return error(
      'markdown/too-deep',
      file,
      { line: text.line + index },
      `Markdown nested more than ${MAX_MARKDOWN_DEPTH} levels deep (quotes, lists or brackets)`,
      'flatten it: a postmortem reads best with at most two or three levels of lists and quotes',
    );
  }
  return null;
}
