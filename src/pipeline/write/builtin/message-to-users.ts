/**
 * The message to users, built from the facts rather than a template: what users saw and when,
 * how bad it got, whether data was lost, what they must do, where the cause stands, and an
 * apology. Every clause comes from the input (a symptom word, a stated figure, a sentence about
 * data or what users must do) or from computed times; a clause with nothing behind it is left out.
 */
import { strongestSignal } from '../cues/cue.js';
import { USER_SYMPTOM_CUES, type SymptomSignal } from '../cues/impact-cues.js';
import { formatDate, formatMinutes, formatTime } from '../format-figures.js';
import type { PeakFigures } from './peak-figures.js';
import type { Reading } from './read-incident.js';
import { asSentence, type Quote } from './sentences.js';

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
function whoFor(reading: Reading): string {
  const who = reading.who;
  return who && who.length <= 60 && !/[;()]/.test(who) ? who : 'some of you';
}

/** The time window, with the day on both ends when it crosses midnight. */
function windowOf(reading: Reading): string {
  const { facts } = reading;
  const end = facts.resolved ?? facts.mitigated;
  if (!facts.start) return `On ${formatDate(facts.date)}`;
  const sameDay = !end || end.slice(0, 10) === facts.start.slice(0, 10);
  if (!end) return `Since ${formatTime(facts.start, facts)} on ${formatDate(facts.date)}`;
  const minutes = facts.durationMinutes;
  const lasting = minutes !== null && facts.resolved ? ` (${formatMinutes(minutes)})` : '';
  return sameDay
    ? `Between ${formatTime(facts.start, facts)} and ${formatTime(end, facts)}${lasting} on ${formatDate(facts.date)}`
    : `From ${formatTime(facts.start, facts, true)} to ${formatTime(end, facts, true)}${lasting}, starting ${formatDate(facts.date)}`;
}

/** The paragraphs of the message, unknown parts left out. */
export function messageParagraphs(reading: Reading): string[] {
  const { facts } = reading;
  const window = windowOf(reading);
  const who = whoFor(reading);
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
  const saw = symptom
    ? `${who} ${seen}${where}`
    : `${who} ${/^1 |^one /i.test(who) ? 'was' : 'were'} affected by ${facts.title.replace(/[.!]+$/, '')}`;
  const bad = howBad(reading.peaks);
  const opening = `${window}, ${saw}${bad ? `: ${bad}` : ''}.`;
  const state = facts.resolved
    ? `This is fixed: service has been back to normal since ${formatTime(facts.resolved, facts)}.`
    : facts.mitigated
      ? `Service recovered at ${formatTime(facts.mitigated, facts)}; we are still watching it closely.`
      : 'We are still working on it and will update this page.';
  // Data and what to do: the input's own sentences, once each.
  const data = reading.dataLost ?? reading.noDataLost;
  const todo =
    reading.userAction && reading.userAction.text !== data?.text ? reading.userAction : null;
  const retry =
    !todo &&
    !reading.dataLost &&
    facts.resolved &&
    symptom &&
    symptom !== 'wrong-data' &&
    symptom !== 'delayed'
      ? 'If something you tried during that time failed, please try it again now.'
      : '';
  const cause = reading.rootCause
    ? 'We know what caused it; the postmortem below explains it and what we are changing so it does not happen again.'
    : 'We are still investigating the cause and will update this postmortem when we know it.';
  return [
    opening,
    state,
    sentence(data),
    sentence(todo) || retry,
    cause,
    'We are sorry for the disruption this caused you.',
  ].filter(Boolean);
}
