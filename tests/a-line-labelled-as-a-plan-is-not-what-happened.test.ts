import { describe, expect, test } from 'vitest';
import { readLine } from '../src/pipeline/analyze/read-line.js';
import { chooseMilestones, type Candidate } from '../src/pipeline/analyze/choose-milestones.js';

const at = (hhmm: string): number => Date.parse(`2026-03-10T${hhmm}:00Z`);
const lines = (rows: [string, string][]): Candidate[] =>
  rows.map(([time, text], i) => ({ time: at(time), line: i + 1, text, reading: readLine(text) }));
const hhmm = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString().slice(11, 16);

describe('a line labelled as a plan signals nothing, in any of its clauses', () => {
  test.each([
    'plan: drain node-7, then get checkout back on the healthy pool',
    'sam: plan: drain node-7, then get checkout back on the healthy pool',
    'Proposal: fail over to eu-west, which restores service',
    'Next steps: restart the consumers, then the backlog drains and orders are back to normal',
    'TODO: bump replicas, that should bring lag back to normal',
    'Option B: roll back to 4.18.2 and errors are gone',
    'Nächste Schritte: Pods neu starten, danach läuft der Dienst wieder normal',
    'Prochaines étapes : redémarrer les pods, le service est rétabli ensuite',
  ])('"%s" is no action, recovery or end', (text) => {
    const { scores } = readLine(text);
    expect(scores['mitigate-action']).toBe(0);
    expect(scores['recovery-partial']).toBe(0);
    expect(scores['recovery-full']).toBe(0);
    expect(scores['resolved-declared']).toBe(0);
  });

  test.each(['the plan worked: checkout back to normal', 'drained node-7 as planned'])(
    '"%s" (a plan carried out) still reads as what happened',
    (text) => {
      const { scores } = readLine(text);
      expect(scores['recovery-full'] + scores['mitigate-action']).toBeGreaterThan(0);
    },
  );

  test('the recovery a plan promises is not the mitigation: the step done later is', () => {
    const chosen = chooseMilestones(
      lines([
        ['09:02', 'alert: checkout-api p99 above 4s'],
        ['09:20', 'plan: drain node-7, then get checkout back on the healthy pool'],
        ['09:40', 'failed checkout over to the healthy pool'],
        ['10:05', 'checkout back to normal, resolved'],
      ]),
      {},
    );
    expect(hhmm(chosen.mitigated?.time)).toBe('09:40');
    expect(hhmm(chosen.resolved?.time)).toBe('10:05');
  });
});
