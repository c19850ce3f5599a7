/**
 * What the team wrote for itself in the timeline: a line marked internal ("Internal: ...", "do
 * not share - ...") and a note addressed to the write-up ("for the writeup - ...", "Cause for the
 * postmortem: ..."). Blind judges found both published verbatim, labels and all ("What caused it:
 * Internal: for the writeup, ..."). The postmortem keeps what they say without the label; the
 * public texts (message to users, HN post, thread) leave internal lines out.
 */
import type { Facts } from '../../../schemas/facts.js';

/** A line marked for the team only, by a leading label or by its own words. */
const INTERNAL_LABEL =
  /^(\W*(?:@?\p{Ll}[\p{L}\p{N}_.-]{1,24}\s+(?=notes?\s*:))?)(?:notes?\s*:\s*)?(?:\(?internal(?:[\s-]only)?(?:\s+note)?\)?|private|confidential|team[\s-]only|not for (?:publication|customers|the public|the status page)|do(?: not|n'?t) (?:share|publish)(?: this| externally)?)\s*[:,\-–—]\s*/iu;
const INTERNAL_WORDS =
  /\b(?:do(?: not|n'?t) (?:share|publish)(?: this)?(?: externally)?|internal[\s-]only|not for (?:publication|customers|the public)|keep (?:this|it) internal)\b/i;
/**
 * A note addressed to the write-up: `for the writeup -`, `Cause for the postmortem:`, `(for PIR)`,
 * also after `Note:` and an export's author column (`priya Note: cause for the writeup:`).
 */
const WRITEUP_LABEL =
  /^(\W*(?:@?\p{Ll}[\p{L}\p{N}_.-]{1,24}\s+(?=notes?\s*:))?)(?:notes?\s*:\s*)?(?:(?:root cause|cause|context|note|notes|todo|detail)\s+)?(?:for|to (?:add|note) (?:to|in)) (?:the )?(?:write[\s-]?up|post[\s-]?mortem|retro(?:spective)?|pir|review|report|rca)\s*[:,\-–—]\s*/iu;

const CAUSE_LABEL = /^\W*(?:root cause|cause)\b/i;

/** True when `text` is marked for the team only. */
export function isInternalOnly(text: string): boolean {
  return INTERNAL_LABEL.test(text) || INTERNAL_WORDS.test(text);
}

/**
 * `text` without an internal or write-up label at its start, and its first letter as the rest of
 * the sentence had it: `Internal: for the writeup, the deploy skipped ...` → `the deploy skipped ...`;
 * `Cause for the postmortem: build 4411 sent ...` → `Root cause: build 4411 sent ...`.
 */
export function withoutNoteLabels(text: string): string {
  return sentencesOf(text)
    .map((sentence) => {
      const lead = /^\s*/.exec(sentence)?.[0] ?? '';
      let out = sentence.slice(lead.length);
      for (let before = ''; before !== out;) {
        before = out;
        // "Cause for the postmortem: X" states the cause: it keeps a cause label the cues read.
        // A leading handle ("priya Note: cause for the writeup: ...", an export's author column)
        // stays; only the label goes.
        out = out
          .replace(INTERNAL_LABEL, '$1')
          .replace(WRITEUP_LABEL, (label, lead: string) =>
            CAUSE_LABEL.test(label.slice(lead.length).replace(/^notes?\s*:\s*/i, ''))
              ? `${lead}Root cause: `
              : lead,
          );
      }
      return lead + out;
    })
    .join('');
}

/**
 * `text` cut before each sentence and line, the pieces keeping their spacing, so that joined
 * they are `text` again: a label opens a sentence as often as a note ("Notes: support wants X.
 * Internal: order-writer ...").
 */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])(?=\s+\S)|(?=\n)/);
}

/** `text` without its sentences marked for the team only; '' when every one is. */
function withoutInternalSentences(text: string): string {
  return sentencesOf(text)
    .filter((sentence) => !isInternalOnly(sentence.trim()))
    .join('')
    .trim();
}

/** `facts` with every timeline line's and note's labels for the team or the write-up taken off. */
export function withNoteLabelsOff(facts: Facts): Facts {
  return {
    ...facts,
    events: facts.events.map((event) => ({ ...event, text: withoutNoteLabels(event.text) })),
    notes: facts.notes.map((note) => ({ ...note, markdown: withoutNoteLabels(note.markdown) })),
  };
}

/**
 * `facts` as public texts may read them: the lines and notes marked internal left out, or null
 * when none is (the postmortem's reading serves then). Milestones stay: only the words go.
 */
export function publicFactsOf(facts: Facts): Facts | null {
  const internal = (text: string) => isInternalOnly(text);
  if (
    !facts.events.some((event) => internal(event.text)) &&
    !facts.notes.some((n) => internal(n.markdown))
  )
    return null;
  // A note keeps its other sentences ("support wants the message to say: order again").
  return withNoteLabelsOff({
    ...facts,
    events: facts.events.filter((event) => !internal(event.text)),
    notes: facts.notes
      .map((note) => ({ ...note, markdown: withoutInternalSentences(note.markdown) }))
      .filter((note) => note.markdown !== ''),
  });
}
