import { describe, expect, test } from 'vitest';
import { chooseMilestones, type Candidate } from '../src/pipeline/analyze/choose-milestones.js';
import { readLine } from '../src/pipeline/analyze/read-line.js';

const at = (hhmm: string): number => Date.parse(`2026-05-20T${hhmm}:00Z`);
const lines = (rows: [string, string][]): Candidate[] =>
  rows.map(([time, text], i) => ({ time: at(time), line: i + 1, text, reading: readLine(text) }));
const hhmm = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString().slice(11, 16);

describe('a warning that settled long before the impact is lead-up, not the start', () => {
  test('a warning its monitor reported recovered: the later impact starts the incident', () => {
    const chosen = chooseMilestones(
      lines([
        ['07:12', '[Datadog] Warning: checkout-db CPU above 70%'],
        ['07:19', '[Datadog] Recovered: checkout-db CPU above 70%'],
        ['09:40', '[Datadog] Critical: checkout-api 5xx rate 35%'],
        ['09:43', 'ack, checkout failing for most users'],
        ['10:04', '5xx back to baseline, checkout working'],
      ]),
      {},
    );
    expect(hhmm(chosen.start?.time)).toBe('09:40');
    expect(hhmm(chosen.detected?.time)).toBe('09:40');
    expect(hhmm(chosen.mitigated?.time)).toBe('10:04');
  });

  test('a warning acked as noise: neither it nor its ack is a milestone', () => {
    const chosen = chooseMilestones(
      lines([
        ['06:30', 'WARN: auth-svc p95 latency 900ms'],
        ['06:34', 'acked, looks like noise from the nightly batch'],
        ['08:55', 'CRITICAL: login error rate 40%'],
        ['08:57', 'acknowledged, logins failing'],
        ['09:40', 'incident resolved'],
      ]),
      {},
    );
    expect(hhmm(chosen.start?.time)).toBe('08:55');
    expect(hhmm(chosen.acknowledged?.time)).toBe('08:57');
  });

  test('a critical alert that cleared and came back is a first window: it still starts it', () => {
    const chosen = chooseMilestones(
      lines([
        ['07:12', 'Critical: checkout-api 5xx rate 35%'],
        ['07:19', 'Recovered: checkout-api 5xx rate 35%'],
        ['09:40', 'Critical: checkout-api 5xx rate 35%'],
        ['10:15', 'resolved'],
      ]),
      {},
    );
    expect(hhmm(chosen.start?.time)).toBe('07:12');
  });

  test('a warning someone acted on did not settle on its own: it still starts the incident', () => {
    const chosen = chooseMilestones(
      lines([
        ['07:12', '[Datadog] Warning: checkout-db CPU above 70%'],
        ['07:15', 'killed the runaway query and restarted the replica'],
        ['07:19', '[Datadog] Recovered: checkout-db CPU above 70%'],
        ['09:40', '[Datadog] Critical: checkout-api 5xx rate 35%'],
        ['10:15', 'resolved'],
      ]),
      {},
    );
    expect(hhmm(chosen.start?.time)).toBe('07:12');
  });
});
