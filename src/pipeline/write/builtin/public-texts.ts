/**
 * The HN post and the thread, written from the postmortem sections and the reading. Public
 * texts carry no author instruction, no "unknown", no empty heading, and every sentence fits
 * in one tweet, so a splitter never has to cut one in two.
 */
import type { PostmortemBody } from '../human-sections-win.js';
import { formatTime } from '../format-figures.js';
import { splitThread } from '../split-tweets.js';
import type { Reading } from './read-incident.js';
import { asSentence, isPublicSafe, lowerFirst, splitSentences } from './sentences.js';
import { truncateTitle } from './builtin-writer.js';

/** Longest sentence the thread takes (weighted characters), leaving room for `10/10 `. */
const TWEET_SENTENCE = 250;

/** The paragraph with every sentence that may not be published dropped. */
export function publicParagraph(paragraph: string): string {
  return splitSentences(paragraph).filter(isPublicSafe).join(' ');
}

function sectionText(section: PostmortemBody['summary']): string[] {
  return [...section.paragraphs, ...section.bullets.map((b) => `- ${b}`)]
    .map(publicParagraph)
    .filter(Boolean);
}

/** A block with a label, or nothing when it has no line left: no empty headings. */
function block(label: string, lines: string[]): string[] {
  return lines.length ? [label, ...lines, ''] : [];
}

function keyMoments(reading: Reading): string[] {
  const { facts } = reading;
  const events = [
    reading.trigger,
    reading.symptom,
    reading.detection.event,
    ...reading.response.steps.map((s) => s.event),
    reading.response.mitigated,
    reading.response.resolved,
  ].filter((e, i, all): e is NonNullable<typeof e> => !!e?.time && all.indexOf(e) === i);
  events.sort((a, b) => Date.parse(a.time ?? '') - Date.parse(b.time ?? ''));
  return events
    .filter((e) => isPublicSafe(e.text))
    .slice(0, 10)
    .map((e) => `- ${formatTime(e.time, facts)}: ${e.text.trim()}`);
}

function changes(document: PostmortemBody): string[] {
  return document.actionItems
    .filter((item) => isPublicSafe(item.text))
    .map((item) => `- ${item.text}${item.status === 'done' ? ' (done)' : ''}`);
}

export function writeHnPost(
  document: PostmortemBody,
  reading: Reading,
): { title: string; body: string } {
  const cause = sectionText(document.rootCause);
  const lines = [
    ...sectionText(document.summary).flatMap((p) => [p, '']),
    ...block('What happened:', keyMoments(reading)),
    ...block(
      'Root cause:',
      (cause.length && reading.rootCause !== null) || document.rootCause.origin === 'human'
        ? cause
        : [
            'We are still investigating the root cause and will post a follow-up when we know more.',
          ],
    ),
    ...block('What we are changing:', changes(document)),
  ];
  return {
    title: truncateTitle(`Postmortem: ${reading.facts.title}`),
    body: lines.join('\n').trim(),
  };
}

/** Sentences short enough for one tweet each, and safe to publish. */
function tweetable(text: string): string[] {
  return splitSentences(text).filter((s) => isPublicSafe(s) && s.length <= TWEET_SENTENCE);
}

export function writeThread(document: PostmortemBody, reading: Reading): string[] {
  const { facts } = reading;
  const summary = document.summary.paragraphs.flatMap(tweetable);
  const headline =
    summary[0] ??
    asSentence(`Postmortem for our ${facts.date} incident: ${lowerFirst(facts.title)}`);
  // The built-in cause is quoted without its citation; a human one is taken as written.
  const causeText =
    document.rootCause.origin === 'builtin' && reading.rootCause
      ? reading.rootCause.quotes.flatMap((quote) => tweetable(asSentence(quote.text)))
      : [...document.rootCause.paragraphs, ...document.rootCause.bullets].flatMap(tweetable);
  const cause =
    reading.rootCause || document.rootCause.origin === 'human'
      ? causeText.length
        ? [`What caused it: ${lowerFirst(causeText[0] ?? '')}`]
        : ['We found the root cause; the postmortem explains it.']
      : ['We are still investigating the root cause and will post a follow-up.'];
  const fix = summary.filter((s) => /^We mitigated|^Service was back/.test(s));
  const items = document.actionItems
    .map((item) => asSentence(item.text))
    .filter((text) => isPublicSafe(text) && text.length <= TWEET_SENTENCE)
    .slice(0, 5);
  const paragraphs = [
    [headline, ...summary.slice(1).filter((s) => /^The first sign/.test(s))].join(' '),
    cause.join(' '),
    fix.join(' '),
    items.length ? `What we are changing: ${items.join(' ')}` : '',
    'We are sorry for the disruption.',
  ];
  return splitThread(paragraphs.filter(Boolean), facts.language ?? undefined);
}
