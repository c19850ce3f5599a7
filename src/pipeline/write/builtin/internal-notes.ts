/**
 * What the team wrote for itself in the timeline: a line marked internal ("Internal: ...", "do
 * not share - ...") and a note addressed to the write-up ("for the writeup - ...", "Cause for the
 * postmortem: ..."). Blind judges found both published verbatim, labels and all ("What caused it:
 * Internal: for the writeup, ..."). The postmortem keeps what they say without the label; the
 * public texts (message to users, HN post, thread) leave internal lines out.
 */
import type { Facts } from '../../../schemas/facts.js';
import { TEAM_REMARK_CUES } from '../cues/team-remark-cues.js';

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

/** The asides of TEAM_REMARK_CUES as global copies, made once; the table stays stateless. */
const ASIDES = TEAM_REMARK_CUES.filter((cue) => cue.signal === 'aside').map(
  (cue) => new RegExp(cue.pattern.source, `${cue.pattern.flags}g`),
);
const REMARKS = TEAM_REMARK_CUES.filter((cue) => cue.signal === 'remark').map((cue) => cue.pattern);

/** Where a sentence parts one clause from the next, the separator kept: ", ", "; ", " - ". */
const CLAUSE_BREAK = /(,\s+|;\s+|\s+[-–—]\s+)/;

/** Whether a clause is a remark to the team (TEAM_REMARK_CUES). */
function isRemark(clause: string): boolean {
  return REMARKS.some((pattern) => pattern.test(clause));
}

/**
 * `text` without what responders said to each other (TEAM_REMARK_CUES): each aside ("cc @lena",
 * "runbook: https://…", "lol") taken out, then each sentence's clauses that are remarks ("my
 * paste got cut off", "see the thread in #inc-…", "ping me if it comes back"); '' when nothing
 * about the incident is left. Sentences and line breaks keep their places.
 */
export function withoutTeamRemarks(text: string): string {
  // "resent. Dashboard: https://… (ask Omar)." leaves "resent.." behind: the stop once.
  const bare = ASIDES.reduce((out, aside) => out.replace(aside, ''), text)
    .replace(/([.!?])(?:\s*\.)+/g, '$1')
    .replace(/[ \t]+([,;.!?])/g, '$1');
  return sentencesOf(bare)
    .map((sentence) => {
      const lead = /^\s*/.exec(sentence)?.[0] ?? '';
      const parts = sentence.slice(lead.length).split(CLAUSE_BREAK);
      // parts alternate clause, separator, clause: a kept clause keeps the separator before it.
      const kept: string[] = [];
      for (let i = 0; i < parts.length; i += 2) {
        const clause = parts[i] ?? '';
        if (isRemark(clause)) continue;
        if (kept.length) kept.push(parts[i - 1] ?? ' ');
        kept.push(clause);
      }
      const told = kept.join('').trim();
      // "Dashboard: https://… (ask Omar for access)." leaves "." behind: no sentence is left.
      // A table's rule ("| --- | --- |") has no words either, and keeps its table whole.
      return /[\p{L}\p{N}]/u.test(told) || /^[\s|:-]+$/.test(sentence) ? `${lead}${told}` : '';
    })
    .join('')
    .trim();
}

/** Whether `text` carries anything withoutTeamRemarks takes out. */
function hasTeamRemarks(text: string): boolean {
  return withoutTeamRemarks(text) !== text.trim();
}

/**
 * `facts` as public texts may read them: the lines and notes marked internal left out, and
 * what responders said to each other taken out of the rest (withoutTeamRemarks); null when
 * there is neither (the postmortem's reading serves then). Milestones stay: only the words go.
 */
export function publicFactsOf(facts: Facts): Facts | null {
  const internal = (text: string) => isInternalOnly(text);
  if (
    !facts.events.some((event) => internal(event.text) || hasTeamRemarks(event.text)) &&
    !facts.notes.some((n) => internal(n.markdown) || hasTeamRemarks(n.markdown))
  )
    return null;
  // A note keeps its other sentences ("support wants the message to say: order again").
  return withNoteLabelsOff({
    ...facts,
    events: facts.events
      .filter((event) => !internal(event.text))
      .map((event) => ({ ...event, text: withoutTeamRemarks(event.text) }))
      .filter((event) => event.text !== ''),
    notes: facts.notes
      .map((note) => ({
        ...note,
        markdown: withoutTeamRemarks(withoutInternalSentences(note.markdown)),
      }))
      .filter((note) => note.markdown !== ''),
  });
}
