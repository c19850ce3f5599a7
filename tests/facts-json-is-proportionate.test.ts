import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { factsJson } from '../src/pipeline/render/facts-json.js';
import { FactsSchema, type Facts } from '../src/schemas/facts.js';
import { sourceFromFixture, sourceFromText } from './helpers/source.js';

const CORPUS = join(import.meta.dirname, 'fixtures/corpus');

function factsOf(text: string): Facts {
  const { facts } = analyzeSource(sourceFromText(text, 'incidents/2026-03-04-checkout.md'));
  if (!facts) throw new Error('no facts');
  return facts;
}

/** A pasted log: `count` short lines with a milestone now and then, as monitoring bots write. */
function pastedLog(count: number): string {
  const lines = ['---', 'title: Checkout errors', 'date: 2026-03-04', 'timezone: UTC', '---', ''];
  const says = [
    '[Datadog] checkout p99 latency 4200ms → paging',
    '[Slack] @sarah: looking at the café-sync deploy',
    'error rate 17% of requests returning 503',
    'rolled back checkout to v2.3.1 — watching',
  ];
  for (let i = 0; i < count; i++) {
    const t = 8 * 3600 + i * 2;
    const clock = [t / 3600, (t / 60) % 60, t % 60]
      .map((n) => String(Math.floor(n)).padStart(2, '0'))
      .join(':');
    lines.push(`${clock} ${says[i % says.length] ?? ''} (#${i})`);
  }
  lines.push('23:00:00 incident resolved');
  return lines.join('\n');
}

describe('facts.json', () => {
  test('reads back as the same facts, for every incident of the corpus', () => {
    const files = readdirSync(CORPUS).filter((name) => name.endsWith('.md'));
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) {
      const { facts } = analyzeSource(sourceFromFixture(join(CORPUS, name)));
      if (!facts) continue;
      expect(FactsSchema.parse(JSON.parse(factsJson(facts))), name).toEqual(facts);
    }
  });

  test('keeps odd events whole: untimed, approximate, ranges, sources and actors', () => {
    const facts = factsOf(
      [
        '---',
        'date: 2026-03-04',
        'timezone: UTC',
        '---',
        '- early: customers report slow pages',
        '- ~08:02 [PagerDuty] checkout errors above 5%',
        '- 08:05–08:15 <sarah> rolled back the deploy',
        '- 08:20 incident resolved',
      ].join('\n'),
    );
    expect(facts.events.some((event) => event.approximate)).toBe(true);
    expect(facts.events.some((event) => event.endTime !== null)).toBe(true);
    expect(FactsSchema.parse(JSON.parse(factsJson(facts)))).toEqual(facts);
  });

  test('is in proportion to a long pasted log: under five times its bytes (it was 9.4)', () => {
    const input = pastedLog(3000);
    const facts = factsOf(input);
    expect(facts.events.length).toBeGreaterThan(3000);
    const size = Buffer.byteLength(factsJson(facts));
    expect(size / Buffer.byteLength(input)).toBeLessThan(5);
    // One event to a line, so a diff of two packs reads line by line.
    expect(factsJson(facts)).toMatch(
      /\n {4}\{"time":"2026-03-04T08:00:00\+00:00","line":7,[^\n]*\},\n/,
    );
  });
});
