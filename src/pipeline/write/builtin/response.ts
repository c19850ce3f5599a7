/**
 * Response and recovery: the actions responders took, in order, with failed attempts marked,
 * and the lines that say service came back. Impact lines, status posts and outcomes are not
 * actions (the action cues decide).
 */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import { ACTION_CUES, ACTION_THRESHOLD } from '../cues/action-cues.js';
import { scoreText } from '../cues/cue.js';

export interface ResponseStep {
  event: TimelineEvent;
  failed: boolean;
  /** For a failed step: the clause that says how it failed ("rollback job failed on permissions"). */
  failure: string | null;
}

export interface Response {
  steps: ResponseStep[];
  /** The line that established the mitigated milestone, and the resolved one. */
  mitigated: TimelineEvent | null;
  resolved: TimelineEvent | null;
}

const DID_NOT_WORK = ACTION_CUES.find((cue) => cue.id === 'did-not-work');

function failureClause(text: string): string | null {
  const clause = text.split(/[,;]\s+|\s+[-–—]\s+/).find((part) => DID_NOT_WORK?.pattern.test(part));
  return clause?.trim() ?? null;
}

/**
 * @param exclude the trigger event, which may read like an action ("enabled the flag") but set
 *   the incident off, and the lines that state the root cause ("..., blocking reads").
 */
export function readResponse(facts: Facts, exclude: readonly TimelineEvent[]): Response {
  const steps: ResponseStep[] = [];
  facts.events.forEach((event, index) => {
    if (exclude.includes(event) || event.kind === 'status-update') return;
    if (facts.start && event.time && Date.parse(event.time) < Date.parse(facts.start)) return;
    const { scores } = scoreText(event.text, ACTION_CUES);
    if ((scores.action ?? 0) < ACTION_THRESHOLD) return;
    let failed = (scores.failed ?? 0) >= 3;
    // "tried restarting X" followed by "no change": the next line says the attempt failed.
    const next = facts.events[index + 1];
    if (!failed && (scores.failed ?? 0) > 0 && next && DID_NOT_WORK?.pattern.test(next.text))
      failed = true;
    steps.push({ event, failed, failure: failed ? failureClause(event.text) : null });
  });
  const byMilestone = (name: string) => {
    const line = facts.milestones[name]?.line;
    return facts.events.find((event) => event.line === line) ?? null;
  };
  return { steps, mitigated: byMilestone('mitigated'), resolved: byMilestone('resolved') };
}
