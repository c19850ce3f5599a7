/**
 * Response and recovery lists what responders did. What they saw ("CPU is at 92%", "we see 5xx
 * from eu-west", "ingest workers are all hung"), a status post and an outcome ("queue draining",
 * "backlog clearing") are not actions, and the summary's "We mitigated it at" names the action
 * before the recovery, never the recovery line. Fixtures: tests/fixtures/writer-kinds-12i
 * (invented), and a real Zoom chat whose observations were listed as steps.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-12i');

describe.each([
  {
    name: 'observations-then-a-reroute.md',
    observations: [/CPU is at 92%/, /we see 5xx/i, /posted an update/i, /status page/i],
    fix: /^14:15 \S+: Moved checkout reads to the standby pool/m,
    mitigated: /We mitigated it at 14:15 \S+: moved checkout reads/,
    outcome: /^14:19 \S+: Recovery: "queue draining/m,
  },
  {
    name: 'journal-observations-and-a-draining-backlog.md',
    observations: [/disk is full/i, /workers are all hung/i, /retry queue is at 48k/i],
    fix: /^03:22 UTC: Deleted the rotated WAL segments/m,
    mitigated: /We mitigated it at 03:22 UTC: deleted the rotated WAL segments/,
    outcome: /^03:26 UTC: Recovery: "backlog clearing/m,
  },
])('$name', ({ name, observations, fix, mitigated, outcome }) => {
  const pack = builtinPackOf(join(DIR, name));

  test('what responders saw is not listed as a step', () => {
    for (const seen of observations) expect(pack.response).not.toMatch(seen);
  });
  test('the action is listed with its time', () => {
    expect(pack.response).toMatch(fix);
  });
  test('the summary names the action, not the recovery line, as the mitigation', () => {
    expect(pack.summary).toMatch(mitigated);
    expect(pack.summary).not.toMatch(/mitigated it at [^.]*(?:draining|clearing)/i);
  });
  test('the outcome is told as the recovery', () => {
    expect(pack.response).toMatch(outcome);
  });
});

test('a chat of observations between the page and the restart lists only the restart', () => {
  const pack = builtinPackOf(
    join(import.meta.dirname, 'fixtures/real-pastes/zoom-saved-chat-two-windows.md'),
  );
  expect(pack.response).not.toMatch(/shard has no primary|all blocked|nodes are stalled/i);
  expect(pack.response).not.toMatch(/CPU is pegged/i);
  expect(pack.response).toMatch(/All nodes restarted, new primary elected/);
});
