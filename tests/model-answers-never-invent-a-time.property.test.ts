import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyAnswers } from '../src/pipeline/analyze/ask-model/apply-answers.js';
import { milestoneQuestions } from '../src/pipeline/analyze/ask-model/milestone-questions.js';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { MILESTONE_NAMES } from '../src/schemas/front-matter.js';
import { sourceFromText } from './helpers/source.js';

/** Lines of every phase, strong and weak, as people write them. */
const PHRASES = [
  'checkout failing for all users',
  'latency elevated on search',
  '[PagerDuty] alert fired: API 5xx > 20%',
  'customers report errors on login',
  'on-call acknowledged',
  'root cause identified: bad config push',
  'looks like the cache',
  'rolled back to v41',
  'restarted the workers',
  'errors dropping',
  'EU consumers back, backlog drained',
  'status page green, monitoring',
  'incident resolved',
  'lunch order placed',
];

const timeline = fc
  .uniqueArray(
    fc.record({ minute: fc.integer({ min: 0, max: 600 }), phrase: fc.constantFrom(...PHRASES) }),
    { minLength: 2, maxLength: 14, selector: (line) => line.minute },
  )
  .map((lines) => {
    const sorted = [...lines].sort((a, b) => a.minute - b.minute);
    const body = sorted.map(({ minute, phrase }) => {
      const hh = String(Math.floor(minute / 60)).padStart(2, '0');
      const mm = String(minute % 60).padStart(2, '0');
      return `- ${hh}:${mm} ${phrase}`;
    });
    return [
      '---',
      'title: Property',
      'date: 2026-02-03',
      'timezone: UTC',
      '---',
      '',
      ...body,
      '',
    ].join('\n');
  });

/** Whatever a model might send back for one milestone: lines in and out of range, times, junk. */
const answer = fc.oneof(
  fc.record({ line: fc.integer({ min: -3, max: 40 }), reason: fc.string({ maxLength: 30 }) }),
  fc.record({ line: fc.constant(null), reason: fc.string({ maxLength: 30 }) }),
  fc.record({
    line: fc.constantFrom('09:50', '2026-02-03T04:05:00Z', '7', 'line 8'),
    reason: fc.string({ maxLength: 30 }),
  }),
  fc.record({ line: fc.double(), reason: fc.constant('x') }),
  fc.anything(),
);
const answers = fc.dictionary(fc.constantFrom(...MILESTONE_NAMES, 'other'), answer);

describe('a model cannot put a time on a milestone', () => {
  test('every milestone after any answers is the rules’ time or a timeline line’s, in order', () => {
    fc.assert(
      fc.property(timeline, answers, (text, said) => {
        const { facts } = analyzeSource(sourceFromText(text, 'incidents/2026-02-03-p.md'));
        if (!facts) return;
        const questions = milestoneQuestions(facts);
        const { facts: settled } = applyAnswers(facts, questions, said, 'm');
        const lineTimes = new Map(facts.events.map((event) => [event.line, event.time]));
        const times: number[] = [];
        for (const name of MILESTONE_NAMES) {
          const time = settled[name];
          if (time === null) continue;
          const evidence = settled.evidence?.[name];
          if (evidence?.source === 'model') {
            // The time is the named line's, and the line is one of the analyzer's candidates.
            expect(lineTimes.get(evidence.line)).toBe(time);
            const question = questions.find((q) => q.milestone === name);
            expect(question?.candidates.map((c) => c.line)).toContain(evidence.line);
          } else expect(time).toBe(facts[name]);
          if (facts.evidence?.[name]?.source !== 'model') times.push(Date.parse(time));
        }
        const rulesInOrder = MILESTONE_NAMES.map((n) => facts[n])
          .filter((t): t is string => t !== null)
          .every((t, i, all) => i === 0 || Date.parse(all[i - 1] ?? t) <= Date.parse(t));
        if (rulesInOrder)
          expect(times.every((t, i) => i === 0 || (times[i - 1] ?? t) <= t)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
