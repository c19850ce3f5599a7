/**
 * Action items: the team's own (a `## Action items` section, then follow-ups written in prose),
 * and derived ones only where the facts support them: no alert recorded → a detection item; a
 * failed attempt → make that path work; a slow acknowledgement → paging. Never filler.
 */
import type { Facts } from '../../../schemas/facts.js';
import type { ActionItem } from '../../../schemas/postmortem.js';
import { formatMinutes, formatTime } from '../../format/format-figures.js';
import { actionText, fileAction, followUpsFromProse } from './follow-ups.js';
import { followUpsFromTables } from './follow-up-tables.js';
import type { Detection } from './detection.js';
import type { Response } from './response.js';

/** Acknowledging later than this after detection is worth an item (minutes). */
const SLOW_ACKNOWLEDGEMENT = 15;

export interface ActionItemContext {
  related: ReadonlySet<string>;
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

function derivedItems(
  facts: Facts,
  written: readonly ActionItem[],
  { detection, response }: ActionItemContext,
): ActionItem[] {
  const items: ActionItem[] = [];
  const has = (type: ActionItem['type']) => written.some((item) => item.type === type);
  const derived = (item: Omit<ActionItem, 'owner' | 'ticket' | 'status' | 'origin'>) =>
    items.push({ ...item, owner: null, ticket: null, status: 'open', origin: 'builtin' });
  // A page or alert anywhere in the timeline means the team has alerting: no filler item.
  // Only when the input says how it was noticed (a person, a customer): with no detection
  // recorded at all, "no alert" is not something the input supports.
  if (!detection.byAlert && !detection.alert && detection.event && !has('detect')) {
    derived({
      priority: 'HIGH',
      type: 'detect',
      text: 'Add an alert that fires on this failure before users report it',
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
  const unique = written.filter(
    (item, index) =>
      written.findIndex((other) => other.text.toLowerCase() === item.text.toLowerCase()) === index,
  );
  return [...unique, ...derivedItems(facts, unique, context)].sort(
    (a, b) =>
      Number(a.status === 'done') - Number(b.status === 'done') ||
      ORDER[a.priority] - ORDER[b.priority],
  );
}
