/**
 * The cause, the lessons, the recovery and the action items as the team wrote them (issue 12,
 * session 10): the stated root cause in the notes beats a customer's guess, a vendor's "not on
 * our side" and a lesson's "went wrong"; lessons under headings and labels are read, their labels
 * taken off; one recovery time everywhere, with an alert clearing read as a recovery; names the
 * timeline withholds are not printed in Detection, and bots are not responders; owners in full,
 * ticked items done. Fixtures: tests/fixtures/writer-kinds-s10-12b (invented; see its README).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtinPackOf, sectionText } from './helpers/writer-pack.js';
import { LESSON_LABELS } from '../src/pipeline/write/builtin/lessons.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-s10-12b');
const pack = (name: string) => {
  const p = builtinPackOf(join(DIR, name));
  return { ...p, lessons: sectionText(p.document.lessons) };
};

describe('the stated root cause beats a customer guess, a vendor denial and a lesson', () => {
  test('"The root cause was" in the notes, not the ticket\'s "because" (Slack copy)', () => {
    const p = pack('vendor-denial-and-a-customer-guess.md');
    expect(p.cause).toMatch(/^A memory limit of 256Mi in the new thumbnail worker config/);
    expect(p.cause).not.toMatch(/ticket|first page|your site/i);
    expect(p.summary).toMatch(/found the cause: a memory limit of 256Mi/);
  });
  test('the text under a plain "Root cause" heading, not "no issue on their end" (status page)', () => {
    const p = pack('cause-under-a-plain-heading.md');
    expect(p.cause).toMatch(/^The consumer deadlocked when two retries/);
    expect(p.cause).not.toMatch(/their end|dashboards/);
    expect(p.trigger).toMatch(/month-end billing run/);
  });
  test('"This happened because" is the root cause, told without its lead-in (Alertmanager)', () => {
    const p = pack('alert-resolved-and-a-bot-ack.md');
    expect(p.cause).toMatch(/^The sidecar upgrade was auto-approved by the mesh operator/);
    expect(p.cause).not.toMatch(/auto-ack|went wrong/i);
    expect(p.trigger).toMatch(/sidecar 1\.29 rolled out at 02:05/);
    expect(p.trigger).not.toMatch(/auto-approved/);
  });
  test('German "Ursache:" is the root cause', () => {
    const p = pack('ursache-in-german-notes.md');
    expect(p.cause).toMatch(/^Bei der Migration am Vormittag wurde das Passwort/);
    expect(p.summary).not.toMatch(/Ursache:/);
    expect(p.cause).not.toMatch(/Kunde/);
  });
});

describe('lessons the input states are read, labels off; headings are no lessons', () => {
  test('headings over lists and "We got lucky:" prose (Slack copy)', () => {
    const p = pack('vendor-denial-and-a-customer-guess.md');
    expect(p.lessons).toContain('Went well: The CDN vendor answered within 20 minutes.');
    expect(p.lessons).toContain(
      'Went wrong: The first page came 3 minutes after the first customer ticket.',
    );
    expect(p.lessons).toContain('Where we got lucky: It happened outside the EU peak.');
    expect(p.lessons).not.toMatch(/What went well|We got lucky:/);
  });
  test('a "Lessons" list of labelled items (Alertmanager)', () => {
    const p = pack('alert-resolved-and-a-bot-ack.md');
    expect(p.lessons).toContain('Went well: The pin took effect in minutes.');
    expect(p.lessons).toContain('Went wrong: The auto-ack meant nobody was paged for 4 minutes.');
    expect(p.lessons).not.toMatch(/Went well: Went well/);
  });
  test('headings without colons over bullets (CloudWatch table), and German labels', () => {
    expect(pack('cloudwatch-ok-after-the-fix.md').lessons).toMatch(
      /Where we got lucky: The backlog built on a Saturday night/,
    );
    const german = pack('ursache-in-german-notes.md').lessons;
    expect(german).toContain('Went well: Der Alarm kam nach zwei Minuten.');
    expect(german).toContain('Went wrong: Das Runbook verwies noch auf den alten Cluster.');
  });
  test.each(
    LESSON_LABELS.flatMap((cue) => [
      ...cue.examples.match.map((text) => [cue.id, text, true] as const),
      ...cue.examples.noMatch.map((text) => [cue.id, text, false] as const),
    ]),
  )('lesson label %s on "%s": %s', (id, text, matches) => {
    expect(LESSON_LABELS.find((cue) => cue.id === id)?.pattern.test(text)).toBe(matches);
  });
});

describe('one recovery time in every section and in the message to users', () => {
  test('"back to normal" at 11:41 is the end; the close at 13:45 is never told as the recovery', () => {
    const p = pack('back-to-normal-before-the-close.md');
    // Closure two hours after recovery is paperwork: the impact ended at 11:41 (issue 10).
    expect(p.summary).toMatch(/from 11:02 UTC to 11:41 UTC \(39 minutes\)/);
    expect(p.summary).toMatch(/back to normal at 11:41 UTC/);
    expect(p.users).toMatch(/back to normal since 11:41 UTC/);
    expect(`${p.summary}\n${p.users}`).not.toMatch(/normal (?:at|since) 13:45/);
  });
  test('an alert clearing after the fix is the recovery, never the alert firing', () => {
    for (const [name, time] of [
      ['vendor-denial-and-a-customer-guess.md', '10:03'],
      ['alert-resolved-and-a-bot-ack.md', '02:40'],
      ['cloudwatch-ok-after-the-fix.md', '21:52'],
    ] as const) {
      const p = pack(name);
      expect(p.response).toMatch(new RegExp(`${time} UTC: Recovery: the alert cleared`));
      expect(p.summary).toMatch(new RegExp(`back to normal at ${time} UTC`));
      expect(p.users).toMatch(new RegExp(`back to normal since ${time} UTC`));
      expect(p.detection).not.toMatch(new RegExp(`${time} UTC`));
    }
  });
  test('a vendor\'s "the edge is healthy" and "healthy but slow" are no recovery', () => {
    const vendor = pack('vendor-denial-and-a-customer-guess.md');
    expect(vendor.response).not.toMatch(/nothing on our side/);
    expect(vendor.summary).toMatch(/We mitigated it at 09:52 UTC: rolled thumbnailer config back/);
    const slow = pack('cloudwatch-ok-after-the-fix.md');
    expect(slow.response).not.toMatch(/healthy but slow/);
    expect(slow.summary).toMatch(/We mitigated it at 21:37 UTC: scaled the orders consumers/);
  });
});

describe('responders as the timeline shows them', () => {
  test('names the timeline withholds are counted, not printed, in Detection', () => {
    const slack = pack('vendor-denial-and-a-customer-guess.md');
    expect(slack.detection).not.toMatch(/Priya|Marcus|Raman/);
    expect(slack.detection).toMatch(/Responders: 2 engineers\./);
    const search = pack('back-to-normal-before-the-close.md');
    expect(search.detection).not.toMatch(/Lea|Brandt/);
  });
  test("a ticketing tool and a bot are not responders; a bot's auto-ack is no acknowledgement", () => {
    expect(pack('vendor-denial-and-a-customer-guess.md').detection).not.toMatch(/Zendesk/);
    const alerts = pack('alert-resolved-and-a-bot-ack.md');
    expect(alerts.detection).toMatch(/Responders named in the timeline: ana\.k\./);
    expect(alerts.detection).not.toMatch(/opsgenie|Acknowledged at 02:13/i);
  });
});

describe("the team's follow-ups keep their owner in full and their done status", () => {
  test('"owner: Nadia Okafor" and "(owner: Tom Walsh)" keep the whole name', () => {
    const p = pack('back-to-normal-before-the-close.md');
    expect(p.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          text: 'Re-enable log rotation on every search node',
          owner: 'Nadia Okafor',
        }),
        expect.objectContaining({ owner: 'Tom Walsh' }),
      ]),
    );
  });
  test('a ticked task-list item is done, an unticked one open', () => {
    for (const [name, done, open] of [
      ['alert-resolved-and-a-bot-ack.md', /^Pin sidecar version/, /^Require a canary/],
      ['cloudwatch-ok-after-the-fix.md', /^Move the nightly export/, /^Alert on lock waits/],
    ] as const) {
      const items = pack(name).items;
      expect(items.find((item) => done.test(item.text))?.status).toBe('done');
      expect(items.find((item) => open.test(item.text))?.status).toBe('open');
    }
  });
});

describe('a stopgap named at the start of its sentence, and alarms, as action items', () => {
  test('"Nightly compaction that filled the disk stays paused until ..." keeps its subject', () => {
    const items = pack('stopgap-named-at-the-start.md').items;
    expect(items.map((item) => item.text)).toContain(
      'Keep nightly compaction that filled the disk paused until the cleanup patch is deployed',
    );
    expect(items.map((item) => item.text)).not.toContain(
      expect.stringMatching(/^Keep that filled/),
    );
  });
  test('alarms to add are detection items, whatever the tool', () => {
    for (const [name, text] of [
      ['stopgap-named-at-the-start.md', /^Add alarms on temp segment growth/],
      ['failover-off-until-patched.md', /^CloudWatch alarms on duplicate deliveries/],
    ] as const)
      expect(pack(name).items.find((item) => text.test(item.text))?.type).toBe('detect');
  });
});

describe('the trigger is the change or event that set it off, apart from the root cause', () => {
  test('a line that tells the event, then the pages it set off, is the trigger', () => {
    const p = pack('trigger-line-also-pages.md');
    expect(p.trigger).toMatch(/^At 13:05 UTC: Planned firmware update on storage array sa-3/);
    expect(p.trigger).toMatch(/first sign of impact was "checkout returns 500 for every order"/);
    expect(p.cause).toMatch(/without multipath/);
    expect(p.cause).not.toMatch(/firmware update/);
  });
  test('a bulk import is a trigger; the worker it overwhelmed is the root cause', () => {
    const p = pack('bulk-import-opens-the-timeline.md');
    expect(p.trigger).toMatch(/^At 20:00 UTC: Bulk import of 2\.1M price rows/);
    expect(p.cause).toMatch(/^The invalidation worker handles one key at a time/);
    // The summary tells the trigger as a public sentence with its time (12c's summary).
    expect(p.summary).toMatch(/It was triggered at 20:00 UTC: Bulk import of 2\.1M price rows/);
  });
});

describe('a loss word denied is no data loss', () => {
  test.each([
    ['cause-under-a-plain-heading.md', /No webhook was dropped/],
    ['cloudwatch-ok-after-the-fix.md', /Not a single order was dropped/],
  ])('%s', (name, said) => {
    const p = pack(name);
    const impact = sectionText(p.document.impact);
    expect(impact).toMatch(new RegExp(`Data: ${said.source}`));
    expect(impact).not.toMatch(/Data loss|Where we got lucky/);
  });
});

describe('a cause and follow-ups written in German or French', () => {
  test('French "Cause racine :" and "Actions correctives :" with owner and ticket', () => {
    const p = pack('actions-correctives-en-francais.md');
    expect(p.cause).toMatch(/^La v5\.3 envoyait la devise en minuscules/);
    expect(p.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          text: "Ajouter un test de contrat avec l'acquéreur",
          owner: 'Camille Roux',
          ticket: 'PAY-311',
        }),
        expect.objectContaining({ text: 'Alerter quand le taux de refus dépasse 5 %' }),
      ]),
    );
  });
  test('German "Maßnahmen:" with owner and ticket', () => {
    expect(pack('ursache-in-german-notes.md').items).toEqual([
      expect.objectContaining({
        text: 'Vault-Prüfung in die Migrations-Checkliste aufnehmen',
        owner: 'Jonas Weber',
        ticket: 'OPS-77',
      }),
    ]);
  });
});
