/**
 * Lessons learned: what went well, what went wrong, where we got lucky — only from sentences
 * of the input that say so (the lesson cues) and from computed figures; nothing otherwise.
 */
import type { Facts } from '../../../schemas/facts.js';
import { strongestSignal } from '../cues/cue.js';
import { LESSON_CUES, type LessonSignal } from '../cues/impact-cues.js';
import { formatMinutes, formatTime } from '../../format/format-figures.js';
import type { Detection } from './detection.js';
import type { Response } from './response.js';
import { asSentence, noteQuotes } from './sentences.js';

/** Impact going unnoticed this long is a lesson on its own (minutes). */
const SLOW_DETECTION = 30;
/** An alert this soon after impact began went well (minutes). */
const FAST_ALERT = 5;
/** Detection this quick, with mitigation this slow, tells where the time went (minutes). */
const QUICK_DETECTION = 10;
const SLOW_MITIGATION = 45;

export type Lessons = Record<LessonSignal, string[]>;

export function readLessons(facts: Facts, detection: Detection, response: Response): Lessons {
  const lessons: Lessons = { 'went-well': [], 'went-wrong': [], lucky: [] };
  for (const clause of noteQuotes(facts).flatMap((quote) => quote.text.split(/;\s+/))) {
    const signal = strongestSignal(clause, LESSON_CUES);
    if (signal) lessons[signal].push(asSentence(clause));
  }
  const ttd = detection.minutesToDetect;
  if (detection.byAlert && ttd !== null && ttd <= FAST_ALERT)
    lessons['went-well'].push(
      ttd === 0
        ? 'An alert fired as impact began.'
        : `An alert fired ${formatMinutes(ttd)} after impact began.`,
    );
  if (ttd !== null && ttd >= SLOW_DETECTION)
    lessons['went-wrong'].push(`Impact went unnoticed for ${formatMinutes(ttd)}.`);
  // Found within minutes but mitigated only hours later: the time went into diagnosis or the
  // fix, which the figures show even when the input does not say so.
  const ttm = facts.timeToMitigateMinutes;
  if (
    ttd !== null &&
    ttm !== null &&
    ttd <= QUICK_DETECTION &&
    ttm >= SLOW_MITIGATION &&
    ttm >= 4 * Math.max(ttd, 1)
  )
    lessons['went-wrong'].push(
      `Detection was quick (${ttd === 0 ? 'as impact began' : `${formatMinutes(ttd)} after impact began`}), but mitigation came ${formatMinutes(ttm)} after impact began.`,
    );
  for (const step of response.steps.filter((s) => s.failed))
    lessons['went-wrong'].push(
      `The attempt at ${formatTime(step.event.time, facts)} failed${step.failure ? ` (${step.failure})` : ''}.`,
    );
  return lessons;
}
