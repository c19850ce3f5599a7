/**
 * Page anchors for timeline entries, so a reviewer can link one line of an incident's timeline
 * (`/incidents/<slug>/#t-14-05`) and the link still holds after the incident is edited.
 */
import { DateTime } from 'luxon';
import type { Facts } from '../../schemas/facts.js';

/**
 * One id per event of `facts.events`, in the same order, unique within the list:
 * - a timed event on the incident's day is named by its clock in the incident's zone,
 *   `t-14-05`; on another day the date leads, `t-2026-01-11-00-15`;
 * - an untimed event ("early", "(overnight)") is named by its line in the file, `t-line-12`;
 * - a second event with the same name gets `-2`, a third `-3`, in file order.
 *
 * Names come from the time rather than the position, so adding or removing a line elsewhere
 * leaves every other entry's link as it was; they depend on nothing but the event and
 * `facts.timezone` / `facts.date`, so a rebuild gives the same ids. The shapes cannot collide:
 * a base name has two, five or `line` + one parts after `t-`, a repeated one an extra number.
 */
export function timelineEntryIds(facts: Pick<Facts, 'events' | 'timezone' | 'date'>): string[] {
  const seen = new Map<string, number>();
  return facts.events.map((event) => {
    const base = event.time ? clockName(event.time, facts) : `t-line-${event.line}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

function clockName(iso: string, facts: Pick<Facts, 'timezone' | 'date'>): string {
  const time = DateTime.fromISO(iso, { zone: facts.timezone });
  const clock = time.toFormat('HH-mm');
  return time.toISODate() === facts.date ? `t-${clock}` : `t-${time.toISODate()}-${clock}`;
}
