/**
 * Which milestones to ask a model about, and what to show it: for each milestone the rules placed
 * with low or medium confidence, the lines that could be it (the same scores the rules used) and
 * the lines around them. The model only ever picks one of these lines or "not stated", so every
 * answer is a line that exists.
 */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import { MILESTONE_NAMES, type MilestoneName } from '../../../schemas/front-matter.js';
import { milestoneScore } from '../choose-milestones.js';
import { readLine } from '../read-line.js';

/** The most candidate lines sent per milestone, best scores first (the rules' choice always). */
export const MAX_CANDIDATES = 5;
/** Lines shown before and after each candidate. */
const CONTEXT_LINES = 2;
/** Placements a person made or the notes state outright: never put to a model. */
const NEVER_ASKED: ReadonlySet<string> = new Set(['front-matter', 'stated-in-notes']);

/** A timeline line: 1-based line number in the incident file, its instant with offset, its text. */
export interface TimedLine {
  line: number;
  time: string;
  text: string;
}

export interface CandidateLine extends TimedLine {
  /** Cue ids the cue table matched in the line. */
  cues: string[];
}

export interface MilestoneQuestion {
  milestone: MilestoneName;
  confidence: 'low' | 'medium';
  /** What the rules chose (its time may be counted back from a stated duration, not a line's). */
  rules: TimedLine;
  /** In file order. */
  candidates: CandidateLine[];
  /** The candidates and the lines around them, in file order. */
  context: TimedLine[];
}

/** The index of the event on `line`, else of the event nearest `time`; -1 when there are none. */
function nearestLine(
  events: readonly { line: number; time: string }[],
  line: number,
  time: string | null,
): number {
  const exact = events.findIndex((event) => event.line === line);
  if (exact >= 0 || !time) return exact;
  const at = Date.parse(time);
  let best = -1;
  events.forEach((event, index) => {
    const distance = Math.abs(Date.parse(event.time) - at);
    const current = events[best];
    if (!current || distance < Math.abs(Date.parse(current.time) - at)) best = index;
  });
  return best;
}

function timed(event: TimelineEvent): event is TimelineEvent & { time: string } {
  return event.time !== null;
}

/**
 * One question per unsure milestone, in milestone order. Milestones that are high confidence, not
 * stated, pinned in front matter or stated in the notes are not asked; nor is one with no
 * candidate line.
 */
export function milestoneQuestions(facts: Facts): MilestoneQuestion[] {
  const events = facts.events.filter(timed);
  const readings = events.map((event) =>
    readLine(event.text, event.state ?? null, undefined, event.actor, event.source),
  );
  const questions: MilestoneQuestion[] = [];
  for (const milestone of MILESTONE_NAMES) {
    const evidence = facts.evidence?.[milestone];
    if (!evidence || evidence.confidence === 'high' || NEVER_ASKED.has(evidence.cue)) continue;
    if (evidence.source === 'model') continue;
    const rulesIndex = nearestLine(events, evidence.line, facts[milestone]);
    // The rules' choice, the lines the rules scored for this milestone, then the lines nearest
    // the rules' choice: a model reads words no cue table has ("backlog drained, status green").
    const scored = events
      .map((event, index) => ({
        index,
        score: milestoneScore(milestone, readings[index] ?? readLine(event.text)).score,
      }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .map(({ index }) => index);
    const nearby = events
      .map((_, index) => index)
      .sort((a, b) => Math.abs(a - rulesIndex) - Math.abs(b - rulesIndex) || b - a);
    const seen = new Set<number>();
    const picked = [rulesIndex, ...scored, ...nearby]
      .filter((index) => {
        const line = events[index]?.line;
        if (line === undefined || seen.has(line)) return false;
        seen.add(line);
        return true;
      })
      .slice(0, MAX_CANDIDATES)
      .sort((a, b) => a - b);
    if (picked.length === 0) continue;
    const candidates = picked.flatMap((index) => {
      const event = events[index];
      return event
        ? [
            {
              line: event.line,
              time: event.time,
              text: event.text,
              cues: (event.cues ?? []).map((cue) => cue.cue),
            },
          ]
        : [];
    });
    const around = new Set<number>();
    for (const index of picked)
      for (let j = index - CONTEXT_LINES; j <= index + CONTEXT_LINES; j++)
        if (j >= 0 && j < events.length) around.add(j);
    const context = [...around]
      .sort((a, b) => a - b)
      .flatMap((j) => {
        const event = events[j];
        return event ? [{ line: event.line, time: event.time, text: event.text }] : [];
      });
    questions.push({
      milestone,
      confidence: evidence.confidence,
      rules: { line: evidence.line, time: facts[milestone] ?? '', text: evidence.text },
      candidates,
      context,
    });
  }
  return questions;
}
