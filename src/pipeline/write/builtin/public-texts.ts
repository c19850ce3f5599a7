/**
 * The HN post and the thread, written from the postmortem sections and the reading. They open
 * with what users saw (the message to users), then the cause, the fix and what changes; they
 * carry no author instruction, no "unknown", no empty heading, no citation in brackets, and
 * every sentence fits in one tweet, so a splitter never has to cut one in two.
 */
import type { PostmortemBody } from '../human-sections-win.js';
import { formatTime } from '../../format/format-figures.js';
import { splitThread } from '../split-tweets.js';
import type { Reading } from './read-incident.js';
import { endState } from './end-state.js';
import { asSentence, isNoise, isPublicSafe, splitSentences } from './sentences.js';
import { fittingTitle } from '../../format/titles.js';
import { peopleIn, taggedUnrelated, withoutPeople } from './public-line.js';
import { continued, publicSentence, publicTitle, titleInSentence } from './public-sentence.js';
import { withoutCauseLabel } from './cause.js';
import { withoutArtefacts } from './source-artefacts.js';

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

/**
 * A line that is the team's own machinery, not a moment a reader outside follows: a chat bot's
 * "!log", a numbered machine ("kubernetes1001", "mw1312"), a host's CPU or memory.
 */
const INTERNAL_MOMENT =
  /^\W*!log\b|\b[a-z][a-z-]*\d{3,}[a-z]?\b(?![-.]\d)|\b(?:cpu|memory|iowait|heap|load average)\b\s*(?:at\s+|of\s+)?\d|\bHOST DOWN\b/i;

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
  const failed = new Set(reading.response.steps.filter((s) => s.failed).map((s) => s.event));
  const partial = new Set(reading.response.steps.filter((s) => s.partial).map((s) => s.event));
  const people = peopleIn(facts);
  const said = (e: (typeof events)[number]) =>
    publicSentence(withoutPeople(e.text, people), e.kind);
  return events
    .filter(
      (e) =>
        isPublicSafe(e.text) &&
        !isNoise(e.text) &&
        !INTERNAL_MOMENT.test(e.text) &&
        !taggedUnrelated(e.text),
    )
    .flatMap((e) => {
      const sentence = said(e);
      return sentence && !isNoise(sentence) ? [{ e, sentence }] : [];
    })
    .slice(0, 10)
    .map(
      ({ e, sentence }) =>
        `- ${formatTime(e.time, facts)}: ${sentence}${failed.has(e) ? ' (this attempt failed)' : partial.has(e) ? ' (partial recovery)' : ''}`,
    );
}

function changes(document: PostmortemBody): string[] {
  return (
    document.actionItems
      .filter((item) => isPublicSafe(item.text))
      // "DB-2231 - fix the election bug (owner: @sam)": the tracker's key and owner are the team's.
      .flatMap((item) => {
        const text = withoutArtefacts(item.text, true);
        const told = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
        return text ? [`- ${told}${item.status === 'done' ? ' (done)' : ''}`] : [];
      })
  );
}

/** What users saw, what happened to their data or what they must do, and where it stands. */
interface Opening {
  lead: string;
  /** Exposure, loss or what users must do, when the input says so; '' otherwise. */
  data: string;
  /** Where it stands at the end (end-state.ts): fixed, watched, still hitting some, open. */
  state: string;
}

/**
 * The opening of the message to users: its first paragraph (what users saw), the one that says
 * what was exposed or lost or what users must do, when the input says so (a post that leaves it
 * out would mislead), and the one that says where it stands.
 */
function opening(document: PostmortemBody, reading?: Reading): Opening {
  if (document.summary.origin === 'human') {
    const [lead = '', state = ''] = sectionText(document.summary).slice(0, 2);
    return { lead, data: '', state };
  }
  const [lead = '', ...rest] = document.messageToUsers.paragraphs.map(publicParagraph);
  const told = [reading?.dataExposed, reading?.dataLost, reading?.userAction].flatMap((quote) =>
    quote ? [publicParagraph(quote.text).slice(1, 40).toLowerCase()] : [],
  );
  const data =
    rest.find((paragraph) => told.some((needle) => paragraph.toLowerCase().includes(needle))) ?? '';
  const state = rest.find((paragraph) => paragraph && paragraph !== data) ?? '';
  return { lead, data, state };
}

/** The cause as sentences, without the writer's "(marco, 10:18 PDT)" citations. */
function causeSentences(document: PostmortemBody, reading: Reading): string[] {
  if (document.rootCause.origin !== 'builtin')
    return [...document.rootCause.paragraphs, ...document.rootCause.bullets]
      .map(publicParagraph)
      .filter(Boolean);
  return (
    (reading.rootCause?.quotes ?? [])
      // Under "Root cause:" the input's own label ("Root cause confirmed:") would say it twice.
      .map((quote) => publicParagraph(publicSentence(withoutCauseLabel(quote.text)) ?? ''))
      .filter(Boolean)
  );
}

/**
 * The fix and the recovery, from the summary's own sentences. While the incident is open a step
 * is told as a step ("At 06:40 UTC: raised the pool"), not as the mitigation.
 */
function fixSentences(document: PostmortemBody, reading: Reading): string[] {
  // A reopened incident, or one that still hits some users at the end, was not back to normal,
  // whatever the summary says of the first recovery (end-state.ts).
  const told = fixedSentences(document).filter(
    (s) => !(ongoing(reading) && /^Service was back/.test(s)),
  );
  // Mitigated and watched: it recovered, but nobody has said it is over.
  if (endState(reading).kind === 'watching')
    return told.map((s) =>
      s.replace(
        /^Service was back to normal at (.+?)\.$/,
        'Service recovered at $1; we are watching that it holds.',
      ),
    );
  return ongoing(reading)
    ? told.map((s) =>
        s.replace(
          /^We mitigated it at (.+?): (\S)/,
          (_, at: string, first: string) => `At ${at}: ${first}`,
        ),
      )
    : told;
}

function fixedSentences(document: PostmortemBody): string[] {
  const told = document.summary.paragraphs
    .flatMap((p) => splitSentences(p))
    // "the steps are listed under Response and recovery": a section the public text does not have.
    .filter(
      (s) =>
        // "We first rolled back ..., which did not help.": what was tried before the fix.
        /^We mitigated|^Service was back|^We first .*did not help|^An earlier attempt did not help/.test(
          s,
        ) &&
        !/\blisted under\b/.test(s) &&
        isPublicSafe(s),
    );
  if (told.some((s) => s.startsWith('We mitigated'))) return told;
  // "How we fixed it" must say what was done: the steps that helped, else nothing at all.
  const steps = document.response.bullets.filter(
    (b) =>
      /^.{4,30}?: /.test(b) &&
      !/: (?:Failed attempt|Partial recovery|Recovery|Resolved):/.test(b) &&
      isPublicSafe(b),
  );
  // "10:27 UTC: disabled that config, INC-4412" reads "10:27 UTC: We disabled that config.".
  const said = steps.slice(-3).flatMap((step) => {
    const [, at = '', what = step] = /^(.{4,30}?): (.*)$/s.exec(step) ?? [];
    const sentence = publicSentence(what);
    return sentence ? [at ? `${at}: ${sentence}` : sentence] : [];
  });
  return said.length ? [...said, ...told] : [];
}

/** The writer's citations ("(incident notes)", "(marco, 10:18 PDT)"): for the team, not the public. */
const CITATION = /\s*\((?:incident notes|timeline, [^()]*|[^()]{1,40}, \d{1,2}:\d{2}[^()]*)\)/g;

/**
 * A public text as published: no citation, no person the input names (a blameless post says
 * "an engineer"), and each sentence once ("No data loss. No data loss." said twice reads as a
 * paste). Line breaks and list markers stay.
 */
export function published(text: string, people: readonly string[]): string {
  const seen = new Set<string>();
  return (
    withoutPeople(text.replace(CITATION, ''), people)
      .split('\n')
      .map((line) => {
        const [, marker = '', rest = line] = /^(\s*-\s+)?(.*)$/s.exec(line) ?? [];
        const kept = rest.split(/(?<=[.!?])\s+(?=["“]?[A-Z0-9])/).filter((sentence) => {
          const key = sentence.trim().toLowerCase();
          if (key.length < 12) return true;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        return kept.length ? `${marker}${kept.join(' ')}` : '';
      })
      // A heading whose every sentence was said above ("Root cause:" then nothing) goes with them.
      .reduce(withoutEmptyHeadings, [])
      .filter((line, i, all) => line || all[i - 1])
      .join('\n')
  );
}

/**
 * Lines folded so a heading is followed by what it heads: a blank line left where a sentence
 * said above was dropped goes, and a heading with nothing under it ("Root cause:" then the next
 * heading or the end) goes with it.
 */
function withoutEmptyHeadings(
  kept: string[],
  line: string,
  index: number,
  all: readonly string[],
): string[] {
  const last = kept.at(-1);
  const afterHeading = last !== undefined && HEADING.test(last);
  if (!line.trim() && afterHeading) return index === all.length - 1 ? kept.slice(0, -1) : kept;
  if (HEADING.test(line) && afterHeading) kept.pop();
  if (HEADING.test(line) && index === all.length - 1) return kept;
  kept.push(line);
  return kept;
}
/** A public text's heading on its own line: "Root cause:", "How we fixed it:". */
const HEADING = /^[A-Z][\w ']{2,40}:$/;

/**
 * Whether the incident is still open: no resolution and a status that does not say it ended.
 * An open one is an incident update, not a postmortem, and nothing is "fixed" yet.
 */
function ongoing(reading: Reading): boolean {
  const { kind } = endState(reading);
  return kind === 'open' || kind === 'degraded';
}

export function writeHnPost(
  document: PostmortemBody,
  reading: Reading,
): { title: string; body: string } {
  const cause = causeSentences(document, reading);
  const known =
    cause.length > 0 && (reading.rootCause !== null || document.rootCause.origin !== 'builtin');
  const { lead, data, state } = opening(document, reading);
  const lines = [
    ...[lead, data, state].filter(Boolean).flatMap((p) => [p, '']),
    ...block('What happened:', keyMoments(reading)),
    ...block(
      'Root cause:',
      known
        ? cause
        : [
            'We are still investigating the root cause and will post a follow-up when we know more.',
          ],
    ),
    ...block(
      ongoing(reading) ? 'What we have done so far:' : 'How we fixed it:',
      fixSentences(document, reading),
    ),
    ...block('What we are changing:', changes(document)),
  ];
  const people = peopleIn(reading.facts);
  return {
    title: fittingTitle(
      ongoing(reading) ? 'Incident update' : 'Postmortem',
      withoutPeople(publicTitle(reading.facts.title, reading.facts.date), people),
    ),
    body: published(lines.join('\n'), people).trim(),
  };
}

/** Sentences short enough for one tweet each, and safe to publish. */
function tweetable(text: string): string[] {
  return splitSentences(text).filter((s) => isPublicSafe(s) && s.length <= TWEET_SENTENCE);
}

/**
 * The thread: what broke, for whom, why, how it was fixed, what changes, an apology, split into
 * numbered tweets of at most 280 weighted characters (split-tweets.ts). `withheld` takes out
 * what must stay internal (private addresses, key IDs, what the input says not to publish)
 * before the split.
 */
export function writeThread(
  document: PostmortemBody,
  reading: Reading,
  withheld: (text: string) => string = (text) => text,
): string[] {
  const { facts } = reading;
  const opened = opening(document, reading);
  const first = tweetable(opened.lead);
  const lost = tweetable(opened.data).join(' ');
  // A human summary's second paragraph is its story, not where it stands: the HN post has room.
  const stands = document.summary.origin === 'human' ? '' : tweetable(opened.state).join(' ');
  const summary = document.summary.paragraphs.flatMap(tweetable);
  const headline =
    first[0] ??
    summary[0] ??
    asSentence(
      `Postmortem for our ${facts.date} incident: ${titleInSentence(facts.title, facts.date)}`,
    );
  const people = peopleIn(facts);
  // Before "What caused it: " lower-cases its first word, which may be a name.
  const causeText = causeSentences(document, reading)
    .map((sentence) => withoutPeople(sentence, people))
    .flatMap(tweetable);
  const known = reading.rootCause !== null || document.rootCause.origin !== 'builtin';
  const cause = known
    ? causeText.length
      ? [`What caused it: ${continued(causeText[0] ?? '')}`]
      : ['We found the root cause; the postmortem explains it.']
    : ['We are still investigating the root cause and will post a follow-up.'];
  const fix = fixSentences(document, reading).flatMap(tweetable);
  const items = document.actionItems
    .map((item) => withoutArtefacts(item.text, true))
    .filter(Boolean)
    .map(asSentence)
    .filter((text) => isPublicSafe(text) && text.length <= TWEET_SENTENCE)
    .slice(0, 5);
  // The thread names the incident first: a reader scrolling past sees which one it is.
  const named = asSentence(
    `${ongoing(reading) ? 'Incident update' : 'Postmortem'}: ${publicTitle(facts.title, facts.date).replace(/[.!]+$/, '')}`,
  );
  // "Service was back to normal at 09:05 UTC." alone is no tweet: it closes the one before.
  const recoveryOnly = fix.length === 1 && /^Service (?:was back|recovered)/.test(fix[0] ?? '');
  // Where it stands closes the first tweet, or follows what users must hear about their data.
  // The lead's second sentence (the scope: "Readers unaffected.") stays in the first tweet.
  const leadRest = first.slice(1, 2);
  const own = lost !== '' || leadRest.length > 0;
  const paragraphs = [
    [named, headline, ...leadRest, ...(own ? [] : [stands])].join(' '),
    lost,
    own ? stands : '',
    [...cause, ...(recoveryOnly ? fix : [])].join(' '),
    recoveryOnly ? '' : fix.join(' '),
    items.length ? `What we are changing: ${items.join(' ')}` : '',
    'We are sorry for the disruption.',
  ];
  return splitThread(
    // What must stay internal is taken out before the split, so a replacement ("an internal
    // address" for an IP) can never push a tweet past its length.
    paragraphs.map((paragraph) => withheld(published(paragraph, people))).filter(Boolean),
    facts.language ?? undefined,
  );
}
