/**
 * The kinds of fault a fourth blind judging of the built-in writer found (session 8, issue 12,
 * part A: summary, trigger and root cause, detection, response), each with an invented incident
 * and the substance a reader must see. Fixtures: tests/fixtures/writer-kinds-4 (invented; see its
 * README).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-4');
const pack = (name: string) => builtinPackOf(join(DIR, name));

describe('a person ran a script, and the notes say it was a tooling gap', () => {
  const p = pack('tooling-gap-not-a-person.md');

  test('the root cause is the missing production check, with no name and no host', () => {
    expect(p.cause).toMatch(/has no production check/);
    for (const text of [p.cause, p.summary, p.trigger, p.response]) {
      expect(text).not.toMatch(/\bSam\b|\bLee\b/);
      expect(text).not.toMatch(/int\.acme\.example/);
    }
  });
  test('running the job is the trigger, told without the name', () => {
    expect(p.trigger).toMatch(/cleanup job/);
    expect(p.trigger).not.toMatch(/does not name a separate trigger/);
  });
  test('re-pointing the store is the mitigation and the recovery line is the one that says so', () => {
    expect(p.response).toMatch(
      /08:31 UTC: .*re-pointed the session store to last night's replica/i,
    );
    expect(p.response).not.toMatch(/does not record a mitigating action/);
    expect(p.response).toMatch(/08:40 UTC: Recovery: "logins normal"/);
    // A bare "resolved" line is told as the close, not quoted as if it said more.
    expect(p.response).toMatch(/09:00 UTC: Resolved\.$/);
    expect(p.summary).toMatch(/We mitigated it at 08:31 UTC/);
  });
});

describe('a cause written in an e-mail beside an aside and a decision', () => {
  const p = pack('cause-in-prose-beside-an-aside.md');

  test('the sentence that says what failed is the root cause', () => {
    expect(p.cause).toMatch(/put unexpected load on the session database/);
    expect(p.cause).not.toMatch(/can't reproduce/);
    expect(p.summary).not.toMatch(/still under investigation/);
    expect(p.summary).not.toMatch(/can't reproduce/);
  });
});

describe('a deploy, a symptom written with "instead of", and a customer who found it', () => {
  const p = pack('customer-found-it.md');

  test('the symptom is not the root cause; the deploy is the trigger', () => {
    expect(p.cause).toMatch(/still under investigation/);
    expect(p.cause).not.toMatch(/0% VAT instead of 20%/);
    expect(p.trigger).toMatch(/^At 10:00 UTC: Payments v3.4 deployed/);
  });
  test('the customer mail is the detection, with its delay and the note that nothing paged', () => {
    expect(p.detection).toMatch(/Detected at 10:47 UTC by a customer report/);
    expect(p.detection).toMatch(/47 minutes after/);
    expect(p.detection).toMatch(/nothing paged us/);
  });
});

describe('a cause labelled "Cause:" that names the change that set it off', () => {
  const p = pack('labelled-cause-names-the-change.md');

  test('the cause is told once, without its label or the remediation clause', () => {
    expect(p.cause).toMatch(/^A firmware update on the ap-east-2 storage rack broke multipath\./);
    expect(p.cause).not.toMatch(/until the fixed firmware/);
    expect(p.summary).not.toMatch(/Root cause: Cause|Cause:/);
  });
  test('the firmware update is named as the trigger', () => {
    expect(p.trigger).toMatch(/firmware update/);
    expect(p.trigger).not.toMatch(/does not name a separate trigger/);
  });
  test('the summary tells scope, fix and cause in sentences', () => {
    expect(p.summary).toMatch(/drained the ap-east-2 storage rack/i);
    expect(p.summary).toMatch(/Scope: us-west and eu-north were unaffected throughout\./);
    expect(p.summary).toMatch(/firmware update .* broke multipath/);
  });
});

describe("a provider's outage that our own bug turned into ours", () => {
  const p = pack('provider-outage-beside-our-bug.md');

  test('our bug is the root cause, the provider outage the trigger', () => {
    expect(p.cause).toMatch(/doesn't fall back to origin/);
    expect(p.trigger).toMatch(/Acme CDN is having an outage/);
  });
  test('pointing the proxies back at origin is the mitigation; the aside is nowhere', () => {
    expect(p.response).toMatch(/10:31 .*point them back at origin/);
    expect(p.response).not.toMatch(/does not record a mitigating action/);
    for (const text of [p.response, p.summary, p.trigger, p.cause])
      expect(text).not.toMatch(/build cache/);
  });
  test('someone who only posted asides is not named as a responder', () => {
    // The timeline withholds names, so Detection counts the two who worked it (Omar, Mia).
    expect(p.detection).toMatch(/Responders: 2 engineers/);
    expect(p.detection).not.toMatch(/Raj Patel/);
  });
});

describe('a guess acted on, that the notes say did not help', () => {
  const p = pack('failed-attempt-told-in-notes.md');

  test('the guess is not the trigger; the line that names the release is', () => {
    expect(p.trigger).not.toMatch(/scraper/);
    expect(p.trigger).toMatch(/12:55 release dropped the debounce/);
  });

  test('service back at 13:30 is told before the close at 13:45', () => {
    expect(p.summary).toMatch(/back to normal at 13:30 UTC; the incident was closed at 13:45 UTC/);
  });
  test('the wrong first guess is told as what slowed the response', () => {
    expect(p.detection).toMatch(/What slowed the response: .*first suspected a scraper/);
  });
  test('the attempt is shown as failed and the fix is the restored build', () => {
    expect(p.response).toMatch(/13:05 UTC: Failed attempt: .*bot-block rules/);
    expect(p.summary).toMatch(/We mitigated it at 13:22 UTC/);
  });
});

describe('a tool export whose notes wrap what responders said', () => {
  const p = pack('tool-records-are-not-actions.md');

  test('priority changes and status posts are not actions; the re-pointing is', () => {
    expect(p.response).not.toMatch(/Priority changed/);
    expect(p.response).not.toMatch(/Statuspage/i);
    expect(p.response).toMatch(/16:20 UTC: Re-pointed the consumers at the new broker address/);
  });
  test('"This is the likely cause" points back at the sentences that state it', () => {
    expect(p.cause).toMatch(/pinned an old broker address/);
    expect(p.cause).not.toMatch(/Note added by/);
  });
  test('the unrelated note is never the trigger', () => {
    expect(p.trigger).not.toMatch(/nightly export/);
    expect(p.summary).not.toMatch(/nightly export/);
  });
});

describe('a failover after which the pooler kept dead connections, with status posts', () => {
  const p = pack('pooler-kept-dead-connections.md');

  test('the pooler holding dead connections is the cause, not a status post or a decision', () => {
    expect(p.cause).toMatch(/^Failover finished but the connection pooler is still holding dead/);
    expect(p.cause).not.toMatch(/identified the issue|can't reproduce/);
  });
  test('the manual intervention is the mitigation and status posts are not actions', () => {
    expect(p.summary).toMatch(
      /We mitigated it at 01:55 UTC: manual intervention on the connection pooler/i,
    );
    expect(p.response).not.toMatch(/Monitoring - We identified/);
  });
});

describe('a cause the notes say was traced later, and another alert clearing', () => {
  const p = pack('cause-found-later-in-notes.md');

  test('"later traced to" is the cause, told without the lead-in', () => {
    expect(p.cause).toMatch(/^The weekly export queries pointed at the production queue database/);
    expect(p.summary).not.toMatch(/still under investigation/);
  });
  test('an unrelated alert closing is neither the recovery nor the end', () => {
    expect(p.response).not.toMatch(/certificate check passed/);
    expect(p.response).toMatch(/11:17 UTC: Recovery: "build start times back to normal"/);
    expect(p.summary).toMatch(/from 10:37 UTC to 11:17 UTC \(40 minutes\)/);
    expect(p.summary).toMatch(/We mitigated it at 11:08 UTC/);
  });
});

describe('a diagnosis that says other regions look healthy, before the move to backup', () => {
  const p = pack('recovery-said-before-the-fix.md');

  test('the move to backup is the mitigation and login working again the recovery', () => {
    expect(p.response).not.toMatch(/Recovery: "on it/);
    // "Login began ...": a capitalised subject that is no person keeps its sentence.
    expect(p.response).toMatch(/03:38 UTC: Recovery: "Login began working again/);
    expect(p.summary).toMatch(
      /We mitigated it at 03:26 UTC: moved EU traffic over to the backup region/i,
    );
  });
});

describe('a status-page write-up told in prose', () => {
  const p = pack('prose-write-up.md');

  test('the change told before the cause is the trigger, the leftover setting the cause', () => {
    expect(p.trigger).toMatch(/attempted a reconfiguration of the session settings/);
    expect(p.trigger).not.toMatch(/What happened/);
    expect(p.cause).toMatch(/^The leftover setting stopped new console hosts from booting/);
    expect(p.cause).not.toMatch(/identified at 14:40/);
  });
  test('detection is told from the prose, and the trigger story is not a response step', () => {
    expect(p.detection).toMatch(/monitoring began to detect elevated error rates/);
    expect(p.response).not.toMatch(/didn't work as expected/);
  });
});

describe("a provider's fault when the team changed nothing", () => {
  const p = pack('provider-fault-no-change-of-ours.md');

  test("the provider's status is the cause and the trigger says no change of ours", () => {
    expect(p.cause).toMatch(/delivery delays for EU mailboxes/);
    expect(p.trigger).toMatch(/^No change of ours set it off; .*"we made no change before this\."/);
  });
});

describe("an incident tool's summary fields ('Impact started', 'Reported at')", () => {
  const p = pack('tool-summary-fields.md');

  test('detection quotes the alert at the reported time, not the field', () => {
    expect(p.detection).toMatch(/^Detected at 07:16 UTC by an alert, 6 minutes after impact began/);
    expect(p.detection).not.toMatch(/"Reported"/);
  });
  test('a bare milestone name is not told as the first sign', () => {
    expect(p.summary).not.toMatch(/"Impact started"/);
    expect(p.trigger).not.toMatch(/"Impact started"/);
  });
});
