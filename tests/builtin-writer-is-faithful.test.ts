import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Facts } from '../src/schemas/facts.js';
import type { Postmortem } from '../src/schemas/postmortem.js';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { writeBuiltin } from '../src/pipeline/write/builtin/builtin-writer.js';
import {
  formatDate,
  formatMinutes,
  formatTime,
  formatUsers,
} from '../src/pipeline/write/format-figures.js';
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
    ).flatMap((m) => [formatTime(facts[m], facts), formatTime(facts[m], facts, true)]),
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
  ];
  return new Set([input, ...computed].join('\n').match(NUMBER) ?? []);
}

/** The text the built-in writer composed (human sections are the team's own words). */
function writerText(document: Postmortem): string {
  const sections = [
    document.summary,
    document.impact,
    document.rootCause,
    document.mitigations,
    document.messageToUsers,
  ].filter((s) => s.origin === 'builtin');
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

  test('where something is unknown it says so instead of guessing', () => {
    const path = join(import.meta.dirname, 'fixtures/corpus/19-aws-2011-04-21-ebs-us-east.md');
    const { facts } = analyzeSource(sourceFromFixture(path));
    if (!facts) throw new Error('no facts');
    const document = writeBuiltin(facts);
    expect(document.summary.paragraphs.join(' ')).toContain(
      'The number of affected users is not stated.',
    );
    expect(document.summary.paragraphs.join(' ')).toContain(
      'The timeline does not record when the problem was detected.',
    );
  });

  test('without human action items, derived ones come in every priority with a rationale', () => {
    const path = join(import.meta.dirname, 'fixtures/corpus/20-dfds-2021-08-26-traefik-v2-okta.md');
    const { facts } = analyzeSource(sourceFromFixture(path));
    if (!facts) throw new Error('no facts');
    const items = writeBuiltin(facts).actionItems;
    expect(new Set(items.map((i) => i.priority))).toEqual(new Set(['HIGH', 'MEDIUM', 'LOW']));
    expect(items.find((i) => i.priority === 'HIGH')?.rationale).toBe(
      'Impact went undetected for 1 hour 4 minutes.',
    );
    for (const item of items) expect(item.rationale.length).toBeGreaterThan(10);
  });
});
