/**
 * Trigger and root cause, chosen from the timeline lines and the notes by the cause cues. The
 * trigger is the change or event that set the incident off; the root cause is why it could.
 */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import { CAUSE_CUES, CAUSE_THRESHOLD, TRIGGER_THRESHOLD } from '../cues/cause-cues.js';
import { scoreOf } from '../cues/cue.js';
import { FOLLOW_UP_CUES, FOLLOW_UP_THRESHOLD } from '../cues/follow-up-cues.js';
import { eventQuotes, noteQuotes, type Quote } from './sentences.js';

export interface RootCause {
  /** The sentences that state the cause, best first, at most two. */
  quotes: Quote[];
}

/** A plan ("we should fix the bug") names a cause but is a follow-up, not a statement of it. */
const isPlan = (text: string) => scoreOf(text, FOLLOW_UP_CUES, 'follow-up') >= FOLLOW_UP_THRESHOLD;

function causeScore(quote: Quote): number {
  const base = scoreOf(quote.text, CAUSE_CUES, 'cause');
  // A timeline line the analysis read as "identified" is where responders said what they found.
  return base + (quote.event?.kind === 'identify' ? 1 : 0);
}

/**
 * A sentence and, when it has several, its clauses: "the drive issue is a known firmware bug -
 * rolling the update across the fleet" states the cause in its first clause only. On equal
 * scores the whole sentence wins, for its context.
 */
function withClauses(quote: Quote): Quote[] {
  const clauses = quote.text.split(/;\s+|\s+[-–—]\s+/).filter((c) => c.trim().length >= 20);
  return clauses.length > 1 ? [quote, ...clauses.map((text) => ({ ...quote, text }))] : [quote];
}

/**
 * The sentences that state the root cause, or null when none scores CAUSE_THRESHOLD: then the
 * writer says the cause is still under investigation.
 */
export function findRootCause(facts: Facts): RootCause | null {
  const scored = [...noteQuotes(facts), ...eventQuotes(facts)]
    .flatMap(withClauses)
    .filter((quote) => !isPlan(quote.text))
    .map((quote, order) => ({ quote, order, score: causeScore(quote) }))
    .filter((entry) => entry.score >= CAUSE_THRESHOLD);
  if (scored.length === 0) return null;
  const [best, second] = [...scored].sort((a, b) => b.score - a.score || a.order - b.order);
  if (!best) return null;
  // A second sentence only when it is nearly as clearly a cause: one strong sentence beats two.
  const overlaps =
    second &&
    (best.quote.text.includes(second.quote.text) || second.quote.text.includes(best.quote.text));
  const also =
    second && !overlaps && second.score >= Math.max(CAUSE_THRESHOLD + 1, best.score - 1)
      ? [second]
      : [];
  return { quotes: [best, ...also].map((entry) => entry.quote) };
}

/**
 * The event that set the incident off: the latest change or outside event at or before the
 * first sign of impact (or detection, when the start is not known). Null when none scores.
 */
export function findTrigger(facts: Facts): TimelineEvent | null {
  const limit = facts.start ?? facts.detected;
  const candidates = facts.events.filter(
    (event) =>
      event.time !== null &&
      (limit === null || Date.parse(event.time) <= Date.parse(limit)) &&
      scoreOf(event.text, CAUSE_CUES, 'trigger') >= TRIGGER_THRESHOLD,
  );
  return candidates.at(-1) ?? null;
}

const SYMPTOM_KINDS: ReadonlySet<string> = new Set(['impact', 'alert', 'report']);

/**
 * The first sign of impact: the line the start milestone came from, unless that line is the
 * trigger itself (a deploy), then the first impact, alert or report after it.
 */
export function firstSymptom(facts: Facts, trigger: TimelineEvent | null): TimelineEvent | null {
  const line = facts.milestones['start']?.line;
  const start = facts.events.find((event) => event.line === line) ?? null;
  if (start && start !== trigger) return start;
  const from = trigger ? facts.events.indexOf(trigger) : -1;
  return facts.events.slice(from + 1).find((event) => SYMPTOM_KINDS.has(event.kind)) ?? start;
}
