/** The timeline line a milestone of the analysis was read from. */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';

/**
 * The event a milestone came from: the event on the milestone's line at the milestone's time.
 * One written line may hold several events ("the first orders failed at 14:20; monitoring
 * alarmed at 14:26", a mail body telling timed steps), so the line alone would pick the first
 * of them and a section would quote 14:20 for a detection the analysis dated 14:26. When no
 * event on that line has the milestone's time (a prose paragraph's stated end dated from
 * another sentence), the event at that time elsewhere; then the line's first event (an untimed
 * line); null when the analysis marked no such milestone.
 *
 * @param name a milestone's key in `facts.milestones` ("start", "detected", "mitigated", ...).
 */
export function milestoneEvent(facts: Facts, name: string): TimelineEvent | null {
  const milestone = facts.milestones[name];
  if (!milestone) return null;
  const at = Date.parse(milestone.time);
  const atTime = (event: TimelineEvent) => event.time !== null && Date.parse(event.time) === at;
  const onLine = facts.events.filter((event) => event.line === milestone.line);
  return onLine.find(atTime) ?? facts.events.find(atTime) ?? onLine[0] ?? null;
}
