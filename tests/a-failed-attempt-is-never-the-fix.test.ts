/**
 * An attempt the input says did not help ("same errors", "no better", "errors persist", "the
 * rollback job timed out") is shown as a failed attempt, the summary says it did not help, and
 * "We mitigated it at" names the later action that worked, at that action's time, before the
 * recovery it led to. The writer reads a failed attempt as the analysis does
 * (`reportsFailedAttempt`), so the mitigated milestone never lands on it. Fixtures:
 * tests/fixtures/writer-kinds-12i (invented).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { sourceFromFixture } from './helpers/source.js';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-12i');

describe.each([
  {
    name: 'failed-rollback-then-a-flag.md',
    failed: [/^08:09 \S+: Failed attempt: rolled back search-api to 7\.3 - same errors/m],
    told: /did not help: rolled back search-api to 7\.3/,
    fix: /We mitigated it at 08:18 \S+: disabled the fuzzy-match flag/,
    recovery: /^08:21 \S+: Recovery: "p95 dropping, errors gone"/m,
  },
  {
    name: 'two-failed-attempts-then-a-repoint.md',
    failed: [
      /^19:46 UTC: Failed attempt: bumped checkout-api pool 40 -> 120, no better/m,
      /^19:58 UTC: Failed attempt: restart done, errors persist/m,
    ],
    told: /did not help: bumped checkout-api pool 40 -> 120 \(19:46 UTC\)/,
    fix: /We mitigated it at 20:04 UTC: pointed checkout-api back at the old redis endpoint/,
    recovery: /^20:07 UTC: Recovery: "error rate back to baseline"/m,
  },
])('$name', ({ name, failed, told, fix, recovery }) => {
  const pack = builtinPackOf(join(DIR, name));
  const facts = analyzeSource(sourceFromFixture(join(DIR, name))).facts;

  test('each attempt that did not help is shown failed', () => {
    for (const attempt of failed) expect(pack.response).toMatch(attempt);
  });
  test('the summary says the attempt did not help and names the action that did', () => {
    expect(pack.summary).toMatch(told);
    expect(pack.summary).toMatch(fix);
  });
  test('the recovery is told after the fix, and the milestone is not on a failed attempt', () => {
    expect(pack.response).toMatch(recovery);
    const failedLines = pack.document.response.bullets.filter((b) => /Failed attempt/.test(b));
    const mitigated = facts?.events.find((e) => e.time === facts.mitigated);
    expect(mitigated).toBeDefined();
    for (const bullet of failedLines) expect(bullet).not.toContain(mitigated?.text ?? '\0');
  });
});
