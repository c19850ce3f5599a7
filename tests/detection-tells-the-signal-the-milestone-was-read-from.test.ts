/**
 * Detection agrees with the milestones: when one written line or paragraph holds the start and
 * the alert ("the first uploads failed at 09:10 ...; PagerDuty paged at 09:18"), Detection
 * quotes the alert at the analysis's detection time, not the first sentence of the line, and the
 * response never quotes the start as the resolution. Fixtures: tests/fixtures/writer-kinds-12i
 * (invented).
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-12i');

test('a page told in the same sentence as the first failure is how it was detected', () => {
  const pack = builtinPackOf(join(DIR, 'prose-line-with-start-and-alert.md'));
  expect(pack.detection).toMatch(
    /^Detected at 09:18 UTC by an alert, 8 minutes after impact began: "PagerDuty paged/,
  );
  expect(pack.detection).not.toMatch(/Detected at 09:10/);
});

test('a check that alerted after shoppers saw errors is detection, and its lag is told', () => {
  const pack = builtinPackOf(join(DIR, 'report-paragraph-with-start-and-check.md'));
  expect(pack.detection).toMatch(
    /^Detected at 16:47 PST by an automated test, 7 minutes after impact began/,
  );
  expect(pack.response).not.toMatch(/Resolved: "Shoppers began/);
  expect(pack.response).toMatch(/16:55 PST: Reverted it/);
  expect(pack.response).toMatch(/16:58 PST: (?:Recovery|Resolved): "the 502s stopped/);
});
