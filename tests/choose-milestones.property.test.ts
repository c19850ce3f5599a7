import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  chooseMilestones,
  type Candidate,
  type Pin,
} from '../src/pipeline/analyze/choose-milestones.js';
import { readLine } from '../src/pipeline/analyze/read-line.js';
import { MILESTONE_NAMES } from '../src/schemas/front-matter.js';

/** Lines of every phase, strong and weak, as people write them. */
const PHRASES = [
  'checkout failing for all users',
  'latency elevated on search',
  '[PagerDuty] alert fired: API 5xx > 20%',
  'customers report errors on login',
  'We are investigating',
  'on-call acknowledged',
  'root cause identified: bad config push',
  'looks like the cache',
  'rolled back to v41',
  'restarted the workers',
  'errors dropping',
  'checkout back to normal',
  'incident resolved',
  'status page updated',
  'deployed v42',
  'unrelated: reverted a docs typo',
  'error rate back to baseline',
  'Incident closed. Postmortem scheduled',
  'OPS-4411 status changed to Resolved',
  'Acknowledged by Auto-Ack rule',
];
const NEUTRAL = ['lunch order placed', 'meeting moved to room 4', 'reading the docs'];

const candidate = fc
  .record({ minute: fc.integer({ min: 0, max: 600 }), phrase: fc.constantFrom(...PHRASES) })
  .map(({ minute, phrase }): Candidate => ({
    time: minute * 60_000,
    line: minute + 1,
    text: phrase,
    reading: readLine(phrase),
  }));
const at = (minute: number, line: number, text: string): Candidate => ({
  time: minute * 60_000,
  line,
  text,
  reading: readLine(text),
});

const timeline = fc.uniqueArray(candidate, {
  selector: (c) => c.time,
  minLength: 1,
  maxLength: 30,
});

const shape = (result: ReturnType<typeof chooseMilestones>) =>
  Object.fromEntries(MILESTONE_NAMES.map((name) => [name, result[name]?.time ?? null]));

describe('choosing milestones together', () => {
  test('start ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved, and identified within, always', () => {
    fc.assert(
      fc.property(timeline, (events) => {
        const result = chooseMilestones(events, {});
        const inOrder = (names: readonly (typeof MILESTONE_NAMES)[number][]) => {
          const times = names.flatMap((name) => (result[name] ? [result[name].time] : []));
          for (let i = 1; i < times.length; i++)
            expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] ?? 0);
        };
        inOrder(['start', 'detected', 'acknowledged', 'mitigated', 'resolved']);
        inOrder(['start', 'detected', 'acknowledged', 'identified', 'resolved']);
      }),
    );
  });

  test('a cause found after the impact was mitigated does not push the mitigation later', () => {
    const result = chooseMilestones(
      [
        at(0, 3, 'checkout failing for all users'),
        at(10, 5, 'checkout back to normal'),
        at(40, 7, 'found it: a bad config push'),
        at(60, 9, 'incident resolved'),
      ],
      {},
    );
    expect(result.mitigated?.line).toBe(5);
    expect(result.identified?.line).toBe(7);
    expect(result.resolved?.line).toBe(9);
  });

  test('pins always win', () => {
    fc.assert(
      fc.property(
        timeline,
        fc.constantFrom(...MILESTONE_NAMES),
        fc.integer({ min: 0, max: 600 }),
        (events, name, minute) => {
          const pin: Pin = {
            time: minute * 60_000,
            line: 2,
            text: `${name}: pinned`,
            cue: 'front-matter',
            reason: 'set in front matter',
            confidence: 'high',
          };
          const chosen = chooseMilestones(events, { [name]: pin })[name];
          expect(chosen?.time).toBe(pin.time);
          expect(chosen?.cue).toBe('front-matter');
        },
      ),
    );
  });

  test('paste order (reversed, shuffled) changes nothing', () => {
    fc.assert(
      fc.property(timeline, fc.integer(), (events, seed) => {
        const shuffled = [...events].sort(
          (a, b) => ((a.time * 7919 + seed) % 101) - ((b.time * 7919 + seed) % 101),
        );
        const expected = shape(chooseMilestones(events, {}));
        expect(shape(chooseMilestones([...events].reverse(), {}))).toEqual(expected);
        expect(shape(chooseMilestones(shuffled, {}))).toEqual(expected);
      }),
    );
  });

  test('neutral lines change nothing', () => {
    fc.assert(
      fc.property(
        timeline,
        fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 10 }),
        (events, minutes) => {
          const taken = new Set(events.map((e) => e.time));
          const neutral = minutes
            .filter((m) => !taken.has(m * 60_000 + 30_000))
            .map((m, i): Candidate => {
              const text = NEUTRAL[i % NEUTRAL.length] ?? '';
              return { time: m * 60_000 + 30_000, line: 1000 + i, text, reading: readLine(text) };
            });
          expect(shape(chooseMilestones([...events, ...neutral], {}))).toEqual(
            shape(chooseMilestones(events, {})),
          );
        },
      ),
    );
  });

  test('a neutral line between two equally good readings does not tip the tie', () => {
    // Found by the property above (seed 707226502): "latency elevated" as start with
    // "investigating" as detection scores the same as "checkout failing" as start alone, and a
    // lunch order in between used to decide which won.
    const events = [
      at(0, 1, 'deployed v42'),
      at(1, 2, 'latency elevated on search'),
      at(2, 3, 'We are investigating'),
      at(3, 4, 'checkout failing for all users'),
    ];
    const lunch = { ...at(2.5, 1000, 'lunch order placed') };
    expect(shape(chooseMilestones([...events, lunch], {}))).toEqual(
      shape(chooseMilestones(events, {})),
    );
  });

  test('weak evidence never yields high confidence', () => {
    const weak = ['latency elevated on search', 'looks like the cache', 'We are investigating'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 20 }),
        (minutes) => {
          const events = minutes.map((m, i): Candidate => {
            const text = weak[i % weak.length] ?? '';
            return { time: m * 60_000, line: i + 1, text, reading: readLine(text) };
          });
          for (const chosen of Object.values(chooseMilestones(events, {})))
            if (chosen) expect(chosen.confidence).not.toBe('high');
        },
      ),
    );
  });
});
