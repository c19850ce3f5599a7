import { describe, expect, test } from 'vitest';
import {
  readLine,
  reportsFailedAttempt,
  rulesOutAChange,
} from '../src/pipeline/analyze/read-line.js';
import { chooseMilestones, type Candidate } from '../src/pipeline/analyze/choose-milestones.js';

const at = (hhmm: string): number => Date.parse(`2026-05-14T${hhmm}:00Z`);
const lines = (rows: [string, string][]): Candidate[] =>
  rows.map(([time, text], i) => ({ time: at(time), line: i + 1, text, reading: readLine(text) }));
const hhmm = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString().slice(11, 16);

describe('a failure figure that recedes is recovery, not impact', () => {
  test.each([
    '5xx now 3% (was 28%)',
    'error rate 2%, down from 12%',
    'p99 down to 400ms',
    'replication lag 300s and dropping',
  ])('"%s" reads as a partial recovery with no impact', (text) => {
    const reading = readLine(text);
    expect(reading.scores['recovery-partial']).toBe(2);
    expect(reading.scores.impact).toBe(0);
  });

  test.each(['5xx now 30% (was 3%)', 'error rate 8%, climbing'])(
    '"%s" (a figure that grew) is no recovery',
    (text) => {
      const reading = readLine(text);
      expect(reading.scores['recovery-partial']).toBe(0);
      expect(reading.scores['recovery-full']).toBe(0);
    },
  );
});

describe('a plan or proposal is not an action', () => {
  test.each([
    'going to roll back to 4.18.2',
    "let's drain eu-central",
    'reverting the ranking model is an option',
    'discussing a failover to the dr cluster',
  ])('"%s" signals no mitigation', (text) => {
    expect(readLine(text).scores['mitigate-action']).toBe(0);
  });

  test('an action in progress is marked under way, a finished one is not', () => {
    expect(readLine('rolling back to 5.1').best['mitigate-action']?.underway).toBe(true);
    expect(readLine('rollback started').best['mitigate-action']?.underway).toBe(true);
    expect(readLine('rollback done').best['mitigate-action']?.underway).toBeUndefined();
  });
});

describe('mitigated is where the action finished or the impact receded', () => {
  test('a finished failover hours before the full recovery is the mitigation', () => {
    const chosen = chooseMilestones(
      lines([
        ['03:10', 'alert: PUT error rate above 20%'],
        ['03:45', 'discussing a failover vs waiting'],
        ['04:02', 'failover to the dr cluster done'],
        ['06:40', 'switch replaced, PUT errors at baseline'],
        ['06:50', 'incident resolved'],
      ]),
      {},
    );
    expect(hhmm(chosen.mitigated?.time)).toBe('04:02');
    expect(hhmm(chosen.resolved?.time)).toBe('06:50');
  });

  test('the step that finished beats the one under way before it', () => {
    const chosen = chooseMilestones(
      lines([
        ['14:41', 'finance reported totals do not match'],
        ['14:58', 'rolling back to 5.1'],
        ['15:09', 'rollback done'],
        ['15:50', 'duplicated lines removed, incident resolved'],
      ]),
      {},
    );
    expect(hhmm(chosen.mitigated?.time)).toBe('15:09');
  });

  test('a full recovery minutes after the action is still where the impact receded', () => {
    const chosen = chooseMilestones(
      lines([
        ['10:00', 'alert: checkout 5xx above 5%'],
        ['10:10', 'rolled back the release'],
        ['10:16', 'checkout back to normal'],
        ['10:40', 'resolved'],
      ]),
      {},
    );
    expect(hhmm(chosen.mitigated?.time)).toBe('10:16');
  });
});

describe('an attempt the line says failed is no mitigation', () => {
  test.each([
    'restarted the pods, errors continue',
    'rolled back, still failing',
    'failover script errored out',
    'restarted redis, still at 100% cpu',
  ])('"%s" reports a failed attempt and carries no action', (text) => {
    expect(reportsFailedAttempt(text)).toBe(true);
    expect(readLine(text).scores['mitigate-action']).toBe(0);
  });

  test.each(['rolled back, errors continue to drop', 'failed over to the replica'])(
    '"%s" is an attempt that worked',
    (text) => {
      expect(reportsFailedAttempt(text)).toBe(false);
      expect(readLine(text).scores['mitigate-action']).toBe(2);
    },
  );
});

describe('a change ruled out as the cause', () => {
  test.each([
    'no deploys in the last 24h',
    'not the 09:40 release',
    'ruled out the config push',
    'the bucket policy change is fine',
    'nothing changed on our side',
  ])('"%s" rules a change out', (text) => {
    expect(rulesOutAChange(text)).toBe(true);
  });

  test.each([
    'deployed v2.3 at 09:40',
    'looks like the 09:40 release',
    'reverted the config change',
  ])('"%s" does not', (text) => {
    expect(rulesOutAChange(text)).toBe(false);
  });
});
