/**
 * Text that must never reach a public text (HN post, thread, message to users): instructions to
 * the author, "unknown" placeholders, internal asides. A sentence quoted from the input that
 * hits one of these stays out of the public texts; the postmortem and `check` still show it.
 */
import type { Cue } from './cue.js';

export const PUBLIC_TEXT_CUES: readonly Cue<'not-public'>[] = [
  {
    id: 'unknown',
    signal: 'not-public',
    weight: 3,
    reason: 'A placeholder for a figure nobody knows; leave the figure out instead.',
    pattern: /\bunknown\b|\bn\/a\b|\bTBD\b|\bTBC\b|\?\?+/i,
    examples: {
      match: ['Users affected: unknown', 'cause TBD', 'at ??:??'],
      noMatch: ['an unknowable future', 'users affected: 12,400'],
    },
  },
  {
    id: 'author-instruction',
    signal: 'not-public',
    weight: 3,
    reason: 'An instruction to whoever edits the incident file.',
    pattern:
      /\badd an? ["“]?#|##\s|\bincident file\b|\bfront matter\b|\bfill (?:this |it )?in\b|\bTODO\b|\bFIXME\b|\bXXX\b|<!--/i,
    examples: {
      match: ['Add a "## Root cause" section', 'see the incident file', 'TODO: write this'],
      noMatch: ['we added an alert'],
    },
  },
  {
    id: 'internal-aside',
    signal: 'not-public',
    weight: 3,
    reason: 'A note between colleagues ("my paste got cut off", "ask Bob") is not for customers.',
    pattern:
      /\b(?:my paste|paste (?:got |was )?cut off|got cut off|cut off here|ask (?:\w+ )?(?:about|whether|if)|check with \w+|need to confirm|not sure (?:if|what|when|whether)|don'?t quote|internal only|do not share|off the record)\b/i,
    examples: {
      match: ['my paste got cut off here', 'check with Dana about the numbers', 'internal only'],
      noMatch: ['we checked the config'],
    },
  },
  {
    id: 'status-change',
    signal: 'not-public',
    weight: 3,
    reason:
      'A tool logging a state change ("Status change Investigating -> Fixing") is bookkeeping, not news.',
    pattern:
      /^\W*status (?:change[ds]?|updated?|set)\b|\b(?:investigating|identified|fixing|monitoring|mitigated|resolved|triggered|acknowledged)\s*(?:->|→|=>)\s*(?:investigating|identified|fixing|monitoring|mitigated|resolved|acknowledged)\b/i,
    examples: {
      match: ['Status change Investigating -> Fixing', 'status: identified → monitoring'],
      noMatch: ['we are monitoring the fix', 'pool 50 -> 200'],
    },
  },
];
