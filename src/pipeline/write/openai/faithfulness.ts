/**
 * The faithfulness guard: every time, number, percentage, version, PR/issue number and name in
 * the model's text must occur in the facts or the input. Sections that fail are replaced by the
 * built-in writer's section.
 */
import type { Facts } from '../../../schemas/facts.js';
import { MILESTONE_NAMES } from '../../../schemas/front-matter.js';
import { formatDate, formatMinutes, formatTime, formatUsers } from '../format-figures.js';
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
