import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { MILESTONE_NAMES } from '../src/schemas/front-matter.js';
import { sourceFromText } from './helpers/source.js';

const incident = (lines: readonly string[], zone = 'UTC'): string =>
  ['---', 'title: Test', 'date: 2026-01-10', `timezone: ${zone}`, '---', ...lines].join('\n');

function analyze(text: string) {
  const { facts, diagnostics } = analyzeSource(sourceFromText(text));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { facts, diagnostics };
}

/** Issue 10, kinds 1-3: the end of impact, not the end of the paperwork. */
describe('resolved is when users were fine again', () => {
  test('a stated duration that disagrees with the line that ends the impact is a warning', () => {
    const { facts, diagnostics } = analyze(
      incident([
        '08:00 orders failing with 500s',
        '08:05 ack',
        '08:30 orders working again',
        '',
        'The outage lasted 50 minutes.',
      ]),
    );
    // The line gives the end; the stated figure is kept as the duration, and both are named.
    expect(facts?.resolved).toBe('2026-01-10T08:30:00+00:00');
    const warning = diagnostics.find((d) => d.code === 'milestone/duration-disagrees');
    expect(warning?.message).toContain('50 minutes');
    expect(warning?.message).toContain('08:30');
  });

  test('a stated duration that agrees with the ending line is no warning', () => {
    const { diagnostics } = analyze(
      incident([
        '08:00 orders failing with 500s',
        '08:30 orders working again',
        '',
        'The outage lasted 30 minutes.',
      ]),
    );
    expect(diagnostics.map((d) => d.code)).not.toContain('milestone/duration-disagrees');
  });

  test('the end from a stated duration says where it comes from and is not sure', () => {
    const { facts } = analyze(
      incident(['11:20 [FIRING] login p99 > 3s', '11:24 ack', '', 'Downtime: 1h 10m']),
    );
    expect(facts?.resolved).toBe('2026-01-10T12:30:00+00:00');
    expect(facts?.evidence?.resolved?.cue).toBe('stated-duration');
    expect(facts?.evidence?.resolved?.confidence).not.toBe('high');
  });

  test('a declaration minutes after the recovery stays the resolution', () => {
    const { facts } = analyze(
      incident([
        '21:02 api errors above 5%',
        '21:30 api back to normal',
        '21:50 incident resolved',
      ]),
    );
    expect(facts?.resolved).toBe('2026-01-10T21:50:00+00:00');
  });

  test('a relapse between the recovery and a late close keeps the close', () => {
    const { facts } = analyze(
      incident([
        '06:00 checkout failing for EU users',
        '06:40 checkout back to normal',
        '07:10 checkout failing again for EU users',
        '10:30 incident closed',
      ]),
    );
    expect(facts?.resolved).toBe('2026-01-10T10:30:00+00:00');
  });

  test('moving the end to the recovery keeps the milestones in order', () => {
    const { facts } = analyze(
      incident([
        '10:00 alert: payments 5xx',
        '10:05 ack',
        '10:20 rolled back payments',
        '10:31 payments error rate back to baseline',
        '13:40 closed the ticket, postmortem scheduled',
      ]),
    );
    const times = MILESTONE_NAMES.filter((n) => n !== 'identified')
      .map((n) => facts?.[n])
      .filter((t): t is string => typeof t === 'string')
      .map((t) => Date.parse(t));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(facts?.resolved).toBe('2026-01-10T10:31:00+00:00');
    expect(facts?.mitigated).toBe('2026-01-10T10:20:00+00:00');
  });
});
