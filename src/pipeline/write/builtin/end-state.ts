/**
 * Where the incident stands at the end of the input, read once for every public text (message
 * to users, HN post, thread) so they agree: fixed, recovered and watched, some users still
 * hit, or still open. Blind judges found packs that said "back to normal" while the input's last
 * lines said "about 5% of Android users still see uploads stall" (issue 12): a public text
 * never claims more than the input's end says.
 */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import { formatClock, formatTime } from '../../format/format-figures.js';
import { leftOpen, type Reading } from './read-incident.js';
import { publicLine } from './public-line.js';
import { hasUserSubject, USER_NOUNS } from './user-words.js';
import { isNoise } from './sentences.js';

export type EndState =
  /** Resolved: service back for everyone at `at`. */
  | { kind: 'fixed'; at: string | null }
  /** Mitigated, not yet closed: the team is watching that it holds. */
  | { kind: 'watching'; at: string }
  /** Some users still hit at the end: `still` says who and what, as of `asOf`. */
  | { kind: 'degraded'; still: string; asOf: string | null }
  /** Nothing says it is over. */
  | { kind: 'open' };

/**
 * A line that says the impact goes on for someone: "still see", "remain degraded", "not yet
 * fully recovered". "still watching" and "still investigating the cause" are the team's, not
 * the users'.
 */
const STILL =
  /\bstill (?:see(?:s|ing)?|getting|gets?|hit(?:ting)?|experienc\w+|report(?:s|ing)?|affected|impacted|failing|fails?|slow|degraded|erroring|timing out|stall\w*|broken|down|unable|can(?:not|'t)|missing|delayed|seeing)\b|\b(?:remain|remains|remaining) (?:degraded|slow|elevated|affected|impacted|unavailable|down|broken)\b|\bnot (?:yet )?(?:fully )?(?:recovered|restored)\b|\bpartial(?:ly)? (?:recovered|restored)\b/i;

/** A later line that ends it for everyone. */
const OVER =
  /\b(?:fully (?:recovered|restored|resolved)|all clear|back to normal for (?:all|everyone)|resolved|closed|closing the incident|incident over)\b/i;

/** The incident's status as the input states it, when that says it ended. */
const ENDED_STATUS = /^(?:resolved|closed|completed?|fixed|postmortem|post-?incident)$/i;

/** Clauses of a line, split where a chat line joins two ("recovering, but 5% still see …"). */
const CLAUSES = /\s*(?:;|,\s*but\b|\bbut\b|\s[-–—]\s|->|→|(?<=[a-z0-9)])\.\s+)\s*/i;

/** A share before who it counts: "about 5% of ", "~300 of ". */
const SHARE = /^(?:about|around|roughly|~|approx\.?)?\s*\d[\d,.]*\s*%?\s*of\s+(?:our\s+|the\s+)?/i;

/** Who, in a few words before "still": "Android users still see", "some merchants still get". */
const WHO_BEFORE_STILL = new RegExp(
  String.raw`^(?:[\w%~.,'-]+\s+){0,5}?${USER_NOUNS}\s+(?:\w+\s+)?still\b|^\W*(?:some|a few|many)\b`,
  'i',
);

/**
 * The clause that says who is still hit, in the input's words: one with users as its subject
 * ("about 5% of Android users still see uploads stall") from the still-lines, latest first;
 * else null (then the text says "some of you may still see problems").
 */
function stillClause(lines: readonly TimelineEvent[]): string | null {
  for (const event of [...lines].reverse()) {
    const clause = publicLine(event.text)
      .split(CLAUSES)
      .map((part) => part.trim())
      .find(
        (part) =>
          STILL.test(part) &&
          (hasUserSubject(part.replace(SHARE, '')) || WHO_BEFORE_STILL.test(part)),
      );
    if (clause && clause.length <= 160) return clause.replace(/[.\s]+$/, '');
  }
  return null;
}

/**
 * The state at the end of the input: `degraded` when a line at or after the recovery (or, with
 * none, after the start) says users are still hit and no later line says it is over; `open`
 * when the input leaves it open (leftOpen, or no end and a status that does not say it ended);
 * `watching` when it was mitigated and the status does not say it ended; `fixed` otherwise.
 */
export function endState(reading: Reading): EndState {
  const { facts } = reading;
  const from = Date.parse(facts.mitigated ?? facts.resolved ?? facts.start ?? '');
  // Lines at or after the recovery; all of them when no time is known (NaN compares false).
  const after = facts.events.filter(
    (event) => event.time !== null && !isNoise(event.text) && !(Date.parse(event.time) < from),
  );
  const lastStill = after.findLastIndex((event) => STILL.test(event.text));
  // Over after it: a later line says so, or the analysis read the resolution after it ("EU
  // consumers back, backlog drained, status green" after "EU still failing").
  const stillAt = Date.parse(after[lastStill]?.time ?? '');
  const overAfter =
    lastStill >= 0 &&
    (after.slice(lastStill + 1).some((event) => OVER.test(event.text) && !STILL.test(event.text)) ||
      (facts.resolved !== null && Date.parse(facts.resolved) > stillAt));
  if (lastStill >= 0 && !overAfter) {
    const lines = after.filter((event) => STILL.test(event.text));
    return {
      kind: 'degraded',
      still: stillClause(lines) ?? '',
      asOf: lines.at(-1)?.time ?? null,
    };
  }
  const ended = ENDED_STATUS.test(facts.status.trim());
  if (leftOpen(facts)) return { kind: 'open' };
  if (facts.resolved) return { kind: 'fixed', at: reading.recovered.at ?? facts.resolved };
  if (facts.mitigated)
    return ended
      ? { kind: 'fixed', at: reading.recovered.at ?? facts.mitigated }
      : { kind: 'watching', at: reading.recovered.at ?? facts.mitigated };
  return ended ? { kind: 'fixed', at: null } : { kind: 'open' };
}

/** "08:26 EDT (12:26 UTC)": a time in the incident's zone, and in UTC when that differs. */
export function timeWithUtc(iso: string, facts: Facts): string {
  const told = formatTime(iso, facts);
  return told.endsWith(' UTC') ? told : `${told} (${formatClock(iso, 'UTC')})`;
}

/**
 * The state said to users, one or two sentences: "This is fixed: service is fully restored and has
 * been back to normal since 08:26 EDT (12:26 UTC)." / "… recovered at …; we are still watching it closely." /
 * "As of 10:10 UTC, about 5% of Android users still see uploads stall; we are still working on
 * it." / "We are still working on it and will update this page."
 */
export function stateSentence(reading: Reading, relapse = ''): string {
  const { facts } = reading;
  const state = endState(reading);
  switch (state.kind) {
    case 'fixed':
      return state.at
        ? `This is fixed: service is fully restored and has been back to normal since ${timeWithUtc(state.at, facts)}${relapse}.`
        : 'This is fixed: the incident is resolved.';
    case 'watching':
      return `Service recovered at ${timeWithUtc(state.at, facts)}; we are still watching it closely and will update this page.`;
    case 'degraded': {
      const asOf = state.asOf ? `As of ${timeWithUtc(state.asOf, facts)}, ` : '';
      const still = state.still || 'some of you may still see problems';
      return `${asOf}${asOf ? still : still.charAt(0).toUpperCase() + still.slice(1)}; we are still working on it and will update this page.`;
    }
    case 'open':
      return 'We are still working on it and will update this page.';
  }
}
