/**
 * The kinds of fault a second blind judging of the built-in writer found (session 6, issue 12,
 * round 2), each with an invented incident: follow-ups written under a "Remediation" heading,
 * in a table, under a heading of their own or in "We are adding ..." prose reported as "no
 * action items"; a mitigation without a listed verb (scaling out) missed; detection credited to
 * an alert that was muted. Fixtures: tests/fixtures/writer-kinds-2 (invented; see its README).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { publicLine } from '../src/pipeline/write/builtin/public-line.js';
import { builtinPackOf, sectionText } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-2');
const text = sectionText;
const pack = (name: string) => builtinPackOf(join(DIR, name));

const itemTexts = (items: { text: string }[]) => items.map((item) => item.text);

describe('a "## Remediation" section that lists plans', () => {
  const p = pack('remediation-section-of-plans.md');

  test('its bullets and its "We are adding" / "Going forward" prose are action items', () => {
    expect(itemTexts(p.items)).toEqual(
      expect.arrayContaining([
        'Add a canary stage for cache config pushes',
        'Alert on checkout error rate above 2%',
        expect.stringMatching(/config diff review to the deploy tool/),
        expect.stringMatching(/^Cache config changes will need two approvals/i),
      ]),
    );
    expect(p.items.find((item) => /^Alert on checkout/.test(item.text))?.type).toBe('detect');
  });
  test('the plans are not told as the response: the revert is', () => {
    expect(p.response).toMatch(/09:10 UTC: On-call reverted the cache config/);
    expect(p.response).not.toMatch(/canary/);
  });
});

describe('follow-ups written as a table under a heading of their own', () => {
  const p = pack('follow-ups-in-a-table.md');

  test('each row is an item with the owner and ticket of its columns', () => {
    expect(p.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          text: 'Block deploys that fail the smoke test',
          owner: 'dana',
          ticket: 'SRCH-10',
        }),
        expect.objectContaining({
          text: 'Add a 5xx burn-rate alert for search',
          owner: 'lee',
          ticket: 'SRCH-11',
          type: 'detect',
        }),
      ]),
    );
  });
});

describe('plans under a heading the parser does not know ("## Fixes") and "We\'ll ..."', () => {
  const p = pack('plans-under-any-heading.md');

  test('the bullets and the "We\'ll" sentence are action items', () => {
    expect(itemTexts(p.items)).toEqual(
      expect.arrayContaining([
        'Size the worker pool from the last 30 days of traffic',
        'Page the integrations team when the queue is older than 10 minutes',
        expect.stringMatching(/review webhook retry settings with the partners team/i),
      ]),
    );
  });
});

describe('a scale-out and a patch that made it worse', () => {
  const p = pack('scaling-and-a-patch-that-made-it-worse.md');

  test('scaling out is a mitigating action, the patch a failed one', () => {
    expect(p.response).toMatch(/08:25 UTC: Scaled api-gateway from 10 to 30 instances/);
    expect(p.response).toMatch(/08:15 UTC: Failed attempt: applied a patch/);
  });
  test('TODO and AI lines are items, with the owner named', () => {
    expect(p.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: 'Rate-limit partner batch jobs' }),
        expect.objectContaining({ text: 'Add autoscaling on request rate', owner: 'sam' }),
      ]),
    );
  });
});

describe('an alert that was muted; a customer found it', () => {
  const p = pack('muted-alert-customer-found-it.md');

  test('detection is the customer report at 11:40, 40 minutes in, not the muted alert', () => {
    expect(p.detection).toMatch(/11:40 UTC by a customer report/);
    expect(p.detection).not.toMatch(/by an alert/);
    expect(p.detection).toMatch(/40 minutes/);
  });
  test('lessons do not say an alert fired', () => {
    expect(text(p.document.lessons)).not.toMatch(/alert (?:fired|caught)/i);
  });
});

describe('a cause stated in an "RCA:" line after a deploy', () => {
  const p = pack('rca-line-after-a-deploy.md');

  test('the RCA line is the root cause and the deploy the trigger', () => {
    expect(p.cause).toMatch(/full table scan on events/);
    expect(p.summary).not.toMatch(/still under investigation/);
    expect(p.trigger).toMatch(/11:00 UTC: Deployed dashboard v5/);
  });
});

describe('a campaign email that set off a traffic surge', () => {
  const p = pack('campaign-traffic-surge.md');

  test('the campaign is the trigger, not "still under investigation"', () => {
    expect(p.trigger).toMatch(/Marketing campaign email went out/);
    expect(p.trigger).not.toMatch(/still under investigation/);
  });
});

describe('a new config named mid-incident as the cause', () => {
  const p = pack('turned-out-new-config.md');

  test('the trigger names the change, not "the timeline does not name a separate trigger"', () => {
    expect(p.trigger).toMatch(/new pool config set max connections to 5/);
    expect(p.trigger).not.toMatch(/does not name a separate trigger/);
  });
});

describe('raw tool prefixes, status changes and host names in the quoted lines', () => {
  const p = pack('raw-log-prefixes-and-hosts.md');

  test('public texts and the summary carry none of them', () => {
    for (const text of [p.published, p.summary]) {
      expect(text).not.toMatch(/\[alert\]|Escalated Escalated|Found it:|Status change/);
      expect(text).not.toMatch(/es-prod-eu-3/);
    }
  });
  test("the cause is still told, in the line's own words", () => {
    expect(p.cause).toMatch(/shard allocator moved all primaries/);
  });
});

describe('edits lost, then restored from the change log', () => {
  const p = pack('lost-edits-restored-later.md');

  test('the message to users says what was lost, that it was restored and what to do', () => {
    expect(p.users).toMatch(/About 4,000 notes lost edits/);
    expect(p.users).toMatch(/At 13:40 UTC we restored the lost edits from the change log/);
    expect(p.users).toMatch(/pull to refresh/);
    expect(p.users).not.toMatch(/still working on it/);
  });
});

describe('a recovery with no recorded fix', () => {
  const p = pack('recovery-without-a-recorded-fix.md');

  test('no tweet only says that service was back: it closes the tweet before', () => {
    const tweets = p.document.twitterThread.tweets.map((t) => t.replace(/^\d+\/\d+\s+/, ''));
    expect(tweets.some((t) => /^Service was back to normal at [\d:]+ UTC\.$/.test(t))).toBe(false);
    expect(p.document.twitterThread.tweets.join(' ')).toMatch(/back to normal (?:at|since) 09:05/);
  });
});

describe('an action-items table with priority and status columns', () => {
  const p = pack('action-items-table-with-priority-and-status.md');

  test('P1 is HIGH, a done status is done, the owner column is the owner', () => {
    expect(p.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          text: 'Warm the cache before sending traffic after a restart',
          priority: 'HIGH',
          owner: 'ana',
          status: 'open',
        }),
        expect.objectContaining({
          text: 'Request coalescing on by default',
          priority: 'MEDIUM',
          owner: 'raj',
          status: 'done',
        }),
      ]),
    );
  });
});

describe('"Going forward, ..." and "AI: @li ..." lines in the timeline', () => {
  const p = pack('going-forward-and-ai-lines-in-the-timeline.md');

  test('both are items; the addressed owner leaves the action text', () => {
    expect(p.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: 'The scheduler will run with two replicas' }),
        expect.objectContaining({ text: 'Add a heartbeat check for the scheduler', owner: 'li' }),
      ]),
    );
  });
});

describe('a quoted line as the public reads it', () => {
  test.each([
    ['[alert] Escalated Escalated search 5xx', 'Escalated search 5xx'],
    ['Restarted payments-worker on es-prod-eu-3', 'Restarted payments-worker'],
    ['Runs it on db1.cluster.gitlab.com instead of db2', 'Runs it on a server instead of db2'],
    ['team-member-1 thinks pg_basebackup refuses', 'team-member-1 thinks pg_basebackup refuses'],
    ['shifted traffic to us-east-1', 'shifted traffic to us-east-1'],
    ['deployed v2.3.1', 'deployed v2.3.1'],
  ])('%s → %s', (line, expected) => {
    expect(publicLine(line)).toBe(expected);
  });
});

describe('an incident marked resolved whose timeline ends at the fix', () => {
  const p = pack('resolved-without-a-recovery-line.md');

  test('the message to users does not say the team is still working on it', () => {
    expect(p.users).not.toMatch(/still working on it|still watching/);
    expect(p.users).toMatch(/This is fixed/);
  });
});
