/**
 * The deterministic writer: every sentence is built from the facts, so it never states a
 * figure that is not in the input or computed from it, and says "not stated" where the
 * timeline is silent. It needs no network and no key.
 */
import type { Facts } from '../../../schemas/facts.js';
import type { Postmortem, Section } from '../../../schemas/postmortem.js';
import { formatDate, formatMinutes, formatTime, formatUsers } from '../format-figures.js';
import { splitThread } from '../split-tweets.js';
import { NO_USAGE, type Writer } from '../writer.js';
import { deriveActionItems } from './derive-action-items.js';
import { withHumanSections, type PostmortemBody } from '../human-sections-win.js';

export const BUILTIN_WRITER_VERSION = '1';

const section = (paragraphs: string[], bullets: string[] = []): Section => ({
  origin: 'builtin',
  paragraphs,
  bullets,
});

function sentenceCase(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return /[.!?]$/.test(flat) ? flat : `${flat}.`;
}

/** The highest error rate the input states, as a number for comparison. */
function peakErrorRate(facts: Facts): Facts['impact'][number] | null {
  const rates = facts.impact.filter((figure) => figure.kind === 'error-rate');
  const value = (figure: Facts['impact'][number]) => Number(figure.value.replace(/[^\d.]/g, ''));
  return rates.reduce<Facts['impact'][number] | null>(
    (best, figure) => (!best || value(figure) > value(best) ? figure : best),
    null,
  );
}

function summary(facts: Facts): Section {
  const paragraphs: string[] = [];
  const severity = facts.severity ? ` (severity ${facts.severity})` : '';
  const opening = facts.start
    ? `On ${formatDate(facts.date)} at ${formatTime(facts.start, facts)}, an incident began${severity}: ${sentenceCase(facts.title)}`
    : `On ${formatDate(facts.date)}, an incident${severity}: ${sentenceCase(facts.title)} The timeline does not state when impact began.`;
  const end = facts.resolved
    ? `The incident was resolved at ${formatTime(facts.resolved, facts, facts.resolved.slice(0, 10) !== facts.date)}, after ${formatMinutes(facts.durationMinutes)}.`
    : 'The timeline does not state when the incident was fully resolved.';
  paragraphs.push(`${opening} ${end}`);
  const who =
    facts.usersAffected === null
      ? 'The number of affected users is not stated.'
      : `Users affected: ${formatUsers(facts.usersAffected)}.`;
  const services = facts.services.length ? ` Affected services: ${facts.services.join('; ')}.` : '';
  const peak = peakErrorRate(facts);
  const worst = peak
    ? /of (?:all )?(?:requests|calls|queries)/i.test(peak.context)
      ? ` At the worst point ${peak.value} of requests were failing ("${peak.context}").`
      : ` The highest error rate reported was ${peak.value} ("${peak.context}").`
    : '';
  paragraphs.push(`${who}${services}${worst}`);
  const response: string[] = [];
  response.push(
    facts.detected
      ? `The first alert or report came at ${formatTime(facts.detected, facts)}, ${formatMinutes(facts.timeToDetectMinutes)} after impact began.`
      : 'The timeline does not record when the problem was detected.',
  );
  if (facts.identified)
    response.push(`The cause was identified at ${formatTime(facts.identified, facts)}.`);
  if (facts.mitigated)
    response.push(
      `Mitigation took effect at ${formatTime(facts.mitigated, facts)}, ${formatMinutes(facts.timeToMitigateMinutes)} after the start.`,
    );
  paragraphs.push(response.join(' '));
  return section(paragraphs);
}

function impact(facts: Facts): Section {
  const bullets = [
    `Duration: ${formatMinutes(facts.durationMinutes)}${facts.start && facts.resolved ? ` (${formatTime(facts.start, facts)} to ${formatTime(facts.resolved, facts)})` : ''}`,
  ];
  bullets.push(`Users affected: ${formatUsers(facts.usersAffected)}`);
  if (facts.services.length) bullets.push(`Services: ${facts.services.join('; ')}`);
  const seen = new Set<string>();
  for (const figure of facts.impact) {
    if (seen.has(figure.context) || figure.kind === 'users') continue;
    seen.add(figure.context);
    bullets.push(figure.context);
    if (seen.size >= 8) break;
  }
  return section([], bullets);
}

function rootCause(facts: Facts): Section {
  const identified = facts.events.filter((event) => event.kind === 'identify');
  const causeSentences = facts.notes
    .flatMap((note) => note.markdown.split(/(?<=[.!?])\s+/))
    .filter((sentence) =>
      /\b(cause|because|bug|due to|trigger\w*|latent|misconfig\w*|missing|leak\w*|broke|didn'?t|did not|failed to)\b/i.test(
        sentence,
      ),
    )
    .slice(0, 4);
  if (identified.length === 0 && causeSentences.length === 0) {
    return section([
      'The timeline does not state a root cause. Add a "## Root cause" section to the incident file once it is known.',
    ]);
  }
  const paragraphs = identified
    .slice(0, 3)
    .map((event) => `At ${formatTime(event.time, facts)}: ${sentenceCase(event.text)}`);
  if (causeSentences.length)
    paragraphs.push(`From the incident notes: ${causeSentences.map(sentenceCase).join(' ')}`);
  return section(paragraphs);
}

function mitigations(facts: Facts): Section {
  const actions = facts.events.filter(
    (event) => event.kind === 'mitigate' || event.kind === 'recover' || event.kind === 'resolve',
  );
  if (actions.length === 0) return section(['The timeline does not record a mitigating action.']);
  return section(
    [],
    actions
      .slice(0, 12)
      .map(
        (event) =>
          `${event.time ? formatTime(event.time, facts) : (event.timeLabel ?? 'Untimed')}: ${sentenceCase(event.text)}`,
      ),
  );
}

function messageToUsers(facts: Facts): Section {
  const window =
    facts.start && (facts.resolved ?? facts.mitigated)
      ? `between ${formatTime(facts.start, facts, true)} and ${formatTime(facts.resolved ?? facts.mitigated, facts, true)}`
      : `on ${formatDate(facts.date)}`;
  const paragraphs = [
    `${window.charAt(0).toUpperCase()}${window.slice(1)}, some of you were affected by an incident: ${sentenceCase(facts.title)}`,
  ];
  paragraphs.push(
    facts.resolved
      ? 'The incident is resolved.'
      : 'We are still confirming full recovery and will update this page.',
  );
  paragraphs.push(
    'This postmortem explains what happened, why, and what we are changing so it does not happen again. We are sorry for the disruption this caused.',
  );
  return section(paragraphs);
}

export function truncateTitle(title: string, max = 80): string {
  const chars = Array.from(title.replace(/\s+/g, ' ').trim());
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

function hnPost(facts: Facts, document: PostmortemBody): Postmortem['hnPost'] {
  const lines = [
    ...document.summary.paragraphs,
    '',
    'Root cause:',
    ...document.rootCause.paragraphs,
    ...document.rootCause.bullets.map((b) => `- ${b}`),
    '',
    'What we are changing:',
    ...document.actionItems
      .filter((item) => item.priority === 'HIGH')
      .map((item) => `- ${item.text}`),
  ];
  return {
    title: truncateTitle(`Postmortem: ${facts.title}`),
    body: lines.join('\n').trim(),
    origin: 'builtin',
  };
}

function twitterThread(facts: Facts, document: PostmortemBody): Postmortem['twitterThread'] {
  const paragraphs = [
    `Postmortem for our ${formatDate(facts.date)} incident: ${sentenceCase(facts.title)} Duration: ${formatMinutes(facts.durationMinutes)}. Users affected: ${formatUsers(facts.usersAffected)}.`,
    ...document.rootCause.paragraphs.slice(0, 2),
    ...document.rootCause.bullets.slice(0, 2),
    ...document.actionItems
      .filter((item) => item.priority === 'HIGH')
      .map((item) => `We will: ${item.text}`),
  ];
  return { tweets: splitThread(paragraphs, facts.language ?? undefined), origin: 'builtin' };
}

export function writeBuiltin(facts: Facts): Postmortem {
  const body = {
    title: facts.title,
    summary: summary(facts),
    impact: impact(facts),
    rootCause: rootCause(facts),
    mitigations: mitigations(facts),
    actionItems: deriveActionItems(facts),
    messageToUsers: messageToUsers(facts),
  };
  const merged = withHumanSections(body, facts);
  return { ...merged, hnPost: hnPost(facts, merged), twitterThread: twitterThread(facts, merged) };
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
