/**
 * A note that gives one time and then steps from it (`5 minutes later`, `+15m`) is read as a
 * person reads it: "later" from the line above, `+N` from the last written time.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { readLaterOffsets } from '../src/pipeline/parse/later-offsets.js';
import { sourceFromText } from './helpers/source.js';

function timesOf(body: string[]): (string | null)[] {
  const { facts } = analyzeSource(
    sourceFromText(['---', 'title: t', 'timezone: UTC', '---', ...body].join('\n')),
  );
  return (facts?.events ?? []).map((e) => e.time?.slice(0, 16) ?? null);
}

describe('steps after a written time', () => {
  test("'N minutes later' chains from the line above, '+N' counts from the written time", () => {
    expect(
      timesOf([
        '2026-09-30 16:20 homepage down',
        '5 minutes later: acked',
        'an hour later, still down',
        '+20m rolled back',
        '- +1h30m resolved',
      ]),
    ).toEqual([
      '2026-09-30T16:20',
      '2026-09-30T16:25',
      '2026-09-30T17:25',
      '2026-09-30T16:40',
      '2026-09-30T17:50',
    ]);
  });

  test('under a stated T0, +N without a T counts from T0, in a list or a table', () => {
    const under = (body: string[]) => {
      const text = ['---', 'title: t', 'date: 2026-05-12', '---', 'T0 = 14:03 UTC', '', ...body];
      const { facts } = analyzeSource(sourceFromText(text.join('\n')));
      return (facts?.events ?? []).map((e) => e.time?.slice(0, 16) ?? null);
    };
    expect(under(['+0m cart 500s', '+4m alert fired', '+1h05m closed'])).toEqual([
      '2026-05-12T14:03',
      '2026-05-12T14:07',
      '2026-05-12T15:08',
    ]);
    expect(
      under([
        '| offset | what happened |',
        '|---|---|',
        '| +0m | cart 500s |',
        '| +19m | flag off |',
      ]),
    ).toEqual(['2026-05-12T14:03', '2026-05-12T14:22']);
  });

  test('a step past midnight after a bare clock falls on the next day', () => {
    const { facts } = analyzeSource(
      sourceFromText(
        [
          '---',
          'title: t',
          'date: 2026-06-25',
          'timezone: UTC',
          '---',
          '23:50 api down',
          '+25m api back',
        ].join('\n'),
      ),
    );
    expect(facts?.events.map((e) => e.time)).toEqual([
      '2026-06-25T23:50:00+00:00',
      '2026-06-26T00:15:00+00:00',
    ]);
  });

  test('a step with no written time above, and a +1 vote, stay as written', () => {
    const lines = ['+5m acked', '10:00 api down', '+1 from me'].map((text, i) => ({
      number: i + 1,
      text,
    }));
    expect(readLaterOffsets([{ lines }])[0]?.lines.map((l) => l.text)).toEqual([
      '+5m acked',
      '10:00 api down',
      '+1 from me',
    ]);
  });

  test('property: every +N line reads as the anchor plus N minutes, keeping its number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 6 }),
        (hour, minute, steps) => {
          const anchor = `2026-01-01 ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} start`;
          const lines = [anchor, ...steps.map((m) => `+${m}m step`)].map((text, i) => ({
            number: i + 5,
            text,
          }));
          const out = readLaterOffsets([{ lines }])[0]?.lines ?? [];
          expect(out.map((l) => l.number)).toEqual(lines.map((l) => l.number));
          steps.forEach((m, i) => {
            const total = hour * 60 + minute + m;
            const day = 1 + Math.floor(total / 1440);
            const clock = `${String(Math.floor((total % 1440) / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
            expect(out[i + 1]?.text).toBe(`2026-01-${String(day).padStart(2, '0')} ${clock} step`);
          });
        },
      ),
    );
  });
});
