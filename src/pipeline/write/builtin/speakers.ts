/**
 * Chat pastes the parser did not split ("10:18 marco: looks like the regex", "Tom: found it")
 * carry the speaker in the text. The writer reads the speaker as the line's actor, so a quote
 * reads as what was said and the responders are named, without changing the facts.
 */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';

/** `name:`, `First Last:` or `LB Health Bot:` at the start of a line, before what they said. */
const SPEAKER = /^@?([A-Za-z][\w.'-]{0,30}(?: [A-Z][\w.'-]{0,30}){0,2})\s*:\s+(?=\S)/;

/** `name - ` at the start of a line: a chat log copied as "14:12 joao - users report ...". */
const DASH_SPEAKER = /^@?([A-Za-z][\w.']{1,30})\s+[-–—]\s+(?=\S)/;

/** Labels that open a line the same way but are not people. */
const NOT_A_SPEAKER =
  /^(?:alerts?|alarm|notes?|update|status|impact|cause|root cause|trigger|fix|fixed|action|actions|ai|todo|fixme|info|warn|warning|error|errors|critical|resolved|resolution|identified|investigating|monitoring|summary|detection|mitigation|mitigated|next steps|follow-ups?|follow up|re|fw|fwd|subject|from|to|sent|cc|https?|done|recovery|problem|owner|ticket|time|times|date|ok|firing|triggered|step|statuspage|status page|graphs|deploy|pagerduty|opsgenie)$/i;

/**
 * An incident tool's wrapper around what a person wrote: `Note added by Ana Ruiz: "..."`. The
 * quotes are the tool's, not the speaker's.
 */
const NOTE_BY =
  /^\W*(?:[Nn]ote|[Cc]omment|[Uu]pdate|[Mm]essage) (?:added|posted|left|written) by ([A-Z][\w.'-]{0,30}(?: [A-Z][\w.'-]{0,30}){0,2})\s*:\s*/;

/** Roles that speak in chat like people do: "on-call: v3 acks before the write". */
const ROLE = /^(?:on-?call|sre|ic|ops|support|oncall|incident commander|responder)$/i;

function speakerOf(event: TimelineEvent): { name: string; rest: string } | null {
  const note = NOTE_BY.exec(event.text);
  if (note?.[1]) {
    const said = event.text.slice(note[0].length).trim();
    const unquoted = /^["“](.*)["”]$/s.exec(said)?.[1] ?? said;
    return { name: note[1], rest: unquoted.trim() };
  }
  if (event.actor) return null;
  const match = SPEAKER.exec(event.text) ?? DASH_SPEAKER.exec(event.text);
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
  // "Dana:" in the text of a line beside the actor "Dana Whitfield" is the same person.
  const actors = new Set(
    facts.events.flatMap((e) =>
      e.actor ? [e.actor.toLowerCase(), e.actor.toLowerCase().split(/\s+/)[0] ?? ''] : [],
    ),
  );
  let changed = false;
  const events = facts.events.map((event, i) => {
    const speaker = found[i];
    if (!speaker) return event;
    const key = speaker.name.toLowerCase();
    const wrapped = NOTE_BY.test(event.text);
    // A bot's name ("LB Health Bot:") is never a label, even when it posts once.
    const bot = /(?:^|[\s_-])bot$/i.test(key);
    if (!wrapped && !bot && (count.get(key) ?? 0) < 2 && !actors.has(key) && !ROLE.test(key))
      return event;
    changed = true;
    return { ...event, actor: speaker.name, text: speaker.rest };
  });
  return changed ? { ...facts, events } : facts;
}

/** A leading `Name ` before a past-tense verb: "Dana re-pointed the alias", "Marco ran the script". */
const DOER =
  /^@?([A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20})?)\s+(?=(?:re-?)?[a-z]+(?:ed|an|ew|ent|ook|ut|et)\b)/;

/**
 * First names of the people the timeline credits: its actors, and who opens a line as `name:`.
 * Read once per timeline.
 */
function peopleOf(facts: Facts): Set<string> {
  const known = peopleRead.get(facts.events);
  if (known) return known;
  const names = new Set<string>();
  for (const event of facts.events) {
    const actor = event.actor?.replace(/^@/, '').toLowerCase().split(/\s+/)[0];
    if (actor) names.add(actor);
    const said = SPEAKER.exec(event.text.replace(WRAPPER, ''))?.[1];
    if (said && !NOT_A_SPEAKER.test(said)) names.add(said.toLowerCase().split(/\s+/)[0] ?? said);
  }
  peopleRead.set(facts.events, names);
  return names;
}
const peopleRead = new WeakMap<readonly TimelineEvent[], Set<string>>();

/** A tool's or a role's wrapper before a message: `on-call — `, `Note added: `. */
const WRAPPER =
  /^\W*(?:(?:on-?call|sre|ops|graphs|deploy|statuspage|[a-z]+-team)\s+[—–]\s+|note added\s*:\s+)/i;

/** Verbs of doing something to a system, the way a person is blamed for it. */
const DOING =
  /^(?:ran|run|deleted|dropped|pushed|typed|merged|applied|executed|forgot|removed|changed|deployed|restarted|killed|wiped|re-?pointed|rolled|moved|drained|disabled|enabled|reverted)\b/;
/** Capitalised words that open a line as its subject but are not people. */
const NOT_A_PERSON =
  /^(?:Note|Alert|Incident|Status|Update|System|Service|Traffic|Load|Everything|Nothing|Someone|Support|Engineering|Monitoring|Deploy|Cron|Automation|Terraform|Kubernetes|Postgres|Redis)$/;

/**
 * The sentence without the person who did it, when they are named at its start: "Lee re-pointed
 * the session store" reads "re-pointed the session store", "Sam ran the cleanup job" reads "ran
 * the cleanup job". Names stay out of what a reader outside the team sees; a name the timeline
 * never uses for a person (a product, "Google") is kept.
 */
export function withoutDoer(said: string, facts: Facts): string {
  // "Dana: Marco ran ...": who reported it goes too.
  // "on-call — failover finished", "Note added: KV reads failing": a wrapper, not what was said.
  const unwrapped = said.replace(WRAPPER, '');
  const speaker = SPEAKER.exec(unwrapped);
  const text =
    speaker?.[1] && !NOT_A_SPEAKER.test(speaker[1])
      ? unwrapped.slice(speaker[0].length)
      : unwrapped;
  const match = DOER.exec(text);
  const name = match?.[1];
  if (!match || !name || /^(?:The|A|An|We|It|They|This|That|Our|Their)$/.test(name)) return text;
  const first = (name.split(' ')[0] ?? name).toLowerCase();
  const people = peopleOf(facts).has(first);
  // A name no line credits reads as a person only when it does something to a system ("Marco
  // ran the script"); "Systems began recovering" and "Note added" are no one.
  const person =
    people ||
    (/^[A-Z][a-z]+$/.test(name) &&
      !/s$/.test(name) &&
      !NOT_A_PERSON.test(name) &&
      DOING.test(text.slice(match[0].length)));
  return person ? text.slice(match[0].length) : text;
}
