/**
 * The kinds of fault a second blind judging found (session 6, issue 12), each with an invented
 * incident: a stated cause reported as unknown, the failure itself given as the mitigation, a
 * partial recovery marked failed, a customer ticket or synthetic check read as "not recorded",
 * an internal incident told to users as an outage, and raw input in public texts.
 * Fixtures: tests/fixtures/writer-kinds (invented; see its README).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { truncateTitle } from '../src/pipeline/format/titles.js';
import { splitActions } from '../src/pipeline/write/builtin/follow-ups.js';
import { symptomOf } from '../src/pipeline/write/builtin/message-to-users.js';
import { readIncident } from '../src/pipeline/write/builtin/read-incident.js';
import { sourceFromFixture } from './helpers/source.js';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds');
const pack = (name: string) => builtinPackOf(join(DIR, name));

describe('a silent failure a customer reported', () => {
  const p = pack('silent-drop-found-by-a-customer.md');

  test('the cause stated in a "confirmed:" line is the root cause, not "under investigation"', () => {
    expect(p.cause).toContain('silently drops payloads over 64 KB');
    expect(p.summary).not.toMatch(/still under investigation/);
  });
  test('detection is the customer ticket, with its time', () => {
    expect(p.detection).toMatch(/10:12 UTC by a customer report/);
  });
});

describe('a failover to a standby that was behind, losing data', () => {
  const p = pack('failover-to-a-stale-standby-loses-data.md');

  test('the crash and the automatic failover are not the mitigation', () => {
    expect(p.response).not.toMatch(/14:40 UTC: (?!Recovery)/);
    expect(p.summary).not.toMatch(/mitigated it at 14:40/);
  });
  test('the stale standby is told as the cause of the loss', () => {
    expect(p.cause).toContain('6 minutes behind');
  });
  test('the message says what was lost, what users must do, and what was not lost', () => {
    expect(p.users).toContain('were lost and cannot be recovered');
    expect(p.users).toContain('affected users should upload them again');
    expect(p.users).toContain('Nothing else was lost');
  });
  test('the HN post and the thread tell the loss and what users must do too', () => {
    expect(p.document.hnPost.body).toContain('cannot be recovered');
    expect(p.document.twitterThread.tweets.join('\n')).toContain('upload them again');
  });
});

describe('a partial recovery, then a rollback that got stuck', () => {
  const p = pack('partial-recovery-then-a-stuck-rollback.md');

  test('the partial recovery is not a failed attempt; the stuck rollback is', () => {
    expect(p.response).toMatch(/08:20 UTC: Partial recovery: restarted the payment workers/i);
    expect(p.response).toMatch(/08:41 UTC: Failed attempt: SA rollback stuck/);
    expect(p.response).not.toMatch(/Failed attempt: restarted/i);
  });
  test('the mitigation is the step that brought the last region back', () => {
    expect(p.summary).toMatch(/mitigated it at 09:05 UTC/);
  });
  test('detection is the synthetic check, before the alert', () => {
    expect(p.detection).toMatch(/07:58 UTC by an automated test/);
  });
});

describe('an internal incident with no customer impact', () => {
  const p = pack('internal-only-expired-certificate.md');

  test('the message neither invents users nor apologises for an outage they did not have', () => {
    expect(p.users).not.toMatch(/some of you|none (?:could|were|saw)|try it again|sorry/i);
    expect(p.users).toMatch(/no customer impact/i);
    expect(p.summary).toMatch(/no customer impact/);
  });
  test('the expired certificate behind the failure is the root cause', () => {
    expect(p.cause).toContain('TLS certificate expired');
  });
  test('"queue drained by 13:50" is the recovery, not an action', () => {
    expect(p.response).not.toMatch(/13:40 UTC: Jobs flowing/);
  });
});

describe('an outage at a provider, routed around and then switched back', () => {
  const p = pack('provider-outage-switch-and-switch-back.md');

  test("the provider's confirmed outage is the root cause", () => {
    expect(p.cause).toContain('outage on their side');
  });
  test('the mitigation is the switch that brought bookings back, not the switch back', () => {
    expect(p.summary).toMatch(/mitigated it at 09:30/);
  });
  test('a reminder posted in the channel is neither an action nor published', () => {
    expect(p.response).not.toMatch(/lunch/);
    expect(p.published).not.toMatch(/lunch/);
  });
  test('status labels and owners go to their columns; a qualifier is not an owner', () => {
    const done = p.items.find((item) => /page on SMS provider/i.test(item.text));
    expect(done).toMatchObject({ owner: 'ana', ticket: 'OPS-41', status: 'done' });
    expect(done?.text).toBe('Page on SMS provider error rate above 5%');
    const drill = p.items.find((item) => /restore drill/i.test(item.text));
    expect(drill?.owner).toBeNull();
    expect(drill?.text).not.toMatch(/^TODO/);
  });
});

const minimal = (() => {
  const { facts } = analyzeSource(
    sourceFromFixture(join(DIR, 'internal-only-expired-certificate.md')),
  );
  if (!facts) throw new Error('no facts');
  return readIncident({ ...facts, events: [], human: { ...facts.human, impact: null } });
})();

describe('what users saw, from the title', () => {
  test('slow logins are not told as "could not sign in"; 502s are errors, not delays', () => {
    expect(
      symptomOf({ ...minimal, facts: { ...minimal.facts, title: 'Login latency during sale' } }),
    ).toBe('slow');
    expect(
      symptomOf({
        ...minimal,
        facts: { ...minimal.facts, title: 'Proxy returning 502s worldwide' },
      }),
    ).toBe('errors');
  });
});

describe('follow-ups written as a list', () => {
  test('a short item that points back stays with the one before ("and practise it")', () => {
    expect(
      splitActions(
        'Follow-ups: re-introduce the CPU limit, make the bypass not depend on our proxy, and practise it.',
      ),
    ).toEqual([
      're-introduce the CPU limit',
      'make the bypass not depend on our proxy and practise it',
    ]);
  });
});

describe('a long title in the HN post', () => {
  test('is cut at a clause, never on a dangling word', () => {
    const long =
      'Postmortem: Proxy returning 502s worldwide: WAF managed rule with a backtracking regex exhausted CPU';
    expect(truncateTitle(long)).toBe('Postmortem: Proxy returning 502s worldwide');
    const words =
      'Postmortem for the incident in which the primary database of the eu cluster ran out of disk with a backup';
    const cut = truncateTitle(words);
    expect(Array.from(cut).length).toBeLessThanOrEqual(80);
    expect(cut).not.toMatch(/\b(?:a|the|with|of|in)…$/);
    const verb = truncateTitle(
      "Postmortem: Shop.example down after the primary database's data directory was removed by mistake",
    );
    expect(verb).not.toMatch(/\bwas…$/);
  });
});

describe('a write-up in prose with the cause in a list under a lead-in', () => {
  const p = pack('prose-write-up-cause-in-a-list.md');

  test('the cause is the list item, not the lead-in, and not the step that helped', () => {
    expect(p.cause).toContain('holds a global lock under heavy write load');
    expect(p.cause).not.toMatch(/found with the vendor|Restarting the nodes/);
  });
  test('the actions and the failed attempts told in the notes are the response', () => {
    expect(p.response).toMatch(/Failed attempts: .*adding two more nodes/i);
    expect(p.response).toContain('letting traffic back in region by region');
  });
});

describe('a page, and a stop that came too late, in a database restore', () => {
  const p = pack('page-and-a-too-late-stop-are-not-fixes.md');

  test('the page is not an action; the attempts that failed are shown failed', () => {
    expect(p.response).not.toMatch(/22:00 UTC: Paged/);
    expect(p.response).toMatch(/22:10 UTC: Failed attempt/);
    expect(p.response).toMatch(/22:30 UTC: Failed attempt/);
  });
  test('the fix is the restore, not the stop that came too late', () => {
    expect(p.summary).toMatch(/mitigated it at 23:50 UTC/);
  });
});
