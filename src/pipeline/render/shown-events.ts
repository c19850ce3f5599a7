/**
 * A long timeline (a pasted log of thousands of lines) is summarised where a reader looks at
 * it whole: the figure and the site page show the milestones, the first and last events and a
 * count of those left out; postmortem.md keeps every line.
 */
import type { Facts, TimelineEvent } from '../../schemas/facts.js';
import {
  peopleIn,
  publicLine,
  taggedUnrelated,
  withoutPeople,
} from '../write/builtin/public-line.js';
import { isNoise } from '../write/builtin/sentences.js';
import { withheldFrom } from '../write/builtin/withheld.js';

export type ShownRow =
  { type: 'event'; event: TimelineEvent; index: number } | { type: 'gap'; count: number };

/** Rows in the timeline figure: beyond this a PNG grows past what anyone scrolls (22 px a row). */
export const FIGURE_EVENT_LIMIT = 60;
/** Timeline lines on the site page, which also carries the figure and the whole postmortem. */
export const PAGE_EVENT_LIMIT = 200;

/** "All," or "Hi team,": a mail's salutation, not an event. */
const SALUTATION =
  /^\W*(?:(?:hi|hello|hey|dear)\s+)?(?:all|team|everyone|folks|y'?all)\s*[,!.:]?\s*$/i;
/** The paste's own framing: "Times shown in UTC", "Display timezone: ...", "Copied from ...". */
const FRAMING =
  /^\W*(?:times?(?: are)? shown in|all times|display time ?zone|time ?zone\s*:|copied from|exported from|source\s*:)/i;
/** How a write-up names its parts: "Timeline", "How we're becoming more resilient", "Log Entries". */
const HEADING =
  /^\W*(?:timeline|timestamps?|how we|what we|what happened|next steps|follow[\s-]*ups?|action items|notes?|summary|impact|root cause|lessons|remediation|background|resolution|details|custom details|log entries|updates?)\b/i;
/** "Key: value" pairs a tool prints ("Urgency: High Service: pardot-app Escalation policy: ..."). */
const FIELD = /(?:^|\s)[A-Z][\w-]*(?: [a-z][\w-]*)?:\s+\S/g;

/**
 * One label a tool lists under an alert, `alertname = KubePodCrashLooping`, `severity = critical`
 * (Alertmanager's mail, Prometheus rules): a machine key, then `=`, then its value.
 */
const LABEL_PAIR = /^\W*[a-z_][\w.-]*\s+=\s+\S/;

/**
 * Whether an untimed line is the paste's packaging rather than an event: a heading ("Timeline",
 * "How we're becoming more resilient": a few words in a write-up's own terms), the paste's
 * framing, a tool's field list or one of its `key = value` labels, or a salutation. A salutation
 * is never an event, timed or not.
 */
function isPackaging(event: TimelineEvent): boolean {
  const text = event.text.trim();
  if (SALUTATION.test(text)) return true;
  if (event.time) return false;
  const heading =
    !event.timeLabel &&
    text.split(/\s+/).length <= 6 &&
    !/[.!?]$/.test(text) &&
    (HEADING.test(text) || /^[A-Z][a-z]+:?$/.test(text));
  return (
    heading || FRAMING.test(text) || LABEL_PAIR.test(text) || (text.match(FIELD) ?? []).length >= 2
  );
}

/** An untimed line that a timed one repeats ("Page load above threshold" beside "09:49 ... (created)"). */
function restated(event: TimelineEvent, events: readonly TimelineEvent[]): boolean {
  const text = event.text.trim();
  return (
    !event.time &&
    text.length > 0 &&
    events.some((e) => e.time && e !== event && e.text.startsWith(text))
  );
}

/**
 * The events to show, at most `limit` plus one gap row per run left out. A line the team tagged
 * unrelated ("(unrelated) the disk is full again") and the paste's packaging (isPackaging) are
 * left out unless a milestone cites them.
 * Every event that a milestone cites is kept; the rest of the room goes to the first and last
 * events, half each. Each shown line reads as a reader outside the team should see it: without
 * tool tags, chat openers, host names or the people it names (public-line.ts).
 * @param readText how the caller reads a line before it is made public (the figure's
 *   figureSource); the line as written by default.
 */
export function shownEvents(
  facts: Facts,
  limit: number,
  readText: (text: string) => string = (text) => text,
): ShownRow[] {
  const cited = new Set(Object.values(facts.milestones).map((milestone) => milestone.line));
  const people = peopleIn(facts);
  const withheld = withheldFrom(facts);
  const shown = (event: TimelineEvent): TimelineEvent => ({
    ...event,
    actor: event.actor && people.includes(event.actor.replace(/^@/, '')) ? null : event.actor,
    text: withheld(publicLine(withoutPeople(readText(event.text), people))),
  });
  const events = facts.events
    .map((event, index) => ({ event, index }))
    .filter(
      ({ event }) =>
        cited.has(event.line) ||
        !(
          isNoise(event.text) ||
          taggedUnrelated(event.text) ||
          isPackaging(event) ||
          isNoise(shown(event).text) ||
          restated(event, facts.events)
        ),
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
