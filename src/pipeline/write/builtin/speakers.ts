/**
 * Chat pastes the parser did not split ("10:18 marco: looks like the regex", "Tom: found it")
 * carry the speaker in the text. The writer reads the speaker as the line's actor, so a quote
 * reads as what was said and the responders are named, without changing the facts.
 */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';

/** `name:` or `First Last:` at the start of a line, before what they said. */
const SPEAKER = /^@?([A-Za-z][\w.'-]{0,30}(?: [A-Z][\w.'-]{0,30})?)\s*:\s+(?=\S)/;

/** Labels that open a line the same way but are not people. */
const NOT_A_SPEAKER =
  /^(?:alerts?|alarm|notes?|update|status|impact|cause|root cause|trigger|fix|fixed|action|actions|ai|todo|fixme|info|warn|warning|error|errors|critical|resolved|resolution|identified|investigating|monitoring|summary|detection|mitigation|mitigated|next steps|follow-ups?|follow up|re|fw|fwd|subject|from|to|sent|cc|https?|done|recovery|problem|owner|ticket|time|times|date|ok|firing|triggered|step)$/i;

function speakerOf(event: TimelineEvent): { name: string; rest: string } | null {
  if (event.actor) return null;
  const match = SPEAKER.exec(event.text);
  const name = match?.[1];
  if (!match || !name || NOT_A_SPEAKER.test(name)) return null;
  return { name, rest: event.text.slice(match[0].length) };
}

/**
 * The facts with a leading `speaker:` moved into each event's actor. A name counts only when it
 * opens at least two lines ("Merged: PR #12" once is a label), or is already an actor elsewhere.
 * The same facts when no line has one.
 */
export function readSpeakers(facts: Facts): Facts {
  const found = facts.events.map(speakerOf);
  const count = new Map<string, number>();
  for (const speaker of found)
    if (speaker)
      count.set(speaker.name.toLowerCase(), (count.get(speaker.name.toLowerCase()) ?? 0) + 1);
  const actors = new Set(facts.events.flatMap((e) => (e.actor ? [e.actor.toLowerCase()] : [])));
  let changed = false;
  const events = facts.events.map((event, i) => {
    const speaker = found[i];
    if (!speaker) return event;
    const key = speaker.name.toLowerCase();
    if ((count.get(key) ?? 0) < 2 && !actors.has(key)) return event;
    changed = true;
    return { ...event, actor: speaker.name, text: speaker.rest };
  });
  return changed ? { ...facts, events } : facts;
}
