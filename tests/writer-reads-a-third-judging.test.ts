/**
 * The kinds of fault a third blind judging of the built-in writer found (session 7, issue 12,
 * round 3), each with an invented incident and the substance a reader must see: follow-ups listed
 * at the end of a chat message, a cause said in chat in the first person, a trigger that is an
 * expiry, a deletion or a tool disabling a service, a mitigation without a listed verb, a late
 * alert, raw export prefixes and emoji codes in public texts, a total outage told as "some of
 * you". Fixtures: tests/fixtures/writer-kinds-3 (invented; see its README).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-3');
const pack = (name: string) => builtinPackOf(join(DIR, name));

describe('a certificate that expired because its renewal job failed silently', () => {
  const p = pack('certificate-expired-renewal-failing-silently.md');

  test('the expiry is the trigger, the silent renewal failure the root cause', () => {
    expect(p.trigger).toMatch(/^At 00:00 UTC: The wildcard certificate .* expired/);
    expect(p.cause).toMatch(/^The cert renewal cron has been failing silently .* because/);
    expect(p.cause).not.toMatch(/found it/i);
  });
  test('issuing a certificate by hand and reloading the LBs is the mitigation', () => {
    expect(p.response).toMatch(/00:35 UTC: Issued a new certificate by hand and reloaded the LBs/);
    expect(p.summary).toMatch(/We mitigated it at 00:35 UTC/);
    expect(p.response).not.toMatch(/lunch/);
  });
  test('detection is told with its delay after the expiry, not "as impact began"', () => {
    expect(p.detection).toMatch(/00:09 UTC .*9 minutes after the trigger at 00:00 UTC/);
    expect(p.detection).not.toMatch(/as impact began/);
  });
  test('the "Next:" list is the action items, with the owner and ticket it names', () => {
    expect(p.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          text: 'Alert on certificate expiry 14 days ahead',
          owner: 'Priya',
        }),
        expect.objectContaining({ text: 'Page when the renewal job fails', ticket: 'OPS-88' }),
      ]),
    );
  });
  test('a total outage is told to users as one, and emoji codes are not published', () => {
    expect(p.users).not.toMatch(/some of you/);
    expect(p.users).toMatch(/100% in all regions/);
    expect(p.published).not.toMatch(/:[a-z_]+:/);
    expect(p.response).not.toMatch(/:white_check_mark:/);
  });
});

describe('credentials deleted before the new ones reached production, told in chat', () => {
  const p = pack('credentials-deleted-before-deploy.md');

  test('the follow-ups numbered at the end of a chat message are action items', () => {
    expect(p.items.map((item) => item.text)).toEqual(
      expect.arrayContaining([
        'Make the deploy script default to production or refuse without --env',
        'Never delete the old key until the new one is live',
        'Alert on R2 write errors within 2 minutes',
      ]),
    );
    expect(p.items.find((item) => /^Alert on R2/.test(item.text))?.type).toBe('detect');
    expect(p.response).not.toMatch(/Follow-ups/);
  });
  test('the cause said in the first person is told as "we", without the chat lead-in', () => {
    expect(p.cause).toMatch(/^We never passed --env production/);
    expect(p.cause).toMatch(/which we deleted/);
    expect(`${p.cause}\n${p.summary}\n${p.published}`).not.toMatch(/\bI\b|\bok I see it\b/i);
  });
  test('the key deletion is the trigger, without the export\'s "Action" prefix', () => {
    expect(p.trigger).toMatch(/^At 14:0[56] UTC: (?:Deleted old key|Rotated the R2 access keys)/);
    expect(p.trigger).not.toMatch(/a server/);
  });
  test('the customer report detected it; the alert is told as late, with the metric named', () => {
    expect(p.detection).toMatch(/^Detected at 14:14 UTC by a customer report/);
    expect(p.detection).toMatch(/alert came late, at 14:20 UTC.*r2\.put\.errors/);
  });
  test('users hear that every upload failed and that no data was lost', () => {
    expect(p.users).toMatch(/every upload failed/);
    expect(p.users).not.toMatch(/some of you/);
    expect(p.users).toMatch(/No data was lost/);
  });
});

describe('a remediation tool that disabled a healthy service', () => {
  const p = pack('remediation-tool-disabled-service.md');

  test('the tool disabling the service is the trigger', () => {
    expect(p.trigger).toMatch(/^At 09:00 UTC: Fleet-remediator .* disabled the service/);
  });
  test('the cause line is no recovery; re-enabling the service is the fix', () => {
    expect(p.response).not.toMatch(/Recovery: "the cause was/);
    expect(p.summary).toMatch(/We mitigated it at 09:38 UTC: re-enabled search-api/);
  });
  test('a Remediation list item marked done is a done action item', () => {
    expect(p.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          text: "Exclude GC pauses from the remediator's health check",
          ticket: 'SRCH-201',
          owner: 'Dana',
          status: 'done',
        }),
        expect.objectContaining({ text: 'Add an alert on the number of disabled nodes' }),
      ]),
    );
  });
});

describe('no follow-ups written, but the cause makes some plain', () => {
  const p = pack('renewal-job-failing-silently-no-follow-ups.md');

  test('a job that failed silently and a certificate that expired give detection items', () => {
    expect(p.items.map((item) => item.text)).toEqual(
      expect.arrayContaining([
        'Alert when the renewal job fails, so it cannot fail silently again',
        'Alert well before the API certificate for api.example.net expires',
      ]),
    );
    expect(p.items.every((item) => item.type === 'detect')).toBe(true);
  });
  test('a customer report, not an alert, detected it, 20 minutes after the expiry', () => {
    expect(p.detection).toMatch(/^Detected at 06:20 UTC by a customer report/);
  });
});

describe('a cause announced with a colon, its list on the lines after', () => {
  const p = pack('cause-list-after-an-announcing-line.md');

  test('the root cause is the list, not the announcement, and no list marker is quoted', () => {
    expect(p.cause).toMatch(/^The broker upgrade turned on lazy queues/);
    expect(p.cause).not.toMatch(/Root cause found|\b1\\?\)/);
  });
  test('turning a feature off, with its object between the words, is the mitigation', () => {
    expect(p.response).toMatch(/10:52 UTC: Turned lazy queues off on every broker/);
  });
});

describe('the HN post says how it was fixed, never only when service came back', () => {
  test('with a fix, "How we fixed it" names the action', () => {
    const p = pack('remediation-tool-disabled-service.md');
    expect(p.document.hnPost.body).toMatch(/How we fixed it:\n.*re-enabled search-api/i);
  });
  test('without a recorded action, the heading is left out rather than filled with the recovery time', () => {
    const p = pack('recovered-without-a-recorded-action.md');
    const fixed = /How we fixed it:\n([^\n]+)/.exec(p.document.hnPost.body)?.[1] ?? '';
    expect(fixed).not.toMatch(/^Service was back/);
  });
});

describe('a change the team tagged unrelated, before the failure', () => {
  const p = pack('unrelated-change-before-the-failure.md');

  test('is never the trigger', () => {
    expect(p.trigger).not.toMatch(/docs site/);
  });
});
