/**
 * Follow-ups written as a Markdown table ("| Action | Owner | Ticket |"), wherever the input
 * puts it: under `## Action items`, under a heading of its own ("What we'll do next") or in the
 * notes. Each row is one item; the columns the table has fill the item's owner, ticket, priority
 * and status, and the writer weighs the words for the rest.
 */
import type { Facts } from '../../../schemas/facts.js';
import type { ActionItem, Priority } from '../../../schemas/postmortem.js';
import { scoreOf } from '../cues/cue.js';
import { FOLLOW_UP_CUES } from '../cues/follow-up-cues.js';
import { actionText, fileAction } from './follow-ups.js';

const ROW = /^\s*\|(.*)\|\s*$/;
const RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Header words of each column a follow-up table may carry. */
const COLUMNS = {
  action:
    /^(?:action(?: items?)?|items?|tasks?|follow[\s-]*ups?|what|description|remediation|fix|change|next steps?|todo)$/i,
  owner: /^(?:owners?|assignees?|who|dri|team|responsible)$/i,
  ticket: /^(?:tickets?|issues?|jira|links?|id|ref(?:erence)?|tracking|bug)$/i,
  priority: /^(?:priority|prio|pri|p|urgency)$/i,
  status: /^(?:status|state|done\??|progress)$/i,
  due: /^(?:due(?: date)?|eta|deadline|target(?: date)?)$/i,
} as const;

const PRIORITY_WORDS: Record<string, Priority> = {
  high: 'HIGH',
  p0: 'HIGH',
  p1: 'HIGH',
  urgent: 'HIGH',
  critical: 'HIGH',
  medium: 'MEDIUM',
  med: 'MEDIUM',
  p2: 'MEDIUM',
  normal: 'MEDIUM',
  low: 'LOW',
  p3: 'LOW',
  p4: 'LOW',
};

/** A status cell that says done: "Done", "✅", "✅ Done", "[x]". */
const DONE =
  /^(?:[✅✔☑]\uFE0F?\s*)?(?:done|fixed|shipped|completed?|merged|closed|resolved|yes|\[x\])$|^[✅✔☑]\uFE0F?$/iu;
const NOBODY = /^(?:—|-|–|n\/?a|none|tbd|unassigned|no owner(?: yet)?|\?)?$/i;

function cells(line: string): string[] {
  return (ROW.exec(line)?.[1] ?? '').split('|').map((cell) => cell.replace(/\*\*|`/g, '').trim());
}

/** The Markdown tables of a text, each as its header cells and its rows with their line offset. */
function tables(markdown: string): { header: string[]; rows: string[][] }[] {
  const lines = markdown.split('\n');
  const found: { header: string[]; rows: string[][] }[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!ROW.test(lines[i] ?? '') || !RULE.test(lines[i + 1] ?? '')) continue;
    const header = cells(lines[i] ?? '');
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && ROW.test(lines[j] ?? ''); j++) rows.push(cells(lines[j] ?? ''));
    found.push({ header, rows });
    i = j - 1;
  }
  return found;
}

function columnOf(header: readonly string[], pattern: RegExp): number {
  return header.findIndex((cell) => pattern.test(cell));
}

/** "Document X" and a due cell "2026-03-10": "Document X (due 2026-03-10)"; a blank cell adds nothing. */
function withDue(text: string, due: string): string {
  return NOBODY.test(due.trim()) ? text : `${text} (due ${due.trim()})`;
}

/**
 * Rows of follow-up tables in the notes and human sections, one item each. A table counts
 * when its header names an action column, or when most of its first column reads as
 * follow-ups ("Block deploys that fail the smoke test"); a table of figures ("| Metric |
 * Value |") does not.
 */
export function followUpsFromTables(facts: Facts, related: ReadonlySet<string>): ActionItem[] {
  const texts = [
    ...facts.notes,
    facts.human.mitigations,
    facts.human.lessons,
    facts.human.rootCause,
    facts.human.impact,
  ].flatMap((section) => (section ? [section.markdown] : []));
  const items: ActionItem[] = [];
  for (const { header, rows } of texts.flatMap(tables)) {
    const named = columnOf(header, COLUMNS.action);
    const action = named >= 0 ? named : 0;
    const reads = rows.filter(
      (row) => scoreOf(row[action] ?? '', FOLLOW_UP_CUES, 'follow-up') >= 2,
    ).length;
    if (named < 0 && reads * 2 <= rows.length) continue;
    const owner = columnOf(header, COLUMNS.owner);
    const ticket = columnOf(header, COLUMNS.ticket);
    const priority = columnOf(header, COLUMNS.priority);
    const status = columnOf(header, COLUMNS.status);
    const due = columnOf(header, COLUMNS.due);
    for (const row of rows) {
      const text = row[action] ?? '';
      if (text.length <= 5) continue;
      const stated = PRIORITY_WORDS[(row[priority] ?? '').toLowerCase()] ?? null;
      const filed = fileAction(text, { priority: stated, related });
      const ownerCell = owner >= 0 ? (row[owner] ?? '').replace(/^@/, '') : '';
      const ticketCell = ticket >= 0 ? (row[ticket] ?? '') : '';
      items.push({
        ...filed,
        owner: NOBODY.test(ownerCell) ? filed.owner : ownerCell,
        ticket: NOBODY.test(ticketCell) ? filed.ticket : ticketCell,
        status: status >= 0 && DONE.test(row[status] ?? '') ? 'done' : filed.status,
        // The due date has no column of its own in the pack: it stays with the item's words.
        text: withDue(
          actionText(text.charAt(0).toUpperCase() + text.slice(1), filed),
          due >= 0 ? (row[due] ?? '') : '',
        ),
        rationale: '',
        origin: 'human',
      });
    }
  }
  return items;
}
