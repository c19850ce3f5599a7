/**
 * The message to users, built from the facts rather than a template: what users saw and when,
 * how bad it got, whether data was lost, what they must do, where the cause stands, and an
 * apology. Every clause comes from the input (a symptom word, a stated figure, a sentence about
 * data or what users must do) or from computed times; a clause with nothing behind it is left out.
 */
import { peopleIn, publicLine, withoutPeople } from './public-line.js';
import { scoreText, strongestSignal } from '../cues/cue.js';
import { SCOPE, USER_SYMPTOM_CUES, type SymptomSignal } from '../cues/impact-cues.js';
import { formatDate, formatMinutes, formatTime } from '../../format/format-figures.js';
import { recordsAlert, REPORTED } from './detection.js';
import type { PeakFigures } from './peak-figures.js';
import { leftOpen, saysRestored, type Reading } from './read-incident.js';
import {
  asSentence,
  isNoise,
  lowerFirst,
  noteQuotes,
  splitSentences,
  type Quote,
} from './sentences.js';

/** What users saw, per symptom, said to them. */
const SAW: Record<SymptomSignal, string> = {
  'sign-in': 'could not sign in',
  errors: 'saw errors',
  slow: 'saw slow responses and timeouts',
  unavailable: 'could not reach the service',
  delayed: 'saw delays',
  'wrong-data': 'saw missing or out-of-date data',
};

/** The symptom users saw: the title says it best, then the first sign and the impact lines. */
export function symptomOf(reading: Reading): SymptomSignal | null {
  const { facts } = reading;
  const texts = [
    facts.title,
    facts.human.impact?.markdown ?? '',
    reading.symptom?.text ?? '',
    ...facts.events.filter((e) => e.kind === 'report' || e.kind === 'impact').map((e) => e.text),
  ];
  for (const text of texts) {
    const signal = strongestSignal(text, USER_SYMPTOM_CUES);
    // "Login latency": sign-in was slow, not refused; saying "could not sign in" overstates it.
    if (signal === 'sign-in' && (scoreText(text, USER_SYMPTOM_CUES).scores.slow ?? 0) > 0)
      return 'slow';
    if (signal) return signal;
  }
  return null;
}

/** "(up to 35% of requests failed; normally under 1%)", or '' when the input states no peak. */
export function howBad({ errorRate, latency }: PeakFigures): string {
  const parts: string[] = [];
  if (errorRate)
    parts.push(
      `up to ${errorRate.value} of requests failed${errorRate.baseline ? ` (normally ${errorRate.baseline.replace(/^baseline\s*/i, '')})` : ''}`,
    );
  if (latency)
    parts.push(
      `responses took up to ${latency.value}${latency.baseline ? ` instead of the usual ${latency.baseline}` : ''}`,
    );
  return parts.join('; ');
}

const sentence = (quote: Quote | null) => (quote ? asSentence(quote.text) : '');

/** The feature users touched, when the title or the first sign names one ("checkout"). */
const FEATURE =
  /\b(?:checkout|payments?|card (?:payments?|authori[sz]ations?)|search|uploads?|downloads?|notifications?|e-?mails?|webhooks?|git pushes|builds?|the (?:api|dashboard|website|site|app|console)|api|dashboard|website|console|login|sign[\s-]?in|editing|messages?|video calls?|streaming)\b/i;

/** A short plain name of who was affected, or "some of you" when the input's is long. */
function whoFor(reading: Reading, total: boolean): string {
  const who = reading.who;
  if (who && who.length <= 60 && !/[;()]/.test(who)) return who;
  return total ? 'all of you' : 'some of you';
}

/**
 * A clause that says everything failed ("every upload failed", "failure rate 100% in all
 * regions"): a total outage is told as one, never as "some of you saw errors".
 */
const TOTAL_FAILURE =
  /\b(?:every|all|each)\s+(?:[\w./-]+\s+){0,4}?(?:failed|failing|errored|erroring|was rejected|were rejected|timed out|went down|was down|were down)\b|\b100\s?%\s+(?:of\s+)?(?:[\w./-]+\s+){0,3}?(?:fail\w*|errors?|errored)\b|\b(?:fail\w*|errors?)\s+(?:rate\s+)?(?:(?:at|of|was|is)\s+)?100\s?%/i;

/** The first clause, from the notes or the lines up to recovery, that says everything failed. */
export function totalFailure(reading: Reading): string | null {
  const { facts } = reading;
  const end = facts.resolved ?? facts.mitigated;
  const texts = [
    facts.human.impact?.markdown ?? '',
    facts.human.summary?.markdown ?? '',
    ...facts.notes.map((note) => note.markdown),
    ...facts.events
      .filter((e) => !(end && e.time && Date.parse(e.time) > Date.parse(end)))
      .map((e) => e.text),
  ];
  for (const text of texts) {
    if (!TOTAL_FAILURE.test(text)) continue;
    const clause = text
      .split(/\n|[;.]\s+|,\s+(?=\w+\s)|\s+[-–—]\s+/)
      .find((part) => TOTAL_FAILURE.test(part));
    if (clause && clause.length <= 140)
      return publicLine(
        clause.replace(/^\W*(?:impact|alert|critical|p\d|sev\s?\d)\s*[:\-–—]?\s*/i, ''),
      )
        .replace(/^(?:ALERT|WARN\w*|CRIT\w*)\s+/, '')
        .replace(/[.\s]+$/, '');
  }
  return null;
}

/** The time window, with the day on both ends when it crosses midnight. */
function windowOf(reading: Reading): string {
  const { facts } = reading;
  const { start, end, minutes } = reading.window;
  if (!start)
    return end
      ? `On ${formatDate(facts.date)}, until ${formatTime(end, facts)}`
      : `On ${formatDate(facts.date)}`;
  const sameDay = !end || end.slice(0, 10) === start.slice(0, 10);
  if (!end) return `Since ${formatTime(start, facts)} on ${formatDate(facts.date)}`;
  const lasting = minutes !== null && facts.resolved ? ` (${formatMinutes(minutes)})` : '';
  return sameDay
    ? `Between ${formatTime(start, facts)} and ${formatTime(end, facts)}${lasting} on ${formatDate(facts.date)}`
    : `From ${formatTime(start, facts, true)} to ${formatTime(end, facts, true)}${lasting}, starting ${formatDate(facts.date)}`;
}

/** Clauses about the team's own tooling, not what users saw: "pager fires", "on-call paged". */
const INTERNAL_CLAUSE =
  /\b(?:pager|paged|paging|alert\w*|on-?call|acknowledg\w*|ticket|slack|incident (?:declared|opened))\b/i;
/** A label before what was reported: "customer ticket:", "[alert]", "Zendesk:". */
const REPORT_LABEL =
  /^\s*(?:\[[^\]]*\]\s*)?(?:[\w -]{0,30}(?:ticket|report|alert|complaint)s?\s*:\s*)?/i;

/**
 * What users saw, in the input's words: the first sign of impact (or the report that detected
 * it), without labels and without clauses about paging. Null when it names nothing users see.
 */
export function whatUsersSaw(reading: Reading): string | null {
  const event = reading.symptom ?? reading.detection.event;
  // An alert's wording is the monitor's ("p99 latency > 2s"), not what users saw.
  if (!event || isNoise(event.text) || (recordsAlert(event) && !REPORTED_BY_USERS.test(event.text)))
    return null;
  const clauses = event.text
    .replace(REPORT_LABEL, '')
    .split(/,\s+|;\s+|\s+[-–—]\s+/)
    .filter((clause) => clause.trim() && !INTERNAL_CLAUSE.test(clause));
  const text = clauses.join(', ').trim();
  if (text.length < 12 || text.length > 140) return null;
  // Only what a user or a report says: "primary failed" is the system's failure, not theirs.
  // (An on-call's "Escalates: ... downtime for users" is a report kind, but not a user's.)
  return REPORTED.test(event.text) ? text : null;
}
const REPORTED_BY_USERS = /\b(?:customer|user|client|merchant|player|buyer)s?\b/i;

/** A monitor's own wording ("p99 > 2s", "pod restarts > 10 in 5m"): users never saw that. */
const MONITOR_TERMS =
  /[<>=]|\b(?:p\d\d|threshold|cpu|memory|heap|disk|pods?|restarts?|replicas?|queue depth|lag|connections?|saturat\w+|oom\w*|5xx|4xx|error rate)\b/i;
/** A figure of what users got: "0 results for 70% of queries", "below 50%", "every login". */
const USER_FIGURE = /\d\s?%|\b\d+ (?:results?|rows?|items?)\b|\b(?:every|all|no)\s+\w+/i;

/**
 * The first sign of impact in the input's own terms, when those are what users got ("search
 * returns 0 results for 70% of queries"): without tags, labels and host names. Null for a
 * monitor's expression ("p99 > 2s") or a line with no figure of what users got.
 */
export function symptomInTheirTerms(reading: Reading): string | null {
  const event = reading.symptom;
  if (!event || isNoise(event.text)) return null;
  const text = publicLine(event.text.replace(REPORT_LABEL, ''))
    .replace(/^(?:ALERT|WARN\w*|CRIT\w*|FIRING|TRIGGERED)\b\s*[:\-–—]?\s*/i, '')
    .replace(/[.\s]+$/, '');
  if (text.length < 12 || text.length > 120 || MONITOR_TERMS.test(text)) return null;
  return USER_FIGURE.test(text) ? text : null;
}

/**
 * Who was not hit, in the input's words: the first sentence of the notes that bounds the scope
 * ("only eu-west was affected; us-east accounts were unaffected throughout"). Null when none.
 */
export function scopeSentence(reading: Reading): string | null {
  const quote = noteQuotes(reading.facts).find(
    (q) => SCOPE.test(q.text) && q.text.length <= 220 && !isNoise(q.text),
  );
  if (!quote) return null;
  const text = publicLine(quote.text);
  // "us-east and ap-south were unaffected": a name written in lower case keeps its case.
  return /^[a-z]+[-\d]/.test(text)
    ? asSentence(text).replace(/^./, text.charAt(0))
    : asSentence(text);
}

/**
 * What the team says it is changing, in its own listed items (at most two, open ones): a
 * message to users promises nothing the postmortem does not list.
 */
function changing(reading: Reading): string {
  const items = reading.actionItems
    .filter((item) => item.origin === 'human' && item.status !== 'done')
    .slice(0, 2)
    .map((item) => item.text.replace(/[.;,\s]+$/, ''))
    // "Make the ACL job refuse ..." continues the sentence: its first letter, not "ACL", lowers.
    .map((text) =>
      /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text,
    );
  return items.length ? `What we are changing: ${items.join('; ')}.` : '';
}

/** The message when the input says no customer was affected: what happened inside, no apology. */
function internalMessage(reading: Reading): string[] {
  const { facts } = reading;
  const stated = reading.noUserImpact;
  return [
    `${windowOf(reading)}, we had an internal incident: ${lowerFirst(facts.title.replace(/[.!]+$/, ''))}.`,
    stated && stated.line !== 0 ? asSentence(stated.text) : 'Customers were not affected.',
    facts.resolved
      ? `It was resolved at ${formatTime(facts.resolved, facts)}.`
      : facts.mitigated
        ? `It was mitigated at ${formatTime(facts.mitigated, facts)}.`
        : '',
  ].filter(Boolean);
}

/** The paragraphs of the message, unknown parts left out. */
export function messageParagraphs(reading: Reading): string[] {
  const people = peopleIn(reading.facts);
  return paragraphsFor(reading).map((paragraph) => withoutPeople(paragraph, people));
}

function paragraphsFor(reading: Reading): string[] {
  const { facts } = reading;
  if (reading.noUserImpact) return internalMessage(reading);
  const window = windowOf(reading);
  const total = totalFailure(reading);
  const who = whoFor(reading, total !== null);
  const symptom = symptomOf(reading);
  const feature = FEATURE.exec(facts.title)?.[0] ?? FEATURE.exec(reading.symptom?.text ?? '')?.[0];
  const where =
    feature && symptom !== 'sign-in' && symptom !== 'unavailable'
      ? ` when using ${feature
          .toLowerCase()
          .replace(/^(api|dashboard|website|console|app|site)$/, 'the $1')
          .replace(/\bapi\b/, 'API')}`
      : '';
  // An outage is told with what could not be reached, when the input names it briefly.
  const service = facts.services[0]?.replace(/\s*\([^)]*\)/g, '').trim();
  const seen =
    symptom === 'unavailable' && service && service.length <= 30
      ? `could not reach ${service}`
      : symptom
        ? SAW[symptom]
        : '';
  // "search returns 0 results for 70% of queries": what users got, in the input's terms.
  const theirTerms = total ? null : symptomInTheirTerms(reading);
  const were = /^1 |^one /i.test(who) ? 'was' : 'were';
  const saw = symptom
    ? `${who} ${seen}${where}`
    : theirTerms
      ? `${who} ${were} affected`
      : `${who} ${were} affected by ${lowerFirst(facts.title.replace(/[.!]+$/, ''))}`;
  // "every upload failed" says how bad it was in the input's own terms.
  const bad = total ? lowerFirst(total) : (theirTerms ?? howBad(reading.peaks));
  const seenText = whatUsersSaw(reading);
  const scope = scopeSentence(reading);
  const opening = `${window}, ${saw}${bad ? `: ${bad}` : ''}.${seenText && !theirTerms ? ` What we saw: ${asSentence(seenText)}` : ''}${scope ? ` ${scope}` : ''}`;
  // An incident the team marked resolved has ended, even when no line gives the time it did.
  const ended = /^(?:resolved|closed|completed?|fixed|postmortem|post-?incident)$/i.test(
    facts.status.trim(),
  );
  const state = leftOpen(facts)
    ? 'We are still working on it and will update this page.'
    : facts.resolved
      ? `This is fixed: service has been back to normal since ${formatTime(facts.resolved, facts)}.`
      : facts.mitigated
        ? ended
          ? `This is fixed: service has been back to normal since ${formatTime(facts.mitigated, facts)}.`
          : `Service recovered at ${formatTime(facts.mitigated, facts)}; we are still watching it closely.`
        : ended
          ? 'This is fixed: the incident is resolved.'
          : 'We are still working on it and will update this page.';
  // Data and what to do: the input's own sentences, once each.
  // A loss is told with what was not lost, when the input says both ("Nothing else was lost").
  const todo0 = reading.userAction;
  const data = reading.dataLost ?? reading.noDataLost;
  const dataTold = data && todo0?.text.includes(data.text) ? null : data;
  const todo = todo0 && todo0.text !== data?.text ? todo0 : null;
  const rest = reading.dataLost && reading.noDataLost ? reading.noDataLost : null;
  // Users who lost data need to hear whether it came back.
  const restored =
    reading.dataLost &&
    reading.dataRestored &&
    !reading.dataLost.text.includes(reading.dataRestored.text) &&
    !saysRestored(reading.dataLost.text)
      ? { ...reading.dataRestored, text: restoredSentence(reading.dataRestored, facts) }
      : null;
  const retry =
    !todo &&
    !reading.dataLost &&
    facts.resolved &&
    !leftOpen(facts) &&
    symptom &&
    symptom !== 'wrong-data' &&
    symptom !== 'delayed'
      ? 'If something you tried during that time failed, please try it again now.'
      : '';
  // The cause itself, in a sentence: a message read on its own has no "postmortem below".
  // The team's own Root cause section first, else the sentence the writer found.
  const human = facts.human.rootCause ? splitSentences(facts.human.rootCause.markdown)[0] : null;
  const quote = reading.rootCause?.quotes[0];
  const stated = human ?? (quote ? publicLine(quote.text) : null);
  const cause = stated
    ? `What caused it: ${lowerFirst(asSentence(stated))}`
    : 'We are still investigating the cause and will update this postmortem when we know it.';
  // Each sentence once: "No data loss, no security risk." may be both what was and was not lost.
  const said = [sentence(dataTold), sentence(restored), sentence(todo) || retry, sentence(rest)];
  return [
    opening,
    state,
    said.filter((text, i) => text && said.indexOf(text) === i).join(' '),
    [cause, changing(reading)].filter(Boolean).join(' '),
    'We are sorry for the disruption this caused you.',
  ].filter(Boolean);
}

/** "Restored the lost edits ..." at 13:40 becomes "At 13:40 UTC we restored the lost edits ...". */
function restoredSentence(quote: Quote, facts: Reading['facts']): string {
  const text = publicLine(quote.text);
  if (!/^[A-Z][a-z]+ed\b/.test(text)) return text;
  const time = quote.event?.time ? `At ${formatTime(quote.event.time, facts)} we` : 'We';
  return `${time} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
