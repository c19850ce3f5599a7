/**
 * A long timeline (a pasted log of thousands of lines) is summarised where a reader looks at
 * it whole: the figure and the site page show the milestones, the first and last events and a
 * count of those left out; postmortem.md keeps every line.
 */
import type { Facts, TimelineEvent } from '../../schemas/facts.js';

export type ShownRow =
  { type: 'event'; event: TimelineEvent; index: number } | { type: 'gap'; count: number };

/** Rows in the timeline figure: beyond this a PNG grows past what anyone scrolls (22 px a row). */
export const FIGURE_EVENT_LIMIT = 60;
/** Timeline lines on the site page, which also carries the figure and the whole postmortem. */
export const PAGE_EVENT_LIMIT = 200;

/**
 * The events to show, at most `limit` plus one gap row per run left out. Every event that a
 * milestone cites is kept; the rest of the room goes to the first and last events, half each.
 */
export function shownEvents(facts: Facts, limit: number): ShownRow[] {
  const events = facts.events;
  if (events.length <= limit)
    return events.map((event, index) => ({ type: 'event', event, index }));
  const cited = new Set(Object.values(facts.milestones).map((milestone) => milestone.line));
  const keep = new Set<number>();
  events.forEach((event, index) => {
    if (cited.has(event.line)) keep.add(index);
  });
  const room = Math.max(0, limit - keep.size);
  const head = Math.ceil(room / 2);
  for (let i = 0; i < head; i++) keep.add(i);
  for (let i = events.length - (room - head); i < events.length; i++) keep.add(i);
  const rows: ShownRow[] = [];
  let skipped = 0;
  events.forEach((event, index) => {
    if (!keep.has(index)) {
      skipped++;
      return;
    }
    if (skipped > 0) rows.push({ type: 'gap', count: skipped });
    skipped = 0;
    rows.push({ type: 'event', event, index });
  });
  if (skipped > 0) rows.push({ type: 'gap', count: skipped });
  return rows;
}

/** `… 19,940 more events: the full timeline is in postmortem.md` */
export function gapText(count: number): string {
  return `… ${count.toLocaleString('en-US')} more event${count === 1 ? '' : 's'}: the full timeline is in postmortem.md`;
}
