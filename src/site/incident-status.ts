/**
 * What an incident's status means for the public site. The words are Statuspage's incident
 * states (investigating, identified, monitoring, resolved, postmortem) plus `draft`, which is
 * written to the packs folder for its author but never published.
 */
import type { Facts } from '../schemas/facts.ts';
import { INCIDENT_STATUSES, type IncidentStatus } from '../schemas/front-matter.ts';

/** A status the analysis produced, read as one of Statuspage's; unknown words count as open. */
export function incidentStatus(status: string): IncidentStatus {
  return (INCIDENT_STATUSES as readonly string[]).includes(status)
    ? (status as IncidentStatus)
    : status === 'published'
      ? 'postmortem'
      : 'investigating';
}

/**
 * False for drafts (front matter `status: draft`, kept in facts as `draft` since the incident's
 * own state then comes from the timeline): they appear on no page, feed, API or search index.
 */
export function isPublished(facts: Pick<Facts, 'draft' | 'status'>): boolean {
  return !facts.draft && incidentStatus(facts.status) !== 'draft';
}

/** Still being worked on: shown as ongoing on the home page and the status API. */
export function isOngoing(status: string): boolean {
  return ['investigating', 'identified', 'monitoring'].includes(incidentStatus(status));
}

/** The label a reader sees: `Investigating`, `Postmortem published`. */
export function statusLabel(status: string): string {
  const word = incidentStatus(status);
  return word === 'postmortem' ? 'Postmortem published' : word[0]!.toUpperCase() + word.slice(1);
}
