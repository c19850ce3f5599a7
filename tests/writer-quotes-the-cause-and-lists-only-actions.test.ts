/**
 * The kinds of fault a fifth blind judging of the built-in writer found (session 9, issue 12,
 * part A): raw lines quoted as the root cause, detection told from the wrong line or not at all,
 * impact lines and plans listed as actions, partial recoveries shown as failed attempts. Each
 * with an invented incident and the substance a reader must see. Fixtures:
 * tests/fixtures/writer-kinds-5 (invented; see its README).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-5');
const pack = (name: string) => builtinPackOf(join(DIR, name));

describe('a cause stated in a chat line among a status update, a fix with its purpose and follow-ups', () => {
  const p = pack('cause-among-chatter.md');

  test('the root cause is the sentence that states it, without the status update before it', () => {
    expect(p.cause).toMatch(/Resizer workers exhaust memory on animated images because/);
    expect(p.cause).not.toMatch(/status update|investigating/i);
    expect(p.summary).toMatch(/found the cause: Resizer workers exhaust memory/);
  });
  test('the fix with its purpose, a "because" about what kept working and the follow-ups are not the cause', () => {
    expect(p.cause).not.toMatch(/moved the resizer back/i);
    expect(p.cause).not.toMatch(/keep working/);
    expect(p.cause).not.toMatch(/instead of relying/);
  });
  test('the fix is listed as the action that helped', () => {
    expect(p.response).toMatch(/10:20 UTC: Moved the resizer back to 3\.1/);
    expect(p.summary).toMatch(/We mitigated it at 10:20 UTC/);
  });
  test("a monitor bot's check line is the detection, and neither the bot nor the graphs are responders", () => {
    expect(p.detection).toMatch(/Detected at 10:01 UTC by an alert/);
    expect(p.detection).toMatch(/PROBLEM - thumbnailer HTTP check/);
    expect(p.detection).toMatch(/Responders named in the timeline: priya, marco\./);
    expect(p.response).not.toMatch(/PROBLEM|workers restarting/);
  });
});

describe('detection told by a colleague and in the notes', () => {
  const p = pack('detection-told-in-words.md');

  test('the escalation is the detection, not the line at the same minute that says who looked', () => {
    expect(p.detection).toMatch(/Detected at 14:35 UTC by a customer report/);
    expect(p.detection).toMatch(/Support escalates/);
    expect(p.detection).not.toMatch(/start looking/);
  });
  test("the notes' own words on detection are quoted", () => {
    expect(p.detection).toMatch(/Detection was slow - nothing watches the size of generated PDFs/);
    expect(p.detection).not.toMatch(/does not record how or when/);
  });
  test('a blog post is no action; the rollback is', () => {
    expect(p.response).not.toMatch(/Blog post/);
    expect(p.response).toMatch(/14:52 UTC: Rolled pdf-renderer back to 4\.9/);
  });
});

describe('impact lines, a plan and a status post beside the actions', () => {
  const p = pack('impact-lines-are-not-actions.md');

  test('only what responders did is listed, in order, with times', () => {
    const lines = p.response.split('\n');
    expect(lines[0]).toMatch(/^11:12 UTC: Drained eu-west checkout pods/);
    expect(lines[1]).toMatch(/^11:24 UTC: Failed over checkout to eu-central/);
  });
  test('a knock-on list, a rate jumping, a plan, a status post and pods restarting by themselves are not actions', () => {
    expect(p.response).not.toMatch(/order emails|mobile app impacted/i);
    expect(p.response).not.toMatch(/error rates jump/i);
    expect(p.response).not.toMatch(/-> fail over/);
    expect(p.response).not.toMatch(/preparing a failover/);
    expect(p.response).not.toMatch(/pods restarting/i);
    expect(p.response).not.toMatch(/Failed attempt/);
  });
  test('a backlog that drained by itself and closing the incident are outcomes, not actions', () => {
    expect(p.response).not.toMatch(/^11:40 UTC: eu-west back/im);
    expect(p.response).not.toMatch(/^11:45 UTC: We closed the incident/m);
    expect(p.response).toMatch(/^11:45 UTC: Resolved\.$/m);
  });
});

describe('a first step that brought pages back while users were still hit', () => {
  const p = pack('partial-recovery-is-not-failure.md');

  test('it is a partial recovery, never a failed attempt: the input does not say it failed', () => {
    expect(p.response).toMatch(/22:30 UTC: Partial recovery: .*recreated the infobox cache table/i);
    expect(p.response).not.toMatch(/Failed attempt/);
  });
  test('a person hitting the error before the alert detected it; the alert is still told', () => {
    expect(p.detection).toMatch(/Detected at 22:11 UTC by a person noticing it/);
    expect(p.detection).toMatch(/alert is recorded at 22:12 UTC/);
  });
  test('the job that dropped the table is the trigger', () => {
    expect(p.trigger).toMatch(/^At 22:10 UTC: Weekly cleanup job drops the infobox cache table/);
  });
});

describe('"cause isolated; that setting disabled" after the notes state the cause', () => {
  const p = pack('announced-then-acted.md');

  test('the notes sentence is the root cause; the announcement and the trigger sentence are not', () => {
    expect(p.cause).toMatch(/listed the staging issuer instead of the production one/);
    expect(p.cause).not.toMatch(/setting disabled|identified as the trigger/);
  });
  test('what was done after the announcement is the mitigation', () => {
    expect(p.response).toMatch(/08:20 UTC: Cause isolated; that issuer setting disabled/);
  });
});

describe('responders name the trigger and conclude the cause in chat, after the fix', () => {
  const p = pack('trigger-named-in-chat.md');

  test('the line labelled as the trigger is the trigger, told without its label', () => {
    expect(p.trigger).toMatch(/Login traffic went from 3k to 9k rps after the newsletter/);
    expect(p.trigger).not.toMatch(/initial trigger/i);
    expect(p.cause).not.toMatch(/went from 3k to 9k/);
  });
  test('the fix is not told as what set it off, and the conclusion is the cause without its "so"', () => {
    expect(p.trigger).not.toMatch(/Raised session pod memory/i);
    expect(p.cause).toMatch(/^3 pods were already under-provisioned/);
    expect(p.response).toMatch(/07:12 UTC: Raised session pod memory 256Mi -> 512Mi/);
  });
});

describe('a line that states the cause and goes on to what was done', () => {
  const p = pack('cause-then-what-was-done.md');

  test('the cause is quoted up to what was done next', () => {
    expect(p.cause).toMatch(/Parse failures traced to the syslog input of the shipper\./);
    expect(p.cause).not.toMatch(/shippers restarted|lag dropping/);
  });
});

describe('detection told only in the notes, and a step logged through a chat bot', () => {
  const p = pack('detection-only-in-notes.md');

  test('the notes say how it was found, in place of "not recorded"', () => {
    expect(p.detection).toMatch(
      /^No timeline line marks the detection; the incident notes say: "Detection was late/,
    );
    expect(p.detection).not.toMatch(/does not record how or when/);
  });
  test("the bot's command is not part of the step", () => {
    expect(p.response).toMatch(/06:30 UTC: Re-ran the export with the previous query/);
    expect(p.response).not.toMatch(/!log/);
  });
});
