/**
 * The small writing cases (tests/fixtures/cases/writing, copied from the shared cases): each
 * `*.expected.json` key names what a section of the built-in pack must or must not say.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { nodeFontSource } from '../src/pipeline/render/fonts.js';
import { renderPack } from '../src/pipeline/render/render-pack.js';
import { renderPng } from '../src/pipeline/render/timeline-png.js';
import { writeBuiltin } from '../src/pipeline/write/builtin/builtin-writer.js';
import type { Section } from '../src/schemas/postmortem.js';
import { sourceFromFixture } from './helpers/source.js';

const DIR = join(import.meta.dirname, 'fixtures/cases/writing');

interface Expected {
  root_cause_mentions?: string[];
  trigger_mentions?: string[];
  detected?: string;
  mitigation_mentions?: string[];
  failed_attempt_mentions?: string[];
  public_texts_must_not_contain?: string[];
  users_affected_text?: string;
  must_not_claim?: string[];
  action_items_mention?: string[];
  /** Items the pack must hold, each found by its words, with the columns the input gave it. */
  action_items?: { mentions: string; status?: 'open' | 'done'; owner?: string; ticket?: string }[];
  action_items_must_not_mention?: string[];
  root_cause_must_not_mention?: string[];
  trigger_must_not_mention?: string[];
  mitigation_must_not_mention?: string[];
  summary_mentions?: string[];
  summary_must_not_mention?: string[];
}

async function pack(name: string) {
  const { facts } = analyzeSource(sourceFromFixture(join(DIR, `${name}.md`)));
  if (!facts) throw new Error(`${name} did not analyze`);
  const document = writeBuiltin(facts);
  const files = await renderPack(facts, document, { fonts: nodeFontSource, rasterize: renderPng });
  const text = (section: Section) => [...section.paragraphs, ...section.bullets].join('\n');
  return {
    facts,
    document,
    text,
    markdown: String(files['postmortem.md']),
    publicTexts: [
      String(files['hn-post.txt']),
      String(files['twitter-thread.txt']),
      text(document.messageToUsers),
    ],
  };
}

const cases = readdirSync(DIR)
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => name.replace('.expected.json', ''));

describe.each(cases)('%s', async (name) => {
  const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Expected;
  const { document, text, markdown, publicTexts } = await pack(name);

  test.runIf(expected.root_cause_mentions)('the root cause names what the input states', () => {
    for (const needle of expected.root_cause_mentions ?? [])
      expect(text(document.rootCause)).toContain(needle);
  });
  test.runIf(expected.trigger_mentions)('the trigger is told apart from the root cause', () => {
    for (const needle of expected.trigger_mentions ?? [])
      expect(text(document.trigger)).toContain(needle);
  });
  test.runIf(expected.root_cause_must_not_mention)(
    'the root cause is no header, figure or alert',
    () => {
      for (const needle of expected.root_cause_must_not_mention ?? [])
        expect(text(document.rootCause)).not.toContain(needle);
    },
  );
  test.runIf(expected.summary_mentions ?? expected.summary_must_not_mention)(
    "the summary names the alert in the monitor's words",
    () => {
      for (const needle of expected.summary_mentions ?? [])
        expect(text(document.summary)).toContain(needle);
      for (const needle of expected.summary_must_not_mention ?? [])
        expect(text(document.summary).toLowerCase()).not.toContain(needle.toLowerCase());
    },
  );
  test.runIf(expected.trigger_must_not_mention)('the trigger does not tell the cause again', () => {
    for (const needle of expected.trigger_must_not_mention ?? [])
      expect(text(document.trigger)).not.toContain(needle);
  });
  test.runIf(expected.detected)('detection says when it was detected', () => {
    expect(text(document.detection)).toContain(expected.detected);
  });
  test.runIf(expected.mitigation_mentions)('response lists the mitigating action', () => {
    for (const needle of expected.mitigation_mentions ?? [])
      expect(document.response.bullets.join('\n').toLowerCase()).toContain(needle.toLowerCase());
  });
  test.runIf(expected.mitigation_must_not_mention)('response lists no plan or cause', () => {
    for (const needle of expected.mitigation_must_not_mention ?? [])
      expect(document.response.bullets.join('\n').toLowerCase()).not.toContain(
        needle.toLowerCase(),
      );
  });
  test.runIf(expected.failed_attempt_mentions)('a failed attempt is shown as failed', () => {
    const failed = document.response.bullets.filter((b) => /failed attempt/i.test(b)).join('\n');
    for (const needle of expected.failed_attempt_mentions ?? [])
      expect(failed.toLowerCase()).toContain(needle.toLowerCase());
  });
  test.runIf(expected.public_texts_must_not_contain)('public texts carry no author text', () => {
    for (const published of publicTexts)
      for (const needle of expected.public_texts_must_not_contain ?? [])
        expect(published.toLowerCase()).not.toContain(needle.toLowerCase());
  });
  test.runIf(expected.users_affected_text)('who was affected is carried as written', () => {
    expect(markdown.split('\n')[2]).toContain(expected.users_affected_text);
    expect(text(document.messageToUsers)).toContain(expected.users_affected_text);
  });
  test.runIf(expected.must_not_claim)('figures keep their meaning', () => {
    const written = [text(document.summary), text(document.impact), ...publicTexts].join('\n');
    for (const claim of expected.must_not_claim ?? [])
      expect(written.toLowerCase()).not.toContain(claim.toLowerCase());
  });
  test.runIf(expected.action_items_mention)('the follow-ups become action items', () => {
    const items = document.actionItems.map((item) => item.text.toLowerCase()).join('\n');
    for (const needle of expected.action_items_mention ?? []) {
      expect(items).toContain(needle.toLowerCase());
      expect(publicTexts[0]?.toLowerCase()).toContain(needle.toLowerCase());
    }
  });
  test.runIf(expected.action_items)('each follow-up is an item with its own columns', () => {
    for (const want of expected.action_items ?? []) {
      const item = document.actionItems.find((found) => found.text.includes(want.mentions));
      expect(item, want.mentions).toBeDefined();
      if (want.status) expect(item?.status, want.mentions).toBe(want.status);
      if (want.owner) expect(item?.owner, want.mentions).toBe(want.owner);
      if (want.ticket) expect(item?.ticket, want.mentions).toBe(want.ticket);
    }
    expect(document.actionItems).toHaveLength(expected.action_items?.length ?? 0);
  });
  test.runIf(expected.action_items_must_not_mention)(
    'dates, teams, labels and status posts are no items',
    () => {
      const items = document.actionItems.map((item) => item.text).join('\n');
      for (const needle of expected.action_items_must_not_mention ?? [])
        expect(items).not.toContain(needle);
    },
  );
});

describe('what a good postmortem says, beyond the words', () => {
  test('follow-ups get a type and a priority that fit', async () => {
    const { document } = await pack('follow-ups-in-notes-become-action-items');
    const filed = (needle: string) =>
      document.actionItems.find((item) => item.text.toLowerCase().includes(needle));
    expect(filed('two-person review')).toMatchObject({ type: 'prevent', priority: 'HIGH' });
    expect(filed('load-test')).toMatchObject({ type: 'detect', priority: 'MEDIUM' });
    expect(filed('off the request path')).toMatchObject({ type: 'prevent', priority: 'LOW' });
    // An alert fired at 14:00, so no detection item is made up; no runbook filler either.
    expect(document.actionItems).toHaveLength(3);
  });

  test('a failed rollback is a failed attempt and an action item, not a mitigation', async () => {
    const { document } = await pack('mitigations-are-actions-not-outcomes');
    expect(document.response.bullets[0]).toMatch(/^16:04 UTC: Failed attempt: tried rolling back/);
    expect(document.response.bullets[1]).toContain('50 -> 200');
    expect(document.response.bullets.join('\n')).not.toMatch(/grafana|saturated/);
    const fix = document.actionItems.find((item) => item.type === 'mitigate');
    expect(fix?.text).toContain('rollback job failed on permissions');
  });

  test('an unknown cause is said publicly as under investigation', async () => {
    const { document, publicTexts } = await pack(
      'cause-unknown-is-said-publicly-not-as-an-instruction',
    );
    expect(document.rootCause.paragraphs[0]).toContain('still under investigation');
    expect(publicTexts[0]).toContain('still investigating the root cause');
    expect(publicTexts[1]).toContain('still investigating the root cause');
  });

  test('the cause stated in a timeline line is cited with its time, the trigger separately', async () => {
    const { document } = await pack('cause-stated-in-a-timeline-line');
    expect(document.rootCause.paragraphs[0]).toMatch(/KEYS \* .*\(timeline, 10:20 UTC\)$/);
    expect(document.trigger.paragraphs[0]).toBe('At 10:02 UTC: Cache-warmer v4.1 rolled out.');
    expect(document.summary.paragraphs.join(' ')).toContain('We mitigated it at 10:24 UTC');
  });
});
