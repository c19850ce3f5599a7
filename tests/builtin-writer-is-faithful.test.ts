import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Facts } from '../src/schemas/facts.js';
import { PROSE_SECTIONS, type Postmortem } from '../src/schemas/postmortem.js';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { writeBuiltin } from '../src/pipeline/write/builtin/builtin-writer.js';
import {
  formatDate,
  formatMinutes,
  formatTime,
  formatUsers,
} from '../src/pipeline/format/format-figures.js';
import { sourceFromFixture } from './helpers/source.js';

const files = [
  ...readdirSync(join(import.meta.dirname, 'fixtures/corpus'))
    .filter((n) => /^\d.*\.md$/.test(n))
    .map((n) => join(import.meta.dirname, 'fixtures/corpus', n)),
  ...readdirSync(join(import.meta.dirname, 'fixtures/formats')).map((n) =>
    join(import.meta.dirname, 'fixtures/formats', n),
  ),
];

const NUMBER = /\d+(?:[.,]\d+)*/g;

/** Everything the writer may say: the input's own numbers and figures computed from the facts. */
function allowedNumbers(input: string, facts: Facts): Set<string> {
  const computed = [
    ...(
      ['start', 'detected', 'acknowledged', 'identified', 'mitigated', 'resolved'] as const
    ).flatMap((m) => [
      formatTime(facts[m], facts),
      formatTime(facts[m], facts, true),
      // The message to users gives its window in UTC too.
      formatTime(facts[m], { timezone: 'UTC', date: facts.date }, true),
    ]),
    ...[
      facts.durationMinutes,
      facts.timeToDetectMinutes,
      facts.timeToAcknowledgeMinutes,
      facts.timeToMitigateMinutes,
    ].map(formatMinutes),
    formatDate(facts.date),
    formatUsers(facts.usersAffected),
    String(facts.events.filter((e) => !e.time).length),
    ...facts.events.map((e) => formatTime(e.time, facts)),
    // Detection says how long after the trigger line the first sign came: any two timed lines.
    ...facts.events.flatMap((from) =>
      facts.events.flatMap((to) =>
        from.time && to.time && to.time > from.time
          ? [formatMinutes(Math.round((Date.parse(to.time) - Date.parse(from.time)) / 60_000))]
          : [],
      ),
    ),
  ];
  return new Set([input, ...computed].join('\n').match(NUMBER) ?? []);
}

/** The text the built-in writer composed (human sections are the team's own words). */
function writerText(document: Postmortem): string {
  const sections = PROSE_SECTIONS.map((name) => document[name]).filter(
    (s) => s.origin === 'builtin',
  );
  return [
    ...sections.flatMap((s) => [...s.paragraphs, ...s.bullets]),
    ...document.actionItems
      .filter((a) => a.origin === 'builtin')
      .flatMap((a) => [a.text, a.rationale]),
    document.hnPost.body,
    ...document.twitterThread.tweets.map((tweet) => tweet.replace(/^\d+\/\d+ /, '')),
  ].join('\n');
}

describe('the built-in writer never states a figure that is not in the input or computed from it', () => {
  test.each(files.map((f) => [f.split('/').pop() ?? f, f]))('%s', (_name, path) => {
    const input = readFileSync(path, 'utf8');
    const { facts } = analyzeSource(sourceFromFixture(path));
    if (!facts) throw new Error('no facts');
    const document = writeBuiltin(facts);
    const allowed = allowedNumbers(input, facts);
    const stated = writerText(document).match(NUMBER) ?? [];
    expect(stated.filter((n) => !allowed.has(n))).toEqual([]);
  });

  test('an unknown figure is left out of public texts, never written as "unknown"', () => {
    const path = join(import.meta.dirname, 'fixtures/corpus/19-aws-2011-04-21-ebs-us-east.md');
    const { facts } = analyzeSource(sourceFromFixture(path));
    if (!facts) throw new Error('no facts');
    expect(facts.usersAffected).toBeNull();
    const document = writeBuiltin(facts);
    const published = [
      document.hnPost.body,
      ...document.twitterThread.tweets,
      ...document.messageToUsers.paragraphs,
      ...document.summary.paragraphs,
    ].join('\n');
    expect(published).not.toMatch(/unknown|not stated|users affected/i);
    // Nobody is counted, so the message neither counts nor sizes who saw it ("some", "all").
    expect(document.messageToUsers.paragraphs[0]).toContain('you may have');
    expect(document.messageToUsers.paragraphs[0]).not.toMatch(/\b(?:some|all) of you\b/);
  });

  test('follow-ups written in the notes become action items, with no filler beside them', () => {
    const path = join(import.meta.dirname, 'fixtures/corpus/20-dfds-2021-08-26-traefik-v2-okta.md');
    const { facts } = analyzeSource(sourceFromFixture(path));
    if (!facts) throw new Error('no facts');
    const items = writeBuiltin(facts).actionItems;
    expect(items).toEqual([
      expect.objectContaining({
        text: 'Teams should watch their own apps after critical changes',
        type: 'detect',
        status: 'open',
      }),
    ]);
  });
});

test('the published header says "not stated" for a missing user count, never "unknown"', () => {
  expect(formatUsers(null)).toBe('not stated');
  expect(formatUsers(12400)).toBe('12,400');
  expect(formatUsers('most EU customers')).toBe('most EU customers');
});
