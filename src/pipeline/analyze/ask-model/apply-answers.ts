/**
 * Applies a model's answers to the facts. The time of a milestone always comes from the
 * candidate line the model named, never from the model: an answer that names no candidate, or
 * that would put the milestones out of order (start ≤ detected ≤ acknowledged ≤ identified ≤
 * mitigated ≤ resolved), is refused and the rules' choice stands.
 */
import { DateTime } from 'luxon';
import type { Facts, SettledMilestone } from '../../../schemas/facts.js';
import { MILESTONE_NAMES, type MilestoneName } from '../../../schemas/front-matter.js';
import type { MilestoneQuestion } from './milestone-questions.js';
import { AnswerSchema, MAX_REASON_CHARACTERS } from './prompt.js';

function millis(time: string | null): number | null {
  if (!time) return null;
  const parsed = DateTime.fromISO(time, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : null;
}

function minutesBetween(from: string | null, to: string | null): number | null {
  const a = millis(from);
  const b = millis(to);
  return a === null || b === null ? null : Math.round((b - a) / 60_000);
}

/** Why `answer` cannot be used for `question`, or null when it can. */
export function answerProblem(question: MilestoneQuestion, answer: unknown): string | null {
  const parsed = AnswerSchema.safeParse(answer);
  if (!parsed.success) {
    const line = (answer as { line?: unknown } | null)?.line;
    return typeof line === 'string'
      ? `the answer "${line.slice(0, 40)}" is not a line number`
      : 'the answer is not a line number or null with a reason';
  }
  const { line, reason } = parsed.data;
  if (Array.from(reason).length > MAX_REASON_CHARACTERS)
    return `its reason is over ${MAX_REASON_CHARACTERS} characters`;
  if (line !== null && !question.candidates.some((candidate) => candidate.line === line))
    return `line ${line} is not one of the candidate lines (${question.candidates.map((c) => c.line).join(', ')})`;
  return null;
}

/**
 * The facts with each usable answer applied, in milestone order, and `settled` listing both
 * choices for every milestone answered. `answers` maps milestone names to what the model said
 * (anything: it is checked here). Durations and the date are recomputed from the new milestones.
 * Warnings name each refused answer.
 */
export function applyAnswers(
  facts: Facts,
  questions: readonly MilestoneQuestion[],
  answers: Readonly<Record<string, unknown>>,
  model: string,
): { facts: Facts; warnings: string[] } {
  const warnings: string[] = [];
  const next: Facts = {
    ...facts,
    milestones: { ...facts.milestones },
    evidence: facts.evidence ? { ...facts.evidence } : undefined,
  };
  const settled: SettledMilestone[] = [];
  for (const question of questions) {
    const name = question.milestone;
    if (!(name in answers)) continue;
    const answer = answers[name];
    const problem = answerProblem(question, answer);
    const parsed = AnswerSchema.safeParse(answer);
    const chosen =
      parsed.success && parsed.data.line !== null
        ? (question.candidates.find((candidate) => candidate.line === parsed.data.line) ?? null)
        : null;
    const entry: SettledMilestone = {
      milestone: name,
      model,
      rules: question.rules,
      answer: chosen ? { line: chosen.line, text: chosen.text, time: chosen.time } : null,
      reason: parsed.success ? parsed.data.reason : '',
      outcome: 'applied',
    };
    const refuse = (why: string): void => {
      entry.outcome = 'refused';
      entry.refusal = why;
      warnings.push(`${name}: ${model}'s answer refused, the analyzer's choice stands: ${why}`);
    };
    if (problem) {
      refuse(problem);
      settled.push(entry);
      continue;
    }
    if (chosen) {
      const at = millis(chosen.time) ?? 0;
      const k = MILESTONE_NAMES.indexOf(name);
      const clash = MILESTONE_NAMES.find((other, j) => {
        const time = millis(next[other]);
        if (j === k || time === null) return false;
        return j < k ? time > at : time < at;
      });
      if (clash) {
        const before = MILESTONE_NAMES.indexOf(clash) < k;
        refuse(
          `line ${chosen.line} (${chosen.time}) is ${before ? 'before' : 'after'} ${clash} (${next[clash]})`,
        );
        settled.push(entry);
        continue;
      }
      next[name] = chosen.time;
      next.milestones[name] = {
        time: chosen.time,
        line: chosen.line,
        reason: `chosen by ${model}: ${entry.reason}`,
      };
      const previous = next.evidence?.[name] ?? null;
      if (next.evidence)
        next.evidence[name] = {
          line: chosen.line,
          text: chosen.text,
          cue: previous?.cue ?? 'model',
          confidence: 'medium',
          runnerUp:
            question.rules.line !== chosen.line
              ? { line: question.rules.line, text: question.rules.text }
              : (previous?.runnerUp ?? null),
          source: 'model',
          model: { name: model, reason: entry.reason },
        };
    } else {
      // "Not stated": none of the lines the rules found says it, so no figure is built on it.
      next[name] = null;
      delete next.milestones[name];
      if (next.evidence) next.evidence[name] = null;
    }
    settled.push(entry);
  }
  if (settled.length === 0) return { facts, warnings };
  next.settled = settled;
  const duration = minutesBetween(next.start, next.resolved);
  next.durationMinutes = duration;
  next.timeToResolveMinutes = duration;
  next.timeToDetectMinutes = minutesBetween(next.start, next.detected);
  next.timeToAcknowledgeMinutes = minutesBetween(next.detected, next.acknowledged);
  next.timeToMitigateMinutes = minutesBetween(next.start, next.mitigated);
  const start = next.start ? DateTime.fromISO(next.start, { setZone: true }) : null;
  if (start?.isValid) next.date = start.setZone(next.timezone).toISODate() ?? next.date;
  return { facts: next, warnings };
}

/** The names of milestones a model placed, for the postmortem footer. */
export function modelPlaced(facts: Facts): MilestoneName[] {
  return MILESTONE_NAMES.filter((name) => facts.evidence?.[name]?.source === 'model');
}
