/**
 * The message to users, built from the facts rather than a template: what users saw and when,
 * how bad it got, whether data was lost, what they must do, where the cause stands, and an
 * apology. Every clause comes from the input (a symptom word, a stated figure, a sentence about
 * data or what users must do) or from computed times; a clause with nothing behind it is left out.
 */
import { peopleIn, publicLine, withoutPeople } from './public-line.js';
import { scoreText, strongestSignal } from '../cues/cue.js';
import { SCOPE, USER_SYMPTOM_CUES, type SymptomSignal } from '../cues/impact-cues.js';
import { formatClock, formatDate, formatMinutes, formatTime } from '../../format/format-figures.js';
import { recordsAlert, REPORTED } from './detection.js';
import type { PeakFigures } from './peak-figures.js';
import { saysRestored, type Reading } from './read-incident.js';
import { endState, stateSentence, timeWithUtc } from './end-state.js';
import { sawInBrief, usersAffectedSentence, withoutMonitorParts } from './user-impact.js';
import {
  continued,
  publicSentence,
  publicTitle,
  titleInSentence,
  titleNamesIncident,
} from './public-sentence.js';
import { withoutArtefacts } from './source-artefacts.js';
import { hasUserSubject, inPast } from './user-words.js';
import { isForeign } from './foreign-text.js';
import { withoutCauseLabel } from './cause.js';
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

/**
 * The same, after "you may have": when the input does not say who was affected, the message
 * neither counts them nor calls them "some" or "all".
 */
const MAY_HAVE: Record<SymptomSignal, string> = {
  'sign-in': 'been unable to sign in',
  errors: 'seen errors',
  slow: 'seen slow responses and timeouts',
  unavailable: 'been unable to reach the service',
  delayed: 'seen delays',
  'wrong-data': 'seen missing or out-of-date data',
};

/** The symptom users saw: the title says it best, then the first sign and the impact lines. */
export function symptomOf(reading: Reading): SymptomSignal | null {
  const { facts } = reading;
  // What users saw in the input's words decides: a title's "outage" may be a partial one.
  const clause = reading.impactClauses[0]?.text;
  if (clause) {
    const signal = strongestSignal(clause, USER_SYMPTOM_CUES);
    return signal === 'sign-in' && (scoreText(clause, USER_SYMPTOM_CUES).scores.slow ?? 0) > 0
      ? 'slow'
      : signal;
  }
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

/**
 * A short plain name of who was affected ("editors on all wikis" of "editors on all wikis;
 * readers unaffected"), "all of you" for a total outage, or null when the input does not say.
 */
function whoFor(reading: Reading, total: string | null): string | null {
  // "Visitors of most sites got 503 errors." is a sentence, told as written (usersAffectedSentence).
  const who = usersAffectedSentence(reading.facts) ? null : reading.who?.split(/;\s+/)[0]?.trim();
  // "customers whose end users submitted forms between 13:10 and 13:55 UTC" names who, however long.
  if (who && who.length <= 100 && !/[;()]/.test(who)) return who;
  // "every upload failed" is everyone; "Data Fusion 100% of creates failed" is one product's.
  return total !== null && /\b(?:all|every|each)\b/i.test(total) ? 'all of you' : null;
}

/** What the input adds after who was affected: "readers unaffected" of "editors ...; readers unaffected". */
function whoElse(reading: Reading): string {
  if (usersAffectedSentence(reading.facts)) return '';
  const rest = reading.who?.split(/;\s+/).slice(1).join('; ').trim();
  return rest && SCOPE.test(rest) ? asSentence(rest) : '';
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

/** Whether the incident's times are told in UTC already (the zone or its offset is UTC). */
function inUtc(facts: Reading['facts'], iso: string): boolean {
  return formatTime(iso, facts).endsWith(' UTC');
}

/** "17:37 to 21:54 UTC": the window again in UTC, for readers outside the incident's zone. */
function utcSpan(facts: Reading['facts'], start: string | null, end: string | null): string {
  const at = start ?? end;
  if (!at || inUtc(facts, at)) return '';
  const utcDay = (iso: string) => new Date(iso).toISOString().slice(0, 10);
  // "Dec 7 15:30 to Dec 8 02:40 UTC": the days, when UTC's differ from each other or the zone's.
  const days =
    start !== null &&
    end !== null &&
    (utcDay(start) !== utcDay(end) || utcDay(start) !== start.slice(0, 10));
  const clock = (iso: string) =>
    (days ? formatTime(iso, { timezone: 'UTC', date: '' }, true) : formatClock(iso, 'UTC')).replace(
      / UTC$/,
      '',
    );
  return start && end ? `${clock(start)} to ${clock(end)} UTC` : `${clock(at)} UTC`;
}

/**
 * The time window in the incident's zone, then in UTC and how long it lasted in brackets, with
 * the day on both ends when it crosses midnight.
 */
function windowOf(reading: Reading): string {
  const { facts } = reading;
  const { start, minutes } = reading.window;
  // While some users are still hit, the window has no end yet: "Since 09:12 UTC".
  const over = !['degraded', 'open'].includes(endState(reading).kind);
  const end = over ? reading.window.end : null;
  const lasting = start && end && minutes !== null && facts.resolved ? formatMinutes(minutes) : '';
  const told = [utcSpan(facts, start, end), lasting].filter(Boolean).join(', ');
  const brackets = told ? ` (${told})` : '';
  if (!start)
    return end
      ? `On ${formatDate(facts.date)}, until ${formatTime(end, facts)}${brackets}`
      : `On ${formatDate(facts.date)}`;
  if (!end) return `Since ${formatTime(start, facts)}${brackets} on ${formatDate(facts.date)}`;
  return end.slice(0, 10) === start.slice(0, 10)
    ? `Between ${formatTime(start, facts)} and ${formatTime(end, facts)}${brackets} on ${formatDate(facts.date)}`
    : `From ${formatTime(start, facts, true)} to ${formatTime(end, facts, true)}${brackets}, starting ${formatDate(facts.date)}`;
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
  const clauses = withoutArtefacts(event.text)
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
  /[<>=]|\bratio\b|\b(?:above|below|over|under|exceeds?|exceeded)\s+\d|\b(?:p\d\d|threshold|cpu|memory|heap|disk|pods?|restarts?|replicas?|queue depth|lag|connections?|saturat\w+|oom\w*|5xx|4xx|error rate)\b/i;
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
  // "homepage health check timing out, site returning errors": users saw the errors, not the check.
  const text = withoutMonitorParts(
    publicLine(event.text.replace(REPORT_LABEL, ''))
      .replace(/^(?:ALERT|WARN\w*|CRIT\w*|FIRING|TRIGGERED)\b\s*[:\-–—]?\s*/i, '')
      .replace(/[.\s]+$/, ''),
  );
  if (text.length < 12 || text.length > 120 || MONITOR_TERMS.test(text)) return null;
  return USER_FIGURE.test(text) ? text : null;
}

/**
 * Who was not hit, in the input's words: the first sentence of the notes that bounds the scope
 * ("only eu-west was affected; us-east accounts were unaffected throughout"). Null when none.
 */
export function scopeSentence(reading: Reading): string | null {
  const quote =
    noteQuotes(reading.facts).find(
      (q) => SCOPE.test(q.text) && q.text.length <= 220 && !isNoise(q.text),
    ) ?? scopeClause(reading);
  if (!quote) return null;
  const text = publicLine(quote.text);
  // "us-east and ap-south were unaffected": a name written in lower case keeps its case.
  return /^[a-z]+[-\d]/.test(text)
    ? asSentence(text).replace(/^./, text.charAt(0))
    : asSentence(text);
}

/**
 * A timeline line's clause that bounds the scope ("us-east and ap-south unaffected" of "about 40%
 * of card payments failing in eu-west; us-east and ap-south unaffected"), told as a sentence.
 */
function scopeClause(reading: Reading): Quote | null {
  for (const event of reading.facts.events) {
    if (isNoise(event.text)) continue;
    const clause = event.text
      .split(/\s*(?:;|->|→|\s[-–—]\s|(?<=[a-z0-9)]\.)\s+)\s*/)
      .find(
        (part) => SCOPE.test(part) && part.length <= 120 && !/^\W*(?:it|this|that)\b/i.test(part),
      );
    if (clause)
      return {
        text: clause.replace(/\b(\w+(?: and \w+)?) unaffected\b/, '$1 were unaffected'),
        line: event.line,
        event,
      };
  }
  return null;
}

/**
 * What the team says it is changing, in its own listed items (at most two, open ones): a
 * message to users promises nothing the postmortem does not list.
 */
/** An item about how the team works, whatever its type: a retro, a postmortem, "teams should ...". */
const TEAM_PROCESS =
  /\b(?:retro(?:spective)?s?|post[\s-]?mortems?|teams? should|(?:review|look at) how we (?:handled|responded)|how we handled)\b/i;

function changing(reading: Reading): string {
  // The team's own process ("teams should watch their own apps", "full post mortem of how we
  // handled this") is no promise to users: what changes in the service is.
  const items = reading.actionItems
    .filter(
      (item) =>
        item.origin === 'human' &&
        item.status !== 'done' &&
        item.type !== 'process' &&
        !TEAM_PROCESS.test(item.text),
    )
    .slice(0, 2)
    .map((item) => withoutArtefacts(item.text, true).replace(/[.;,\s]+$/, ''))
    .filter(Boolean)
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
    `${windowOf(reading)}, we had an internal incident: ${titleInSentence(facts.title, facts.date)}.`,
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

/** A machine's record: a process tag ("postgres[811]:"), a log level ("PANIC:"), a source file ("db.go:112"). */
const MACHINE_RECORD =
  /\b[\w.-]+\[\d+\]:|\b(?:PANIC|FATAL|ERROR|WARN(?:ING)?|CRIT(?:ICAL)?|EMERG|ALERT)\s*:|\b[\w-]+\.(?:go|py|js|ts|java|rb|c|rs):\d+\b/;

/** Who passed a report on, as a label before it: "Support:", "Our support desk:", "Customer ticket:". */
const REPORTER_LABEL =
  /^(?:[\w' -]{0,30}\b(?:support|customers?|users?|reports?|tickets?|desk|helpdesk|complaints?)\b[\w' -]{0,15}):\s+(?=\S)/i;

/**
 * The opening sentence: when (`window`), who saw what and how bad it was, in the input's terms
 * where it states them ("~85% of the network returning errors"), and the scope.
 */
function openingParagraph(reading: Reading, window: string): string {
  const { facts } = reading;
  const total = totalFailure(reading);
  const who = whoFor(reading, total);
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
  const were = who && /^1 |^one /i.test(who) ? 'was' : 'were';
  const clause = reading.impactClauses[0]?.text;
  const mayHave =
    symptom === 'unavailable' && seen !== SAW.unavailable
      ? `been unable to reach ${service}`
      : symptom
        ? MAY_HAVE[symptom]
        : '';
  const title = titleInSentence(facts.title, facts.date);
  // With the input's own line of what users saw, "down" is told in its words ("online booking
  // is down"), not widened to the whole service.
  const told = symptom && !(clause && symptom === 'unavailable');
  const saw = who
    ? told
      ? `${who} ${seen}${where}`
      : theirTerms || clause
        ? `${who} ${were} affected`
        : `${who} ${were} affected: ${title}`
    : told
      ? `you may have ${mayHave}${where}`
      : theirTerms || clause
        ? ''
        : titleNamesIncident(facts.title)
          ? `we had a problem: ${title}`
          : 'we had a problem';
  // "every upload failed" says how bad it was in the input's own terms; else the input's own
  // line of what users saw ("~85% of the network returning errors").
  const saidSaw = sawInBrief(reading.impactClauses);
  const theirs0 = theirTerms ?? (howBad(reading.peaks) ? null : saidSaw);
  const told0 = total
    ? lowerFirst(total)
    : theirs0
      ? // Their words, told after the fact: "online booking is down" was down by now. A
        // quote stays as it was said.
        /["“”]/.test(theirs0)
        ? lowerFirst(theirs0)
        : inPast(lowerFirst(theirs0))
      : howBad(reading.peaks);
  // "Support: "every invoice PDF … is a white page"": who passed it on is a label, not the news.
  const reporter = MACHINE_RECORD.test(told0) ? null : REPORTER_LABEL.exec(told0);
  // A log record ("db-2 postgres[811]: PANIC: could not write ...") is what a machine wrote,
  // not what users saw: the symptom word alone ("errors") tells them.
  const bad = MACHINE_RECORD.test(told0) ? '' : reporter ? told0.slice(reporter[0].length) : told0;
  const seenText = whatUsersSaw(reading);
  const scope = scopeSentence(reading) ?? whoElse(reading);
  const already = (text: string) => bad.toLowerCase().includes(text.toLowerCase().slice(0, 30));
  // The front matter's own sentence of who was hit, as written and on its own.
  const stated = usersAffectedSentence(facts);
  // Without who or a symptom word, the input's own words of what happened follow the window
  // ("…, about 50% of our traffic dropped"): no "you may have been affected" template.
  const reported = reporter && !REPORTED_BY_USERS.test(bad.slice(0, 20));
  // A report in another language is quoted, never fitted into an English clause.
  if (isForeign(told0 || clause || '') || isForeign(publicTitle(facts.title))) {
    // publicSentence quotes a line in another language, without its label ("Monitoring:").
    const first = reading.symptom ? publicSentence(reading.symptom.text) : null;
    return `${window}, we had an incident: ${title}.${first?.startsWith('"') ? ` The first sign, as the team recorded it: ${first}` : ''}`;
  }
  // "customers could not open their order history": users' own line says it all, in the past.
  // "users say push notifications arrive late": who told it opens the sentence.
  const teller = reading.impactClauses[0]?.teller;
  const theirs =
    total || who || !clause
      ? null
      : hasUserSubject(clause)
        ? inPast(saidSaw ?? clause)
        : teller
          ? inPast(`${teller} reported ${clause}`)
          : null;
  if (theirs)
    return `${window}, ${theirs}.${stated ? ` ${asSentence(stated)}` : ''}${scope ? ` ${scope}` : ''}`;
  const what = saw
    ? `${saw}${bad ? `: ${bad}` : ''}`
    : reported
      ? `customers reported: ${bad}`
      : bad || lowerFirst(clause ?? title);
  return `${window}, ${what}.${stated ? ` ${asSentence(stated)}` : ''}${seenText && !theirTerms && !already(seenText) ? ` What we saw: ${asSentence(seenText)}` : ''}${scope ? ` ${scope}` : ''}`;
}

function paragraphsFor(reading: Reading): string[] {
  const { facts } = reading;
  if (reading.noUserImpact) return internalMessage(reading);
  const window = windowOf(reading);
  const opening = openingParagraph(reading, window);
  // Where it stands at the end of the input: never "fixed" while the last lines say users are
  // still hit (end-state.ts).
  const state = stateSentence(reading, again(reading));
  // Data and what to do: the input's own sentences, once each.
  // A loss is told with what was not lost, when the input says both ("Nothing else was lost").
  const todo0 = reading.userAction;
  const data = reading.dataLost ?? reading.noDataLost;
  // One sentence that says both ("… were lost …: customers need to re-run them") is said once.
  const dataTold =
    data && todo0?.text.includes(data.text) && todo0.text !== data.text ? null : data;
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
  // The cause itself, in a sentence: a message read on its own has no "postmortem below".
  // The team's own Root cause section first, else the sentence the writer found.
  const human = facts.human.rootCause ? splitSentences(facts.human.rootCause.markdown)[0] : null;
  const quote = reading.rootCause?.quotes[0];
  // "What caused it: Root cause confirmed: ..." says it twice: the input's label goes.
  const stated = human ?? (quote ? publicSentence(withoutCauseLabel(quote.text)) : null);
  const cause = stated
    ? isForeign(stated) || isForeign(stated.replace(/^"|"?\.?$/g, ''))
      ? `What caused it, in the team's words: "${withoutForeignLabel(stated)}"`
      : `What caused it: ${continued(asSentence(stated))}`
    : 'We are still investigating the cause and will update this postmortem when we know it.';
  // Each sentence once: "No data loss, no security risk." may be both what was and was not lost.
  // What users must do is said only when the input says it: a generic "please retry" is a template.
  // Exposed data first: users whose data someone else saw need that before anything else.
  const exposed = reading.dataExposed;
  const said = [
    sentence(exposed),
    sentence(dataTold),
    sentence(restored),
    sentence(todo),
    sentence(rest),
  ].filter(
    (text, i, all) =>
      text &&
      !all.slice(0, i).some((before) => before.includes(text)) &&
      // The opening may already say it in the input's words ("tokens … were visible to …").
      !opening.toLowerCase().includes(text.replace(/\.$/, '').toLowerCase()),
  );
  // Exposure, loss and what users must do follow the opening, before where it stands: a reader
  // who stops after two paragraphs must not miss them (issue 12). A bare "No data was lost."
  // keeps its place after the state.
  const serious = [exposed, reading.dataLost, todo0].some(Boolean);
  // A notice the opening already quoted ("… between 10:14 and 13:52 BST were visible …") gave
  // its own window; "in that window" points back to it.
  const timed = [exposed, dataTold, todo].some(
    (quote) => quote && /\b\d{1,2}:\d{2}\b/.test(quote.text),
  );
  // Which data is meant is the window's; what to do after a plain outage ("sign in again") is not.
  const told =
    timed || !(exposed || reading.dataLost) ? said.join(' ') : withWindow(said.join(' '), reading);
  return [
    opening,
    serious ? told : '',
    state,
    serious ? '' : told,
    [cause, changing(reading)].filter(Boolean).join(' '),
    apology(reading),
  ].filter(Boolean);
}

/**
 * The data paragraph with the incident's window when none of its sentences states a time of its
 * own ("Affected customers must sign in again." → "… (between 11:05 and 11:32 UTC)"): which
 * requests, jobs or sessions it means is the window's.
 */
function withWindow(text: string, reading: Reading): string {
  const { start, end } = reading.window;
  if (!text || /\b\d{1,2}:\d{2}\b/.test(text) || !start || !end) return text;
  if (
    !/\b(?:lost|exposed|leaked|visible|seen|saw|must|need|should|rotate|re-?run|sign in)\b/i.test(
      text,
    )
  )
    return text;
  return `${text} This concerns the window from ${formatTime(start, reading.facts)} to ${timeWithUtc(end, reading.facts)}.`;
}

/**
 * ", after it failed a second time at 14:15 PDT" when a first recovery did not hold, so users
 * who saw it fail twice read both; '' otherwise.
 */
function again(reading: Reading): string {
  const relapse = reading.recovered.relapse;
  return relapse?.time
    ? `, after it failed a second time at ${formatTime(relapse.time, reading.facts)}`
    : '';
}

/**
 * A sentence in another language without its opening label ("Ursache: das Zertifikat ..." →
 * "Das Zertifikat ..."), quotes and closing stop off, first letter raised: quoted as the team
 * wrote the finding.
 */
function withoutForeignLabel(text: string): string {
  const bare = text.replace(/^"|"?\.?$/g, '').trim();
  const rest = bare.replace(/^[\p{L}-]+(?: [\p{L}-]+)?\s*[:：]\s*/u, '');
  const told = rest.length >= 12 ? rest : bare;
  return `${told.charAt(0).toUpperCase()}${told.slice(1)}`.replace(/[.\s]+$/, '') + '.';
}

/**
 * The apology, for this incident: how long users were hit when the input gives a closed window
 * ("We are sorry for the 29 minutes of disruption this caused you."), so the same sentence is not
 * pasted into every pack (issue 12, round 3: "never generic filler repeated across packs").
 */
function apology(reading: Reading): string {
  const { start, end, minutes } = reading.window;
  return start && end && minutes !== null && minutes > 0 && reading.facts.resolved
    ? `We are sorry for the ${formatMinutes(minutes)} of disruption this caused you.`
    : 'We are sorry for the disruption this caused you.';
}

/** "Restored the lost edits ..." at 13:40 becomes "At 13:40 UTC we restored the lost edits ...". */
function restoredSentence(quote: Quote, facts: Reading['facts']): string {
  const text = publicLine(quote.text);
  if (!/^[A-Z][a-z]+ed\b/.test(text)) return text;
  const time = quote.event?.time ? `At ${formatTime(quote.event.time, facts)} we` : 'We';
  return `${time} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
