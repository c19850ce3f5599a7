/**
 * Trigger and root cause, chosen from the timeline lines and the notes by the cause cues. The
 * trigger is the change or event that set the incident off; the root cause is why it could.
 */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import { rulesOutAChange } from '../../analyze/read-line.js';
import { CAUSE_CUES, CAUSE_THRESHOLD, TRIGGER_THRESHOLD } from '../cues/cause-cues.js';
import { scoreOf, scoreText } from '../cues/cue.js';
import { FOLLOW_UP_CUES, FOLLOW_UP_THRESHOLD } from '../cues/follow-up-cues.js';
import { recordsAlert, REPORTED } from './detection.js';
import { isAction } from './response.js';
import { eventQuotes, isNoise, noteQuotes, type Quote } from './sentences.js';

export interface RootCause {
  /** The sentences that state the cause, best first, at most two. */
  quotes: Quote[];
}

/** A plan ("we should fix the bug") names a cause but is a follow-up, not a statement of it. */
const isPlan = (text: string) =>
  FOLLOW_UP_LABEL.test(text) ||
  (!TOLD_AFTER.test(text) && scoreOf(text, FOLLOW_UP_CUES, 'follow-up') >= FOLLOW_UP_THRESHOLD);
/**
 * "Follow-ups: ...; component-level status page instead of green/yellow/red": a list of what to
 * change next, whatever cause words its items use.
 */
const FOLLOW_UP_LABEL =
  /^\W*(?:follow[\s-]*ups?|action items?|next steps?|todos?|ais?|to ?do|remediations?)\s*:/i;
/** "later traced to ...", "later found that ...": what was found afterwards, not a plan for later. */
const TOLD_AFTER =
  /^\W*(?:later|afterwards|eventually),?\s+(?:\w+\s+)?(?:traced|found|confirmed|determined|identified|turned out|shown|proved)\b/i;

const WORD = /[a-z][a-z0-9-]{3,}/g;
const COMMON = new Set(
  'that this with from have were what when into then than them they their there about after before because should would could back again still'.split(
    ' ',
  ),
);
const words = (text: string) =>
  new Set((text.toLowerCase().match(WORD) ?? []).filter((word) => !COMMON.has(word)));

/**
 * How clearly a sentence states the cause: its cue weight, plus who said it and when. A line
 * the analysis read as "identified" is where responders said what they found; a cause that
 * names what the fix then changed ("the regex backtracks" before "disabled the regex rule") is
 * confirmed by the recovery.
 */
function causeScore(quote: Quote, fix: string | null): number {
  const base = scoreOf(quote.text, CAUSE_CUES, 'cause');
  if (base <= 0) return base;
  const identified = quote.event?.kind === 'identify' ? 1 : 0;
  // Prose in the notes is written after the fact, when the cause is settled; a timeline line is
  // what someone thought at the time. On equal cue weight the notes win.
  const written = quote.event === null && base >= CAUSE_THRESHOLD ? 1 : 0;
  return base + identified + written + confirmation(quote, fix);
}

/** 1 when the sentence names something the fix changed, else 0. */
function confirmation(quote: Quote, fix: string | null): number {
  if (!fix || scoreOf(quote.text, CAUSE_CUES, 'cause') <= 0) return 0;
  // The fix's own words ("truncating the tables that stopped the vacuum, so the db ...") say
  // what was done, and cannot confirm themselves as the cause.
  if (fix.includes(quote.text) || quote.text.includes(fix)) return 0;
  const fixWords = words(fix);
  return [...words(quote.text)].some((word) => fixWords.has(word)) ? 1 : 0;
}

/**
 * A sentence and, when it has several, its clauses: "the drive issue is a known firmware bug -
 * rolling the update across the fleet" states the cause in its first clause only. On equal
 * scores the whole sentence wins, for its context.
 */
function withClauses(quote: Quote): Quote[] {
  const clauses = quote.text.split(/;\s+|\s+[-–—]\s+/).filter((c) => c.trim().length >= 20);
  if (clauses.length < 2) return [quote];
  const parts = clauses.map((text) => ({ ...quote, text }));
  // "UTF-8 problem traced to the shipper input; collectors restarted with that input off": what
  // was done next is no part of the cause, so the whole line is not offered.
  return clauses.slice(1).some(isAction) ? parts : [quote, ...parts];
}

/**
 * The sentences that state the root cause, or null when none scores CAUSE_THRESHOLD: then the
 * writer says the cause is still under investigation.
 */
export function findRootCause(
  facts: Facts,
  fix: string | null = null,
  trigger: TimelineEvent | null = null,
): RootCause | null {
  const { quotes: all, announced } = withoutAnnouncements(
    [...noteQuotes(facts), ...eventQuotes(facts)].map(withoutIdentifiedLabel),
  );
  const pointed = pointedAt(all);
  const triggers = pointedAsTrigger(all);
  const scored = all
    // A follow-ups list is a plan in every clause ("Follow-ups: ...; X instead of Y").
    .filter((quote) => !isPlan(quote.text))
    .flatMap(withClauses)
    .filter(
      (quote) =>
        !isPlan(quote.text) &&
        !isStatusChange(quote.text) &&
        !STATUS_LINE.test(quote.text) &&
        !CAUSE_PENDING.test(quote.text) &&
        !POINTS_AT_TRIGGER.test(quote.text) &&
        // "X. That's the trigger.": X is what set it off, not why it could.
        !triggers.has(key(quote)) &&
        hasCauseContent(quote.text) &&
        // The trigger's line tells what set it off; only a clear statement in it ("the traffic
        // shift is done wrong") is also why.
        !(
          trigger !== null &&
          quote.event === trigger &&
          scoreOf(quote.text, CAUSE_CUES, 'cause') < STATED_IN_THE_TRIGGER
        ),
    )
    .map((quote, order) => ({
      quote,
      order,
      score:
        causeScore(quote, fix) +
        (pointed.has(key(quote)) || announced.has(key(quote)) ? POINTED : 0),
    }))
    // The confirmation by the fix ranks causes; it never makes a sentence a cause on its own.
    .filter((entry) => entry.score - confirmation(entry.quote, fix) >= CAUSE_THRESHOLD);
  if (scored.length === 0) return null;
  const [best, second] = [...scored].sort((a, b) => b.score - a.score || a.order - b.order);
  if (!best) return null;
  // "Root cause found with HashiCorp on the bridge:" announces the cause; the sentences after
  // it, in the same note, state it.
  if (/:\s*$/.test(best.quote.text)) {
    const at = all.findIndex((q) => q.text === best.quote.text && q.line === best.quote.line);
    const told = all
      .slice(at + 1, at + 6)
      .filter(
        (q) =>
          // The same note or line, or the lines a chat export split the list into.
          ((q.line === best.quote.line && q.event === best.quote.event) ||
            (q.event !== null &&
              best.quote.event !== null &&
              q.event.time === best.quote.event.time &&
              q.line > best.quote.line &&
              q.line <= best.quote.line + 6)) &&
          !isPlan(q.text) &&
          (scoreOf(q.text, CAUSE_CUES, 'cause') > 0 || !isAction(q.text)),
      )
      .slice(0, 2);
    if (told.length) return { quotes: told };
  }
  // "X. Y. This is the likely cause.": the sentences pointed at, in the order written.
  if (pointed.has(key(best.quote))) {
    const told = all.filter(
      (q) => pointed.has(key(q)) && q.line === best.quote.line && q.event === best.quote.event,
    );
    const [first] = told;
    if (first) return { quotes: [{ ...first, text: told.map((q) => q.text).join(' ') }] };
  }
  // A second sentence only when it is nearly as clearly a cause: one strong sentence beats two.
  const overlaps =
    second &&
    (best.quote.text.includes(second.quote.text) || second.quote.text.includes(best.quote.text));
  const also =
    second && !overlaps && second.score >= Math.max(CAUSE_THRESHOLD + 1, best.score - 1)
      ? [second]
      : [];
  const quotes = [best, ...also].map((entry) => inContext(entry.quote));
  // A clause quoted in its line's context may now be inside the other quote.
  return {
    quotes: quotes.filter(
      (quote, index) =>
        !quotes.some(
          (other, at) =>
            at !== index &&
            other.text.includes(quote.text) &&
            (other.text.length > quote.text.length || at < index),
        ),
    ),
  };
}

/** The cue weight a sentence of the trigger's own line needs to be the root cause too. */
const STATED_IN_THE_TRIGGER = 3;

/**
 * A responder's announcement that carries no cause of its own: "found it", "got it", "ack",
 * "+1", "confirmed". Group 1 is what follows it in the same sentence ("found it: X" states X).
 */
const ANNOUNCEMENT =
  /^\W*(?:(?:i |we )?found (?:it|the (?:problem|issue|bug|cause))|got it|figured it out|(?:root )?cause (?:found|identified|isolated|located|narrowed down|confirmed)|ack(?:ed|nowledged)?|\+1|confirmed|ok(?:ay)?|yep|yes|agreed|on it)\b\s*(?:[.!:,;\-–—]+\s*|$)(.*)$/i;
/** An announcement that the cause is found, after which the same person states it. */
const FOUND =
  /^\W*(?:(?:i |we )?found (?:it|the (?:problem|issue|bug|cause))|got it|figured it out|(?:root )?cause (?:found|identified|isolated|located|narrowed down|confirmed))\b/i;

/**
 * The quotes with their announcements taken off ("found it: X" becomes X) and the keys of the
 * quotes an announcement points at: X after "found it:", and after a bare "found it." the next
 * sentence of the same line or the same person's next message. A bare announcement is left
 * as it was: hasCauseContent keeps it out.
 */
function withoutAnnouncements(quotes: readonly Quote[]): {
  quotes: Quote[];
  announced: Set<string>;
} {
  const announced = new Set<string>();
  const out = quotes.map((quote) => {
    const match = ANNOUNCEMENT.exec(quote.text);
    const rest = match?.[1]?.trim() ?? '';
    if (!match || !hasCauseContent(rest)) return quote;
    const stripped = { ...quote, text: rest.charAt(0).toUpperCase() + rest.slice(1) };
    // "Cause isolated; that configuration disabled": an action after a semicolon is what they
    // did about it; "Found it: the allocator moved all primaries" tells what they found.
    const nextStep =
      /;\s*$/.test(quote.text.slice(0, quote.text.length - rest.length)) && isAction(rest);
    if (FOUND.test(quote.text) && !nextStep) announced.add(key(stripped));
    return stripped;
  });
  out.forEach((quote, index) => {
    // A "Root cause" heading (or "Ursache:" on a line of its own): the next sentence of the same
    // note states it.
    if (CAUSE_HEADING.test(quote.text)) {
      const next = out[index + 1];
      if (next && next.line === quote.line && next.event === quote.event) announced.add(key(next));
      return;
    }
    if (!FOUND.test(quote.text) || hasCauseContent(quote.text.replace(ANNOUNCEMENT, '$1'))) return;
    const actor = quote.event?.actor ?? null;
    const next = out
      .slice(index + 1, index + 4)
      .find(
        (after) =>
          (after.event === quote.event && after.line === quote.line) ||
          (after.event !== null && actor !== null && after.event.actor === actor),
      );
    if (next) announced.add(key(next));
  });
  return { quotes: out, announced };
}

/** A heading that names the cause and says nothing else: "Root cause", "Why it happened:", "Ursache". */
const CAUSE_HEADING =
  /^\W*(?:the )?(?:root[\s-]*causes?(?: analysis)?|causes?|rca|why (?:it|this) (?:broke|happened)|what caused (?:it|this)|(?:grund)?ursache|cause racine|causa ra[ií]z|(?:hoofd)?oorzaak)\W*$/i;

/** A sentence with fewer than three words beside an announcement ("Found it.", "Ack.") states no cause. */
function hasCauseContent(text: string): boolean {
  const rest = ANNOUNCEMENT.exec(text)?.[1] ?? text;
  return (rest.match(/[a-z][a-z0-9'-]+/gi) ?? []).length >= 3;
}

/**
 * "Our engineers will keep working with the storage team on the root cause", "RCA to follow",
 * "keeping the bridge open for root cause":
 * a promise to find the cause names none, though it says "root cause".
 */
const CAUSE_PENDING =
  /\b(?:will|'ll|going to|to|plan to|need to)\s+(?:\w+\s+){0,8}?(?:on|into|for|at|find|determine|identify|investigate|understand|confirm|correct|fix|address|resolve)\s+(?:the\s+|a\s+)?(?:root[\s-]*causes?|rca)\b|\b(?:investigat\w*|look\w* into|dig\w* into|work\w* on|determin\w*|still (?:finding|looking for))\s+(?:the\s+)?(?:root[\s-]*causes?|rca)\b|\b(?:root[\s-]*cause(?: analysis)?|rca|postmortem)\s+(?:to follow|will follow|pending|is pending|tbd|to come|coming)\b|\b(?:open|stay\w*|remain\w*|continu\w*|keep\w*|hold\w*)\s+(?:\w+\s+){0,3}?for (?:the\s+)?(?:root[\s-]*causes?|rca)\b/i;

/**
 * A status page's "Identified - A storage node ran out of inodes": the post where the provider
 * states what it found, told without the status word.
 */
function withoutIdentifiedLabel(quote: Quote): Quote {
  const text = quote.text.replace(/^\W*identified\s+[-–—:]\s+(?=\w)/i, '');
  return text === quote.text ? quote : { ...quote, text };
}

/** The keys of the sentences a "That's the trigger." right after them, in the same line, points at. */
function pointedAsTrigger(quotes: readonly Quote[]): Set<string> {
  const found = new Set<string>();
  quotes.forEach((quote, index) => {
    const before = quotes[index - 1];
    if (POINTS_AT_TRIGGER.test(quote.text) && before && before.line === quote.line)
      found.add(key(before));
  });
  return found;
}

/**
 * "That's the trigger.", "This was the trigger.": a sentence that points back at the one before
 * it as what set the incident off. It is no cause, and the sentence it points at is the trigger.
 */
export const POINTS_AT_TRIGGER =
  /^\W*(?:that|this|which|it)(?:'s| is| was)\s+(?:the|our|what)\s+(?:(?:actual|immediate|initial|real)\s+)?(?:trigger|set (?:it|this|the incident) off)\W*$/i;

/** "The /24 leak is still up": where things stand, never why they broke. */
const STATUS_LINE =
  /\bstill (?:up|active|down|ongoing|going on|happening|there|leaking|spreading|degraded|elevated|failing|erroring|seeing|slow|broken|in progress)\b/i;

/** "This is the likely cause.": a sentence that points back at the ones before it. */
const POINTS_BACK =
  /^\W*(?:this|that|which|these|those) (?:is|was|are|were|looks like|seems to be) (?:the |our )?(?:likely |probable |most likely |root )?causes?\W*$/i;
/** What a sentence a responder pointed at as the cause weighs: as much as "caused by". */
const POINTED = 3;
const key = (quote: Quote) => `${quote.line}\u0000${quote.text}`;

/**
 * The sentences a "This is the likely cause." points at: up to two before it, in the same
 * note or timeline line.
 */
function pointedAt(quotes: readonly Quote[]): Set<string> {
  const found = new Set<string>();
  quotes.forEach((quote, index) => {
    if (!POINTS_BACK.test(quote.text)) return;
    for (const before of quotes.slice(Math.max(0, index - 2), index))
      if (before.line === quote.line && before.event === quote.event) found.add(key(before));
  });
  return found;
}

/**
 * A sentence from the middle of a timeline line ("Runs it on db1 instead of db2.") leans on the
 * sentence before it for its subject: the whole line is quoted when it is short enough.
 */
function inContext(quote: Quote): Quote {
  const line = quote.event?.text
    .replace(/\s+/g, ' ')
    .replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, '')
    .trim();
  // "... on their side. and our proxy doesn't fall back": the conjunction, not the context, goes.
  const joined = /^(?:and|but|also|plus)\s+(?=(?:the|a|an|our|its|their|we|this|that)\s)/i.exec(
    quote.text,
  );
  if (joined) return { ...quote, text: quote.text.slice(joined[0].length) };
  // "so 4 pods was already under capacity": a conclusion, told without its "so".
  const concluded = /^so,?\s+(?=(?:\S+\s+){1,3}(?:was|were|is|are|had|has)\b)/i.exec(quote.text);
  if (concluded) {
    const rest = quote.text.slice(concluded[0].length);
    return { ...quote, text: rest.charAt(0).toUpperCase() + rest.slice(1) };
  }
  if (!line || line.startsWith(quote.text) || line.length > 300) return quote;
  // "found it: X" was quoted as X: the line would bring the announcement back.
  if (ANNOUNCEMENT.test(line)) return quote;
  // Only a sentence without a subject of its own ("Runs it on db1 instead of db2.", "This
  // breaks ...") needs its line: "Cache servers running out of memory" after "Scope understood,
  // engineers looking for mitigations." names its own, and the status update is not the cause.
  if (!NEEDS_SUBJECT.test(quote.text)) return quote;
  return { ...quote, text: line };
}

/** A sentence that opens with a pronoun or a bare verb ("Runs it on ...") and leans on the one before. */
const NEEDS_SUBJECT =
  /^\W*(?:(?:it|this|that|they|these|those|which|then|so|he|she)\b|[a-z]+s\s+(?:it|them|the|a|an|its|their|our|on|in|into|out|up|every|all)\b)/i;

/**
 * Before impact nobody is mitigating: a tool that disabled a service or someone who removed a
 * route made the change that set it off, so undoing-words do not count against a trigger there.
 */
const BEFORE_IMPACT_CUES = CAUSE_CUES.filter((cue) => cue.id !== 'undone-change');

/** "Status change Investigating -> Fixing": the tool's record of a state, never a cause or trigger. */
export const isStatusChange = (text: string): boolean =>
  /^\W*(?:status (?:change|changed|update)|incident status|status ?page\b\s*[—–:-])|^\W*(?:investigating|identified|monitoring|update|resolved)\s+[-–—]\s+\w|^\W*(?:investigating|identified|monitoring|fixing|resolved)\s*(?:->|→|to)\s*\w+/i.test(
    text,
  );

/**
 * The event that set the incident off: the latest change or outside event at or before the
 * first sign of impact (or detection, when the start is not known). Null when none scores.
 */
export function findTrigger(facts: Facts): TimelineEvent | null {
  // The first report or alert bounds it too: a line after it is the response, not the trigger
  // ("confirmed, cert expired" at 06:24 after the 06:20 customer ticket).
  const isSignal = (event: TimelineEvent) =>
    event.kind === 'report' || REPORTED.test(event.text) || recordsAlert(event);
  const signal = facts.events.find((event) => event.time !== null && isSignal(event));
  const limit =
    [facts.start ?? facts.detected, signal?.time ?? null]
      .filter((time): time is string => time !== null)
      .sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
  const candidates = facts.events.filter(
    (event) =>
      event.time !== null &&
      (limit === null || Date.parse(event.time) <= Date.parse(limit)) &&
      !isStatusChange(event.text) &&
      !isNoise(event.text) &&
      (!isSignal(event) || opensWithTheEvent(event)) &&
      scoreOf(event.text, BEFORE_IMPACT_CUES, 'trigger') >= TRIGGER_THRESHOLD,
  );
  // What set it off comes before the impact it caused: a line at the start ("traffic surge,
  // signup queue backing up") is the trigger only when nothing before it names one ("campaign
  // email went out" at 07:00).
  const start = facts.start ? Date.parse(facts.start) : null;
  const before = candidates.filter(
    (event) => start === null || Date.parse(event.time ?? '') < start,
  );
  // Lines written at the same minute are told in order, the first setting the others off
  // ("an engineer runs the command ..." before "the removed hosts backed two other subsystems").
  const pool = before.length > 0 ? before : candidates;
  const last = pool.at(-1);
  return pool.find((event) => event.time === last?.time) ?? null;
}

/** Words that place a change in time or blame it: "after the 10:00 deploy", "looks like the release". */
const BLAMES_A_CHANGE =
  /\b(?:rolled out|went out|deployed|shipped|released|pushed|merged|applied|upgraded)(?: [\w.-]+){0,2} (?:at|around|~) ?\d{1,2}:\d{2}\b|\bcause\s*[:=]|\btrigger\s*[:=]|\bas the trigger\b|\bon their side\b|\binstead of\b|\b(?:looks like|seems? (?:like|to be)|appears? to be|it'?s|started (?:right )?after|since|after|from|caused by|due to|because(?: of)?|turned out|found it|root cause|rca|blame|culprit|suspect\w*)\b/i;

/**
 * "Why it could happen:", "What let it happen:": a label for why a trigger could do harm, which
 * is the root cause, never the trigger ("Cause: a firmware update broke multipath" can be both).
 */
const REASON_LABEL =
  /^\W*(?:why (?:it|this|that) (?:could|was able to|was allowed to) happen|why (?:it|this|that) was possible|what (?:let|allowed|enabled) (?:it|this|that) (?:to )?happen|how (?:it|this|that) could happen)\s*[:\-–—]/i;

/**
 * The trigger's line as the Trigger section tells it: "X. That's the trigger. Why it could happen:
 * Y" is X; the pointer and the reason after it (the root cause, told in its own section) go. The
 * whole line when nothing of it would be left.
 */
export function triggerText(text: string): string {
  const sentences = text.trim().split(/(?<=[.!?])\s+/);
  const reason = sentences.findIndex(
    (sentence) =>
      POINTS_AT_TRIGGER.test(sentence) ||
      scoreText(sentence, CAUSE_CUES).hits.includes('cause-label'),
  );
  if (reason <= 0) return text;
  return sentences.slice(0, reason).join(' ');
}

/** "We remediated by moving traffic ...": what was done about it, never what set it off. */
export const REMEDIATED =
  /\b(?:remediated|mitigated|worked around|work(?:ing)? around|restored (?:service|delivery|access))\b|\bto (?:mitigate|remediate)\b/i;

/** A guess during the response ("looks like a DDoS?") names no trigger. */
const GUESS = /\?|\b(?:maybe|might|perhaps|possibly|suspect\w*|could be|not sure)\b/i;

/**
 * When no timeline line before the start is the trigger, a responder may still name it
 * mid-incident ("looks like the 10:00 deploy", "the regex from this morning's release"): the
 * first such sentence that names a change and is not itself undoing one. Null when none does.
 */
export function findTriggerMention(facts: Facts): Quote | null {
  const quotes = [...eventQuotes(facts), ...noteQuotes(facts)];
  // "X. That's the trigger.": the responder said which sentence it is.
  const pointed = quotes.find((quote, index) => {
    const next = quotes[index + 1];
    return (
      next !== undefined &&
      POINTS_AT_TRIGGER.test(next.text) &&
      next.line === quote.line &&
      next.event === quote.event &&
      !POINTS_AT_TRIGGER.test(quote.text)
    );
  });
  if (pointed) return pointed;
  return (
    quotes.find(
      (quote) =>
        BLAMES_A_CHANGE.test(quote.text) &&
        // "Why it could happen: ..." is the team's own word for the cause, not the trigger.
        !REASON_LABEL.test(quote.text) &&
        !REMEDIATED.test(quote.text) &&
        !GUESS.test(quote.text) &&
        !rulesOutAChange(quote.text) &&
        !isPlan(quote.text) &&
        // The change must be named in the clause that is quoted: "Culprit narrowed to SlowTimer
        // messages; temporary filter deployed" names no change in its first clause.
        scoreOf(quote.text.split(/;\s+/)[0] ?? '', CAUSE_CUES, 'trigger') >= TRIGGER_THRESHOLD &&
        // "Cache servers restarted with more memory + config change to serve a snapshot from
        // before the bulk update": what responders did, not what set it off.
        !(
          isAction(quote.text.split(/;\s+/)[0] ?? '') &&
          scoreOf(quote.text, CAUSE_CUES, 'cause') <= 0
        ) &&
        !(
          quote.event &&
          facts.start &&
          quote.event.time &&
          Date.parse(quote.event.time) < Date.parse(facts.start)
        ),
    ) ?? null
  );
}

/**
 * A line that tells the event first and the alerts after it ("Brief disruption in the power
 * systems of the primary DC. ... Alerts go to multiple on-call engineers."): its first sentence
 * is the trigger, though the line also records the page.
 */
function opensWithTheEvent(event: TimelineEvent): boolean {
  const [first, ...rest] = event.text.split(/(?<=[.!?])\s+/);
  if (!first || rest.length === 0) return false;
  const plain = { ...event, text: first, kind: 'note' as const, source: null, actor: null };
  return (
    !recordsAlert(plain) &&
    !REPORTED.test(first) &&
    scoreOf(first, BEFORE_IMPACT_CUES, 'trigger') >= TRIGGER_THRESHOLD
  );
}

const SYMPTOM_KINDS: ReadonlySet<string> = new Set(['impact', 'alert', 'report']);

/**
 * The first sign of impact: the line the start milestone came from, unless that line is the
 * trigger itself (a deploy), then the first impact, alert or report after it.
 */
export function firstSymptom(facts: Facts, trigger: TimelineEvent | null): TimelineEvent | null {
  const line = facts.milestones['start']?.line;
  const over = [facts.milestones['mitigated']?.line, facts.milestones['resolved']?.line];
  // A start guessed from the all-clear line ("backlog sent, all clear") is no sign of impact.
  const found = facts.events.find((event) => event.line === line) ?? null;
  const start = found && !over.includes(found.line) && !isNoise(found.text) ? found : null;
  // A report or alert after the trigger and before the analysis's start came first.
  const at = (event: TimelineEvent) => (event.time ? Date.parse(event.time) : NaN);
  const earlier =
    start?.time &&
    facts.events.find(
      (event) =>
        event !== trigger &&
        (event.kind === 'report' || event.kind === 'alert' || REPORTED.test(event.text)) &&
        at(event) < at(start) &&
        !(trigger?.time && at(event) <= at(trigger)),
    );
  if (earlier) return earlier;
  if (start && start !== trigger) return start;
  const from = trigger ? facts.events.indexOf(trigger) : -1;
  // The trigger's own line began the impact ("Bulk update ... IAM starts serving stale
  // permissions"): a later sign counts only before the mitigation; after it, it is a second wave.
  const endOfImpact = facts.mitigated ?? facts.resolved;
  const until = start?.time && endOfImpact ? Date.parse(endOfImpact) : Infinity;
  return (
    facts.events
      .slice(from + 1)
      .find(
        (event) =>
          SYMPTOM_KINDS.has(event.kind) &&
          !over.includes(event.line) &&
          !isNoise(event.text) &&
          !(start?.time && !(at(event) < until)),
      ) ?? start
  );
}

/**
 * A cause told without the label the input gave it: "Root cause: Cause: a kernel update ..." and
 * "Root cause = a DDoS" read "a kernel update ...", "a DDoS". Labels may be stacked.
 */
export function withoutCauseLabel(text: string): string {
  let told = text.trim();
  for (let pass = 0; pass < 3; pass++) {
    const next = told
      .replace(CAUSE_LABEL, '')
      .replace(/^\W*(?:later\s+)?traced (?:back )?to\s+/i, '');
    if (next === told || next.length < 8) break;
    told = next;
  }
  return told;
}
const CAUSE_LABEL =
  /^\W*(?:(?:the |our )?(?:(?:root[\s-]*)?cause|rca|what we know|why it (?:broke|happened)|why (?:it|this|that) (?:could|was able to|was allowed to) happen|why (?:it|this|that) was possible|what (?:let|allowed|enabled) (?:it|this|that) (?:to )?happen|how (?:it|this|that) could happen|(?:(?:initial|immediate)\s+)?trigger)(?:\s+(?:identified|found|confirmed))?(?:\s*\([^()]{0,40}\))?\s*(?:[:=]|[-–—]\s|\b(?:was|is)\b)\s*|(?:this|it|the (?:outage|incident|failure|problem|issue)) (?:happened|occurred|started|broke|failed) (?:because(?: of)?|due to)\s+|(?:it was |this was )?caused by\s+|(?:[\w-]+\s+){0,2}(?:has|have|had)\s+root[\s-]*caused\s+(?:this|the)\s+(?:issue|incident|outage|problem|failure)\s+to\s+|turned out(?: that)?\s+(?=\S+\s+\S+\s+\S)|(?:die )?(?:grund)?ursache(?: laut [\wäöüß\s-]{1,20}?)?\s*[:：]\s*|cause racine\s*:\s*|causa ra[ií]z\s*:\s*|why\s*:\s*)/i;
