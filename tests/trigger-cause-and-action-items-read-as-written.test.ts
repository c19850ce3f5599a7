/**
 * Trigger and root cause told apart, as set 10's blind judging asked (issue 12, round 2): a line
 * that names the trigger and then, under a label ("Why it could happen:", "What let it happen:"),
 * the reason it could, gives the trigger without the reason and the reason as the root cause; a
 * promise to look into the root cause ("will keep working on the root cause", "RCA to follow") is
 * never the cause; a remediation ("We remediated by moving traffic ...") is never the trigger; an
 * action item's owner written in words ("Mei owns it", "owned by Carlos", "Ines will take it"), a
 * Phabricator task ("T5521") and a done note in brackets ("(shipped the same afternoon)") fill
 * the Owner, Ticket and Status columns.
 * Fixtures: tests/fixtures/writer-kinds-s10-12d (invented).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-s10-12d');
const pack = (name: string) => builtinPackOf(join(DIR, name));
const UNKNOWN = /still under investigation/i;

describe('a line that names the trigger, then why it could happen', () => {
  test('"That\'s the trigger. Why it could happen: ..."', () => {
    const p = pack('trigger-then-why-in-one-line.md');
    expect(p.trigger).toMatch(/font-bundle rollout/);
    expect(p.trigger).not.toMatch(/checksum|why it could happen|that's the trigger/i);
    expect(p.cause).toMatch(/ready when the copy starts, not when its checksum matches/);
    expect(p.cause).not.toMatch(UNKNOWN);
  });
  test('"This was the trigger. What let it happen: ..."', () => {
    const p = pack('trigger-and-what-let-it-happen.md');
    expect(p.trigger).toMatch(/secret rotation/);
    expect(p.trigger).not.toMatch(/only at boot|what let it happen|this was the trigger/i);
    expect(p.cause).toMatch(/read the secret only at boot/);
    expect(p.cause).not.toMatch(UNKNOWN);
  });
});

describe('a promise to find the root cause is no cause', () => {
  test('the stated cause is told, not the promise', () => {
    const p = pack('vendor-will-find-the-root-cause.md');
    expect(p.cause).toMatch(/ran out of inodes/);
    expect(p.cause).not.toMatch(/keep working/i);
  });
  test('with no cause stated, the cause is still under investigation', () => {
    const p = pack('root-cause-analysis-to-follow.md');
    expect(p.cause).toMatch(UNKNOWN);
    expect(p.cause).not.toMatch(/investigating|RCA to follow/i);
  });
});

describe('a remediation is not the trigger', () => {
  test('"We remediated by moving traffic ..." beside a promise to find the cause', () => {
    const p = pack('remediation-is-not-the-trigger.md');
    expect(p.trigger).not.toMatch(/remediated|moving traffic/i);
    expect(p.cause).toMatch(UNKNOWN);
  });
  test('"root-caused this issue to X" is the cause, and the mitigation after it no trigger', () => {
    const p = pack('status-page-root-caused-to.md');
    expect(p.cause).toMatch(/expired intermediate certificate/);
    expect(p.trigger).not.toMatch(/mitigated|backup edge/i);
  });
});

describe("an action item's owner, ticket and status, written in words", () => {
  test('"Mei owns it", "(done during the incident)", "(T5521)"', () => {
    const { items } = pack('follow-ups-with-owner-words-and-done-notes.md');
    const budget = items.find((item) => /retry budget/.test(item.text));
    expect(budget?.owner).toBe('Mei');
    expect(budget?.text).not.toMatch(/owns it/);
    expect(items.find((item) => /dashboard for queue age/.test(item.text))?.status).toBe('done');
    const refuse = items.find((item) => /refuse empty batches/.test(item.text));
    expect(refuse?.ticket).toBe('T5521');
    expect(refuse?.owner).toBeNull();
  });
  test('"owned by Carlos (T90211)", "(shipped the same afternoon)", "Ines will take it"', () => {
    const { items } = pack('action-items-owned-by-and-shipped.md');
    const limit = items.find((item) => /Rate-limit the export endpoint/.test(item.text));
    expect(limit?.owner).toBe('Carlos');
    expect(limit?.ticket).toBe('T90211');
    expect(items.find((item) => /Pin the export worker/.test(item.text))?.status).toBe('done');
    const alert = items.find((item) => /queue depth/.test(item.text));
    expect(alert?.owner).toBe('Ines');
    expect(alert?.text).not.toMatch(/will take it/);
  });
});

describe('a task list run into one message or line', () => {
  const rows = (name: string) =>
    pack(name).items.map((item) => ({
      text: item.text,
      owner: item.owner,
      ticket: item.ticket,
      status: item.status,
    }));
  test('"- [x] Rotate ... - Ana, SEC-88 (done Oct 14)" under a chat header', () => {
    const items = rows('task-list-in-one-chat-message.md');
    expect(items).toContainEqual({
      text: expect.stringMatching(/^Rotate the other staging passwords in that vault/),
      owner: 'Ana',
      ticket: 'SEC-88',
      status: 'done',
    });
    expect(items).toContainEqual({
      text: 'Block gists from the corporate SSO',
      owner: 'Tomas',
      ticket: 'SEC-89',
      status: 'open',
    });
    expect(items.some((item) => /pre-push secret hook/.test(item.text))).toBe(true);
    expect(items.every((item) => !/\[[ x]\]|no ticket/i.test(item.text))).toBe(true);
  });
  test('"* [ ] Fail the job ... - Wei, T7781 * [x] Page on ... - Priya (shipped Jan 27)"', () => {
    const items = rows('task-list-with-stars-and-tasks.md');
    expect(items).toContainEqual({
      text: 'Fail the job when it writes 0 bytes',
      owner: 'Wei',
      ticket: 'T7781',
      status: 'open',
    });
    expect(items).toContainEqual({
      text: expect.stringMatching(/^Page on a missing nightly object/),
      owner: 'Priya',
      ticket: null,
      status: 'done',
    });
    expect(items.every((item) => !/\[[ x]\]/i.test(item.text))).toBe(true);
  });
});
