/**
 * A long timeline (a pasted log of thousands of lines) is summarised where a reader looks at
 * it whole: the figure and the site page show the milestones, the first and last events and a
 * count of those left out; postmortem.md keeps every line.
 */
import type { Facts, TimelineEvent } from '../../schemas/facts.js';
import { peopleIn, publicLine, withoutPeople } from '../write/builtin/public-line.js';
import { isNoise } from '../write/builtin/sentences.js';

export type ShownRow =
  { type: 'event'; event: TimelineEvent; index: number } | { type: 'gap'; count: number };

/** Rows in the timeline figure: beyond this a PNG grows past what anyone scrolls (22 px a row). */
export const FIGURE_EVENT_LIMIT = 60;
/** Timeline lines on the site page, which also carries the figure and the whole postmortem. */
export const PAGE_EVENT_LIMIT = 200;

/**
 * The events to show, at most `limit` plus one gap row per run left out. A line the team tagged
 * unrelated ("(unrelated) the disk is full again") is left out unless a milestone cites it.
 * Every event that a milestone cites is kept; the rest of the room goes to the first and last
 * events, half each. Each shown line reads as a reader outside the team should see it: without
 * tool tags, chat openers, host names or the people it names (public-line.ts).
 */
export function shownEvents(facts: Facts, limit: number): ShownRow[] {
  const cited = new Set(Object.values(facts.milestones).map((milestone) => milestone.line));
  const people = peopleIn(facts);
  const shown = (event: TimelineEvent): TimelineEvent => ({
    ...event,
    actor: event.actor && people.includes(event.actor.replace(/^@/, '')) ? null : event.actor,
    text: publicLine(withoutPeople(event.text, people)),
  });
  const events = facts.events
    .map((event, index) => ({ event, index }))
    .filter(
      ({ event }) => cited.has(event.line) || !(isNoise(event.text) || isNoise(shown(event).text)),
    );
  if (events.length <= limit)
    return events.map(({ event, index }) => ({ type: 'event', event: shown(event), index }));
  const keep = new Set<number>();
  events.forEach(({ event }, at) => {
    if (cited.has(event.line)) keep.add(at);
  });
  const room = Math.max(0, limit - keep.size);
  const head = Math.ceil(room / 2);
  for (let i = 0; i < head; i++) keep.add(i);
  for (let i = events.length - (room - head); i < events.length; i++) keep.add(i);
  const rows: ShownRow[] = [];
  let skipped = 0;
  events.forEach(({ event, index }, at) => {
    if (!keep.has(at)) {
      skipped++;
      return;
    }
    if (skipped > 0) rows.push({ type: 'gap', count: skipped });
    skipped = 0;
    rows.push({ type: 'event', event: shown(event), index });
  });
  if (skipped > 0) rows.push({ type: 'gap', count: skipped });
  return rows;
}

/** `… 19,940 more events: the full timeline is in postmortem.md` */
export function gapText(count: number): string {
  return `… ${count.toLocaleString('en-US')} more event${count === 1 ? '' : 's'}: the full timeline is in postmortem.md`;
}
