/**
 * Action items derived from what happened, for incidents whose authors wrote none. Each one is
 * tied to a fact of this incident and says which in its rationale.
 */
import type { Facts } from '../../../schemas/facts.js';
import type { ActionItem } from '../../../schemas/postmortem.js';
import { formatMinutes, formatTime } from '../format-figures.js';

const FOLLOW_UPS =
  /\b(?:follow[\s-]*ups?|fixes|action items?|todo|next steps|we will|planned)\s*[:\-–—]\s*([^\n]+)/gi;

function trimSentence(text: string, max = 140): string {
  const flat = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;,]+$/, '');
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** "Follow-ups: a, b, c." in the notes becomes three items. */
function followUpsFromNotes(facts: Facts): ActionItem[] {
  const items: ActionItem[] = [];
  for (const note of facts.notes) {
    for (const match of note.markdown.matchAll(FOLLOW_UPS)) {
      const list = (match[1] ?? '').split(/\.\s+(?=[A-Z])/)[0] ?? '';
      for (const part of list.split(/;\s*|,\s+(?![^()]*\))/)) {
        const text = trimSentence(part);
        if (text.length < 8) continue;
        items.push({
          priority: 'MEDIUM',
          text: text.charAt(0).toUpperCase() + text.slice(1),
          rationale: 'Listed as a follow-up in the incident notes.',
          origin: 'builtin',
        });
      }
    }
  }
  return items;
}

export function deriveActionItems(facts: Facts): ActionItem[] {
  const items: ActionItem[] = [];
  const firstSymptom = facts.events.find(
    (event) => event.time && (event.kind === 'impact' || event.kind === 'alert'),
  );
  if (facts.detected === null) {
    items.push({
      priority: 'HIGH',
      text: firstSymptom
        ? `Add monitoring that alerts on the first symptom: "${trimSentence(firstSymptom.text, 100)}"`
        : 'Add monitoring that detects this failure',
      rationale: 'The timeline records no alert or detection time.',
      origin: 'builtin',
    });
  } else if ((facts.timeToDetectMinutes ?? 0) >= 10) {
    items.push({
      priority: 'HIGH',
      text: 'Alert on the first user-visible symptom of this failure',
      rationale: `Impact went undetected for ${formatMinutes(facts.timeToDetectMinutes)}.`,
      origin: 'builtin',
    });
  }
  const rollback = facts.events.find(
    (event) => event.time && /roll(?:ed|ing)?[ -]?back|rollback|revert/i.test(event.text),
  );
  if (rollback) {
    items.push({
      priority: 'HIGH',
      text: 'Add a pre-deploy check or canary stage that would have caught the change that had to be rolled back',
      rationale: `Mitigation was a rollback at ${formatTime(rollback.time, facts)}.`,
      origin: 'builtin',
    });
  }
  items.push(...followUpsFromNotes(facts));
  const start = facts.start;
  const change = facts.events.find(
    (event) => event.kind === 'deploy' && event.time && start && event.time <= start,
  );
  if (change) {
    items.push({
      priority: 'MEDIUM',
      text: `Review how changes like this one are tested and rolled out: "${trimSentence(change.text, 90)}"`,
      rationale: `Impact began with a change at ${formatTime(change.time, facts)}.`,
      origin: 'builtin',
    });
  }
  if (facts.identified) {
    items.push({
      priority: 'MEDIUM',
      text: 'Add a test or check that reproduces the identified cause',
      rationale: `The cause was identified at ${formatTime(facts.identified, facts)}; a test keeps it from coming back.`,
      origin: 'builtin',
    });
  }
  if ((facts.timeToAcknowledgeMinutes ?? 0) > 5) {
    items.push({
      priority: 'MEDIUM',
      text: 'Review paging and escalation so alerts are acknowledged within five minutes',
      rationale: `Acknowledgement took ${formatMinutes(facts.timeToAcknowledgeMinutes)}.`,
      origin: 'builtin',
    });
  }
  if (!facts.events.some((event) => /runbook|playbook/i.test(event.text))) {
    items.push({
      priority: 'LOW',
      text: `Write a runbook for this failure mode (${trimSentence(facts.title, 80)})`,
      rationale: 'No runbook is referenced in the timeline.',
      origin: 'builtin',
    });
  }
  const untimed = facts.events.filter((event) => !event.time).length;
  if (untimed > 0) {
    items.push({
      priority: 'LOW',
      text: `Record exact times for the ${untimed} untimed timeline entr${untimed === 1 ? 'y' : 'ies'}`,
      rationale: 'Untimed entries make the time to detect and mitigate less certain.',
      origin: 'builtin',
    });
  }
  return items;
}
