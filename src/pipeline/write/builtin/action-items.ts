/**
 * Action items: the team's own (a `## Action items` section, then follow-ups written in prose),
 * and derived ones only where the facts support them: no alert recorded → a detection item; a
 * failed attempt → make that path work; a slow acknowledgement → paging. Never filler.
 */
import { titleInSentence, titleNamesIncident } from './public-sentence.js';
import type { Facts } from '../../../schemas/facts.js';
import type { ActionItem } from '../../../schemas/postmortem.js';
import { formatMinutes, formatTime } from '../../format/format-figures.js';
import { actionText, fileAction, followUpsFromProse } from './follow-ups.js';
import { followUpsFromTables } from './follow-up-tables.js';
import { scoreOf } from '../cues/cue.js';
import { NOT_AN_ACTION_CUES } from '../cues/follow-up-cues.js';
import type { Detection } from './detection.js';
import type { Response } from './response.js';

/** Acknowledging later than this after detection is worth an item (minutes). */
const SLOW_ACKNOWLEDGEMENT = 15;

export interface ActionItemContext {
  related: ReadonlySet<string>;
  /** The sentences that state the trigger and the root cause, from which items may be derived. */
  causes: readonly string[];
  detection: Detection;
  response: Response;
}

function teamItems(facts: Facts, related: ReadonlySet<string>): ActionItem[] {
  return facts.human.actionItems.map((item) => {
    const filed = fileAction(item.text, { priority: item.priority, related });
    return {
      ...filed,
      ...(item.done ? { status: 'done' as const } : {}),
      text: actionText(item.text, filed),
      rationale: 'Written by the incident team.',
      origin: 'human' as const,
    };
  });
}

/** "the cert renewal cron has been failing silently": what failed, as group 1. */
const SILENT_FAILURE =
  /\b((?:the|our|its|a|an)\s+[\w\s.*/-]{2,50}?)\s+(?:(?:has|had)\s+been|was|were|is|are)?\s*(?:silently\s+fail\w*|fail\w*\s+silently)\b/i;
/** "the wildcard certificate for *.shop.example expired": what expired, as group 1. */
const EXPIRED =
  /((?:the|our|its|a|an)\s+(?:[\w*.-]+\s+){0,3}(?:certificate|cert|token|key|credentials?|licen[cs]e|domain|password|secret)(?:\s+for\s+[\w*.-]+)?)\s+(?:had\s+)?expired\b/i;

/** "The cert renewal cron" → "the cert renewal cron" inside a sentence. */
const lowerSubject = (text: string) =>
  text.replace(/^(The|Our|Its|A|An)\b/, (w) => w.toLowerCase());

/** The input says nothing alerted: "no alert covers X", "nothing paged us", "we had no alert". */
const NO_ALERT =
  /\bno (?:alert|monitor|page)s? (?:covers?|fired|went off|for)\b|\bnothing (?:paged|alerted)\b|\b(?:had|have) no (?:alert|monitor)/i;

const allText = (facts: Facts) =>
  [...facts.notes.map((note) => note.markdown), ...facts.events.map((e) => e.text)].join('\n');

/** What failed, in the title's words: "Invoices sent with wrong currency" → "invoices sent ...". */
function whatFailed(facts: Facts): string {
  // A paste's header ('incident.io · INC-2207 · …') is no name of what failed.
  if (!titleNamesIncident(facts.title)) return 'this failure';
  // One rule for a title inside a sentence (titleInSentence): "Database Connection Pool
  // Exhaustion" keeps its capitals, another language is quoted.
  return titleInSentence(facts.title);
}

function derivedItems(
  facts: Facts,
  written: readonly ActionItem[],
  { detection, response, causes }: ActionItemContext,
): ActionItem[] {
  const items: ActionItem[] = [];
  const has = (type: ActionItem['type']) => written.some((item) => item.type === type);
  const derived = (item: Omit<ActionItem, 'owner' | 'ticket' | 'status' | 'origin'>) =>
    items.push({ ...item, owner: null, ticket: null, status: 'open', origin: 'builtin' });
  // The cause makes some items plain: a job that failed silently needs an alert on the job;
  // something that expired needs an alert before it expires. Only when the team wrote none.
  if (!has('detect'))
    for (const text of causes) {
      const silent = SILENT_FAILURE.exec(text)?.[1]?.trim();
      const expired = EXPIRED.exec(text)?.[1]?.trim();
      if (silent && !items.some((item) => item.text.includes('fail silently')))
        derived({
          priority: 'HIGH',
          type: 'detect',
          text: `Alert when ${lowerSubject(silent)} fails, so it cannot fail silently again`,
          rationale: `The cause: "${text.length <= 160 ? text : `${silent} failed silently`}".`,
        });
      if (expired && !items.some((item) => item.text.includes('expires')))
        derived({
          priority: 'HIGH',
          type: 'detect',
          text: `Alert well before ${lowerSubject(expired)} expires`,
          rationale: `What set it off: ${lowerSubject(expired)} expired.`,
        });
    }
  // A page or alert anywhere in the timeline means the team has alerting: no filler item.
  // Only when a customer told us, or the input says nothing alerted: a person noticing it
  // on a graph is no evidence that an alert was missing.
  const told = detection.how === 'a customer report' || NO_ALERT.test(allText(facts));
  if (
    told &&
    !detection.byAlert &&
    !detection.alert &&
    detection.event &&
    !has('detect') &&
    !items.some((item) => item.type === 'detect')
  ) {
    derived({
      priority: 'HIGH',
      type: 'detect',
      text: `Alert on ${whatFailed(facts)} before a customer has to report it`,
      rationale: `No alert is recorded; it was first noticed at ${formatTime(detection.event.time, facts)} (${detection.how}).`,
    });
  }
  for (const step of response.steps.filter((s) => s.broken)) {
    const when = formatTime(step.event.time, facts);
    derived({
      priority: 'HIGH',
      type: 'mitigate',
      text:
        step.failure && step.failure.length <= 100
          ? `Fix what made the ${when} attempt fail (${step.failure})`
          : `Fix what made the ${when} attempt fail`,
      rationale: `A mitigation attempt at ${when} failed, which lengthened the outage.`,
    });
  }
  if ((facts.timeToAcknowledgeMinutes ?? 0) > SLOW_ACKNOWLEDGEMENT && !has('process')) {
    derived({
      priority: 'MEDIUM',
      type: 'process',
      text: 'Review paging and escalation so an alert is acknowledged sooner',
      rationale: `Acknowledgement took ${formatMinutes(facts.timeToAcknowledgeMinutes)}.`,
    });
  }
  return items;
}

/** Open items first by priority; done items last. Stable within each group. */
const ORDER = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;

export function actionItems(facts: Facts, context: ActionItemContext): ActionItem[] {
  const written = [
    ...teamItems(facts, context.related),
    ...followUpsFromProse(facts, context.related),
    ...followUpsFromTables(facts, context.related),
  ];
  // A date, a team, a label or a status post standing where an item would is no item.
  const actions = written.filter(
    (item) => scoreOf(item.text, NOT_AN_ACTION_CUES, 'not-an-action') <= 0,
  );
  const unique = actions.filter(
    (item, index) =>
      actions.findIndex((other) => other.text.toLowerCase() === item.text.toLowerCase()) === index,
  );
  return [...unique, ...derivedItems(facts, unique, context)].sort(
    (a, b) =>
      Number(a.status === 'done') - Number(b.status === 'done') ||
      ORDER[a.priority] - ORDER[b.priority],
  );
}
