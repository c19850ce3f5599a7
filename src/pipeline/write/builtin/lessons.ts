/**
 * Lessons learned: what went well, what went wrong, where we got lucky — only from sentences
 * of the input that say so (a lesson heading or label, or the lesson cues) and from computed
 * figures; nothing otherwise.
 */
import type { Facts } from '../../../schemas/facts.js';
import { scoreText, strongestSignal, type Cue } from '../cues/cue.js';
import { LESSON_CUES, type LessonSignal } from '../cues/impact-cues.js';
import { formatMinutes, formatTime } from '../../format/format-figures.js';
import type { Detection } from './detection.js';
import type { Response } from './response.js';
import { asSentence, splitSentences } from './sentences.js';

/** A label that heads lessons of every kind ("Lessons", "Lessons learned:"): each item says its own. */
type LabelSignal = LessonSignal | 'lessons';

/**
 * How teams label their lessons, as a heading over a list or before a colon in a sentence.
 * The label says which kind the text after it is, whatever words that text uses.
 */
export const LESSON_LABELS: readonly Cue<LabelSignal>[] = [
  {
    id: 'went-well-label',
    signal: 'went-well',
    weight: 3,
    reason: 'The team heads what worked ("What went well", "Went well", German "Was gut lief").',
    pattern:
      /^(?:what |things that )?(?:went well|worked well|went right)|^was (?:lief )?gut(?: lief)?|^ce qui a (?:bien )?(?:fonctionné|marché)|^lo que (?:salió|fue) bien/i,
    examples: {
      match: ['What went well', 'went well', 'Was gut lief'],
      noMatch: ['the failover went well enough'],
    },
  },
  {
    id: 'went-wrong-label',
    signal: 'went-wrong',
    weight: 3,
    reason:
      'The team heads what hurt ("What went wrong", "Where we struggled", German "Was schlecht lief").',
    pattern:
      /^(?:what |things that )?(?:went wrong|went badly|didn'?t go well|did not go well|could have gone better|could be improved|to improve)|^where we (?:struggled|were slow)|^was (?:lief )?schlecht(?: lief)?|^ce qui (?:a mal|n'a pas) (?:fonctionné|marché)|^lo que (?:salió|fue) mal/i,
    examples: {
      match: ['What went wrong', 'Went badly', 'Was schlecht lief', 'What could have gone better'],
      noMatch: ['the deploy went wrong'],
    },
  },
  {
    id: 'lucky-label',
    signal: 'lucky',
    weight: 3,
    reason: 'The team heads where chance helped ("Where we got lucky", "We got lucky").',
    pattern: /^(?:where |how )?(?:we )?got lucky|^lucky|^(?:wo )?wir hatten glück/i,
    examples: {
      match: ['Where we got lucky', 'We got lucky', 'Lucky'],
      noMatch: ['luckily it was a Sunday'],
    },
  },
  {
    id: 'lessons-label',
    signal: 'lessons',
    weight: 3,
    reason: 'A heading over lessons of every kind ("Lessons", "Lessons learned", "Takeaways").',
    pattern:
      /^(?:key )?(?:lessons?(?: learn(?:ed|t))?|learnings|takeaways|lehren|erkenntnisse|le[cç]ons? (?:apprises|tirées))$/i,
    examples: {
      match: ['Lessons', 'Lessons learned', 'Takeaways'],
      noMatch: ['lessons from the March outage apply'],
    },
  },
];

/** "Where we got lucky: no webhook was dropped" → "no webhook was dropped"; other text as it is. */
export function withoutLessonLabel(text: string): string {
  const labelled = LABELLED.exec(text);
  return labelled?.[1] && labelled[2] && labelSignal(labelled[1]) ? labelled[2] : text;
}

/** A list item's marker: "- ", "* ", "1. ", with a task box ("- [x] "). */
const BULLET = /^\s*(?:[-*+•]|\d{1,2}[.)])\s+(?:\[[ xX]\]\s+)?/;
/** "Went well: the pin took effect": a label, a colon, and what it says. */
const LABELLED = /^\W*(?:\*\*)?([^:]{2,40}?)(?:\*\*)?\s*[:：\-–—]\s+(\S.*)$/;
const HEADING = /^\W*(?:#+\s*)?(?:\*\*)?([^:]{2,40}?)(?:\*\*)?\s*:?\s*$/;

/** The kind a label names, or null when the text is no lesson label. */
function labelSignal(label: string): LabelSignal | null {
  const { scores } = scoreText(label.trim(), LESSON_LABELS);
  const best = (Object.entries(scores) as [LabelSignal, number][]).sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

/**
 * The lessons a note states: under a lesson heading every line is one of its kind; "Went well:
 * X" is X, went well; in prose a sentence the lesson cues read. A heading itself is no lesson.
 */
function statedLessons(markdown: string, lessons: Lessons): void {
  let heading: LabelSignal | null = null;
  const add = (signal: LabelSignal | null, text: string) => {
    const kind =
      signal === 'lessons' || signal === null ? strongestSignal(text, LESSON_CUES) : signal;
    const told = asSentence(text.trim());
    if (kind && told.length > 3 && !lessons[kind].includes(told)) lessons[kind].push(told);
  };
  for (const raw of markdown.split('\n')) {
    if (!raw.trim()) continue;
    const bullet = BULLET.test(raw);
    const line = raw.replace(BULLET, '').trim();
    const alone = HEADING.exec(line);
    const aloneSignal = alone?.[1] ? labelSignal(alone[1]) : null;
    if (aloneSignal) {
      heading = aloneSignal;
      continue;
    }
    // Another heading ("Follow-ups:") ends the lessons above it.
    if (!bullet && /(?::\s*$|^#)/.test(raw.trim())) {
      heading = null;
      continue;
    }
    const labelled = LABELLED.exec(line);
    const signal = labelled?.[1] ? labelSignal(labelled[1]) : null;
    if (signal && labelled?.[2]) {
      if (signal === 'lessons' || bullet) add(signal, labelled[2]);
      else for (const sentence of splitSentences(labelled[2])) add(signal, sentence);
      continue;
    }
    // Under a heading, each item (or sentence) is a lesson of its kind.
    if (heading) {
      if (bullet) add(heading, line);
      else for (const sentence of splitSentences(line)) add(heading, sentence);
      continue;
    }
    for (const sentence of splitSentences(line))
      for (const clause of sentence.split(/;\s+/)) {
        const kind = strongestSignal(clause, LESSON_CUES);
        if (kind) add(kind, clause);
      }
  }
}

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
  for (const note of facts.notes) statedLessons(note.markdown, lessons);
  const ttd = detection.minutesToDetect;
  if (detection.byAlert && ttd !== null && ttd <= FAST_ALERT)
    lessons['went-well'].push(
      ttd === 0
        ? 'An alert fired as impact began.'
        : `An alert fired ${formatMinutes(ttd)} after impact began.`,
    );
  if (ttd !== null && ttd >= SLOW_DETECTION)
    lessons['went-wrong'].push(`Impact went unnoticed for ${formatMinutes(ttd)}.`);
  // Told by customers, with no alert before them: the monitoring missed what users saw.
  const reportAt = detection.event?.time ? Date.parse(detection.event.time) : NaN;
  const alertAt = detection.alert?.time ? Date.parse(detection.alert.time) : NaN;
  if (detection.how === 'a customer report' && !(alertAt <= reportAt))
    lessons['went-wrong'].push(
      detection.alert && detection.alert.time
        ? `Customers reported it at ${formatTime(detection.event?.time ?? null, facts)}, before any alert (the first at ${formatTime(detection.alert.time, facts)}).`
        : `Customers reported it at ${formatTime(detection.event?.time ?? null, facts)}; no alert is recorded.`,
    );
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
