/**
 * Kinds of fault in the summary, the trigger and the root cause that blind judges found on real
 * incidents (issue 12, brief 12h), each with invented incidents in tests/fixtures/writer-kinds-12h
 * and one real paste: a window that ended at the mitigation where the header ended it at the
 * monitor's all-clear; a first recovery told as the end when the failure came back; a report
 * of the failure returning ("regression - uploads stuck again") taken for the root cause; the
 * same sentence under Trigger and Root cause when it tells an event and then the mechanism.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { formatMinutes, formatTime } from '../src/pipeline/format/format-figures.js';
import { builtinPackOf } from './helpers/writer-pack.js';
import { sourceFromFixture } from './helpers/source.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-12h');
const REAL = join(import.meta.dirname, 'fixtures/real-pastes');

function factsOf(path: string) {
  const { facts } = analyzeSource(sourceFromFixture(path));
  if (!facts) throw new Error(`${path} did not analyze`);
  return facts;
}

describe.each([
  join(DIR, 'monitor-clears-its-own-alert-csv.md'),
  join(DIR, 'monitor-clears-its-own-alert-chat.md'),
  join(REAL, 'pagerduty-incident-log.md'),
])('a monitor that clears its own alert ends the incident (%s)', (path) => {
  const facts = factsOf(path);
  const p = builtinPackOf(path);

  test('the summary and the message give the duration and the end the header gives', () => {
    expect(facts.durationMinutes).not.toBeNull();
    expect(facts.resolved).not.toBeNull();
    const duration = `(${formatMinutes(facts.durationMinutes ?? 0)})`;
    const end = formatTime(facts.resolved ?? '', facts);
    expect(p.summary).toContain(duration);
    expect(p.summary).toContain(`to ${end}`);
    expect(p.users).toContain(formatMinutes(facts.durationMinutes ?? 0));
  });
});

describe.each([
  ['failed-again-after-first-recovery.md', DIR, '13:40 UTC', '14:05 UTC', '13:16 UTC'],
  ['regression-after-a-restart.md', DIR, '09:30 PST', '10:02 PST', '08:47 PST'],
  ['zoom-saved-chat-two-windows.md', REAL, '14:15:01 PDT', '15:47:05 PDT', '10:02:31 PDT'],
])('a failure that came back after a first recovery (%s)', (name, dir, again, back, first) => {
  const p = builtinPackOf(join(dir, name));

  test('the summary says it failed again, and when service was back for good', () => {
    expect(p.summary).toContain(`It failed again at ${again}`);
    expect(p.summary).toContain(`back to normal at ${back}`);
    expect(p.summary).not.toContain(`back to normal at ${first}`);
  });
  test('users read that it was fixed only after the second failure', () => {
    // "since 10:02 PST (18:02 UTC), after …": the time in UTC may follow in brackets.
    expect(p.users).toMatch(
      new RegExp(
        `back to normal since ${back}(?: \\(\\d\\d:\\d\\d(?::\\d\\d)? UTC\\))?, after it failed a second time`,
      ),
    );
    expect(p.users).not.toContain(`back to normal since ${first}`);
  });
});

test('a report that the failure came back is not told as the root cause', () => {
  const p = builtinPackOf(join(DIR, 'regression-after-a-restart.md'));
  expect(p.cause).toContain('a cleanup cron never ran after the image change');
  expect(p.cause).not.toMatch(/regression - uploads stuck again/i);
});

describe.each([
  [
    'trigger-and-cause-in-one-sentence-dns.md',
    DIR,
    'The DNS provider rotated its anycast IPs at 02:00.',
    'because the TTL override was hard-coded',
  ],
  [
    'trigger-and-cause-in-one-sentence-allowlist.md',
    DIR,
    'A config push at 11:05 emptied the allowlist.',
    'the gateway treats an empty list as deny-all',
  ],
  [
    'jira-comment-thread.md',
    REAL,
    'The signing certificate rotated last night.',
    'the new one was not deployed to the SP',
  ],
])('an event and its mechanism told in one sentence (%s)', (name, dir, event, mechanism) => {
  const p = builtinPackOf(join(dir, name));

  test('the trigger is the event alone, the root cause keeps the mechanism', () => {
    expect(p.trigger).toContain(`set it off: ${event}`);
    expect(p.trigger).not.toContain(mechanism);
    expect(p.cause).toContain(mechanism);
  });
  test('the summary tells the event as what set it off, then the cause', () => {
    expect(p.summary).toContain(`What set it off, as responders told it: ${event}`);
    expect(p.summary).toContain(mechanism);
  });
});

describe.each([
  ['writer-kinds-4/pooler-kept-dead-connections.md', /Failover finished/],
  ['writer-kinds-s12/raw-json-and-stack-trace-in-the-timeline.md', /The mailer caches SMTP/],
])('a root cause whose first half is a step or a mechanism, not an event (%s)', (name, half) => {
  const p = builtinPackOf(join(import.meta.dirname, 'fixtures', name));

  test('its first half is not told as what set the incident off', () => {
    expect(p.trigger).not.toMatch(half);
    expect(p.summary).not.toMatch(new RegExp(`set it off, as responders told it: ${half.source}`));
  });
});
