/**
 * The kinds of input a blind judge found the built-in writer misreading: a responder's
 * mid-timeline diagnosis, a banner beside it, a failed attempt before the fix, an alert that is
 * not "no alert", follow-ups under a label, and a message to users that must say what they saw.
 * Fixtures: tests/fixtures/writer-kinds (invented; see its README).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinPackOf, sectionText } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds');
const text = sectionText;
const pack = (name: string) => builtinPackOf(join(DIR, name));

describe('a chat paste whose cause a responder states mid-incident', () => {
  const p = pack('regex-backtracking-chat.md');

  test("the root cause is the responder's diagnosis, not the time-zone banner", () => {
    expect(p.cause).toContain('backtracks on long inputs');
    expect(p.cause).toContain('(timeline, 10:18 PDT)');
    expect(p.cause).not.toMatch(/marco/i);
    expect(p.cause).not.toMatch(/PST|San Francisco|copied/);
  });

  test('the mitigation is the action before recovery; the restart that did not help is failed', () => {
    expect(p.summary).toMatch(/mitigated it at 10:24 PDT: disabled the regex rule/);
    expect(p.response).toMatch(/10:09 PDT: Failed attempt: restarted search-api pods/);
    expect(p.summary).not.toMatch(/mitigated it at 10:09/);
  });

  test('a PagerDuty page is detection by an alert, and no filler alert item is added', () => {
    expect(p.detection).toMatch(/by an alert/);
    expect(p.items.map((i) => i.text).join('\n')).not.toMatch(/Add an alert that fires/);
  });

  test('every item under "Next steps:" is an action item, with its owner and ticket', () => {
    const texts = p.items.map((i) => i.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringContaining('regex timeout'),
        expect.stringContaining('Fuzz test query patterns'),
        expect.stringContaining('CPU saturation alert'),
      ]),
    );
    const timeout = p.items.find((i) => i.text.includes('regex timeout'));
    expect(timeout).toMatchObject({ owner: 'marco', ticket: 'SEARCH-412' });
    // A restart that ran but did not help is a wrong guess, not a broken tool to fix.
    expect(texts.join('\n')).not.toMatch(/attempt fail/);
  });

  test('the message to users says what they saw, how bad against normal, and that it is fixed', () => {
    expect(p.users).toMatch(/slow responses and timeouts when using search/);
    expect(p.users).toContain('up to 4s instead of the usual 200ms');
    expect(p.users).toMatch(/fixed/);
    expect(p.users).not.toMatch(/still working/);
    expect(p.users).not.toMatch(/> 2s/);
  });
});

describe('an e-mail write-up with a failed rollback, data and what users must do', () => {
  const p = pack('sso-outage-email.md');

  test('the fix is uploading the certificate, not the rollback that failed', () => {
    expect(p.summary).toMatch(/mitigated it at 09:31 .*uploaded the new certificate/i);
    expect(p.response).toMatch(/Failed attempt: tried rolling back the auth service/);
  });

  test('the message to users says who could not sign in, the error rate against normal, data and what to do', () => {
    expect(p.users).toMatch(/about 1,200 SSO users could not sign in/);
    expect(p.users).toContain('35%');
    expect(p.users).toContain('normally under 1%');
    expect(p.users).toContain('No data was lost.');
    expect(p.users).toMatch(/sign in again/);
  });

  test('"AI:" lines are action items with owners, a done one marked done; what users must do is not an item', () => {
    const rotation = p.items.find((i) => /certificate rotation/.test(i.text));
    expect(rotation).toMatchObject({ owner: 'Tom', type: 'detect', status: 'open' });
    const runbook = p.items.find((i) => /rotation runbook/.test(i.text));
    expect(runbook?.status).toBe('done');
    expect(runbook?.text).not.toMatch(/done/);
    expect(p.items.map((i) => i.text).join('\n')).not.toMatch(/sign in again/);
  });
});

describe('a change named mid-incident and undone by the fix, with no cause stated', () => {
  const p = pack('deploy-named-mid-incident.md');

  test('the trigger is the deploy the responder named; the cause is still under investigation', () => {
    expect(p.trigger).toContain('10:00 deploy');
    expect(p.trigger).toMatch(/Undoing it at 10:19 EST/);
    expect(p.cause).toMatch(/still under investigation/);
  });

  test('the message to users names the errors and their rate and does not invent a cause', () => {
    expect(p.users).toMatch(
      /(?:saw|seen) errors when using checkout: up to 30% of requests failed/,
    );
    expect(p.users).toMatch(/still investigating the cause/);
    expect(p.published).not.toMatch(/unknown/i);
  });
});

describe('human Trigger, Detection and Lessons learned sections', () => {
  const p = pack('human-trigger-detection-lessons.md');

  test('are carried verbatim in their sections, and the summary tells the human trigger', () => {
    expect(p.document.trigger.origin).toBe('human');
    expect(p.trigger).toContain('5x the usual upload traffic');
    expect(p.document.detection.origin).toBe('human');
    expect(p.detection).toContain('paged the on-call engineer');
    expect(p.document.lessons.origin).toBe('human');
    expect(text(p.document.lessons)).toContain('the thumbnailer had no autoscaling');
    expect(p.summary).toContain('Trigger: A marketing campaign sent 5x the usual upload traffic');
  });

  test("lessons are not action items; the team's action item is", () => {
    const texts = p.items.map((i) => i.text);
    expect(texts).toContain('add autoscaling to the thumbnailer');
    expect(texts.join('\n')).not.toMatch(/Went well|Went wrong|alert fired within/);
  });
});
