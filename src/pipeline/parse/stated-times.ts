/**
 * Milestone times a person states in words rather than as a line's stamp: "impact began around
 * 6:00 AM", "errors started at 21:52", "late since about 11:30 PM", "Between 03:46 and 04:33 UTC
 * users saw errors", "the outage was resolved at 10:40", and the milestones set in front matter.
 * Parse reads them into instants, so a bad value is a parse diagnostic and analyze only weighs
 * them (it decides whether a stated start beats the first timestamped line).
 */
import { DateTime } from 'luxon';
import type { MilestoneName } from '../../schemas/front-matter.js';
import { error, type Diagnostic } from '../diagnostics.js';
import { findWrittenDate, isStampProblem, readStamp } from './time.js';
import { resolveZone, ZONE_TOKEN_SOURCE } from './zone.js';

/** How firmly the words state it. */
export type StatedStrength =
  /** "impact began at", "the outage was resolved at", front matter: the milestone, named. */
  | 'named'
  /** "since 11:30 PM", "between 03:46 and 04:33": a milestone only if the sentence is about impact. */
  | 'window';

export interface StatedTime {
  milestone: MilestoneName;
  /** UTC instant. */
  time: DateTime;
  line: number;
  /** The sentence that states it (analyze reads it to check it is about impact). */
  text: string;
  strength: StatedStrength;
  /** The words gave a date with the clock (`began at 2019-06-02 11:45`), so no midnight is guessed. */
  dated?: boolean;
  /**
   * `front-matter`, `timeline` (a line's words), `notes`, or `milestones` (an incident tool's
   * milestone summary, `Mitigated at: 10:40`).
   */
  from: 'front-matter' | 'timeline' | 'notes' | 'milestones';
}

const CLOCK = String.raw`(?:\d{4}-\d{2}-\d{2}[ T])?(?:~\s*|approx(?:imately|\.)?\s+|around\s+|about\s+|roughly\s+)?\d{1,2}(?::\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?(?![a-z]))(?:\s*\(?(?:${ZONE_TOKEN_SOURCE})\)?)?`;
/** A day written after a clock time ("23:40 UTC on March 3"): the clock is read on the context's day. */
const ON_DAY = String.raw`(?:,?\s+on\s+(?:[A-Z][a-z]+,?\s+)?(?:[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+)(?:,?\s+\d{4})?)?`;
const NEAR = String.raw`(?:at|around|about|by|near|approximately|roughly|~|sometime around|shortly before|just before|shortly after|just after|right after|soon after|as early as)?\s*`;
/**
 * What can begin: the incident, or a symptom of it ("the decline started at 14:38", "errors began
 * 23:40", "the empty files began at 09:48").
 */
const IMPACT_SUBJECT = String.raw`(?:impact|outage|incident|disruption|degradation|errors?|failures?|problems?|issues?|time-?outs?|5xx|it|delays?|declines?|drops?|dips?|spikes?|surges?|slowdowns?|slowness|latency|lag|backlog|breakage|regression|trouble|loss|p\d{2,3}|cpu|memory|queue(?:[- ]depth)?|error[- ]rate|ooms?|oom-?kills?|crash(?:es|loops?)?|panics?|evictions?|(?:empty|blank|zero-byte|broken|corrupt(?:ed)?|stale|duplicated?|missing|bad|wrong|failed|failing) [\w-]+)`;
/**
 * A failure figure's rise after "started" ("the delay started climbing at 14:48", "p99 began to
 * spike around 3pm"): the onset a graph shows. Falling is left out: "errors started dropping at
 * 10:05" dates the recovery.
 */
const RISING = String.raw`(?:climb(?:ing)?|ris(?:e|ing)|grow(?:ing)?|spik(?:e|ing)|increas(?:e|ing)|creep(?:ing)? up|going up)`;
/**
 * Work that stopped happening, the subject of "since": "the feed hasn't updated since about
 * 13:30", "orders have not synced since 02:00".
 */
const STALLED = String.raw`(?:hasn'?t|has not|haven'?t|have not|not) (?:been )?(?:updat|refresh|load|sync|arriv|deliver|process|mov|chang|publish|import|export)\w*`;
/** What goes wrong with data or work: "first failed transfer", "first mismatched row". */
const BAD_DATA = String.raw`(?:mismatched|failed|failing|bad|corrupt(?:ed)?|wrong|lost|dropped|missing|duplicated?|stuck|rejected|bounced|errored|invalid|delayed|timed[- ]out)\s+[\w-]+`;
/** A symptom verb after "started": "consumers started lagging", "checkout began to fail". */
const SYMPTOM_START = String.raw`(?:started|began|begun|starting)\s+(?:to\s+(?:fail|lag|error|time out|back up|pile up|crash|hang|slow)|lagging|failing|erroring|timing out|throwing|rejecting|refusing|crashing|hanging|backing up|piling up|slowing)`;
/**
 * Not right after a word of recovery: "error rates have been normal since 22:47", "stable since
 * 08:29" date the recovery, not the start (a status page's Resolved post says both).
 */
const NOT_RECOVERED = String.raw`(?<!\b(?:normal|fine|ok|okay|healthy|stable|back|recovered|green|good|operational|nominal|resolved|working|restored|clear|cleared)(?:\s+(?:again|now))?\s+)`;
/** A further window after a stated one: "and again from 21:14 until 22:47", ", 21:14–22:47". */
const LATER_WINDOW = new RegExp(
  String.raw`(?:\band\b|,|;|\bthen\b)\s+(?:again\s+|later\s+|once more\s+)?(?:from\s+|between\s+)?(${CLOCK})\s*(?:-|–|to|until|till|through|and)\s*(${CLOCK})`,
  'gi',
);
const ISSUE_SUBJECT = String.raw`(?:incident|outage|issue|problem|impact|disruption)`;

interface Phrase {
  milestone: MilestoneName;
  strength: StatedStrength;
  pattern: RegExp;
  /** Only in notes: in a timeline line a recovery verb describes the line's own time. */
  notesOnly?: boolean;
}

/**
 * How long the impact lasted, as people write it: `47 minutes`, `2h13m`, `1 hour 5 minutes`,
 * `2-hour`. Named groups: `amount`, `unit`, `extra` (the minutes after hours).
 */
const LASTING = String.raw`(?<amount>\d+(?:[.,]\d+)?)[\s-]*(?<unit>hours?|hrs?|h|minutes?|mins?|m)(?![a-z])(?:\s*(?:and\s*)?(?<extra>\d+)\s*(?:minutes?|mins?|m)\b)?`;

/**
 * A start and how long the impact lasted from it: the end is the start plus the duration ("a
 * 2h13m outage starting 14:05", "checkout was down for 47 minutes from 10:12"). The start is
 * the group `at`; `LASTING` gives the duration.
 */
const LASTED_FROM: readonly Phrase[] = [
  {
    // The outage named with its length: "a 2h13m outage starting 14:05 CDT".
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`${LASTING}[\s-]+(?:long\s+)?(?:${ISSUE_SUBJECT}|degradation|downtime|disruption)\b[^.;]{0,30}?\b(?:starting|beginning|from|that (?:started|began)|which (?:started|began))\s+(?:at\s+|around\s+|about\s+)?(?<at>${CLOCK})`,
      'i',
    ),
  },
  {
    // The start first: "Starting at 10:12, checkout was unavailable for 47 minutes".
    milestone: 'start',
    strength: 'window',
    pattern: new RegExp(
      String.raw`\b(?:starting|beginning|from)\s+(?:at\s+|around\s+|about\s+)?(?<at>${CLOCK}),?\s+[^.;]{0,60}?\bfor\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|nearly\s+|~\s*)?${LASTING}`,
      'i',
    ),
  },
  {
    // A state held for a while from a time: "down for 47 minutes from 10:12" (about impact only
    // if the sentence is).
    milestone: 'start',
    strength: 'window',
    pattern: new RegExp(
      String.raw`\b(?:for|lasted|lasting)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|nearly\s+|~\s*)?${LASTING},?\s+(?:from|starting(?:\s+at)?|beginning(?:\s+at)?)\s+(?:about\s+|around\s+)?(?<at>${CLOCK})`,
      'i',
    ),
  },
];

/** The minutes a `LASTING` match states. */
function lastingMinutes(groups: Record<string, string | undefined>): number {
  const amount = Number((groups.amount ?? '').replace(',', '.'));
  const hours = /^h/i.test(groups.unit ?? '');
  return Math.round((hours ? amount * 60 : amount) + Number(groups.extra ?? 0));
}

/** Each pattern captures the time in group 1 (and, for a window, its end in group 2). */
const PHRASES: readonly Phrase[] = [
  {
    // The impact's window as a field: "Impact: 09:40–10:55 CET", "Outage window: 14:05 - 16:18",
    // "**Impact window:** 09:03 – 10:15", "__Outage:__ 22:10–23:05" (Markdown emphasis around
    // the label; `_` is a word character, so no `\b` before it).
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9])(?:(?:customer|user)[- ])?(?:impact|outage|downtime|disruption|degradation)(?:\s+(?:window|period|time|duration))?[\s*_]*[:=][\s*_]*(?:from\s+)?(${CLOCK})\s*(?:-|–|—|to|until|till|through)\s*(${CLOCK})`,
      'i',
    ),
  },
  {
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`\b${IMPACT_SUBJECT}\b(?:\s+[\w-]+){0,3}?\s+(?:began|begun|started|starts|begins|beginning|kicked in|first appeared)(?:\s+(?:to\s+)?${RISING})?\s+${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    // The symptom is the subject of "since": "impact since about 9:05", "errors at 30% since
    // the 9:05 deploy", "down since 14:10". A bare "since 9:05" is only a window (below).
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`\b(?:${IMPACT_SUBJECT}|down|failing|broken|degraded|unavailable|unreachable|not \w+(?:able|ing)|${STALLED})\b(?:\s+[\w%.,-]+){0,5}?\s+${NOT_RECOVERED}(?:ever\s+)?since\s+(?:the\s+)?(?:about\s+|around\s+|approximately\s+|roughly\s+|~\s*)?(${CLOCK})`,
      'i',
    ),
  },
  {
    // "since" first, the symptom after: "Since 00:35 (05:35 UTC) shard 3 refuses writes", "since
    // 9:05, checkout is failing for EU cards".
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`(?:^|[.;:!]\s+|\(\s*)since\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|~\s*)?(${CLOCK})(?:\s*\([^)]{0,30}\))?,?\s+[^.;]{0,60}?\b(?:refus\w*|fail(?:s|ing)|is down|are down|(?:is|are) erroring|erroring|return(?:s|ing) (?:errors|5\d\d)|tim(?:es|ing) out|reject(?:s|ing)|(?:is|are) unavailable|read-only|(?:is|are) broken|(?:is|are) stuck)\b`,
      'i',
    ),
  },
  {
    // "checkout started throwing 502s around 3pm", "the API began returning 500s at 09:12".
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`\b(?:started|began|begun|starting)\s+(?:throwing|returning|failing|erroring|timing out|dropping|rejecting|refusing|serving|showing|spiking|crashing|hanging)\b[^.;(]{0,40}?\s${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    milestone: 'start',
    strength: 'window',
    pattern: new RegExp(
      String.raw`\b${NOT_RECOVERED}(?:ever )?since\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|~\s*)?(${CLOCK})`,
      'i',
    ),
  },
  {
    // Windows listed after their name: "502s in two windows: 16:31–17:02 and 21:14–22:47 UTC".
    // A milestone only if the sentence is about impact; later windows extend the end (above).
    milestone: 'start',
    strength: 'window',
    pattern: new RegExp(
      String.raw`\bwindows?\b[^.;:]{0,20}:\s*(?:from\s+|between\s+)?(${CLOCK})\s*(?:-|–|to|until|till|through)\s*(${CLOCK})`,
      'i',
    ),
  },
  {
    // The impact's window, its subject named: "disruption ran 09:35-11:47 UTC", "customer
    // impact lasted from 14:05 to 15:20". Its end is the resolution, as firmly stated.
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`(?:\b(?:${ISSUE_SUBJECT}|degradation|downtime|errors?|failures?|delays?|slowness)\b(?:\s+[\w-]+){0,2}?\s+(?:ran|lasted|went on|continued|was ongoing)\s+(?:from\s+)?|\b(?:was|were|been)\s+(?:down|unavailable|degraded|offline|unreachable|failing)\b[^.;]{0,50}?\bfrom\s+)(${CLOCK})\s*(?:-|–|to|until|till|through)\s*(${CLOCK})`,
      'i',
    ),
  },
  {
    // The time, then the writer says it is the start: "dropped to zero at 4:30 PM, that's when
    // it started".
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`(${CLOCK})[^.;]{0,12}?\b(?:that's|that is|this is|which is|is) when (?:it|this|the (?:problem|issue|outage|incident|impact)) (?:all )?(?:started|began|kicked off)`,
      'i',
    ),
  },
  {
    // The time first, then the symptom: "around 3pm the EU consumers started lagging".
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`(?:\b(?:at|around|about|by|near|approximately|roughly|shortly after|just after)\s+|^|[,;:]\s*)(${CLOCK}),?\s+(?![^.;]{0,60}?\b(?:we|I)\b)[^.;]{0,60}?\b${SYMPTOM_START}\b`,
      'i',
    ),
  },
  {
    // "between 10:12 and 11:03", "Zwischen 14:05 und 14:52 Uhr", "Entre las 16:02 y las 16:41".
    milestone: 'start',
    strength: 'window',
    pattern: new RegExp(
      String.raw`\b(?:between|from|zwischen|von|entre|de|du|desde)\s+(?:(?:las?|les?|the)\s+)?(${CLOCK})(?:\s*uhr)?${ON_DAY}\s*(?:and|to|until|till|through|-|–|und|bis|et|à|au|y|a|hasta)\s*(?:(?:las?|les?|the)\s+)?(${CLOCK})`,
      'i',
    ),
  },
  {
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`\bfirst (?:errors?|failures?|alerts?|signs?|reports?|time-?outs?|5xx|5\d\ds|exceptions?|${BAD_DATA})\b[^.;]{0,40}?\b${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    milestone: 'detected',
    strength: 'named',
    notesOnly: true,
    pattern: new RegExp(
      String.raw`\b${ISSUE_SUBJECT}\b[^.]*?\b(?:detected|noticed)\s+${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    milestone: 'mitigated',
    strength: 'named',
    notesOnly: true,
    pattern: new RegExp(String.raw`\b${ISSUE_SUBJECT}\b[^.]*?\bmitigated\s+${NEAR}(${CLOCK})`, 'i'),
  },
  {
    // Said by the team: "we mitigated at 13:25 by failing over", "mitigated it around 9:40".
    milestone: 'mitigated',
    strength: 'named',
    notesOnly: true,
    pattern: new RegExp(
      String.raw`\b(?:we|they|on-?call|the team)\s+(?:first\s+|finally\s+)?mitigated(?:\s+(?:it|this|the\s+[\w-]+))?\s+${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    milestone: 'resolved',
    strength: 'named',
    notesOnly: true,
    pattern: new RegExp(
      String.raw`\b${ISSUE_SUBJECT}\b[^.]*?\b(?:resolved|recovered|restored|over|ended|fixed)\s+${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    // The impact named, then how long it went on: "Impact began around 9:12 and lasted until
    // 10:03", "errors persisted until 16:40".
    milestone: 'resolved',
    strength: 'named',
    notesOnly: true,
    pattern: new RegExp(
      String.raw`\b${IMPACT_SUBJECT}\b[^.;]*?\b(?:lasted|continued|persisted|went on|carried on)\s+(?:right\s+)?(?:until|till|to|through)\s+${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    // A recovery dated in the present perfect: "error rates have been normal since 22:47", "the
    // API has been stable since 08:29" (a status page's Resolved post dates the end this way).
    milestone: 'resolved',
    strength: 'named',
    pattern: new RegExp(
      String.raw`\b(?:has|have)\s+been\s+(?:fully\s+)?(?:back(?:\s+to\s+normal)?|normal|healthy|stable|operational|working(?:\s+normally)?)(?:\s+again)?\s+(?:ever\s+)?since\s+(?:about\s+|around\s+|roughly\s+|~\s*)?(${CLOCK})`,
      'i',
    ),
  },
  {
    // Service back, said of the state: "we were back by 15:20", "results were complete again
    // by 15:20", "everything was healthy again at 10:41", "back to normal by 16:05".
    milestone: 'resolved',
    strength: 'named',
    notesOnly: true,
    pattern: new RegExp(
      String.raw`\b(?:was|were|is|are|came|got|been)\s+(?:fully\s+|all\s+|completely\s+)?(?:back(?:\s+(?:up|online|to normal))?|normal|healthy|complete|stable|restored|recovered|working)(?:\s+again)?\s+(?:by|at|around|from|as of)\s+(?:about\s+|around\s+|roughly\s+|~\s*)?(${CLOCK})`,
      'i',
    ),
  },
  {
    // The response, told in the notes: "the alert fired at 08:20", "we were paged at 02:14".
    milestone: 'detected',
    strength: 'named',
    notesOnly: true,
    pattern: new RegExp(
      String.raw`(?:\b(?:alerts?|alarms?|pages?|monitors?|pagerduty|opsgenie)\b[^.;]{0,30}?\b(?:fired|triggered|went off|paged (?:us|on-?call|the on-?call[\w -]{0,20}))|\b(?:was|were|got|been)\s+paged)\s+${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    // "on-call acknowledged at 08:22", "Dana acked the page around 9:14".
    milestone: 'acknowledged',
    strength: 'named',
    notesOnly: true,
    pattern: new RegExp(
      String.raw`\b(?:acknowledged|acked)(?:\s+(?:it|the\s+(?:page|alert|alarm|incident)))?\s+${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    // "the root cause was found at 09:30", "we identified the cause around 14:40".
    milestone: 'identified',
    strength: 'named',
    notesOnly: true,
    pattern: new RegExp(
      String.raw`(?:\b(?:root\s+)?cause\b[^.;]{0,30}?\b(?:was\s+|were\s+)?(?:identified|found|confirmed|pinned down|determined)|\b(?:identified|found|confirmed)\s+the\s+(?:root\s+)?cause)\s+${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    // The time first: "At 13:27 we identified the validator change as the cause", "by 14:05
    // the team had traced it to the cache".
    milestone: 'identified',
    strength: 'named',
    notesOnly: true,
    pattern: new RegExp(
      String.raw`\b(?:at|around|about|by|shortly after|just after)\s+(${CLOCK}),?\s+(?:we|the team|they|engineers|on-?call|[A-Z][a-z]+)\s+(?:had\s+|have\s+)?(?:identified|found|confirmed|pinned down|determined|traced)\b[^.;]{0,80}?\b(?:cause|culprit|trigger|to\b)`,
      'i',
    ),
  },
  {
    // The symptom stops: "errors stopped at 15:20", "the timeouts subsided around 10:41".
    milestone: 'resolved',
    strength: 'named',
    notesOnly: true,
    pattern: new RegExp(
      String.raw`\b(?:errors?|failures?|time-?outs?|5xxs?|5\d\ds|impact|alerts?|crashes|declines)\s+(?:finally\s+|fully\s+)?(?:stopped|ceased|subsided|cleared|went away|disappeared|died down)\s+${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    // Those affected say when it began: "customers first saw errors at 14:05", "users started
    // seeing timeouts around 9:12".
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`\b(?:customers?|users?|clients?|merchants?|shoppers?|people|players?)\s+(?:first\s+(?:saw|started seeing|began seeing|hit|got|experienced|reported|noticed)\b[^.;]{0,40}?|(?:saw|started seeing|began seeing|hit|got|experienced|reported|noticed)\s+(?:the\s+first\s+)?(?:errors?|failures?|time-?outs?|5xxs?|\d{3}s|problems?|issues?|delays?|slowness|outages?)\b[^.;]{0,30}?)\s${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    // The change that caused it, named by what it did: "the deploy that caused this went out
    // at 14:05", "the migration which broke checkout was applied around 22:31".
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`\b(?:deploy(?:ment)?|change|config(?:uration)?(?:\s+(?:change|push))?|release|migration|push|commit|rollout|patch)\s+(?:that|which)\s+(?:caused|triggered|started|broke)\b[^.;]{0,30}?\b(?:went out|went live|shipped|landed|rolled out|happened|was (?:deployed|pushed|merged|applied|released|rolled out|shipped|made))\s+${NEAR}(${CLOCK})`,
      'i',
    ),
  },
  {
    // The bad change's time, written as the trigger: "the bad deploy went out at 14:05", "the
    // faulty config was pushed around 9:58". A change only counts as the start when the writer
    // calls it bad: every incident has deploys that are not its cause.
    milestone: 'start',
    strength: 'named',
    pattern: new RegExp(
      String.raw`\b(?:bad|faulty|broken|buggy|offending|culprit|problematic|breaking|bad\s+config)\s+(?:[\w.-]+\s+){0,5}?(?:went out|went live|shipped|landed|rolled out|happened|was (?:deployed|pushed|merged|applied|released|rolled out|shipped|made)|(?:hit|reached) (?:prod|production))\s+${NEAR}(${CLOCK})`,
      'i',
    ),
  },
];

/**
 * A timeline line written after the incident about it, which labels itself so: a retro's notes
 * ("Retro notes:", "Post-incident review:", "PIR -", "Postmortem notes:"), a work note "added
 * after review". A bare "Postmortem:" or "Review:" is not enough: during the incident it labels
 * paperwork ("Postmortem: Thursday") or a change's review, which happen at their stamps. Its
 * stamp says when it was written, not when what it tells happened, so its words are read as the
 * notes are (every stated milestone, on the incident's day) and its stamp is no milestone.
 */
const WRITTEN_AFTERWARDS = new RegExp(
  String.raw`^\W{0,3}(?:[\p{L}\p{N}_.@-]{1,32}:\s+)?(?:(?:(?:retro(?:spective)?|post-?incident(?: review)?|incident review|after-action(?: review)?|PIR|nachbetrachtung|rétrospective|retrospectiva)(?:\s+(?:notes?|summary|findings|write-?up))?|(?:post-?mortem|review)\s+(?:notes?|summary|findings|write-?up))(?:\s*\([^)]{0,40}\))?\s*(?::|\s[-–—]\s)|(?:(?:added|written|noted|updated)\s+(?:after|following)\s+(?:the\s+)?(?:review|retro(?:spective)?|post-?mortem|incident)\b))`,
  'iu',
);

/**
 * Whether a timeline line is a note written after the incident (see `WRITTEN_AFTERWARDS`): its
 * stamp is no event time, its stated times are.
 */
export function writtenAfterwards(text: string): boolean {
  return WRITTEN_AFTERWARDS.test(text);
}

/** Where a stated clock time is read: the day and zone of the line (or note) that states it. */
export interface StatedContext {
  /** The zone bare times are in. */
  zone: string;
  /** The line's own instant; a stated start is never after it. Null for a note. */
  lineTime: DateTime | null;
  /** The day to read on when the line has no instant (notes): `YYYY-MM-DD`. */
  date: string;
}

/** A stated clock time on its own date when it names one (`began at 2019-06-02 11:45`), else on the context's day. */
function clockOnDay(
  written: string,
  context: StatedContext,
): { time: DateTime; dated: boolean } | null {
  // "around 3pm": the hedge is part of the phrase, not of the stamp.
  const bare = written
    .replace(/\(|\)/g, ' ')
    .trim()
    .replace(/^(?:~|approx(?:imately|\.)?|around|about|roughly)\s*/i, '');
  const stamp = readStamp(bare);
  if (!stamp || isStampProblem(stamp) || !stamp.time) return null;
  const zone = stamp.zone ? resolveZone(stamp.zone, context.zone) : context.zone;
  if (!zone) return null;
  const dated = stamp.date?.year != null;
  const day =
    dated && stamp.date
      ? { year: stamp.date.year ?? 0, month: stamp.date.month, day: stamp.date.day }
      : context.lineTime
        ? context.lineTime.setZone(zone)
        : DateTime.fromISO(context.date);
  const time = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, ...stamp.time },
    { zone },
  );
  return time.isValid ? { time, dated } : null;
}

/**
 * The milestone times a sentence states. In a timeline line (`lineTime` set) only starts are
 * read, and a start later than the line is the day before ("at 00:10: impact began around
 * 11:30 PM"); an impact window's end is read as its resolution.
 */
export function findStatedTimes(text: string, line: number, context: StatedContext): StatedTime[] {
  const found: StatedTime[] = [];
  const from = context.lineTime ? 'timeline' : 'notes';
  for (const paragraph of text.replace(/\n(?!\s*\n)/g, ' ').split(/\n+/)) {
    /** Whether the paragraph has turned to another incident ("like INC-2291 on 2026-08-20, when ..."). */
    let elsewhere = false;
    for (const sentence of paragraph.split(/(?<=[.!?;])\s+/)) {
      if (from === 'notes') elsewhere = aboutAnotherIncident(sentence, context.date, elsewhere);
      if (!elsewhere) found.push(...statedIn(sentence, line, context, from));
    }
  }
  return from === 'notes' ? pastMidnight(found) : found;
}

/**
 * Notes read on the incident's day: a milestone stated hours before the start they state
 * (`began around 23:50 and lasted until 00:40`, `Errors stopped at 00:40`) is after midnight,
 * the next day, as a reader takes it. Times that came with their own date stay as written.
 */
function pastMidnight(found: readonly StatedTime[]): StatedTime[] {
  const starts = found.filter((stated) => stated.milestone === 'start' && !stated.dated);
  if (starts.length === 0) return [...found];
  const earliest = DateTime.min(...starts.map((stated) => stated.time));
  // More than six hours before the start on the clock is past midnight; a few minutes before
  // (an alert that fired just ahead of the impact) is as written.
  return found.map((stated) =>
    stated.milestone !== 'start' &&
    !stated.dated &&
    earliest &&
    stated.time < earliest.minus({ hours: 6 })
      ? { ...stated, time: stated.time.plus({ days: 1 }) }
      : stated,
  );
}

/** Another incident: "last week's outage", "the previous incident", "3 weeks ago". */
const OTHER_INCIDENT =
  /\b(?:last\s+(?:week|month|year|quarter|time)|(?:previous|earlier|prior|older|similar|last)\s+(?:incident|outage|event)s?|\d+\s+(?:weeks?|months?|years?)\s+ago|a\s+(?:week|month|year)\s+ago)\b/i;
/** A sentence back on this incident: "not related this time", "today's outage". */
const THIS_INCIDENT = /\b(?:this\s+(?:time|incident|outage)|today)\b/i;

/**
 * Whether a note's sentence is about another incident than this one: it names one ("last week's
 * outage") or a date more than a day from the incident's, and what follows in the paragraph
 * ("that one was mitigated at 23:15") stays about it until a sentence comes back to this one.
 * Their times are that incident's, never this one's milestones.
 */
function aboutAnotherIncident(sentence: string, date: string, before: boolean): boolean {
  const written = findWrittenDate(sentence);
  const day = DateTime.fromISO(date);
  const otherDay =
    written?.year != null &&
    day.isValid &&
    Math.abs(
      DateTime.fromObject({ year: written.year, month: written.month, day: written.day })
        .diff(day, 'days')
        .as('days'),
    ) > 1;
  if (otherDay || OTHER_INCIDENT.test(sentence)) return true;
  if (THIS_INCIDENT.test(sentence)) return false;
  return before;
}

/**
 * The window a start and a duration state ("a 2h13m outage starting 14:05"): the start, and the
 * resolution that many minutes later, as firmly stated as the phrase.
 */
function lastedFrom(
  sentence: string,
  line: number,
  context: StatedContext,
  from: 'timeline' | 'notes',
): StatedTime[] {
  for (const phrase of LASTED_FROM) {
    const groups = phrase.pattern.exec(sentence)?.groups;
    const start = groups?.at ? clockOnDay(groups.at, context) : null;
    if (!groups || !start) continue;
    let time = start.time;
    if (!start.dated && context.lineTime && time > context.lineTime.plus({ minutes: 1 }))
      time = time.minus({ days: 1 });
    const stated = { line, text: sentence.trim(), from, strength: phrase.strength } as const;
    return [
      { ...stated, milestone: 'start', time },
      { ...stated, milestone: 'resolved', time: time.plus({ minutes: lastingMinutes(groups) }) },
    ];
  }
  return [];
}

/** The milestone times one sentence states (see findStatedTimes). */
function statedIn(
  sentence: string,
  line: number,
  context: StatedContext,
  from: 'timeline' | 'notes',
): StatedTime[] {
  const found: StatedTime[] = lastedFrom(sentence, line, context, from);
  for (const phrase of PHRASES) {
    if (phrase.notesOnly && context.lineTime) continue;
    const match = phrase.pattern.exec(sentence);
    if (!match?.[1]) continue;
    // In a window the zone is often written once, after the end ("03:46 and 04:33 UTC").
    const endZone = match[2] ? readStamp(match[2].trim()) : null;
    const shared =
      endZone && !isStampProblem(endZone) && endZone.zone
        ? resolveZone(endZone.zone, context.zone)
        : null;
    const start = clockOnDay(match[1], shared ? { ...context, zone: shared } : context);
    if (!start) continue;
    let time = start.time;
    if (!start.dated && context.lineTime && time > context.lineTime.plus({ minutes: 1 }))
      time = time.minus({ days: 1 });
    const stated = { line, text: sentence.trim(), from } as const;
    found.push({
      ...stated,
      milestone: phrase.milestone,
      time,
      strength: phrase.strength,
      ...(start.dated ? { dated: true } : {}),
    });
    // The end is read on the start's day ("22:50 to 23:35" stated the next morning). A window
    // the sentence goes on to add ("and again from 21:14 until 22:47") moves the end to the
    // last one: the incident spans every window it names.
    const rest = sentence.slice(match.index + match[0].length);
    const lastEnd = match[2] ? ([...rest.matchAll(LATER_WINDOW)].at(-1)?.[2] ?? match[2]) : null;
    const end = lastEnd ? clockOnDay(lastEnd, { ...context, lineTime: time }) : null;
    if (end) {
      let endTime = end.time;
      while (!end.dated && endTime < time) endTime = endTime.plus({ days: 1 });
      // Already on the right side of midnight: marked dated so pastMidnight leaves it.
      found.push({
        ...stated,
        milestone: 'resolved',
        time: endTime,
        strength: phrase.strength,
        dated: true,
      });
    }
  }
  return found;
}

/**
 * A front-matter milestone (`14:23`, `2026-01-10 14:23`, an ISO 8601 instant) on the incident's
 * day and zone. Returns the instant or a `front-matter/bad-milestone` error naming the line.
 */
export function readFrontMatterMilestone(
  file: string,
  name: MilestoneName,
  value: string,
  line: number,
  context: { zone: string; date: string },
): StatedTime | Diagnostic {
  const iso = DateTime.fromISO(value, { setZone: true });
  let time: DateTime | null = null;
  // Only a full ISO date-time; a bare `14:52:30` would otherwise be read on today's date.
  if (iso.isValid && /^\d{4}-\d{2}-\d{2}T/.test(value)) time = iso;
  else {
    const stamp = readStamp(value);
    if (stamp && !isStampProblem(stamp) && stamp.time) {
      const day = stamp.date?.year ? stamp.date : DateTime.fromISO(context.date);
      const zone = stamp.zone ? resolveZone(stamp.zone, context.zone) : context.zone;
      const read = zone
        ? DateTime.fromObject(
            { year: day.year ?? 0, month: day.month, day: day.day, ...stamp.time },
            { zone },
          )
        : null;
      if (read?.isValid) time = read;
    }
  }
  if (!time)
    return error(
      'front-matter/bad-milestone',
      file,
      { line },
      `front matter field "${name}" is not a time: "${value}"`,
      `write ${name} as HH:MM, YYYY-MM-DD HH:MM or an ISO 8601 instant`,
    );
  return {
    milestone: name,
    time,
    line,
    text: `${name}: ${value}`,
    strength: 'named',
    from: 'front-matter',
  };
}

/**
 * The key of an incident tool's milestone line (FireHydrant's "Milestones", incident.io's and
 * Rootly's summaries, a wiki's "Detected at: 10:14"): the milestone is named outright.
 */
const MILESTONE_KEYS: readonly { milestone: MilestoneName; key: RegExp }[] = [
  {
    milestone: 'start',
    key: /^(?:(?:customer |user )?impact (?:start(?:ed)?|began|begins)|incident (?:start(?:ed)?|began)|start(?:ed)?|start time|began)$/i,
  },
  // The same summary in the languages time.ts reads (`Beginn der Störung: 14:05 Uhr`, `Début de
  // l'incident : 09h02`, `Inicio del incidente: 16:02`, `Einde storing: 15:48`).
  {
    milestone: 'start',
    key: /^(?:(?:störungs|incident|impact)?beginn?(?: (?:der|des) (?:störung|ausfalls|vorfalls|incidents))?|début(?: (?:de l['’]incident|de l['’]impact|de la panne|de l['’]interruption))?|inicio(?: (?:del incidente|de la incidencia|del impacto|de la caída))?|início(?: do incidente)?|inizio(?: (?:dell['’]incidente|del disservizio))?|begin(?: (?:van de )?(?:storing|verstoring|incident))?|start(?: (?:storing|störung))?)$/iu,
  },
  {
    milestone: 'detected',
    key: /^(?:detected|detection|detection time|erkannt|entdeckt|détecté|détection|detectado|detección|rilevato|gedetecteerd|gedetecteerd om)$/iu,
  },
  { milestone: 'acknowledged', key: /^(?:acknowledged|acked|acknowledgement)$/i },
  {
    milestone: 'identified',
    key: /^(?:identified|cause identified|ursache gefunden|identifié|identificado|identificato|oorzaak gevonden)$/iu,
  },
  { milestone: 'mitigated', key: /^(?:mitigated|mitigation|impact mitigated)$/i },
  {
    milestone: 'resolved',
    key: /^(?:resolved|resolution|(?:customer |user )?impact (?:end(?:ed)?|ends)|incident (?:end(?:ed)?|resolved)|end(?:ed)?|end time)$/i,
  },
  {
    milestone: 'resolved',
    key: /^(?:(?:störungs)?ende(?: (?:der|des) (?:störung|ausfalls|vorfalls|incidents))?|behoben|fin(?: (?:de l['’]incident|de l['’]impact|de la panne|de l['’]interruption|del incidente|de la incidencia|del impacto|de la caída))?|résolu|resuelto|resolvido|fim(?: do incidente)?|fine(?: (?:dell['’]incidente|del disservizio))?|risolto|einde(?: (?:van de )?(?:storing|verstoring|incident))?|opgelost)$/iu,
  },
];

const MILESTONE_LINE =
  /^\s*(?:[-*+•]\s+)?(?:\*\*|__)?(\p{L}[\p{L} '’]{1,40}?)(?:\s+(?:at|on|um|à|a las|om|alle))?(?:\*\*|__)?\s*(?::(?:\*\*|__)?\s*|\t+\s*|\s{2,}|\s+[-–—]\s+)(.+?)\s*$/u;

/** Reads one `Key: <date and time>` milestone line; null when the line is anything else. */
function readMilestoneLine(
  text: string,
  context: { zone: string; date: string },
): { milestone: MilestoneName; time: DateTime } | null {
  // A summary table's row (`| Impact start | 2026-10-20 09:12 UTC |`) is a key and its value.
  const row = /^\s*\|\s*([^|]{2,40}?)\s*\|\s*([^|]{4,60}?)\s*\|\s*$/.exec(text);
  const match = MILESTONE_LINE.exec(row ? `${row[1] ?? ''}: ${row[2] ?? ''}` : text);
  if (!match) return null;
  const key = (match[1] ?? '').trim();
  const named = MILESTONE_KEYS.find((entry) => entry.key.test(key));
  if (!named) return null;
  const stamp = readStamp((match[2] ?? '').replace(/[()]/g, ' ').trim());
  if (!stamp || isStampProblem(stamp) || !stamp.time) return null;
  // The value is the whole stamp: `Started  Feb 3, 2026 10:12 CET`, not a sentence with a time.
  if (stamp.rest !== '' && !/^[A-Z]{2,5}$/.test(stamp.rest)) return null;
  const zone = (stamp.zone ? resolveZone(stamp.zone, context.zone) : null) ?? context.zone;
  const day = DateTime.fromISO(context.date);
  const time = DateTime.fromObject(
    {
      year: stamp.date?.year ?? day.year,
      month: stamp.date?.month ?? day.month,
      day: stamp.date?.day ?? day.day,
      ...stamp.time,
    },
    { zone },
  );
  if (!time.isValid) return null;
  return { milestone: named.milestone, time };
}

/**
 * Milestones an incident tool's summary names outright, one `Key  <date time>` line each
 * (`Started  Feb 3, 2026 10:12 CET`, `Mitigated at: 10:40`, `Detected: 2026-02-03 10:14`).
 * They are read as stated milestones (strength `named`) when a block holds two or more of them,
 * so a lone "Ended 10:05" in a chat is not taken for a summary. The first line per milestone wins.
 */
export function findMilestoneBlock(
  lines: readonly { number: number; text: string }[],
  context: { zone: string; date: string },
): StatedTime[] {
  const found: StatedTime[] = [];
  for (const line of lines) {
    if (line.text.length > 120) continue;
    const read = readMilestoneLine(line.text, context);
    if (!read || found.some((stated) => stated.milestone === read.milestone)) continue;
    found.push({
      milestone: read.milestone,
      time: read.time,
      line: line.number,
      text: line.text.trim(),
      strength: 'named',
      from: 'milestones',
    });
  }
  return found.length >= 2 ? found : [];
}
