/**
 * Follow-ups wherever the input writes them (a Notes paragraph, `Follow-ups:`, "next we should
 * ...", "Also: ...", a TODO in the timeline), each split into single actions and filed with a
 * type, a priority, an owner, a ticket and a status.
 */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import type { ActionItem, ActionType, Priority } from '../../../schemas/postmortem.js';
import { scoreOf, strongestSignal } from '../cues/cue.js';
import {
  ACTION_TYPE_CUES,
  DONE_CUES,
  FOLLOW_UP_CUES,
  FOLLOW_UP_THRESHOLD,
  PRIORITY_CUES,
} from '../cues/follow-up-cues.js';
import { USER_NOTICE_CUES } from '../cues/impact-cues.js';
import { noteQuotes, splitSentences } from './sentences.js';
import { taggedUnrelated } from './public-line.js';
import { ACTION_ITEM, ACTION_ITEM_DONE } from '../../parse/timeline-lines.js';
import { DONE_BOX, OPEN_BOX } from '../../parse/task-boxes.js';

/** Lead-ins that introduce a follow-up and are not part of the action itself. */
const LEAD_IN =
  /^(?:\W*(?:(?:follow[\s-]*ups?|action items?|next steps?|remediation(?: items?)?)(?:\s+(?:from|of|for|after|in)\s+(?:the\s+)?[\w-]+|\s+so far|\s*\([^()]{1,60}\))?|(?:todo|to do)(?:\s+(?:after|for|from|once)\s+(?:the\s+)?[\w-]+)?|action|ai|a\.i\.|next|next up|fixes|also|afterwards)\s*[:\-–—]\s*)?(?:\+1\s*,?\s*)?(?:(?:longer[\s-]term|long[\s-]term|going forward|in (?:the )?future|eventually|later|next|then|and|so)\s*,?\s*)*(?:(?:(?:we|i|you)\s+(?:should|must|need to|needs to|will|are going to|plan to|want to|ought to)|we'll|we’ll|i'll|let'?s)\s+(?:also\s+)?)?/i;

/** Verbs that open a new action inside one sentence ("load-test X and put Y behind Z"). */
const ACTION_VERB =
  /^(?:figure out|find out|understand|look into|look at|dig into|(?:a )?(?:full )?post[\s-]?mortem|why|more|better|add|put|move|make|write|fix|load[\s-]?test|test|alert|automate|document|require|enforce|limit|split|replace|upgrade|monitor|track|build|create|audit|rate[\s-]?limit|cap|gate|improve|ensure|update|rotate|teach|train|schedule|deprecate|introduce|implement|adopt|extend|verify|validate|review|investigate|remove|block|page|run|set up|stop|switch|publish|share|define|reduce|increase|separate|isolate|watch|announce|check|compare|disable|enable|migrate|give|get|use|keep|teach|raise|lower|communicate|expand|pin|harden|tune|drill|practi[sc]e|ship|lower)\b/i;

const OWNER =
  /\((?:(?:owner|Owner|OWNER)\s*:?\s*)?@?([\w.-]+(?:\s[\w.-]+)?)\)\s*$|\b(?:owner|Owner|OWNER)\s*:\s*@?([\w.-]+(?:\s+[A-Z][\w.'-]+){0,2})|(?:^|\s)@([\w.-]+)/;
// Phabricator's tasks are "T" and a number ("T48214"), with no project key.
const TICKET =
  /\b(?!UTF|ISO|SHA|RFC|TLS)[A-Z][A-Z0-9]{1,9}-\d+\b|\bT\d{3,7}\b|(?<![\w&])#\d{1,7}\b|https?:\/\/\S+/;
/**
 * An owner named in words: "Pedro owns it", "Ines will take it", "owned by Carlos", "assigned to
 * Mei". Group 1 or 2 is the name.
 */
const OWNED_IN_WORDS =
  /(?:^|[,;–—-]\s*|\s)([A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+)?)\s+(?:owns|will own|takes|will take|is taking|has) (?:it|this|that)\b|\b(?:owned by|assigned to|owner is)\s+@?([A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+)?|@?[a-z][\w.-]+)/;

/** A list after a label ("Follow-ups: a, b (x, y), c"): every comma outside brackets splits. */
const LIST_SEPARATOR = /(;\s+|,\s+(?![^()]*\)))/;
/** In prose, a comma or "and" splits only before a verb ("load-test X and put Y behind Z"). */
const PROSE_SEPARATOR = /(;\s+|,?\s+and\s+|,\s+(?![^()]*\)))/;
const LABEL = FOLLOW_UP_CUES.find((cue) => cue.id === 'label');

/**
 * In a list whose items open with a verb ("isolate DNS, expand Offline Mode, and communicate
 * faster on the status site, e-mail and the phone line"), a later piece without one continues
 * the item before it: the comma was inside the item.
 */
function mergeNonActions(list: string[], piece: string, index: number, all: string[]): string[] {
  const verbs = all.filter((p) => ACTION_VERB.test(p)).length;
  const last = list.at(-1);
  // "should page, not just email": a contrast qualifies the item before it in any list.
  const contrast = /^(?:not|rather than|instead of|but not)\b/i.test(piece);
  if (
    index > 0 &&
    last !== undefined &&
    (contrast || (verbs * 2 >= all.length && !ACTION_VERB.test(piece)))
  )
    list[list.length - 1] = `${last}, ${piece}`;
  else list.push(piece);
  return list;
}

/** A task list's box inside a line: " - [x] ", "* [ ] ". The box is kept with its item. */
const LEADING_OPEN_BOX = new RegExp(String.raw`^\s*${OPEN_BOX}\s*`, 'u');

/**
 * Where a task list run into one message starts an item: a Markdown box (`- [x] `, `[ ] `) or
 * the box a chat or document editor prints (`✅`, `☑`, `✔` done; `⬜`, `☐`, `◻` open).
 */
const TASK_BOX = new RegExp(
  String.raw`(?:^|\s)(?:[-*+]\s+)?(?=(?:\[[ xX]\]|${DONE_BOX}|${OPEN_BOX})\s)`,
  'u',
);

/**
 * "Rotate X - Kim, SEC-210 (done Aug 11)": an owner after a dash at the end, alone or before a
 * ticket or a note in brackets. Group 1 is the name.
 */
const OWNER_AFTER_DASH =
  /\s[-–—]\s+@?([A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+)?)(?:,\s*(?:[A-Z][A-Z0-9]{1,9}-\d+|T\d{3,7}|#\d{1,7}|no ticket(?: yet)?))?(?:\s*\([^()]*\))?\s*$/;

/** "owner: Priya, FIN-301", "Owner: @kim": an owner's label and name, with a ticket at most. */
const OWNER_LABEL_ONLY =
  /^\W*(?:owner|assignee|assigned to)\s*:?\s*@?[\w.'-]+(?:\s[A-Z][\w.'-]+)?(?:,\s*(?:[A-Z][A-Z0-9]{1,9}-\d+|T\d{3,7}|#\d{1,7}))?\s*$/i;

/** Splits "load-test X and put Y behind Z; move W" into one action each. */
export function splitActions(text: string): string[] {
  const list = LABEL?.pattern.test(text) ?? false;
  // "Follow-ups: - [x] Rotate X - Kim, SEC-210 - [ ] Add Y - Raj, SEC-211": a task list run into
  // one message is split at its boxes, each item whole with its owner, ticket and box.
  const boxes = text.split(TASK_BOX).slice(1);
  if (list && boxes.length >= 2)
    return boxes
      .map((item) => item.replace(/[\s-]+$/, '').trim())
      .filter((item) => item.length > 8);
  if (list)
    return text
      .split(LIST_SEPARATOR)
      .filter((_, i) => i % 2 === 0)
      .map((piece) =>
        piece
          .replace(LEAD_IN, '')
          .replace(/[.;,\s]+$/, '')
          .trim(),
      )
      .filter((piece) => piece.length > 5)
      .reduce<string[]>(mergeNonActions, [])
      .reduce<string[]>((list, piece) => {
        // "..., and practise it": a short item that points back belongs to the one before.
        const last = list.at(-1);
        if (last && piece.split(/\s+/).length <= 4 && /\b(?:it|them|this|that)\W*$/i.test(piece))
          list[list.length - 1] = `${last} and ${piece.replace(/^and\s+/i, '')}`;
        else list.push(piece);
        return list;
      }, []);
  const pieces = text.split(PROSE_SEPARATOR);
  const actions: string[] = [];
  let current = (pieces[0] ?? '').replace(LEAD_IN, '');
  for (let i = 1; i < pieces.length; i += 2) {
    const separator = pieces[i] ?? '';
    const part = pieces[i + 1] ?? '';
    const clean = part.replace(LEAD_IN, '');
    // Only a piece that opens with a verb is a new action; "X, which is slow" stays whole.
    if (ACTION_VERB.test(clean)) {
      actions.push(current);
      current = clean;
    } else current = `${current}${separator}${part}`;
  }
  actions.push(current);
  // "... and practise it": a short action that points back belongs to the one before.
  for (let i = actions.length - 1; i > 0; i--) {
    const action = actions[i] ?? '';
    if (action.split(/\s+/).length <= 3 && /\b(?:it|them|this|that|those|these)\W*$/i.test(action))
      actions.splice(i - 1, 2, `${actions[i - 1] ?? ''} and ${action}`);
  }
  return actions
    .map((action) =>
      action
        .replace(/^[\s,;:]+/, '')
        .replace(LEAD_IN, '')
        .replace(/[.;,\s]+$/, '')
        .trim(),
    )
    .filter((a) => a.length > 5);
}

/** A Slack user mention in a copied message: "<@U123ABC>", "<@U123ABC|alice>". */
const SLACK_MENTION = /<@([A-Z0-9]{5,})(?:\|([\w.-]+))?>/;

/** Words that sit in a trailing parenthesis but are not owners. */
const NOT_OWNER =
  /^(?:done|fixed|shipped|completed|merged|open|todo|high|medium|low|p\d|urgent|later)$/i;

/**
 * Whether a part of a trailing parenthesis names a person: "@maria", "owner: kenji", "Marco
 * Rossi", or any name beside a ticket ("marco, SEARCH-412"). A bare lower-case word alone
 * ("(monthly)", "(validation)") qualifies the action; it is not an owner.
 */
function namesPerson(raw: string, besideTicket: boolean): boolean {
  const part = raw.replace(/^(?:owner\s*:?\s*)?@?/i, '').trim();
  if (!/^[\w.-]+(?:\s[\w.-]+)?$/.test(part) || TICKET.test(part) || NOT_OWNER.test(part))
    return false;
  return besideTicket || /^(?:owner\s*:|@)/i.test(raw.trim()) || /^[A-Z]/.test(part);
}

function owner(written: string): string | null {
  // "(SRCH-201, Dana) - done": the status after the parenthesis has a column of its own.
  const text = written.replace(/\s+[-–—:]\s*(?:done|fixed|shipped|completed|merged)\W*$/i, '');
  // "(marco, SEARCH-412)": the part of a trailing parenthesis that is neither ticket nor status.
  const trailing = /\(([^()]+)\)\s*\.?$/.exec(text)?.[1]?.split(/,\s*|;\s*/) ?? [];
  const besideTicket = trailing.some((part) => TICKET.test(part));
  const named = trailing
    .filter((part) => namesPerson(part, besideTicket))
    .map((part) => part.replace(/^(?:owner\s*:?\s*)?@?/i, '').trim())[0];
  if (named) return named;
  // "<@U123ABC>", "<@U123ABC|alice>": a Slack mention as a copy keeps it; the name when shown.
  const mention = SLACK_MENTION.exec(text);
  if (mention) return mention[2] ?? mention[1] ?? null;
  const match = OWNER.exec(text);
  // A trailing parenthesis was read above; the pattern only adds "owner:" and "@name" elsewhere.
  const said = OWNED_IN_WORDS.exec(text);
  const dashed = OWNER_AFTER_DASH.exec(text)?.[1];
  // "Load test before releases - PLAT-2232": a ticket key after the dash is no one's name.
  const byDash = dashed && !NOT_OWNER.test(dashed) && !TICKET.test(dashed) ? dashed : undefined;
  return (
    (match?.[2] ?? match?.[3] ?? said?.[1] ?? said?.[2] ?? byDash)?.replace(/^@/, '').trim() ?? null
  );
}

/** Type, owner, ticket and status of one action, from its words. */
export function fileAction(
  text: string,
  context: { priority: Priority | null; related: ReadonlySet<string> },
): Pick<ActionItem, 'type' | 'priority' | 'owner' | 'ticket' | 'status'> {
  const type: ActionType = strongestSignal(text, ACTION_TYPE_CUES) ?? 'prevent';
  return {
    type,
    priority: context.priority ?? priorityOf(text, type, context.related),
    owner: owner(text),
    ticket: TICKET.exec(text)?.[0] ?? null,
    status: scoreOf(text, DONE_CUES, 'done') > 0 ? 'done' : 'open',
  };
}

const WORD = /[a-z][a-z0-9-]{3,}/g;
const COMMON = new Set(
  'that this with from have were what when into then than them they their there about after before because should would could changes change every'.split(
    ' ',
  ),
);

/** The words of what happened (cause, trigger, fix) that make a prevention item urgent. */
export function relatedWords(texts: readonly string[]): Set<string> {
  return new Set(
    texts.flatMap((text) => text.toLowerCase().match(WORD) ?? []).filter((w) => !COMMON.has(w)),
  );
}

/**
 * The input's priority words first; else a prevention item about what broke this time is
 * HIGH, other items MEDIUM. (Google SRE workbook: fix the cause of this outage first.)
 */
function priorityOf(text: string, type: ActionType, related: ReadonlySet<string>): Priority {
  const stated = strongestSignal(text, PRIORITY_CUES);
  if (stated) return stated;
  const words = text.toLowerCase().match(WORD) ?? [];
  if (type === 'prevent' && words.some((word) => related.has(word))) return 'HIGH';
  return 'MEDIUM';
}

/**
 * The action as a table cell: status labels ("DONE:", "TODO:", "- done") and a trailing
 * parenthesis holding only the owner, ticket or status go, since the table has a column for each.
 */
export function actionText(
  text: string,
  filed: Pick<ActionItem, 'owner' | 'ticket' | 'status'>,
): string {
  const label = /^\W*(?:done|todo|to do|fixme|open|wip)\s*[:\-–—]\s*|^\s*\[[ xX]\]\s+/i;
  // "✅ Pin X", "~~Raise Y~~ done": the marks say done, and the status has a column of its own.
  const marked = text
    .replace(/~~([^~]+)~~(?:\s*[-–—:]?\s*(?:done|fixed|shipped)\b)?/gi, '$1')
    .replace(/\s*[✅✔☑]\uFE0F?\s*/gu, ' ')
    .trim();
  // An open box (`⬜`, `☐`) says only that the item is open, which its status column says.
  const unboxed = marked.replace(LEADING_OPEN_BOX, '');
  const labelled = label.test(unboxed) || unboxed !== text;
  let cell = unboxed
    .replace(label, '')
    .replace(/\s+[-–—:]\s*(?:done|fixed|shipped|completed|merged)\W*$/i, '');
  const trailing = /\s*\(([^()]+)\)\s*\.?$/.exec(cell);
  if (trailing?.[1]) {
    const parts = trailing[1].split(/,\s*|;\s*/).map((part) => part.trim());
    const filedIn = (part: string) =>
      TICKET.test(part) ||
      NOT_OWNER.test(part) ||
      // "(sent already)": the status has a column of its own.
      scoreOf(`(${part})`, DONE_CUES, 'done') > 0 ||
      /^no owner(?: yet)?$|^unassigned$|^tbd$/i.test(part) ||
      (filed.owner !== null && part.replace(/^(?:owner\s*:?\s*)?@?/i, '') === filed.owner);
    const kept = parts.filter((part) => !filedIn(part));
    // "(owner: priya, due Feb 10)": the owner goes to its column, the due date stays.
    if (kept.length === 0) cell = cell.slice(0, trailing.index);
    else if (kept.length < parts.length)
      cell = `${cell.slice(0, trailing.index)} (${kept.join(', ')})`;
  }
  cell = withoutFieldTail(cell, filed);
  // "..., owner: Tom Walsh": the owner has a column of its own.
  const owner = filed.owner;
  if (owner) {
    const at = cell.search(/[\s,;–—-]*\b(?:owner|Owner|OWNER)\s*:\s*@?/);
    // "... - owner: Priya, FIN-301": a ticket beside the owner goes with it.
    const rest = filed.ticket ? cell.slice(at).replace(filed.ticket, '') : cell.slice(at);
    if (at > 0 && rest.includes(owner) && rest.length <= owner.length + 14)
      cell = cell.slice(0, at);
  }
  // ", Pedro owns it", ", owned by Carlos": the owner has a column of its own.
  if (owner) {
    const said = OWNED_IN_WORDS.exec(cell);
    if (said && said.index > 0 && (said[1] ?? said[2])?.replace(/^@/, '') === owner)
      cell = (cell.slice(0, said.index) + cell.slice(said.index + said[0].length)).replace(
        /[\s,;–—-]+$/,
        '',
      );
  }
  // "Rotate X - Kim, SEC-210 (done Aug 11)": owner, ticket and status have columns of their own.
  const dashed = OWNER_AFTER_DASH.exec(cell);
  if (owner && dashed?.[1] === owner) cell = cell.slice(0, dashed.index);
  // "Connection pooling, PLAT-2231", "Load test - PLAT-2232": the ticket has a column of its own.
  const ticket = filed.ticket;
  if (ticket && !ticket.startsWith('http')) {
    const tail = cell.lastIndexOf(ticket);
    const before = cell.slice(0, tail);
    if (tail > 0 && /^\W*$/.test(cell.slice(tail + ticket.length)) && /[\s,;–—-]$/.test(before))
      cell = before.replace(/[\s,;:–—(-]+$/, '');
  }
  // "@li add a heartbeat check", "add an alert @alice", "<@U123ABC> load-test X": the owner
  // has a column of its own, wherever the mention stands.
  const mentioned = [SLACK_MENTION.exec(cell)?.[0] ?? [], owner ? [`@${owner}`] : []].flat();
  const addressed = mentioned.some((at) => cell.startsWith(`${at} `));
  for (const at of mentioned) {
    const index = cell.indexOf(at);
    // "@alice" is not "@alice-team": the mention ends where the name does.
    if (index < 0 || /[\w.-]/.test(cell.charAt(index + at.length))) continue;
    cell = `${cell.slice(0, index)} ${cell.slice(index + at.length)}`
      .replace(/\s{2,}/g, ' ')
      .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '');
  }
  // "P1: add a diff", "... - urgent", "... (P2)": the priority has a column of its own.
  const prioritised = PRIORITY_LABEL.test(cell);
  cell = cell.replace(PRIORITY_LABEL, '').replace(PRIORITY_TAIL, '').trim();
  return labelled || addressed || prioritised ? cell.charAt(0).toUpperCase() + cell.slice(1) : cell;
}

/**
 * "Owner: Priya | Due: Mar 28 | REL-77": a tracker's fields and nothing else, which a dash
 * split off the item they belong to.
 */
function fieldsOnly(piece: string): boolean {
  return (
    FIELD_LABEL.exec(piece)?.index === 0 &&
    piece
      .split(/\s*[·|•;,]\s*/)
      .every((part) => FIELD_LABEL.exec(part)?.index === 0 || TICKET.test(part) || !part.trim())
  );
}

/** A field label a tracker's copy puts after an item: "Owner:", "Due:", "Ticket:". */
const FIELD_LABEL =
  /(?:^|\s|[·|•;,–—-])\s*(owner|assignee|dri|due(?: date)?|eta|ticket|jira|issue|status|prio(?:rity)?)\s*:\s*/i;

/**
 * "Add autoscaling  Owner: @dana · Due: 2026-03-20 · HOOK-311": the fields a tracker's copy
 * puts after the item. Owner, ticket, status and priority have columns of their own and go;
 * the due date has none, so it stays, as "(due 2026-03-20)". The text as it was when no field
 * follows at least three words of the item.
 */
function withoutFieldTail(text: string, filed: Pick<ActionItem, 'owner' | 'ticket'>): string {
  const label = FIELD_LABEL.exec(text);
  if (!label || text.slice(0, label.index).trim().split(/\s+/).length < 3) return text;
  const head = text.slice(0, label.index).replace(/[\s·|•;,–—-]+$/, '');
  const due = text
    .slice(label.index)
    .split(/\s*[·|•;,]\s*/)
    .map((field) => /^\W*(?:due(?: date)?|eta)\s*:\s*(.+)$/i.exec(field)?.[1]?.trim())
    .find((value) => value);
  // Only when the fields are the owner's and the ticket's the writer read: else keep them.
  const named = [filed.owner, filed.ticket].some((value) => value && text.includes(value));
  if (!named && !due) return text;
  return due ? `${head} (due ${due})` : head;
}

/** A priority opening an item ("P1: ", "urgent - ", "high priority: "). */
const PRIORITY_LABEL =
  /^\W*(?:p[0-4]|urgent|asap|(?:high|medium|low)[\s-]pri(?:ority)?|pri(?:ority)?\s*[:=]?\s*(?:high|medium|low|[0-4]))\s*[:\-–—]\s*/i;
/** A priority closing an item (" - urgent", " (P2)", ", high priority"). */
const PRIORITY_TAIL =
  /\s*(?:[-–—,]\s*(?:p[0-4]|urgent|asap|(?:high|medium|low)[\s-]pri(?:ority)?)|\(\s*(?:p[0-4]|urgent|(?:high|medium|low)(?:[\s-]pri(?:ority)?)?)\s*\))\W*$/i;

/** One clause of the input that may hold a follow-up, with the cue weight it needs to be one. */
interface Clause {
  clause: string;
  /** FOLLOW_UP_THRESHOLD, more for a timeline line or a section that is no list of plans. */
  needs: number;
  /** The note or section line it came from; null for a timeline line. */
  note: number | null;
}

/** A piece cut mid-way ("Alert activity logs (copied from the alert"): no row quotes it. */
function unbalanced(text: string): boolean {
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  return count(/\(/g) !== count(/\)/g) || count(/"/g) % 2 === 1;
}

/**
 * Every clause that may hold a follow-up, in the order written: the notes' sentences, the
 * team's other sections (a section that is not a list of plans needs a clearer cue), and the
 * timeline lines (a line needs a clear cue: "Alert: pool at 98%" is no plan). A sentence is cut
 * at "; " and " - " (a trailing "- done" stays with its item); the clauses after a label
 * ("Follow-ups: a, b; c") continue its list.
 */
function proseClauses(facts: Facts): Clause[] {
  // "We will ..." under Root cause, "## Remediation" listing what to build: plans too.
  const sections = [
    facts.human.mitigations,
    facts.human.lessons,
    facts.human.rootCause,
    facts.human.trigger,
    facts.human.detection,
  ].flatMap((section) => (section ? [section] : []));
  const listedPlans = listedPlanItems(facts);
  const underHeading = linesUnderPlanHeading(facts);
  const tasks = facts.events.filter(
    (event) =>
      !underHeading.has(event) &&
      (event.state === ACTION_ITEM || event.state === ACTION_ITEM_DONE) &&
      !taggedUnrelated(event.text),
  );
  return (
    [
      ...noteQuotes(facts).map((quote) => ({
        text: quote.text,
        needs: FOLLOW_UP_THRESHOLD,
        note: quote.line,
      })),
      ...sections.flatMap((section) => {
        // Read once per section, not once per sentence: a long section made this quadratic.
        const needs =
          section === facts.human.lessons || readsAsFollowUps(section.markdown)
            ? FOLLOW_UP_THRESHOLD
            : FOLLOW_UP_THRESHOLD + 1;
        return splitSentences(section.markdown).map((text) => ({
          text,
          needs,
          note: section.line,
        }));
      }),
      // A pasted mail or a long chat message is read sentence by sentence: "... by 1:57 PM.
      // Remediation: a, b, and c" holds its list after the first sentence.
      ...facts.events
        .filter(
          (event) => !inlineList(event.text) && !underHeading.has(event) && !tasks.includes(event),
        )
        .flatMap((event) => splitSentences(event.text))
        .map((text) => ({ text, needs: FOLLOW_UP_THRESHOLD + 1, note: null })),
    ]
      .filter(({ text }) => !taggedUnrelated(text))
      .flatMap(({ text, needs, note }) => {
        // An item of a list of plans is one plan, whole ("X is set by hand today; Y will
        // replace it"); splitActions still cuts it where a new verb opens.
        if (listedPlans.has(text)) return [{ clause: text, needs: -Infinity, note }];
        const labelled = LABEL?.pattern.test(text) ?? false;
        // The parts after a label's "; " continue its list; a " - " aside within a part
        // ("... (rolling out Monday) - that would have shut it down") is weighed on its own.
        // "Follow-ups: - [x] a - Kim, SEC-1 - [ ] b": a task list's dashes are no asides.
        if (labelled && text.split(TASK_BOX).length > 2)
          return [{ clause: text, needs: -Infinity, note }];
        return text.split(/;\s+/).flatMap((part, index) => {
          const pieces = part.split(/\s+[-–—]\s+(?!(?:done|fixed|shipped|completed|merged)\W*$)/i);
          // "next up - get the fix out, figure out why QA missed it": the dash was the label's.
          // It is read as the label's list, one item per comma ("Next up: a, b, c").
          if (pieces.length > 1 && isBareLabel(pieces[0] ?? ''))
            return [
              {
                clause: `${(pieces[0] ?? '').trim()}: ${pieces.slice(1).join(' - ')}`,
                needs: -Infinity,
                note,
              },
            ];
          return pieces.reduce<string[]>(withTheirOwners, []).map((clause, at) => ({
            clause,
            needs: labelled && index > 0 && at === 0 ? -Infinity : needs,
            note,
          }));
        });
      })
      // Under a heading of plans every line is one, whole: "X is manual today; the move to Y will
      // replace it" is one item. So is a line the parser read as a task ("- [ ] add an alert").
      .concat(
        [...underHeading, ...tasks].map((event) => ({
          clause: event.text,
          needs: -Infinity,
          note: null,
        })),
      )
  );
}

/** A heading a write-up puts over its plans: "How we're becoming more resilient", "Next steps". */
const PLAN_HEADING =
  /^\W*(?:how we(?:'re|’re| are| will be)? (?:becoming|making|improving|preventing|going to)|what we(?:'re|’re| are| will)? (?:do(?:ing)?|chang\w+|fix\w*|improv\w+)|next steps|follow[\s-]*ups?|action items|remediation(?: items)?|prevent(?:ing)? (?:this|recurrence)|going forward|(?:folge)?ma(?:ß|ss)nahmen|nächste schritte|actions? (?:correctives?|de suivi)|prochaines étapes|acciones(?: correctivas)?|próximos pasos|actiepunten|vervolgstappen)(?![\p{L}])[^.!?]{0,50}$/iu;

/**
 * The timeline lines that sit under a heading of plans, in the file's order: the lines right
 * after it, up to the first blank line or the next heading. In a chat copy the heading is a
 * message of its own ("[15:30] <priya> action items:"), and its items are that person's next
 * messages, one a line; another person's message ends the list.
 */
export function linesUnderPlanHeading(facts: Facts): Set<TimelineEvent> {
  const byLine = [...facts.events].sort((a, b) => a.line - b.line);
  const under = new Set<TimelineEvent>();
  byLine.forEach((event, i) => {
    const text = event.text.trim();
    const heading = !event.time && PLAN_HEADING.test(text);
    const chatLabel = event.time !== null && PLAN_HEADING.test(text) && /:\s*$/.test(text);
    if (!heading && !chatLabel) return;
    for (let j = i + 1, line = event.line + 1; j < byLine.length; j++, line++) {
      const next = byLine[j];
      if (!next || next.line !== line || PLAN_HEADING.test(next.text.trim())) break;
      if (chatLabel && next.actor !== event.actor) break;
      if (!taggedUnrelated(next.text)) under.add(next);
    }
  });
  return under;
}

/**
 * The items of the bulleted lists (in the notes or `## Mitigations`) whose items mostly read as
 * plans: every item of such a list is a plan, even beside prose ("- Exclude GC pauses from the
 * check - done" under "## Remediation").
 */
function listedPlanItems(facts: Facts): Set<string> {
  const listed = new Set<string>();
  for (const note of [...facts.notes, facts.human.mitigations]) {
    const items = note?.markdown
      .split('\n')
      .filter((line) => LIST_ITEM.test(line))
      .join('\n');
    if (items && readsAsFollowUps(items))
      for (const text of splitSentences(items)) listed.add(text);
  }
  return listed;
}

/** The lines of the notes that are wholly a list of plans ("- Size the pool", "- Page on ..."). */
function planListNotes(facts: Facts): Set<number | undefined> {
  return new Set(
    [...facts.notes, facts.human.mitigations]
      .filter((note) => note !== null && isList(note.markdown) && readsAsFollowUps(note.markdown))
      .map((note) => note?.line),
  );
}

/** "Users just need to sign in again" tells users what to do; it is not the team's item. */
const toUsers = (sentence: string) => scoreOf(sentence, USER_NOTICE_CUES, 'user-action') > 0;

/**
 * The clauses that are follow-ups: every clause of a list of plans, every clause under a bare
 * label ("Next steps:" ends its line), "Also: ..." right after a follow-up, and any clause whose
 * cues reach what it needs.
 */
/** A follow-up label and nothing else ("next up", "Follow-ups", "TODO"), its dash split off. */
function isBareLabel(text: string): boolean {
  const label = text.trim();
  return label.split(/\s+/).length <= 3 && (LABEL?.pattern.test(`${label}:`) ?? false);
}

function followUpClauses(facts: Facts, clauses: readonly Clause[]): string[] {
  const planLists = planListNotes(facts);
  const found: string[] = [];
  let inList = false;
  let listNote: number | null = null;
  for (const { clause, needs, note } of clauses) {
    if (note !== null && planLists.has(note)) {
      if (!toUsers(clause)) found.push(clause);
      continue;
    }
    // A table's rows are read column by column (follow-up-tables.ts).
    if (/^\s*\|/.test(clause)) continue;
    if (LABEL?.pattern.test(clause) && /[:\-–—]\s*$/.test(clause.trim())) {
      listNote = note;
      continue;
    }
    if (note === null || note !== listNote) listNote = null;
    if (listNote !== null && !toUsers(clause)) {
      found.push(clause);
      continue;
    }
    const score = toUsers(clause) ? 0 : scoreOf(clause, FOLLOW_UP_CUES, 'follow-up');
    if (score < needs && !(inList && /^\W*also\b/i.test(clause))) {
      inList = false;
      continue;
    }
    inList = true;
    found.push(clause);
  }
  // "all good. Follow-ups: 1) make X 2) never Y": a chat message that ends on a numbered list.
  for (const event of facts.events)
    if (!taggedUnrelated(event.text)) found.push(...(inlineList(event.text) ?? []));
  return found;
}

/**
 * A stopgap that stays until work is done ("the pool is cordoned until the patched image is
 * out"): subject, state and the work, as groups 1 to 3.
 */
const STOPGAP =
  /\b((?:the|our|its|this|that)\s+[\w./-]+(?:\s+[\w./-]+){0,4}?)\s+(?:is|are|stays?|remains?)\s+((?:still\s+)?(?:cordoned|disabled|paused|pinned|frozen|drained|switched off|turned off|blocked|rolled back|in read-only mode|on the old version))\s+until\s+([^.;]{4,80})/i;

/** The same, with the subject opening the sentence ("Scaling activity that triggered this"). */
const STOPGAP_AT_START = new RegExp(
  String.raw`^\W*([A-Z][\w./-]*(?:\s+[\w./-]+){0,6}?)\s+` +
    STOPGAP.source.slice(STOPGAP.source.indexOf('(?:is|are')),
  'i',
);

/**
 * The stopgaps the notes say stay in place until something ships: each an open item to carry
 * through ("Keep the pool cordoned until the patched image is out"), filed as mitigation.
 */
function stopgapItems(facts: Facts): ActionItem[] {
  return noteQuotes(facts).flatMap((quote) => {
    // "Scaling activity that triggered this is disabled until ...": the subject is the whole
    // opening of the sentence, not the relative clause inside it.
    const match = STOPGAP_AT_START.exec(quote.text) ?? STOPGAP.exec(quote.text);
    if (!match?.[1] || !match[2] || !match[3] || taggedUnrelated(quote.text)) return [];
    return [
      {
        type: 'mitigate' as const,
        priority: 'HIGH' as const,
        owner: null,
        ticket: null,
        status: 'open' as const,
        text: `Keep ${match[1].replace(/^[A-Z][a-z]+\b/, (word) => word.toLowerCase())} ${match[2]} until ${match[3].trim()}`,
        rationale: '',
        origin: 'human' as const,
      },
    ];
  });
}

/**
 * Follow-ups written in prose in the notes or as timeline lines, in the order written, each
 * split into single actions and filed (type, priority, owner, ticket, status). A piece cut
 * mid-way is left out.
 */
export function followUpsFromProse(facts: Facts, related: ReadonlySet<string>): ActionItem[] {
  const ticked = tickedItems(facts);
  const written = followUpClauses(facts, proseClauses(facts)).flatMap((sentence) => {
    const horizon = strongestSignal(sentence, PRIORITY_CUES);
    const done = ticked.some((item) => item.startsWith(sentence.trim().slice(0, 40)));
    return splitActions(sentence)
      .filter((action) => !unbalanced(action))
      .map((action) => {
        const text = action.charAt(0).toUpperCase() + action.slice(1);
        const filed = {
          ...fileAction(text, { priority: horizon, related }),
          ...(done ? { status: 'done' as const } : {}),
        };
        // The team's own words, split into single actions: theirs, not the writer's.
        return { ...filed, text: actionText(text, filed), rationale: '', origin: 'human' as const };
      });
  });
  return [...written, ...stopgapItems(facts)];
}

/**
 * The items of the notes' task lists that are ticked ("- [x] Pin the sidecar version"): done,
 * though the sentence read from them has lost its box.
 */
function tickedItems(facts: Facts): string[] {
  return [
    ...facts.notes.flatMap((note) =>
      [...note.markdown.matchAll(/^\s*(?:[-*+]|\d{1,3}[.)])\s+\[[xX]\]\s+(.+)$/gm)].map((match) =>
        (match[1] ?? '').trim(),
      ),
    ),
    // A timeline line the parser read as a ticked task ("00:21 <ceejbot> - [x] write the post").
    ...facts.events.filter((event) => event.state === ACTION_ITEM_DONE).map((e) => e.text.trim()),
  ];
}

/** A label that opens a list of follow-ups inside one line ("... Follow-ups: 1) a 2) b"). */
const INLINE_LABEL =
  /\b(?:follow[\s-]*ups?|next steps?|todos?|to ?dos?|action items?|remediation items?|fixes)(?:\s+so far|\s+(?:for|from|of|after)\s+(?:the\s+)?[\w-]+|\s*\([^()]{1,60}\))?\s*:\s*(?=\S)/i;
/** "1) ", "2. ", "(3) " opening each item of a list written on one line. */
const INLINE_MARKER = /(?:^|\s+)\(?\d{1,2}[.)]\s+/;
/**
 * "- ", "* ", "• " opening each item of a bulleted list that a chat copy ran into one line
 * ("follow-ups: - alert on X - add Y"). Only read as a list when the first item opens with one:
 * a dash later in a line is as often an aside or an owner ("Rotate X - Kim").
 */
const INLINE_BULLET = /(?:^|\s+)[-*•·▪]\s+/;

/**
 * The items of a follow-up list written inside one line: after a label, numbered ("1) ... 2)
 * ..."), bulleted ("- a - b") or, for two or more, separated by semicolons. Null when the line holds no such list.
 */
export function inlineList(text: string): string[] | null {
  const label = INLINE_LABEL.exec(text);
  if (!label) return null;
  const rest = text.slice(label.index + label[0].length);
  // A task list's boxes ("- [x] a - Kim, SEC-1 - [ ] b") are read by splitActions, which keeps
  // each item's owner after its dash.
  if (/(?:^|\s)(?:[-*+]\s+)?\[[ xX]\]\s/.test(rest)) return null;
  const numbered = rest.split(INLINE_MARKER);
  const bulleted = /^[-*•·▪]\s/.test(rest) ? rest.split(INLINE_BULLET) : [];
  const semicolons = rest.split(/;\s+/);
  // "follow-ups so far: a, b, c": three or more comma-separated items are a list too.
  const commas = rest.split(/,\s+(?![^()]*\))/);
  const pieces = (
    numbered.length > 2
      ? numbered
      : bulleted.length > 2
        ? bulleted
        : semicolons.length > 1 || commas.length < 3
          ? semicolons
          : commas
  )
    .map((piece) => piece.replace(/^(?:todo|to do)\b\s*[:\-–—]?\s*/i, '').trim())
    .reduce<string[]>(withTheirOwners, [])
    .filter((piece) => piece.length > 5);
  return pieces.length >= 2 ? pieces : null;
}

/**
 * A bulleted list run into one line reads its owners' dashes as bullets too: "- add alerting on
 * X - Marcus, DB-2231 - fix the bug - Jon" splits into "Marcus, DB-2231" between two items. A
 * piece that is only an owner (a name, then a ticket or a note in brackets, the shape
 * OWNER_AFTER_DASH reads) goes back to the item before it, so the item keeps its owner, ticket
 * and status ("Lena (sent already)").
 */
function withTheirOwners(list: string[], piece: string): string[] {
  const last = list.at(-1);
  const ownerOnly =
    (OWNER_AFTER_DASH.exec(` - ${piece}`)?.index === 0 && !ACTION_VERB.test(piece)) ||
    OWNER_LABEL_ONLY.test(piece) ||
    fieldsOnly(piece);
  if (last !== undefined && ownerOnly) list[list.length - 1] = `${last} - ${piece}`;
  else list.push(piece);
  return list;
}

/**
 * Whether a team's section is a list of plans rather than a record of what was done: most of
 * its sentences read as follow-ups ("Add a canary stage", "We will ..."). A `## Remediation`
 * heading means either in practice; its content decides.
 */
export function readsAsFollowUps(markdown: string): boolean {
  const units = splitSentences(markdown).filter((unit) => !/^\s*\|/.test(unit));
  if (units.length === 0) return false;
  const plans = units.filter(
    (unit) => scoreOf(unit, FOLLOW_UP_CUES, 'follow-up') >= FOLLOW_UP_THRESHOLD,
  ).length;
  return plans * 2 >= units.length;
}

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+\S/;

/** Whether a text is a bulleted or numbered list and nothing else. */
function isList(markdown: string): boolean {
  const lines = markdown.split('\n').filter((line) => line.trim());
  return (
    lines.length > 0 && lines.every((line) => /^\s*(?:[-*+]|\d{1,3}[.)])\s+|^\s{2,}\S/.test(line))
  );
}
