/**
 * The input as sentences a writer may quote, each with where it came from, so every sentence
 * the built-in writer writes can cite its source.
 */
import { DONE_BOX, OPEN_BOX } from '../../parse/task-boxes.js';
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import { scoreOf } from '../cues/cue.js';
import { PUBLIC_TEXT_CUES } from '../cues/public-text-cues.js';

export interface Quote {
  /** One sentence, whitespace collapsed, list markers and Markdown emphasis removed. */
  text: string;
  line: number;
  /** The timeline event it came from, or null for notes and human prose. */
  event: TimelineEvent | null;
}

/** `e.g.`, `approx.`: a full stop that does not end a sentence. */
/** Abbreviations a full stop ends without ending the sentence, in the languages teams paste. */
const ABBREVIATION =
  /(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|inkl|bzw|usw|ggf|evtl|bspw|z\.b|d\.h|u\.a|vgl|env|p\.ex|cf|no|ca|min|max|avg|est)|\b[A-Z])\.$/i;

/**
 * Where a list item's text starts: after a bullet or number (and a `[ ]` box), after an open
 * task box (☐, ⬜), dropped like `[ ]`, or at a ticked one (☑, ✅), kept, since it says the item
 * is done.
 */
const LIST_MARK = new RegExp(
  String.raw`^\s*(?:(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?|${OPEN_BOX}\s+|(?=${DONE_BOX}\s))`,
  'u',
);

/** A line that opens with a label ("AI:", "TODO:", "Next steps:") starts a unit of its own. */
const LINE_LABEL =
  /^\s*(?:\*\*)?(?:AI|A\.I\.|TODO|FIXME|action(?: items?)?|follow[\s-]*ups?|next steps?|owner|impact|root[\s-]*cause|cause|trigger|detection|lessons?)(?:\*\*)?\s*:/i;

/** A write-up's heading on a line of its own ("What happened"): it ends its unit. */
const isHeading = (unit: string | undefined): boolean =>
  unit !== undefined &&
  /^[A-Z][\w' -]{0,40}$/.test(unit.trim()) &&
  unit.trim().split(/\s+/).length <= 5;

/** Splits prose into sentences: at `. ! ?` and a space, at line breaks and list items. */
export function splitSentences(markdown: string): string[] {
  // Paragraphs and list items are units; a hard-wrapped line continues its sentence.
  const units: string[] = [];
  let open = false;
  for (const line of markdown.split('\n')) {
    const item = LIST_MARK.exec(line);
    if (!line.trim()) open = false;
    else if (item || !open || LINE_LABEL.test(line) || isHeading(units[units.length - 1])) {
      units.push(line.slice(item?.[0].length ?? 0));
      open = true;
    } else units[units.length - 1] += ` ${line.trim()}`;
  }
  const pieces = units.flatMap((unit) => unit.split(/(?<=[.!?])\s+(?=["“(`]?[\p{L}0-9~])/u));
  const sentences: string[] = [];
  for (const piece of pieces) {
    const last = sentences.length - 1;
    if (last >= 0 && ABBREVIATION.test(sentences[last] ?? '')) sentences[last] += ` ${piece}`;
    else sentences.push(piece);
  }
  return sentences
    .map((sentence) =>
      sentence
        .replace(/\*\*|__/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((sentence) => sentence.length > 3);
}

/** Every sentence of the notes and of the human summary and impact. */
export function noteQuotes(facts: Facts): Quote[] {
  const texts = [facts.human.summary, facts.human.impact, ...facts.notes].flatMap((note) =>
    note ? [note] : [],
  );
  // "Postmortem notes: the proxy ..." quotes as "the proxy ...": the label is the paste's.
  return texts.flatMap((note) =>
    splitSentences(note.markdown).map((text) => ({
      text: text.replace(/^(?:(?:postmortem|incident|our|my|some) )?notes?\s*:\s*/i, ''),
      line: note.line,
      event: null,
    })),
  );
}

/** Every sentence of every timeline line, each pointing at its event. */
export function eventQuotes(facts: Facts): readonly Quote[] {
  const known = quotesRead.get(facts.events);
  if (known?.length === facts.events.length) return known.quotes;
  const quotes = facts.events
    .filter((event) => !isNoise(event.text))
    .flatMap((event) =>
      splitSentences(event.text).map((text) => ({ text, line: event.line, event })),
    );
  quotesRead.set(facts.events, { length: facts.events.length, quotes });
  return quotes;
}

/** eventQuotes per events list: the cause, the trigger and the reading each ask for them. */
const quotesRead = new WeakMap<readonly TimelineEvent[], { length: number; quotes: Quote[] }>();

/**
 * Lines that are the paste's packaging or chatter, not the incident: e-mail headers and quote
 * markers ("From: Infra Oncall", "-----Original Message-----", "Subject: RE: ..."), and
 * reminders unrelated to it ("reminder: lunch & learn moved to Thursday"), and lines the team tagged
 * as unrelated ("unrelated: docs deploy", "fyi unrelated: ...", "[Update] Unrelated: ...", "docs site
 * deploy, unrelated", "..., not this incident"). They are never quoted
 * as a sign of impact, an action, a cause or in a public text.
 */
// "Reminder: standup at 10" and "friendly reminder" are chatter; "reminder texts don't arrive"
// is an incident about reminders, so the bare word is not noise.
const NOISE =
  /^\W*(?:from|to|cc|bcc|sent|date|subject|importance|reply-to)\s*:|-{3,}\s*(?:original|forwarded) message|^\W*(?:re|fw|fwd)\s*:|^\W*>|^\W*reminder\b[^:]{0,30}:|\b(?:calendar|meeting|friendly) reminder\b|\b(?:lunch(?: ?& ?learn)?|happy hour|birthday|standup moved|all-hands|coffee)\b|^\W*(?:\[[^\]]{1,20}\]\s*)?(?:fyi\W+)?(?:unrelated|not related|side note)\b|[([,;]\s*(?:unrelated|not related)\s*[)\]]?\W*$|,\s*not (?:part of |related to )?this incident\W*$/i;

/**
 * A chat app's record of who came, went, reacted, pinned or renamed ("jonas has joined the
 * channel", "dana reacted with :eyes:", "Kim Ito changed the group name to ..."): the room's
 * bookkeeping, not an event of the incident. Only a whole line of it: "rolled back, marta reacted
 * with ✅" keeps its first clause (the chat-reaction artefact cue takes the rest).
 */
const CHAT_BOOKKEEPING =
  /^[\p{L}@.' -]{0,40}?\b(?:(?:has |have )?(?:joined|left) (?:the |this )?(?:channel|conversation|chat|group|room|thread|huddle)|(?:was |were )?(?:added|invited|removed) (?:[\p{L}@.' -]{1,40} )?(?:to|from) (?:the |this )?(?:channel|conversation|chat|room)|reacted(?: with| to)?|added (?:a |the )?reaction|removed (?:a |the |their )?reaction|(?:un)?pinned (?:a|this|the|\d+) (?:message|post|item|file)s?|(?:set|changed|updated|cleared|edited) the (?:channel |group |conversation |room )?(?:topic|purpose|description|name)|renamed the (?:channel|group|conversation|room))\b/iu;

export function isNoise(text: string): boolean {
  const line = text.trim();
  return NOISE.test(line) || CHAT_BOOKKEEPING.test(line);
}

/** Ends a sentence with a full stop and starts it with a capital. */
export function asSentence(text: string): string {
  const flat = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,;:\s]+$/, '');
  const capital = flat.charAt(0).toUpperCase() + flat.slice(1);
  return /[.!?]["')\]]*$/.test(capital) ? capital : `${capital}.`;
}

/**
 * Lower-cases the first letter of a sentence-case phrase ("Checkout latency" → "checkout
 * latency"); a phrase with other capitals ("Okta login broken after Traefik v2", "Database
 * Connection Pool Exhaustion") may open with a name and is kept.
 */
export function lowerFirst(text: string): string {
  const [first = '', ...rest] = text.split(/\s+/);
  // An article or determiner opens a sentence, never a name: "The mobile app ... in the UK".
  const determiner = /^(?:The|A|An|Our|Some|Most|All|Many|Every|Each|Its|Their)$/.test(first);
  const sentenceCase =
    determiner || (/^[A-Z][a-z'-]*$/.test(first) && !rest.some((word) => /[A-Z]/.test(word)));
  return sentenceCase ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Whether a sentence may appear in a public text (no placeholders, instructions or asides). */
export function isPublicSafe(text: string): boolean {
  return scoreOf(text, PUBLIC_TEXT_CUES, 'not-public') <= 0;
}
