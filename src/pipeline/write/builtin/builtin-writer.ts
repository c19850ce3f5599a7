/**
 * The deterministic writer. It is extractive: every sentence is built from the facts or quotes
 * a line of the input and says when or where it was written, so it never states a figure, a
 * time or a name the input does not support. It needs no network and no key.
 */
import { withheldFrom } from './withheld.js';
import { publicFactsOf, withNoteLabelsOff } from './internal-notes.js';
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import { PROSE_SECTIONS, type Postmortem, type Section } from '../../../schemas/postmortem.js';
import { formatDate, formatMinutes, formatTime } from '../../format/format-figures.js';
import { withHumanSections, type PostmortemBody } from '../human-sections-win.js';
import { peopleIn, publicLine, withoutPeople } from './public-line.js';
import { CAUSE_CUES, CAUSE_THRESHOLD, TRIGGER_THRESHOLD } from '../cues/cause-cues.js';
import { scoreOf } from '../cues/cue.js';
import { NO_USAGE, type Writer } from '../writer.js';
import { publicParagraph, writeHnPost, writeThread } from './public-texts.js';
import { messageParagraphs } from './message-to-users.js';
import { failedAgainSentence, readIncident, type Reading } from './read-incident.js';
import { withoutDoer } from './speakers.js';
import { impactInBrief, usersAffectedSentence } from './user-impact.js';
import {
  continued,
  publicSentence,
  titleInSentence,
  titleNamesIncident,
} from './public-sentence.js';
import { FOLLOW_UP_CUES, FOLLOW_UP_THRESHOLD } from '../cues/follow-up-cues.js';
import { isAction } from './response.js';
import { reportsFailedAttempt } from '../../analyze/read-line.js';
import { triggerText, withoutCauseLabel } from './cause.js';
import { alertCleared } from './detection.js';
import {
  asSentence,
  isNoise,
  lowerFirst,
  noteQuotes,
  splitSentences,
  type Quote,
} from './sentences.js';

/** Bump when the built-in writer writes other words from the same facts: cached packs are remade. */
export const BUILTIN_WRITER_VERSION = '7';

/** `"text."` as the end of a sentence: the quote's own full stop ends it, or one is added. */
function quote(text: string): string {
  const flat = publicLine(text);
  return /[.!?]$/.test(flat) ? `"${flat}"` : `"${flat}".`;
}

/** `"text"` inside a sentence: the quote's own closing full stop is dropped. */
function inlineQuote(text: string): string {
  // A line that is wholly a quoted alert title is quoted once, not in two pairs of marks; a
  // title quoted inside the line ('"Checkout 5xx" alert fired') takes single marks inside ours.
  return `"${publicLine(text)
    .replace(/\.$/, '')
    .replace(/^"([^"]+)"$/, '$1')
    .replace(/"([^"]+)"/g, "'$1'")}"`;
}

/** Longer lines are quoted in their own sections, not in the summary (characters). */
const QUOTE_IN_SUMMARY = 160;

const section = (paragraphs: string[], bullets: string[] = []): Section => ({
  origin: 'builtin',
  paragraphs: paragraphs.filter(Boolean),
  bullets,
});

const when = (event: TimelineEvent, facts: Facts): string =>
  event.time ? formatTime(event.time, facts) : (event.timeLabel ?? 'untimed');

/**
 * `"text" (timeline, 10:20 UTC)` for a timeline line, `(incident notes)` for a note. Who said it
 * is left out: the postmortem is published, and a cause or a trigger is no one's fault.
 */
function cite(quote: Quote, facts: Facts): string {
  const text = withoutDoer(quote.text, facts);
  return quote.event
    ? `${asSentence(publicLine(text))} (timeline, ${when(quote.event, facts)})`
    : `${asSentence(text)} (incident notes)`;
}

/** The first clause of a sentence that goes on to say what is being done: "X broke Y; the pool is cordoned". */
const firstClause = (text: string) => text.split(/;\s+/)[0] ?? text;

/** "from 12:00 UTC to 12:40 UTC (40 minutes)", or as much of it as is known. */
export function span(reading: Reading): string {
  const { facts, window } = reading;
  if (window.start && window.end) {
    const duration = window.minutes !== null ? ` (${formatMinutes(window.minutes)})` : '';
    return `from ${formatTime(window.start, facts)} to ${formatTime(window.end, facts)}${duration}`;
  }
  if (window.start) return `starting at ${formatTime(window.start, facts)}`;
  return window.end ? `until ${formatTime(window.end, facts)}` : '';
}

/** "12,400 users were affected by checkout latency", or the incident named when nobody is. */
export function whatBroke(reading: Reading): string {
  const { facts } = reading;
  // "all GitLab.com users; self-hosted GitLab not affected": the first clause is who was.
  const who = usersAffectedSentence(facts) ? null : (reading.who?.split(/;\s+/)[0] ?? null);
  const title = titleInSentence(facts.title, facts.date);
  if (reading.noUserImpact) return `we had an internal incident with no customer impact: ${title}`;
  // "X were affected: <title>": the title is what they saw, not the agent of "affected by".
  if (who) return `${who} ${/^1 |^one /i.test(who) ? 'was' : 'were'} affected: ${title}`;
  // A long list of services reads as a wall; the Impact section lists them.
  if (facts.services.length && facts.services.join(', ').length <= 60)
    return `${facts.services.join(', ')} ${facts.services.length > 1 ? 'were' : 'was'} affected: ${title}`;
  return titleNamesIncident(facts.title)
    ? `we had ${incident(reading)}: ${title}`
    : `we had ${incident(reading)}`;
}

/** "a SEV1 incident", "an incident of severity Critical", or "an incident" when none is stated. */
function incident(reading: Reading): string {
  const severity = reading.severity;
  if (!severity) return 'an incident';
  return /^(?:SEV|P)[\s-]?\d$|^\d$/i.test(severity)
    ? `a ${/^\d$/.test(severity) ? `severity ${severity}` : severity} incident`
    : `an incident of severity ${severity}`;
}

/**
 * A response step as told: without who did it, and without the chat bot's command it was
 * logged with ("!log codfw sessionstore 4 -> 6 pods" is "codfw sessionstore 4 -> 6 pods").
 */
function stepText(event: TimelineEvent, facts: Facts): string {
  return withoutDoer(event.text, facts).replace(/^\s*!(?:log|sal|deploy|note)\s+/i, '');
}

/**
 * The fix after "We mitigated it at 09:30 UTC:": a past-tense verb opens in lower case even
 * when a name follows ("moved APAC media ..."); anything else as lowerFirst says.
 */
function verbFirst(sentence: string): string {
  return /^(?:[A-Z][a-z]+ed|Ran|Set|Put|Cut|Shut|Took|Sent|Built|Rebuilt|Froze)\b/.test(sentence)
    ? sentence.charAt(0).toLowerCase() + sentence.slice(1)
    : lowerFirst(sentence);
}

/** A line's clauses: what was seen, then what was done ("reindex job was stuck; restarted it"). */
const STEP_CLAUSE = /;\s+|\s+[-–—]\s+/;

/**
 * The part of a step's line that is the action: "reindex job was stuck since 07:55; restarted
 * the reindex workers" is told as "restarted the reindex workers". The line as written when its
 * first clause is the action or no later clause is one.
 */
function actionPart(line: string): string {
  // "Mitigation: one group restores ...": the summary already says it is the mitigation.
  const text = line.replace(/^\W*(?:mitigation|fix|action|workaround|remediation)\s*:\s*/i, '');
  const clauses = text.split(STEP_CLAUSE);
  if (clauses.length < 2 || isAction(clauses[0] ?? '')) return text;
  const from = clauses.findIndex((clause) => isAction(clause));
  // "we moved APAC media ..." follows "We mitigated it at 09:30 UTC:" without a second "we".
  const told =
    from > 0
      ? clauses
          .slice(from)
          .join('; ')
          .replace(/^we\s+/i, '')
      : text;
  // "...; rebuilding it now": an action that points back needs what it points at.
  return /\b(?:it|them|this|that|those|these)\b/i.test(told) ? text : told;
}

/**
 * The attempts before the fix that did not help, in a sentence, so the summary never lets a
 * reader take the first thing tried for the fix ("A rollback ... at 08:14 UTC did not help").
 * '' when none failed. Rules: issue 12 round 3, mitigation kind.
 */
function failedBefore(reading: Reading, fix: Reading['response']['steps'][number] | null): string {
  const { facts } = reading;
  const failed = reading.response.steps.filter(
    (step) =>
      step.failed &&
      (!fix?.event.time ||
        !step.event.time ||
        Date.parse(step.event.time) <= Date.parse(fix.event.time)),
  );
  if (!failed.length || failed.length > 2) return '';
  // Only the attempt itself, and only when it reads as one ("rolled back to v3.3"): a finding
  // the response misread as a step ("memcached errors narrowed to rack A7") is left to the list.
  const attempt = (first: string) => isAction(first) || /^\W*(?:tried|attempted)\b/i.test(first);
  // The clause that is the attempt: "looks like a scraper? enabling the bot-block rules" is
  // told as "enabling the bot-block rules"; "raised max_connections -> postgres refuses to
  // start" as "raised max_connections".
  const firsts = failed.map((step) => {
    const clauses = stepText(step.event, facts).split(
      // A value changed ("pool 40 -> 120") is one clause; an arrow to what followed is two.
      /[,;]\s+|\s+[-–—]\s+|(?<!\d\s*)\s*(?:->|→|=>)(?!\s*\d)\s*|(?<=\w)[.?!]\s+/,
    );
    return clauses.find(attempt) ?? clauses[0] ?? '';
  });
  if (firsts.some((first) => !attempt(first) || first.length > 90)) return '';
  const told = failed.map((step, index) => {
    const first = firsts[index] ?? '';
    return `${lowerFirst(publicLine(first).replace(/[.\s]+$/, ''))}${step.event.time ? ` (${when(step.event, facts)})` : ''}`;
  });
  // "rolled back to v3.3" continues "We first"; "Rollback to v3.3 failed" does not.
  return told.every((text) => ATTEMPT_VERB.test(text))
    ? `We first ${told.join(', then ')}, which did not help.`
    : `An earlier attempt did not help: ${told.join('; ')}.`;
}

/** A past-tense verb of trying something, that may follow "We first". */
const ATTEMPT_VERB =
  /^(?:tried|attempted|rolled|reverted|restarted|rebooted|scaled|failed over|flushed|purged|cleared|disabled|enabled|turned|drained|raised|increased|lowered|bumped|moved|switched|killed|applied|deployed|pushed|ran|added|removed|changed|set|redeployed|re-?ran|re-?started)\b/;

/** The step that fixed it: the last action that did not fail, at or before the first recovery. */
export function fixingStep(reading: Reading): Reading['response']['steps'][number] | null {
  return reading.response.fix;
}

/**
 * "Service was back to normal at 11:31 UTC; the incident was closed at 11:45 UTC." when service
 * came back before the declared end, else the end alone: the reading's one recovery figure.
 */
function backToNormal(reading: Reading, end: string): string {
  const { facts } = reading;
  const { at: back, relapse } = reading.recovered;
  // "It failed again at 14:15 PDT": a first recovery that did not hold is not where it ended.
  const again = relapse?.time
    ? `It failed again at ${when(relapse, facts)} (${inlineQuote(withoutDoer(failedAgainSentence(relapse.text), facts))}). `
    : '';
  return again + plainBack(reading, back, end);
}

function plainBack(reading: Reading, back: string | null, end: string): string {
  const { facts } = reading;
  return back && Date.parse(back) < Date.parse(end)
    ? `Service was back to normal at ${formatTime(back, facts)}; the incident was closed at ${formatTime(end, facts)}.`
    : `Service was back to normal at ${formatTime(end, facts)}.`;
}

/** A sentence that bounds who was hit: "us-east and ap-south were unaffected throughout". */
const UNAFFECTED =
  /\b(?:were|was|stayed|remained) (?:not affected|unaffected|operational|up|healthy)\b|\bunaffected\b/i;

/** The input's own words on who was not hit, as a sentence of the summary; '' when none. */
function scope(reading: Reading): string {
  if (reading.noUserImpact) return '';
  const said = noteQuotes(reading.facts).find(
    (q) => UNAFFECTED.test(q.text) && q.text.length <= 200 && !isNoise(q.text),
  );
  if (!said) return '';
  const text = asSentence(publicLine(said.text));
  // "us-east and ap-south were ...": a name written in lower case is not capitalised.
  return /^[a-z]+[-\d]/.test(said.text) ? `Scope: ${said.text.charAt(0)}${text.slice(1)}` : text;
}

/**
 * A line's first sentence as the summary tells it (publicSentence: no tool tags, an alert's
 * machine name in words), cut at its first clause when longer than a summary's quote; null when
 * nothing readable or short enough remains.
 */
function toldBrief(event: TimelineEvent, facts: Facts): string | null {
  const said = publicSentence(withoutDoer(event.text, facts), event.kind);
  if (!said) return null;
  // The sentence that says what set it off ("… swapped the alias before it had finished"), not
  // a note's opening ("We looked again."); the first of several that say it equally.
  const sentences = splitSentences(said).filter((text) => text.split(/\s+/).length >= 4);
  const score = (text: string) => scoreOf(text, CAUSE_CUES, 'trigger');
  const first = sentences.reduce<string | null>(
    (best, text) => (best === null || score(text) > score(best) ? text : best),
    null,
  );
  if (!first) return null;
  if (first.length <= QUOTE_IN_SUMMARY) return first;
  const clause = first.split(/\s*(?:;|->|→|=>|\s[-–—]\s)\s*|:\s+(?=\p{Ll})/u)[0] ?? '';
  return clause.length >= 12 && clause.length <= QUOTE_IN_SUMMARY ? asSentence(clause) : null;
}

/** "The first sign came at 20:25 UTC: our monitoring alerted: edge error rate high." */
function firstSign(symptom: TimelineEvent, facts: Facts): string {
  // A line too long to quote is told by the Impact section and the Timeline.
  const told = symptom.text.length <= QUOTE_IN_SUMMARY ? toldBrief(symptom, facts) : null;
  return told ? `The first sign came at ${when(symptom, facts)}: ${continued(told)}` : '';
}

/** "It was triggered at 13:10 UTC: forms-api v5.2 deployed." The quote as written when too long to tell. */
function triggeredBy(trigger: TimelineEvent, facts: Facts): string {
  const told = toldBrief(trigger, facts);
  return told
    ? `It was triggered at ${when(trigger, facts)}: ${continued(told)}`
    : `It was triggered by ${inlineQuote(trigger.text)} at ${when(trigger, facts)}.`;
}

/** Whether two quotes say the same once published ("Found it: the pool …" and "the pool …"). */
function sameSaying(a: string, b: string): boolean {
  const said = (text: string) =>
    publicLine(text)
      .toLowerCase()
      .replace(/[.\s]+$/, '');
  const [x, y] = [said(a), said(b)];
  return x.includes(y) || y.includes(x);
}

/** Where a sentence turns from what happened to what came of it: ", so", "which", "causing". */
const CONSEQUENCE =
  /,?\s+(?:so(?: that)?|which|causing|meaning|leading to|and (?:so|thus|therefore))\s+/i;

/**
 * The trigger as told apart from the root cause: when responders said both in one sentence ("the
 * 09:58 migration dropped the index, so every lookup scans the table"), the trigger is the event
 * before the consequence ("the 09:58 migration dropped the index") and the root cause keeps the
 * whole sentence. The sentence as told when it has no such turn. Issue 12 round 3: the
 * judges read the same sentence under both headings as no trigger found.
 */
function apartFromCause(told: string, reading: Reading): string {
  const causes = reading.rootCause?.quotes.map((quote) => withoutCauseLabel(quote.text)) ?? [];
  if (!causes.some((cause) => sameSaying(cause, told))) return told;
  const [consequence] = told.split(CONSEQUENCE);
  // "The signing certificate rotated last night and the new one was not deployed": an event,
  // then the missing step that let it break things; the event is the trigger.
  const joined = JOINED.exec(told);
  const [before, after] = joined
    ? [told.slice(0, joined.index), told.slice(joined.index + joined[0].length)]
    : ['', ''];
  const events = [
    consequence && consequence !== told ? consequence : '',
    joined &&
    scoreOf(after, CAUSE_CUES, 'cause') >= CAUSE_THRESHOLD &&
    scoreOf(before, CAUSE_CUES, 'cause') < CAUSE_THRESHOLD
      ? before
      : '',
  ].filter((event) => event.split(/\s+/).length >= 3);
  // The shortest cut is the event alone: "A config push emptied the allowlist; the gateway
  // treats an empty list as deny-all, so ..." is cut at the semicolon, not at ", so".
  // "a firmware update broke multipath" has no cut: the change is named in it, and a reader
  // looking for the trigger finds it here too.
  return events.sort((a, b) => a.length - b.length)[0] ?? told;
}

/** Where one clause of a sentence ends and another, with its own subject, begins. */
const JOINED = /,?\s+(?:and|but|while)\s+(?=(?:the|a|an|its|their|our|that|this|it|they)\b)|;\s+/i;

/**
 * Whether `told` says all of `cause` again. The event cut from the cause's sentence ("The
 * signing certificate rotated last night") is part of it, and is the trigger; only the whole
 * cause told again is a repeat.
 */
function tellsAgain(told: string, cause: string): boolean {
  const said = (text: string) =>
    publicLine(text)
      .toLowerCase()
      .replace(/[.\s]+$/, '');
  return said(told).includes(said(cause));
}

/**
 * The sentence that names what set it off when no line before the start is the trigger: the
 * reading's mention, else the root cause's own sentence when its first clause is an event
 * apart from the mechanism ("The DNS provider rotated its IPs at 02:00 and our resolvers still
 * pinned the old ones because ..."). Null when neither names one.
 */
function mentionedTrigger(reading: Reading): Quote | null {
  if (reading.triggerMention || reading.trigger) return reading.triggerMention;
  const quote = reading.rootCause?.quotes[0];
  if (!quote) return null;
  const text = withoutCauseLabel(firstClause(quote.text));
  const event = apartFromCause(text, reading);
  // Only an event told as one, with when it happened or as a change ("rotated its IPs at
  // 02:00", "a config push emptied ..."): a mechanism's first half ("the mailer caches SMTP
  // credentials") or a step of the response ("failover finished") sets nothing off.
  return event !== text &&
    (TOLD_WHEN.test(event) || scoreOf(event, CAUSE_CUES, 'trigger') >= TRIGGER_THRESHOLD)
    ? quote
    : null;
}

/** When an event happened, as a cause sentence tells it: "at 02:00", "last night", "on Monday". */
const TOLD_WHEN =
  /\b(?:at \d{1,2}:\d{2}|\d{1,2}:\d{2}|last (?:night|week|month)|yesterday|this morning|earlier (?:today|that day)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

function summary(reading: Reading): Section {
  const { facts, symptom, trigger, rootCause } = reading;
  const opening = [
    asSentence(
      `On ${formatDate(facts.date)}, ${[span(reading), whatBroke(reading)].filter(Boolean).join(', ')}`,
    ),
    usersAffectedSentence(facts) ?? '',
    symptom && symptom.time && symptom !== trigger ? firstSign(symptom, facts) : '',
    scope(reading),
    reading.worst &&
    reading.worst.event !== symptom &&
    reading.worst.text.length <= QUOTE_IN_SUMMARY
      ? `At the worst point: ${quote(reading.worst.text)}`
      : '',
  ];
  // The team's own root cause, when written, is what the summary tells.
  const human = facts.human.rootCause ? splitSentences(facts.human.rootCause.markdown)[0] : null;
  const told = human ?? rootCause?.quotes[0]?.text;
  const cause = told ? withoutCauseLabel(told) : undefined;
  const mention = triggerMentionApart(reading);
  const mentioned = mention
    ? apartFromCause(withoutCauseLabel(firstClause(mention.text)), reading)
    : '';
  const { proximate } = reading;
  const humanTrigger = facts.human.trigger ? splitSentences(facts.human.trigger.markdown)[0] : null;
  const why = [
    humanTrigger
      ? `Trigger: ${asSentence(humanTrigger.replace(/^trigger\s*:\s*/i, ''))}`
      : trigger
        ? triggeredBy(trigger, facts)
        : mention &&
            mentioned.length <= QUOTE_IN_SUMMARY &&
            !(cause && tellsAgain(mentioned, cause))
          ? `What set it off, as responders told it: ${cite({ ...mention, text: withoutDoer(mentioned, facts) }, facts)}`
          : proximate &&
              proximate.line !== symptom?.line &&
              proximate.text.length <= QUOTE_IN_SUMMARY
            ? `The immediate failure came at ${when(proximate, facts)}: ${inlineQuote(proximate.text)}.`
            : '',
    cause
      ? `The team found the cause: ${asSentence(publicLine(cause)).replace(/^(?:The|A|An|Our|Its|This|It)\b/, (word) => word.toLowerCase())}`
      : 'The root cause is still under investigation.',
  ];
  const step = fixingStep(reading);
  const recovered = reading.window.end;
  // A recovery time before the fix would contradict it; then the fix is told alone.
  const consistent =
    recovered && (!step?.event.time || Date.parse(recovered) >= Date.parse(step.event.time));
  const fix = [
    failedBefore(reading, step),
    step
      ? step.event.text.length <= QUOTE_IN_SUMMARY
        ? `We mitigated it${step.event.time ? ` at ${when(step.event, facts)}` : ''}: ${verbFirst(asSentence(publicLine(actionPart(stepText(step.event, facts)))))}`
        : `We mitigated it${step.event.time ? ` at ${when(step.event, facts)}` : ''}; the steps are listed under Response and recovery.`
      : '',
    consistent ? backToNormal(reading, recovered) : '',
  ];
  return section([opening, why, fix].map((p) => p.filter(Boolean).join(' ')));
}

function impact(reading: Reading): Section {
  const { facts } = reading;
  const bullets: string[] = [];
  if (reading.window.minutes !== null) bullets.push(`Duration: ${span(reading)}`);
  // "Impact: 1h07m of R2 write failures; every upload failed": the team's own measure of it.
  const stated = noteQuotes(facts).find((q) =>
    /^\W*(?:customer |user )?impact\s*[:\-–—]\s*\S/i.test(q.text),
  );
  if (stated)
    bullets.push(
      `As stated: ${asSentence(stated.text.replace(/^\W*(?:customer |user )?impact\s*[:\-–—]\s*/i, ''))}`,
    );
  if (reading.noUserImpact)
    bullets.push(
      reading.noUserImpact.line === 0
        ? 'Customers affected: none (as stated in the incident front matter)'
        : `Customers not affected: ${cite(reading.noUserImpact, facts)}`,
    );
  else if (reading.who) bullets.push(`Affected: ${reading.who}`);
  if (facts.services.length) bullets.push(`Services: ${facts.services.join('; ')}`);
  const lines = new Set<number>();
  // What users saw, in the input's words, before the figures: up to three lines' worth.
  for (const clause of reading.impactClauses) {
    if (lines.has(clause.line) || lines.size >= 3) continue;
    lines.add(clause.line);
    bullets.push(
      `What users saw: ${clause.event ? `${when(clause.event, facts)}, ` : ''}"${clause.text}"${clause.event ? '' : ' (incident notes)'}`,
    );
  }
  const limit = facts.mitigated ?? facts.resolved;
  const quoteLine = (line: number, text: string) => {
    if (lines.has(line) || lines.size >= 6) return;
    lines.add(line);
    const event = facts.events.find((e) => e.line === line);
    if (event?.time && limit && Date.parse(event.time) > Date.parse(limit)) return;
    // "rolled back to v3.3 - no effect, rate still 35%" is an attempt, told in the Response.
    if (event && reading.response.steps.some((step) => step.event === event)) return;
    bullets.push(event ? `${when(event, facts)}: "${event.text.trim()}"` : `"${text}"`);
  };
  if (reading.symptom) quoteLine(reading.symptom.line, reading.symptom.text);
  for (const figure of facts.impact) quoteLine(figure.line, figure.context);
  if (reading.dataLost) bullets.push(`Data loss: ${cite(reading.dataLost, facts)}`);
  else if (reading.noDataLost) bullets.push(`Data: ${cite(reading.noDataLost, facts)}`);
  if (reading.userAction) bullets.push(`What users must do: ${cite(reading.userAction, facts)}`);
  return section([], bullets);
}

/** The team saying it changed nothing before the incident. */
const NO_CHANGE =
  /\bwe (?:made|had|pushed|deployed|shipped) no (?:change|changes|deploy|deploys|release)\b|\bno (?:change|changes|deploys?|releases?) (?:on our side|from us|of ours)\b/i;

/**
 * "The immediate failure, at 11:05 UTC: "ERROR 1114 (HY000): The table 'order_events' is full"."
 * The error that names what ran out, told beside the trigger, apart from why it ran out.
 */
function immediateFailure(reading: Reading): string {
  const { proximate, facts } = reading;
  return proximate
    ? `The immediate failure, at ${when(proximate, facts)}: ${inlineQuote(proximate.text)}.`
    : '';
}

/**
 * The sentence that names what set it off, unless it only says the root cause again while an
 * error line names the immediate failure: then that line is the trigger, the sentence the cause.
 */
function triggerMentionApart(reading: Reading): Quote | null {
  const mention = mentionedTrigger(reading);
  if (!mention || !reading.proximate) return mention;
  const told = apartFromCause(withoutCauseLabel(firstClause(mention.text)), reading);
  const causes = reading.rootCause?.quotes.map((quote) => withoutCauseLabel(quote.text)) ?? [];
  return causes.some((cause) => sameSaying(cause, told)) ? null : mention;
}

function trigger(reading: Reading): Section {
  const { facts, trigger: event, symptom } = reading;
  // A first sign that is the root cause's own line would tell the cause under Trigger again.
  const causeLine = reading.rootCause?.quotes.some((quote) => quote.event === symptom) ?? false;
  const failure = immediateFailure(reading);
  const first =
    symptom &&
    symptom !== event &&
    // The immediate failure may be one sentence of its line: the line is the same.
    symptom.line !== reading.proximate?.line &&
    !causeLine
      ? `The first sign of impact was ${inlineQuote(symptom.text)} at ${when(symptom, facts)}.`
      : '';
  if (event)
    return section([
      `At ${when(event, facts)}: ${asSentence(publicLine(triggerText(event.text)))}`,
      failure,
      first,
    ]);
  const mention = triggerMentionApart(reading);
  if (failure && !mention) return section([failure, first]);
  if (mention) {
    const told = apartFromCause(withoutCauseLabel(firstClause(mention.text)), reading);
    const fix = reading.response.fix;
    const undone =
      fix && scoreOf(fix.event.text, CAUSE_CUES, 'trigger') < 0
        ? `Undoing it at ${when(fix.event, facts)} (${inlineQuote(fix.event.text)}) was followed by recovery${reading.recovered.at ? ` at ${formatTime(reading.recovered.at, facts)}` : ''}.`
        : '';
    return section([
      `${mention.event ? 'Responders named what set it off' : 'The incident notes name what set it off'}: ${cite({ ...mention, text: withoutDoer(told, facts) }, facts)}`,
      undone,
      failure,
      first,
    ]);
  }
  // "we made no change before this": the team's own word that nothing of ours set it off.
  const noChange = noteQuotes(facts).find((q) => NO_CHANGE.test(q.text) && q.text.length <= 200);
  return section([
    noChange
      ? `No change of ours set it off; the incident notes say: ${quote(noChange.text)}`
      : reading.rootCause
        ? 'The timeline does not name a separate trigger.'
        : 'What set the incident off is still under investigation.',
    first,
  ]);
}

function rootCause(reading: Reading): Section {
  if (!reading.rootCause)
    return section([
      'The root cause is still under investigation. This postmortem will be updated when it is known.',
    ]);
  return section(
    reading.rootCause.quotes.map((quote) =>
      cite({ ...quote, text: withoutCauseLabel(quote.text) }, reading.facts),
    ),
  );
}

/** An acknowledgement a tool made on its own ("opsgenie-bot: auto-acknowledged by schedule"). */
const autoAcknowledged = (event: TimelineEvent): boolean =>
  /\bauto-?(?:matically )?ack\w*|\backnowledged (?:automatically|by (?:schedule|rule|policy))\b/i.test(
    event.text,
  ) || /(?:^|[-_.\s])bot$/i.test(event.actor ?? '');

/** Words that say an alert was slow to fire ("alert was 14 minutes late", "evaluates every 15m"). */
const LATE = /\b(?:late|delayed|too slow|evaluat\w* (?:only )?every)\b/i;

/**
 * A sentence that says how the team learnt of it, or that nothing alerted: "Detection was
 * indirect - ...", "Detection took way too long", "the page came from logstash falling over".
 */
const HOW_WE_LEARNT =
  /^\W*detection (?:was|took|came|is)\b|\bthe page (?:actually )?came from\b|\bwas detected (?:by|through|via|when|from)\b|\bmonitoring (?:began to |started to )?(?:detect|alert|flag)\w*|\b(?:an engineer|on-?call|we) (?:was|were) paged\b|\bnothing (?:paged|alerted)\b|\bno (?:alert|page|alarm|monitor)s? (?:fired|went off|triggered|covers?|checks?)\b|\b(?:support|a customer|customers|users) (?:found|noticed|spotted|reported) it\b|\bwe (?:found out|learn(?:ed|t)) (?:about it )?(?:from|through|via|when)\b/i;

/** A sentence that says what slowed the response: a wrong first guess, tools down with it. */
const SLOWED =
  /\bfirst (?:suspected|thought|assumed)\b|\bslowed (?:us|the response|the team|down)\b|\bdelayed (?:our|the) (?:response|diagnosis)\b|\bred herring\b|\bmisled\b/i;

function detection(reading: Reading): Section {
  const { facts, detection: found } = reading;
  const paragraphs: string[] = [];
  const trigger = reading.trigger?.time ? reading.trigger : null;
  const sinceTrigger = (event: TimelineEvent) =>
    trigger?.time && event.time && Date.parse(event.time) > Date.parse(trigger.time)
      ? `, ${formatMinutes(Math.round((Date.parse(event.time) - Date.parse(trigger.time)) / 60_000))} after the trigger at ${when(trigger, facts)}`
      : '';
  if (found.event) {
    const ttd = found.minutesToDetect;
    // An impact start read from the detecting line itself says nothing about the delay: the
    // trigger before it does ("the certificate expired at 00:00", the alert came at 00:09).
    const startedHere = facts.milestones['start']?.line === found.event.line;
    const lag =
      ttd === null || (ttd === 0 && startedHere)
        ? sinceTrigger(found.event)
        : ttd === 0
          ? ' as impact began'
          : `, ${formatMinutes(ttd)} after impact began`;
    paragraphs.push(
      `Detected at ${when(found.event, facts)} by ${found.how}${lag}: ${quote(found.event.text)}`,
    );
  }
  const ackLine = facts.milestones['acknowledged']?.line;
  const ack = facts.events.find((e) => e.line === ackLine);
  // "auto-acknowledged by schedule" from a bot: nobody had seen it yet.
  if (ack?.time && !autoAcknowledged(ack)) {
    const tta = facts.timeToAcknowledgeMinutes;
    paragraphs.push(
      `Acknowledged at ${when(ack, facts)}${ack.actor ? ` by ${ack.actor}` : ''}${tta ? `, ${formatMinutes(tta)} after detection` : ''}.`,
    );
  }
  if (found.alert && found.alert !== found.event && found.alert.time)
    paragraphs.push(
      LATE.test(found.alert.text)
        ? `The alert came late, at ${when(found.alert, facts)}${sinceTrigger(found.alert)}: ${quote(found.alert.text)}`
        : `A page or alert is recorded at ${when(found.alert, facts)}: ${quote(found.alert.text)}`,
    );
  else if (found.event && found.byAlert && LATE.test(found.event.text))
    paragraphs.push('The input says this alert came late.');
  // "nothing paged us, support found it": how the team says it learnt of it, in its own words.
  const told = noteQuotes(facts).find(
    (q) =>
      HOW_WE_LEARNT.test(q.text) &&
      q.text.length <= 240 &&
      scoreOf(q.text, FOLLOW_UP_CUES, 'follow-up') < FOLLOW_UP_THRESHOLD,
  );
  // With no timeline line to date it, the notes' words are how it was detected.
  if (!found.event)
    paragraphs.unshift(
      told
        ? `No timeline line marks the detection; the incident notes say: ${quote(told.text)}`
        : 'The timeline does not record how or when the problem was detected.',
    );
  else if (told) paragraphs.push(`The incident notes say: ${quote(told.text)}`);
  // "first suspected a DDoS", "tools sit on the same DNS, which slowed us down".
  const slowed = noteQuotes(facts).find(
    (q) => q !== told && SLOWED.test(q.text) && q.text.length <= 240,
  );
  if (slowed) paragraphs.push(`What slowed the response: ${quote(slowed.text)}`);
  const responders = respondersLine(found.responders, peopleIn(facts));
  if (responders) paragraphs.push(responders);
  return section(paragraphs);
}

/**
 * "Responders named in the timeline: ana.k." A person whose name the timeline withholds
 * (public-line.ts, peopleIn) is counted, not named, so no section prints a name the timeline
 * leaves out.
 */
function respondersLine(responders: readonly string[], people: readonly string[]): string {
  const withheld = (name: string) =>
    people.includes(name) || name.split(/\s+/).some((word) => people.includes(word));
  const named = responders.filter((name) => !withheld(name));
  const count = responders.length - named.length;
  const engineers = `${count === 1 ? 'one' : count} ${count === 1 ? 'engineer' : 'engineers'}`;
  if (named.length && count)
    return `Responders named in the timeline: ${named.join(', ')}, and ${engineers} more.`;
  if (named.length) return `Responders named in the timeline: ${named.join(', ')}.`;
  return count ? `Responders: ${engineers}.` : '';
}

function response(reading: Reading): Section {
  const { facts, response: read } = reading;
  const timed: { event: TimelineEvent; text: string }[] = read.steps.map((step) => ({
    event: step.event,
    text: `${when(step.event, facts)}: ${step.failed ? 'Failed attempt: ' : step.partial ? 'Partial recovery: ' : ''}${step.failed || step.partial ? lowerFirst(asSentence(publicLine(stepText(step.event, facts)))) : asSentence(publicLine(stepText(step.event, facts)))}`,
  }));
  // A line that states the cause is no recovery, even when the analysis dated the mitigation
  // from it; a recovery line that goes on to list follow-ups is quoted up to the list.
  const causeLines = new Set(reading.rootCause?.quotes.map((q) => q.event));
  const outcome = (label: string, event: TimelineEvent | null) => {
    if (event && !causeLines.has(event) && !read.steps.some((step) => step.event === event)) {
      const said = event.text.split(
        /\s*\b(?:follow[\s-]*ups?|next steps?|todos?|action items?)\s*:/i,
      )[0];
      // "Resolved by Marta Kowalczyk.": the tool's record of who closed it says only that.
      // A bare "resolved" says no more than the label does.
      const closedBy =
        /^\W*(?:resolved|closed) by [A-Z][\w.' -]*\W*$/.test(event.text) ||
        /^\W*(?:resolved|closed|all clear)\W*$/i.test(event.text) ||
        /^\W*(?:we )?(?:closed|resolved|closing|resolving) (?:the |this )?incident\W*$/i.test(
          event.text,
        );
      // "[RESOLVED] HighErrorRate api-gateway" quoted bare reads as the alert firing again.
      const cleared = alertCleared(event.text)
        ? `${when(event, facts)}: ${label}: the alert cleared (${inlineQuote(withoutDoer(event.text, facts))}).`
        : null;
      timed.push({
        event,
        text:
          cleared ??
          (closedBy
            ? `${when(event, facts)}: ${label}.`
            : `${when(event, facts)}: ${label}: ${quote(withoutDoer(said || event.text, facts))}`),
      });
    }
  };
  // "search results normal" at 08:33 is the recovery, not a bare "resolved" at 08:50 after it.
  const back = reading.recovered.event;
  const recovered = back && back !== read.resolved ? back : null;
  const fixedAt = read.fix?.event.time ? Date.parse(read.fix.event.time) : NaN;
  const beforeFix = (event: TimelineEvent | null) =>
    event?.time !== undefined && event?.time !== null && Date.parse(event.time) < fixedAt;
  if (recovered && recovered !== read.mitigated) {
    outcome('Recovery', recovered);
    outcome('Resolved', read.resolved ?? read.mitigated);
  } else if (beforeFix(read.mitigated)) {
    outcome('Resolved', read.resolved);
  } else {
    outcome('Recovery', read.mitigated);
    if (read.resolved !== read.mitigated) outcome('Resolved', read.resolved);
  }
  // In the order they happened: a re-enable after recovery comes after the recovery line.
  const bullets = timed
    .map((entry, order) => ({ ...entry, order, at: Date.parse(entry.event.time ?? '') }))
    .sort((a, b) => (Number.isNaN(a.at) || Number.isNaN(b.at) ? a.order - b.order : a.at - b.at))
    .map((entry) => entry.text);
  if (!read.steps.length) {
    // A write-up in prose (an e-mail thread, a wiki page) tells its actions in the notes.
    const told = notesActions(reading);
    if (told.length)
      return section(
        ['The timeline lines record no action; the incident notes tell these:'],
        [...told, ...bullets],
      );
  }
  return section(
    read.steps.length ? [] : ['The timeline does not record a mitigating action.'],
    bullets,
  );
}

/**
 * "Earlier attempts that did NOT help: new hardware, ...": the label before what was tried, so
 * the sentence is told as the attempts themselves.
 */
const DID_NOT_HELP_LABEL =
  /^[^:]{0,60}\b(?:did ?n[o']t|did not|didn't) (?:help|work|fix)\b[^:]{0,20}:\s*/i;

/** A sentence about attempts without an action verb of its own: "Earlier attempts that did NOT help: ...". */
const ATTEMPT_NAMED = /\b(?:attempt(?:s|ed)?|tried|tries|workarounds?)\b/i;

/**
 * Whether a notes sentence tells an attempt that failed, read as the analysis reads a timeline
 * line (`reportsFailedAttempt`, the `ineffective` modifier) so the two never disagree. It must
 * be an attempt: one named as such, or an action in its first clause ("restarted the consumers,
 * but errors continued"); "Errors continued until 23:15, when the retries drained" is impact.
 */
function failedAttempt(text: string): boolean {
  if (!reportsFailedAttempt(text)) return false;
  const [first = ''] = text.split(/[,;]\s+|\s+but\s+/);
  return ATTEMPT_NAMED.test(text) || isAction(first);
}

/**
 * "Already changed it to remove capacity slowly": a change made after the incident, so it does
 * not happen again, is a follow-up done, not a step of the response.
 */
const ALREADY_CHANGED = /^\W*(?:we(?:'ve| have)? )?already\b/i;

/**
 * The actions the notes tell, in the order written, when no timeline line is one: each a
 * sentence that acts on the system, not a plan and not the cause; failed ones marked.
 */
function notesActions(reading: Reading): string[] {
  const causes = new Set(reading.rootCause?.quotes.map((q) => q.text));
  const quotes = noteQuotes(reading.facts);
  // "We attempted a change ... It was rolled back, but incompletely. The leftover setting
  // stopped new hosts from booting.": the sentences from the trigger to the cause tell how it
  // started, not how it was fixed.
  const mention = reading.triggerMention;
  const from = mention ? quotes.findIndex((q) => q.text === mention.text) : -1;
  const to = quotes.findIndex((q) => causes.has(q.text));
  const story = new Set(from >= 0 && to > from ? quotes.slice(from, to).map((q) => q.text) : []);
  return quotes
    .filter(
      (quote) =>
        !causes.has(quote.text) &&
        // "The disks filled up; the prune job had been disabled": a sentence whose clause is the
        // root cause tells why, not what responders did.
        ![...causes].some((cause) => cause.length >= 20 && quote.text.includes(cause)) &&
        !story.has(quote.text) &&
        !isNoise(quote.text) &&
        !ALREADY_CHANGED.test(quote.text) &&
        quote.text.length <= 300 &&
        scoreOf(quote.text, FOLLOW_UP_CUES, 'follow-up') < FOLLOW_UP_THRESHOLD &&
        (isAction(quote.text) || failedAttempt(quote.text)),
    )
    .slice(0, 6)
    .map((quote) =>
      failedAttempt(quote.text)
        ? `Failed attempts: ${DID_NOT_HELP_LABEL.test(quote.text) ? lowerFirst(asSentence(quote.text.replace(DID_NOT_HELP_LABEL, ''))) : asSentence(quote.text)} (incident notes)`
        : `${asSentence(quote.text)} (incident notes)`,
    );
}

function lessons(reading: Reading): Section {
  const { lessons: found } = reading;
  return section(
    [],
    [
      ...found['went-well'].map((text) => `Went well: ${text}`),
      ...found['went-wrong'].map((text) => `Went wrong: ${text}`),
      ...found.lucky.map((text) => `Where we got lucky: ${text}`),
    ],
  );
}

function messageToUsers(reading: Reading): Section {
  return section(messageParagraphs(reading).map(publicParagraph));
}

/** The built-in sections before human ones win; the OpenAI writer stands these in per section. */
export function writeBuiltinBody(facts: Facts): { body: PostmortemBody; reading: Reading } {
  const reading = readIncident(facts);
  const body: PostmortemBody = {
    title: facts.title,
    impactInBrief: impactInBrief(facts, reading.impactClauses),
    summary: summary(reading),
    impact: impact(reading),
    trigger: trigger(reading),
    rootCause: rootCause(reading),
    detection: detection(reading),
    response: response(reading),
    lessons: lessons(reading),
    actionItems: reading.actionItems,
    messageToUsers: messageToUsers(reading),
  };
  const withheld = withheldFrom(facts);
  const people = peopleIn(facts);
  const brief = body.impactInBrief;
  // The names the timeline withholds are withheld in every section too (one rule everywhere);
  // action items keep their owners, which are a column of their own.
  const told = (text: string) => withheld(withoutPeople(text, people));
  return {
    body: {
      ...withheldBody(body, told, withheld),
      impactInBrief: brief ? withheld(withoutPeople(brief, people)) : null,
    },
    reading,
  };
}

/**
 * The built-in sections and action items with what must stay internal taken out (private
 * addresses, key IDs, what the input says not to publish): the postmortem is published too.
 * The team's own sections are not touched here; `check` warns about what they would publish.
 */
function withheldBody(
  body: PostmortemBody,
  told: (text: string) => string,
  withheld: (text: string) => string,
): PostmortemBody {
  const out = { ...body };
  for (const name of PROSE_SECTIONS)
    out[name] = {
      ...body[name],
      paragraphs: body[name].paragraphs.map(told),
      bullets: body[name].bullets.map(told),
    };
  out.actionItems = body.actionItems.map((item) => ({ ...item, text: withheld(item.text) }));
  return out;
}

export function writeBuiltin(input: Facts): Postmortem {
  // Labels for the team or the write-up ("Internal:", "for the writeup -") are no one's words.
  const facts = withNoteLabelsOff(input);
  const { body, reading } = writeBuiltinBody(facts);
  const merged = withHumanSections(body, facts);
  // Private addresses, key IDs and what the input marks not for publishing stay internal.
  const withheld = withheldFrom(facts);
  // Lines marked internal stay in the postmortem, the team's record, and out of public texts.
  const publicFacts = publicFactsOf(input);
  const told = publicFacts ? writeBuiltinBody(publicFacts) : { body, reading };
  const publicMerged = publicFacts ? withHumanSections(told.body, publicFacts) : merged;
  const hnPost = writeHnPost(publicMerged, told.reading);
  const users = publicMerged.messageToUsers;
  return {
    ...merged,
    messageToUsers: {
      ...users,
      paragraphs: users.paragraphs.map(withheld),
      bullets: users.bullets.map(withheld),
    },
    hnPost: {
      ...hnPost,
      title: withheld(hnPost.title),
      body: withheld(hnPost.body),
      origin: 'builtin',
    },
    twitterThread: { tweets: writeThread(publicMerged, told.reading, withheld), origin: 'builtin' },
  };
}

export const builtinWriter: Writer = {
  id: 'builtin',
  keyFor: () => Promise.resolve(`builtin@${BUILTIN_WRITER_VERSION}`),
  write: (facts) =>
    Promise.resolve({
      document: writeBuiltin(facts),
      status: 'written by the built-in writer',
      warnings: [],
      fellBack: false,
      usage: NO_USAGE,
    }),
};
