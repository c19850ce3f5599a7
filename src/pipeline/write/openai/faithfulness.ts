/**
 * The faithfulness guard: every time, number, percentage, version, PR/issue number and name in
 * the model's text must occur in the facts or the input. Sections that fail are replaced by the
 * built-in writer's section.
 */
import type { Facts } from '../../../schemas/facts.js';
import { MILESTONE_NAMES } from '../../../schemas/front-matter.js';
import { formatDate, formatMinutes, formatTime, formatUsers } from '../../format/format-figures.js';
import { isSuspicious } from './suspicious-lines.js';

const NUMBER = /\d+(?:[.,:]\d+)*/g;
const HANDLE = /@[\w.-]+/g;
const IDENTIFIER = /\b[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+(?:\(\))?/g;
const PROPER_NAME = /(?<![.!?:]\s|^|\n)\b[A-Z][a-z]{2,}(?:[A-Z][a-z]+)*\b/g;

/** Words the writers themselves use, or that start clauses; not evidence of anything. */
const COMMON = new Set(
  'We Our Us You Your They This That These Those The There Their When While After Before During Between From Until Since Once Then Also However Impact Duration Users Services Root Cause Mitigation Mitigations Action Items Summary Timeline Message High Medium Low Postmortem Incident Incidents Status Update Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December What Why How Who Where Which Customers Engineers Team Teams Going Next Thanks Sorry Apologies'.split(
    ' ',
  ),
);

function normalizeNumber(token: string): string {
  return token.replace(/,/g, '').replace(/^0+(?=\d)/, '');
}

export interface Evidence {
  numbers: Set<string>;
  words: string;
}

/** What the model may cite: the input (less instruction-like lines) and figures computed from the facts. */
export function collectEvidence(facts: Facts, raw: string): Evidence {
  const input = raw
    .split('\n')
    .filter((line) => !isSuspicious(line))
    .join('\n');
  const computed = [
    ...MILESTONE_NAMES.flatMap((name) => [
      formatTime(facts[name], facts),
      formatTime(facts[name], facts, true),
    ]),
    ...[
      facts.durationMinutes,
      facts.timeToDetectMinutes,
      facts.timeToAcknowledgeMinutes,
      facts.timeToMitigateMinutes,
    ].map(formatMinutes),
    ...[
      facts.durationMinutes,
      facts.timeToDetectMinutes,
      facts.timeToAcknowledgeMinutes,
      facts.timeToMitigateMinutes,
    ].map((m) => String(m ?? '')),
    formatDate(facts.date),
    facts.date,
    formatUsers(facts.usersAffected),
    facts.title,
    facts.services.join(' '),
    ...facts.events.map((event) => formatTime(event.time, facts)),
  ].join('\n');
  const all = `${input}\n${computed}`;
  return {
    numbers: new Set((all.match(NUMBER) ?? []).map(normalizeNumber)),
    words: all.toLowerCase(),
  };
}

/** The tokens in `text` that the evidence does not support. */
export function unsupportedTokens(text: string, evidence: Evidence): string[] {
  const missing = new Set<string>();
  for (const token of text.match(NUMBER) ?? []) {
    const normalized = normalizeNumber(token.replace(/[.,:]$/, ''));
    if (!evidence.numbers.has(normalized)) missing.add(token);
  }
  for (const token of [...(text.match(HANDLE) ?? []), ...(text.match(IDENTIFIER) ?? [])]) {
    if (!evidence.words.includes(token.toLowerCase())) missing.add(token);
  }
  for (const token of text.match(PROPER_NAME) ?? []) {
    if (!COMMON.has(token) && !evidence.words.includes(token.toLowerCase())) missing.add(token);
  }
  return [...missing];
}

/** Words that carry no claim of their own after "caused by", "due to" and friends. */
const FILLER = new Set(
  'a an the our their its this that these those of in on to and or with from for by at as an some one two unexpected unusual bad faulty broken sudden large high heavy new old issue issues problem problems'.split(
    ' ',
  ),
);

/**
 * Kinds of claim a reader takes most seriously, each with the words in the input that would
 * support it. Sources: the attack run on this tool (issue 11) and the rubric's "no invented
 * causes, no blame" (WRITING-RUBRIC.md).
 */
const CLAIMS: { kind: string; claim: RegExp; support: RegExp }[] = [
  {
    kind: 'data loss',
    claim:
      /\b(?:data (?:was |were |is |has been |have been )?(?:permanently |irrecoverably )?(?:lost|deleted|destroyed|wiped|corrupted)|(?:permanent|irreversible) data loss|data loss|lost (?:your |customer |user |all )?(?:data|records|files)|permanently lost|irrecoverabl[ey]|unrecoverable)\b/gi,
    support:
      /\b(?:data loss|lost|deleted|destroyed|wiped|corrupt\w*|unrecoverable|irrecoverabl\w*)\b/i,
  },
  {
    kind: 'blame',
    claim:
      /\b(?:human error|(?:engineer|developer|operator|employee|intern|contractor|vendor|staff)(?:'s)? (?:error|mistake|negligence|fault)|negligen(?:ce|t)|careless(?:ly|ness)?|(?:his|her|their) (?:mistake|fault)|fault of|to blame|blamed?)\b/gi,
    support: /\b(?:human error|mistake|negligen\w*|careless\w*|fault|blame\w*)\b/i,
  },
  {
    kind: 'security breach',
    claim:
      /\b(?:breach(?:ed)?|hack(?:ed|ers?)|attack(?:ers?|ed)?|malicious|compromised|intrusion|ddos)\b/gi,
    support: /\b(?:breach\w*|hack\w*|attack\w*|malicious|compromise\w*|intrusion|ddos)\b/i,
  },
];

const CAUSE =
  /\b(?:caused by|due to|because of|triggered by|the result of|blamed on|root cause (?:was|is))\s+((?:[\w'-]+\s*){1,4})/gi;

/**
 * Claims in `text` the input does not support: data loss, blame and breaches the input never
 * mentions, and causes ("caused by a cosmic ray") none of whose words occur in it.
 */
export function unsupportedClaims(text: string, evidence: Evidence): string[] {
  const found = new Set<string>();
  for (const { claim, support } of CLAIMS) {
    if (support.test(evidence.words)) continue;
    for (const match of text.matchAll(claim)) found.add(match[0]);
  }
  for (const match of text.matchAll(CAUSE)) {
    const words = (match[1] ?? '')
      .toLowerCase()
      .split(/\s+/)
      .map((word) => word.replace(/[^\w-]/g, ''))
      .filter((word) => word.length >= 3 && !FILLER.has(word));
    if (words.length && !words.some((word) => evidence.words.includes(word)))
      found.add(match[0].trim());
  }
  return [...found];
}
