/**
 * Everything the built-in writer reads from the facts before writing a word: cause, trigger,
 * detection, response, lessons, action items, and what users must hear. Each section and each
 * public text is written from this one reading, so they agree.
 */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import type { ActionItem } from '../../../schemas/postmortem.js';
import { scoreOf, scoreText } from '../cues/cue.js';
import { CAUSE_CUES, TRIGGER_THRESHOLD } from '../cues/cause-cues.js';
import { FIGURE_CUES, USER_NOTICE_CUES, type UserNoticeSignal } from '../cues/impact-cues.js';
import { formatUsers } from '../../format/format-figures.js';
import { MODIFIERS } from '../../analyze/cues.js';
import { actionItems } from './action-items.js';
import {
  findRootCause,
  findTrigger,
  findTriggerMention,
  firstSymptom,
  REMEDIATED,
  type RootCause,
} from './cause.js';
import { alertCleared, CLEARED, isLabelOnly, readDetection, type Detection } from './detection.js';
import { relatedWords } from './follow-ups.js';
import { milestoneEvent } from './milestone-event.js';
import { readLessons, withoutLessonLabel, type Lessons } from './lessons.js';
import { isAction, readResponse, type Response } from './response.js';
import { FOLLOW_UP_CUES, FOLLOW_UP_THRESHOLD } from '../cues/follow-up-cues.js';
import { eventQuotes, isNoise, noteQuotes, splitSentences, type Quote } from './sentences.js';
import { peakFigures, type PeakFigures } from './peak-figures.js';
import { readRawRecords } from './raw-records.js';
import { readSpeakers } from './speakers.js';
import { userImpactClauses, type ImpactClause } from './user-impact.js';

export interface Reading {
  facts: Facts;
  /** The severity label the front matter or the text states ("SEV1", "P1", "Critical"), as written. */
  severity: string | null;
  rootCause: RootCause | null;
  trigger: TimelineEvent | null;
  /** When no line before the start is the trigger: a sentence that names the change responsible. */
  triggerMention: Quote | null;
  /**
   * The immediate failure as an error line names it ("No space left on device", "The table 'x'
   * is full"): what ran out, told under Trigger; null when no line names one, or the trigger does.
   */
  proximate: TimelineEvent | null;
  symptom: TimelineEvent | null;
  detection: Detection;
  response: Response;
  lessons: Lessons;
  actionItems: ActionItem[];
  /** Who was affected, as the input says it ("12,400 users", "about 30% of EU merchants"). */
  who: string | null;
  /** The worst error rate and latency, each with its stated baseline. */
  peaks: PeakFigures;
  /** What users saw, in the input's words, best first (user-impact.ts). */
  impactClauses: ImpactClause[];
  /** The line that best shows how bad it got, when its figure is a failure rate. */
  worst: Quote | null;
  dataLost: Quote | null;
  /**
   * The sentence that says users' data was shown to someone else or leaked ("214 customers may
   * have seen another customer's order history"), with the input's next sentence when it bounds
   * what was not shown ("No payment details were shown."); null when the input says none.
   */
  dataExposed: Quote | null;
  /** The sentence that says lost data was brought back ("Restored the lost edits from the log"). */
  dataRestored: Quote | null;
  noDataLost: Quote | null;
  userAction: Quote | null;
  /** The input says customers were not affected ("customers_affected: none", "no customer impact"). */
  noUserImpact: Quote | null;
  /**
   * The impact window the texts may state: the analysis's start unless it comes after detection
   * or equals the end (a start guessed from the all-clear line), then null and no duration.
   */
  window: { start: string | null; end: string | null; minutes: number | null };
  /**
   * When service was back to normal: one instant every section and the message to users tell
   * (recoveryOf). `event` is the line that says so, null when only the window's end is known.
   */
  recovered: { at: string | null; event: TimelineEvent | null; relapse?: TimelineEvent | null };
}

/** "No webhook was dropped", "nothing was lost": a loss word denied. */
const DENIED_LOSS =
  /\b(?:no|none of the|nothing|not a single|not one|zero)\b[^.;]{0,30}\b(?:lost|dropped|deleted|corrupted|missing)\b/i;

/** "none", "no customers", "0": a front-matter value that says nobody outside was affected. */
const NOBODY =
  /^(?:none|nobody|no ?one|no (?:customers?|users?|external users?)|0|zero|n\/a|internal(?: only)?)$/i;
/** A sentence that says customers were not affected. */
const NO_USER_IMPACT =
  /\bno (?:customer|user|external|client)[\s-]*(?:facing )?impact\b(?!\s+(?:yet|so far))|\b(?:customers?|users?) (?:were|was) not (?:affected|impacted)\b|\binternal[\s-]only\b|\bnot customer[\s-]facing\b/i;

/** A monitor's state word before the alert's name: "[Triggered]", "Recovered:", "[Resolved #12]". */
const ALERT_STATE =
  /^\W*\[?(?:triggered|recovered|resolved|firing|alert|ok|warn(?:ing)?|critical|re-?triggered)\b[^\]:]*[\]:]?\s*/i;

/** An alert's name as the monitor wrote it, without its state word, in lower case. */
const alertName = (text: string) =>
  text.replace(ALERT_STATE, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Whether a clearing line ("[Recovered] API 5xx rate above 5% on api-prod") clears an alert
 * that fired earlier in this incident ("[Triggered] API 5xx rate above 5% on api-prod"): then
 * it is the monitor seeing this incident end, and the window ends there as the header says.
 * Another alert clearing ("certificate check passed (previous alert ...)") is no end.
 * Issue 12 (summary kind): the summary said 18 minutes where the header said 29.
 */
function clearsAnAlertThatFired(end: TimelineEvent, facts: Facts): boolean {
  const name = alertName(end.text);
  if (name.length < 8 || !end.time) return false;
  const endAt = Date.parse(end.time);
  return facts.events.some(
    (event) =>
      event !== end &&
      event.time !== null &&
      Date.parse(event.time) < endAt &&
      !CLEARED.test(event.text) &&
      alertName(event.text) === name,
  );
}

function windowOf(facts: Facts, detection: Detection, response: Response): Reading['window'] {
  // An end read from another alert clearing ("Alert closed by system: check passed") is no end:
  // the line that says service came back is.
  const endEvent = milestoneEvent(facts, 'resolved') ?? milestoneEvent(facts, 'mitigated');
  const misread =
    endEvent !== null && CLEARED.test(endEvent.text) && !clearsAnAlertThatFired(endEvent, facts);
  const end = misread
    ? (response.resolved?.time ?? response.mitigated?.time ?? null)
    : (facts.resolved ?? facts.mitigated);
  const detected = detection.event?.time ? Date.parse(detection.event.time) : NaN;
  const start = facts.start;
  const unsure =
    start !== null &&
    ((end !== null && Date.parse(start) >= Date.parse(end)) || detected < Date.parse(start));
  if (unsure) return { start: null, end, minutes: null };
  const minutes =
    misread && start && end
      ? Math.round((Date.parse(end) - Date.parse(start)) / 60_000)
      : facts.durationMinutes;
  return { start, end, minutes };
}

function who(facts: Facts): string | null {
  if (facts.usersAffected === null) return null;
  if (typeof facts.usersAffected === 'string' && NOBODY.test(facts.usersAffected.trim()))
    return null;
  return typeof facts.usersAffected === 'number'
    ? `${formatUsers(facts.usersAffected)} users`
    : facts.usersAffected.trim();
}

/** The line with the highest failure rate whose figure means failures (not a baseline). */
function worstLine(facts: Facts): Quote | null {
  let best: { quote: Quote; value: number } | null = null;
  for (const figure of facts.impact) {
    if (figure.kind !== 'error-rate') continue;
    const { scores } = scoreText(figure.context, FIGURE_CUES);
    if ((scores['failure-rate'] ?? 0) <= (scores['not-failure-rate'] ?? 0)) continue;
    const value = Number(figure.value.replace(/[^\d.]/g, ''));
    const event = facts.events.find((e) => e.line === figure.line) ?? null;
    if (!best || value > best.value)
      best = { quote: { text: figure.context, line: figure.line, event }, value };
  }
  return best?.quote ?? null;
}

/**
 * What the input tells users about their data and what they must do: a loss (told with its
 * restoration), a denial of loss, an action for users, and "no customers were affected"; each
 * the quote or clause that says it, or null.
 */
function readUserNotices(
  facts: Facts,
): Pick<
  Reading,
  'dataLost' | 'dataExposed' | 'dataRestored' | 'noDataLost' | 'userAction' | 'noUserImpact'
> {
  const quotes = [...noteQuotes(facts), ...eventQuotes(facts)];
  const says = (text: string, signal: UserNoticeSignal) =>
    (scoreText(text, USER_NOTICE_CUES).scores[signal] ?? 0) > 0;
  // Only the clause that says it: "~200k payloads were dropped -> paused processing" is told
  // to users as its first half.
  const notice = (signal: UserNoticeSignal): Quote | null => {
    const found = quotes.find((q) => says(q.text, signal));
    if (!found) return null;
    // "Where we got lucky: no webhook was dropped": the lesson's label is no part of the notice.
    const quote = { ...found, text: withoutLessonLabel(found.text) };
    const clause = quote.text
      .split(/\s*(?:->|→|=>|;)\s*|\s+[-–—]\s+/)
      .find((part) => says(part, signal));
    // "affected users should post them again": a clause that points back keeps its sentence;
    // "... lost edits; all of them were restored by 13:40": a loss is told with its restoration.
    if (
      clause &&
      (/\b(?:them|those|these|it|they)\b/i.test(clause) ||
        (signal === 'data-lost' && saysRestored(quote.text))) &&
      quote.text.length <= 240
    )
      return quote;
    return clause ? { ...quote, text: clause } : quote;
  };
  // "No webhook was dropped, only delayed" names a loss word to deny it: the same sentence read
  // both ways is no loss.
  const named = notice('data-lost');
  const denied = named && DENIED_LOSS.test(named.text) ? named : null;
  const kept = notice('no-data-lost') ?? denied;
  const lost = denied ? null : named;
  const stated = facts.usersAffected;
  const nobody =
    typeof stated === 'string' && NOBODY.test(stated.trim())
      ? (quotes.find((q) => NO_USER_IMPACT.test(q.text)) ?? {
          text: 'No customers were affected',
          line: 0,
          event: null,
        })
      : (quotes.find((q) => NO_USER_IMPACT.test(q.text)) ?? null);
  return {
    dataLost: lost && lost.text !== kept?.text ? lost : null,
    dataExposed: exposure(
      quotes,
      // The sentence that says when and how many ("between 11:05 and 11:32, 214 customers may
      // have seen ...") over the first report of it ("two customers say they can see ...").
      quotes.find((q) => says(q.text, 'data-exposed') && /\b\d{1,2}:\d{2}\b/.test(q.text)) ??
        notice('data-exposed'),
    ),
    dataRestored: restoredData(quotes),
    noDataLost: kept,
    userAction: notice('user-action'),
    noUserImpact: nobody,
  };
}

export function readIncident(input: Facts): Reading {
  // Machine output is read in words before anything is quoted from a line (raw-records.ts).
  const facts = readSpeakers(readRawRecords(input));
  const trigger = findTrigger(facts);
  // The fix, read first without the cause lines, confirms the cause that names what it changed.
  const detection = readDetection(facts, trigger);
  const first = readResponse(facts, trigger ? [trigger] : [], detection.event);
  const rootCause = findRootCause(facts, first.fix?.event.text ?? null, trigger);
  const causeLines = rootCause?.quotes.flatMap((quote) => (quote.event ? [quote.event] : [])) ?? [];
  const response = readResponse(
    facts,
    trigger ? [trigger, ...causeLines] : causeLines,
    detection.event,
  );
  // "Cause: a kernel update on the pool broke conntrack": a cause that names a change names the
  // trigger too, when no line before the start does.
  // A sentence the team labelled as the root cause ("This happened because ...") is the cause,
  // not also the trigger: the Trigger section would repeat it.
  const labelledCause = (quote: Quote | null) =>
    quote !== null &&
    (rootCause?.quotes.some((q) => q.text === quote.text) ?? false) &&
    (scoreText(quote.text, CAUSE_CUES).hits.includes('cause-label') ?? false);
  const mentioned = trigger ? null : findTriggerMention(facts);
  const triggerMention = trigger
    ? null
    : ((labelledCause(mentioned) ? null : mentioned) ??
      rootCause?.quotes.find(
        (quote) =>
          scoreOf(quote.text, CAUSE_CUES, 'trigger') >= TRIGGER_THRESHOLD && !labelledCause(quote),
      ) ??
      changeBefore(facts, rootCause) ??
      null);
  const related = relatedWords([
    ...(rootCause?.quotes.map((q) => q.text) ?? []),
    trigger?.text ?? '',
    ...response.steps.map((step) => step.event.text),
  ]);
  const notices = readUserNotices(facts);
  const window = windowOf(facts, detection, response);
  return {
    facts,
    severity: facts.severity,
    rootCause,
    trigger,
    triggerMention,
    proximate: proximateFailure(facts, trigger, rootCause),
    symptom: quotable(
      firstSymptom(facts, trigger) ??
        (detection.event && detection.event !== trigger ? detection.event : null),
    ),
    detection,
    response,
    lessons: readLessons(facts, detection, response),
    actionItems: actionItems(facts, {
      related,
      detection,
      response,
      causes: [trigger?.text ?? '', ...(rootCause?.quotes.map((q) => q.text) ?? [])].filter(
        Boolean,
      ),
    }),
    who: who(facts),
    peaks: peakFigures(facts),
    impactClauses: userImpactClauses(facts),
    worst: worstLine(facts),
    ...notices,
    window,
    recovered: recoveryOf(facts, response, window.end),
  };
}

/** A line that says service is back: "search results normal", "logins back to normal". */
const BACK =
  /\b(?:normal|back to (?:normal|baseline)|recovered|restored|healthy|working again|succeed(?:s|ing)? again)\b/i;
const STILL = /\b(?:still|not yet|partial\w*|some|most)\b/i;
/**
 * A recovery under way is not yet "back to normal": public texts say "back to normal since T" only
 * with the full recovery or declared end (blind judges faulted "since 09:24" for "starts to drop").
 */
const PARTLY =
  /\b(?:contained|first (?:group|batch|few|wave|signs?)|signs of|several|beg[iau]n(?:s|ning)? to|began|beginning|start(?:s|ed|ing)? to|slowly|recovering|improving|trending|coming back|partly|partially)\b/i;
/** The status page or dashboard coming back is how we talk to users, not the service. */
const STATUS_PAGE = /\bstatus (?:page|updates?|dashboard)\b|\bSHD\b|\bhealth dashboard\b/i;
const NOT_OURS = CAUSE_CUES.find((cue) => cue.id === 'not-on-our-side')?.pattern;
/** "we're down again", "errors are back, incident reopened": the failure returned (analyze's modifier). */
const FAILED_AGAIN = MODIFIERS.find((modifier) => modifier.id === 'reopened')?.pattern;

/**
 * The sentence of a line that says the failure returned ("we're down again" of "we're down
 * again. Lena reopen the status page incident"), so a summary quotes that and not the orders
 * around it; the line as written when no one sentence says it.
 */
export function failedAgainSentence(text: string): string {
  return splitSentences(text).find((sentence) => FAILED_AGAIN?.test(sentence) === true) ?? text;
}

/**
 * When service was back to normal, one figure for every text: the first line after the fix, up
 * to the end, that says service is back and nothing still fails (an alert clearing counts: the
 * monitor saw it recover); else the analysis's mitigated line when it is such an outcome after
 * the fix; else the end of the window. A line before the fix ("the vendor sees nothing on their
 * side, the edge is healthy") is no recovery.
 */
function recoveryOf(facts: Facts, response: Response, end: string | null): Reading['recovered'] {
  const fixAt = response.fix?.event.time ? Date.parse(response.fix.event.time) : NaN;
  const endAt = end ? Date.parse(end) : Infinity;
  // A set: a pasted log of thousands of lines has thousands of steps.
  const steps = new Set(response.steps.map((step) => step.event));
  const isStep = (event: TimelineEvent) => steps.has(event);
  const inRange = (event: TimelineEvent) =>
    event.time !== null && Date.parse(event.time) >= fixAt && Date.parse(event.time) <= endAt;
  const saysBack = (event: TimelineEvent) =>
    inRange(event) &&
    Date.parse(event.time ?? '') > fixAt &&
    !isStep(event) &&
    !isNoise(event.text) &&
    !NOT_OURS?.test(event.text) &&
    !STATUS_PAGE.test(event.text) &&
    !FAILED_AGAIN?.test(event.text) &&
    (alertCleared(event.text) ||
      (BACK.test(event.text) && !STILL.test(event.text) && !PARTLY.test(event.text)));
  const line = Number.isNaN(fixAt) ? undefined : facts.events.find(saysBack);
  if (line?.time) {
    // "we're down again" after the fix ("all nodes restarted", "api fully recovered"): the
    // first recovery did not hold, so service was back to normal only at the recovery after
    // the last relapse, or at the end.
    const relapses = facts.events.filter(
      (event) =>
        event.time !== null &&
        Date.parse(event.time) > fixAt &&
        Date.parse(event.time) < endAt &&
        FAILED_AGAIN?.test(event.text) === true,
    );
    const relapse = relapses.at(-1);
    if (!relapse?.time) return { at: line.time, event: line };
    const relapseAt = Date.parse(relapse.time);
    const [first] = relapses;
    const after = facts.events.find(
      (event) => saysBack(event) && Date.parse(event.time ?? '') > relapseAt,
    );
    return after?.time
      ? { at: after.time, event: after, relapse: first ?? relapse }
      : { at: end, event: end ? response.resolved : null, relapse: first ?? relapse };
  }
  // "Outage contained to one AZ", "first group of servers taking traffic again": a mitigation
  // that leaves part of it broken is no "back to normal".
  const mitigated = response.mitigated;
  if (
    mitigated?.time &&
    !isStep(mitigated) &&
    !STILL.test(mitigated.text) &&
    !PARTLY.test(mitigated.text) &&
    !STATUS_PAGE.test(mitigated.text) &&
    (Number.isNaN(fixAt) || inRange(mitigated)) &&
    // A recovery stamped at the start ("[RESOLVED] ... StartsAt: 07:41:09", the alert's own
    // start) would tell users it was fixed the moment it began.
    !(facts.start && Date.parse(mitigated.time) <= Date.parse(facts.start))
  )
    return { at: mitigated.time, event: mitigated };
  return { at: end, event: end ? response.resolved : null };
}

/** The `proximate` weight a line needs to be told as the immediate failure. */
const PROXIMATE_THRESHOLD = 3;

/**
 * The first timeline line before the end of impact whose error names what ran out (cue
 * `ran-out`: "ERROR 1114 (HY000): The table 'x' is full", "OOMKilled"). It is what failed, the
 * proximate failure, not why: the root cause stays what the input says made it run out. Null when
 * no line names one, or when it is the trigger's own line. Not a responder's action ("raised the
 * pool after too many connections") and not a plan.
 */
function proximateFailure(
  facts: Facts,
  trigger: TimelineEvent | null,
  cause: RootCause | null,
): TimelineEvent | null {
  const end = facts.mitigated ?? facts.resolved;
  const names = (text: string) => scoreOf(text, CAUSE_CUES, 'proximate') >= PROXIMATE_THRESHOLD;
  const found = facts.events.find(
    (event) =>
      event.time !== null &&
      !(end && Date.parse(event.time) > Date.parse(end)) &&
      names(event.text) &&
      scoreOf(event.text, FOLLOW_UP_CUES, 'follow-up') < FOLLOW_UP_THRESHOLD &&
      !isAction(event.text),
  );
  // The root cause's own line is told there; under Trigger it would say the cause again.
  if (!found || found === trigger || cause?.quotes.some((quote) => quote.event === found))
    return null;
  // "Scope understood, engineers looking. Cache servers running out of memory -> timeouts.":
  // only the sentence that names what ran out.
  const sentences = splitSentences(found.text);
  const told = sentences.length > 1 ? sentences.find(names) : undefined;
  return told ? { ...found, text: told } : found;
}

/**
 * In a write-up, the change told just before the cause ("we attempted a change to the session
 * settings ... The leftover setting stopped new hosts from booting"): up to two sentences back,
 * in the same note. Null when none names a change.
 */
function changeBefore(facts: Facts, cause: RootCause | null): Quote | null {
  const first = cause?.quotes[0];
  if (!first || first.event) return null;
  const quotes = noteQuotes(facts);
  const at = quotes.findIndex((q) => q.text === first.text && q.line === first.line);
  return (
    quotes
      .slice(Math.max(0, at - 2), Math.max(0, at))
      .find(
        (q) =>
          q.line === first.line &&
          !REMEDIATED.test(q.text) &&
          scoreOf(q.text, CAUSE_CUES, 'trigger') >= TRIGGER_THRESHOLD,
      ) ?? null
  );
}

/** "No payment details were shown.": a sentence that bounds what an exposure did not show. */
const NOT_SHOWN =
  /^\W*(?:no|none of the|nothing|not)\b[^.;]{0,60}\b(?:shown|exposed|visible|leaked|included|accessible|affected)\b/i;

/**
 * The exposure the input states, with the sentence after it when that one bounds what was not
 * shown: users who hear their data was seen must hear what was not.
 */
function exposure(quotes: readonly Quote[], found: Quote | null): Quote | null {
  if (!found) return null;
  const at = quotes.findIndex((q) => q.line === found.line && q.text.includes(found.text));
  const next = at >= 0 ? quotes[at + 1] : undefined;
  return next && next.line === found.line && NOT_SHOWN.test(next.text)
    ? { ...found, text: `${found.text.replace(/[.\s]*$/, '.')} ${next.text}` }
    : found;
}

/** A sign of impact the texts may quote: not a milestone's bare name ("Impact started"). */
const quotable = (event: TimelineEvent | null): TimelineEvent | null =>
  event && !isLabelOnly(event.text) ? event : null;

/** Words that say lost data came back, and the data they name. */
const RESTORED =
  /\b(?:restored|recovered|re-?sent|replayed|backfilled|reprocessed|re-?imported|brought back)\b/i;
const DATA =
  /\b(?:data|edits|writes|orders|messages|notes|records|files|changes|uploads|events|comments|payloads|emails|rows|all of them|lost)\b/i;

/** The first sentence that says lost data was restored, or null. */
function restoredData(quotes: readonly Quote[]): Quote | null {
  return quotes.find((q) => saysRestored(q.text) && DATA.test(q.text)) ?? null;
}

/** Whether a sentence says data came back ("all of them were restored"), not that it could not. */
export function saysRestored(text: string): boolean {
  return (
    RESTORED.test(text) &&
    !/\b(?:cannot|can'?t|could ?n[o']t|not|never)\b[^.;]{0,15}\b(?:restored|recovered)\b|unrecoverable/i.test(
      text,
    )
  );
}

/** "Status page moved back to Investigating", "reopened": the incident was opened again. */
const REOPENED =
  /\b(?:back to|moved to|set to|changed to|reverted to)\b[^.;]{0,30}\binvestigating\b|\breopen(?:ed|ing)?\b|^\W*(?:status(?: page)?\s*[:\-–—]\s*)?investigating\b/i;
/** A later line that ends it: resolved, closed, all clear. */
const ENDED = /\b(?:resolved|closed|closing|all clear|incident over|fully recovered)\b/i;

/**
 * Whether the input leaves the incident open: a line reopens it ("status page moved back to
 * Investigating") and no later line resolves or closes it. Then nothing is "fixed" for users,
 * whatever resolution time the analysis read from before the reopening.
 */
export function leftOpen(facts: Facts): boolean {
  const at = facts.events.findLastIndex((event) => REOPENED.test(event.text));
  // A status page's first "Investigating - …" opens the incident; only one after a recovery or
  // an end reopens it.
  const reopens = facts.events
    .slice(0, at)
    .some(
      (event) => ENDED.test(event.text) || event.kind === 'recover' || event.kind === 'resolve',
    );
  return at >= 0 && reopens && !facts.events.slice(at + 1).some((event) => ENDED.test(event.text));
}
