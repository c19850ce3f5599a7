import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { milestoneQuestions } from '../src/pipeline/analyze/ask-model/milestone-questions.js';
import { buildSettleMessages } from '../src/pipeline/analyze/ask-model/prompt.js';
import { PROMPT_DATA_BUDGET } from '../src/pipeline/llm/prompt-budget.js';
import { buildMessages } from '../src/pipeline/write/openai/prompt.js';
import type { Facts } from '../src/schemas/facts.js';
import { sourceFromText } from './helpers/source.js';

const EXAMPLE = join(
  import.meta.dirname,
  '../incidents/2026-01-10-database-connection-pool-exhaustion.md',
);

function analyzed(text: string): Facts {
  const { facts } = analyzeSource(sourceFromText(text, 'incidents/2026-03-04-checkout.md'));
  if (!facts) throw new Error('no facts');
  return facts;
}

const HEAD = '---\ntitle: Checkout errors\ndate: 2026-03-04\ntimezone: UTC\n---\n\n## Timeline\n\n';
const clock = (second: number) =>
  [second / 3600, (second / 60) % 60, second % 60]
    .map((n) => String(Math.floor(n)).padStart(2, '0'))
    .join(':');

/** A pasted log near the 1 MiB limit: 15,000 short lines, the cause found on line 5,000. */
function pastedLog(): string {
  const lines: string[] = ['08:00:00 [PagerDuty] CRITICAL: checkout error rate above 5%'];
  for (let i = 1; i < 15_000; i++) {
    lines.push(
      i === 5000
        ? `${clock(8 * 3600 + i * 2)} Identified: connection leak in the checkout worker`
        : `${clock(8 * 3600 + i * 2)} [Datadog] checkout p99 latency ${4000 + (i % 500)}ms (#${i})`,
    );
  }
  lines.push(
    '17:00:00 rolled back checkout, error rate back to normal',
    '17:10:00 incident resolved',
  );
  return `${HEAD}${lines.join('\n')}\n`;
}

const userContent = (facts: Facts, raw: string): string =>
  String(buildMessages(facts, raw, false)[1]?.content ?? '');

describe('a model is never sent more than the prompt budget', () => {
  test('a long pasted log is summarised: first and last lines, every milestone, a count', () => {
    const raw = pastedLog();
    const facts = analyzed(raw);
    const content = userContent(facts, raw);
    expect(content.length).toBeLessThanOrEqual(PROMPT_DATA_BUDGET + 5_000);
    expect(content).toMatch(/summarised .*\(\d+ of 15,?\d{3} events\)/);
    expect(content).toContain('CRITICAL: checkout error rate above 5%');
    expect(content).toContain('Identified: connection leak in the checkout worker');
    expect(content).toContain('incident resolved');
    expect(content).toMatch(/\[… [\d,]+ lines left out …\]/);
    for (const milestone of Object.values(facts.milestones))
      expect(content, `line ${milestone.line}`).toContain(`"line": ${milestone.line}`);
  });

  test('a few huge lines and a giant notes section are cut to fit', () => {
    const huge = 'upstream connect error or disconnect/reset before headers '.repeat(4_000);
    const raw = `${HEAD}08:00 [PagerDuty] CRITICAL: checkout down ${huge}\n08:10 rolled back ${huge}\n08:20 incident resolved\n\n## Notes\n\n${'The pool filled because failed syncs kept their connections. '.repeat(8_000)}\n`;
    const facts = analyzed(raw);
    const content = userContent(facts, raw);
    expect(raw.length).toBeGreaterThan(900_000);
    expect(content.length).toBeLessThanOrEqual(PROMPT_DATA_BUDGET + 5_000);
    expect(content).toContain('incident resolved');
  });

  test('an incident of ordinary length is sent whole', () => {
    const raw = readFileSync(EXAMPLE, 'utf8');
    const facts = analyzed(raw);
    const content = userContent(facts, raw);
    expect(content).not.toContain('summarised');
    expect(content).toContain(raw.slice(raw.indexOf('## Timeline'), raw.indexOf('## Root cause')));
    for (const event of facts.events) expect(content).toContain(JSON.stringify(event.text));
  });

  test('the milestone questions cut each line they quote', () => {
    const huge = 'retrying upstream 503 '.repeat(8_000);
    const raw = `${HEAD}08:00 checkout errors ${huge}\n08:05 looking into it ${huge}\n08:30 errors dropping ${huge}\n08:40 maybe fixed ${huge}\n09:00 all good ${huge}\n`;
    const facts = analyzed(raw);
    const questions = milestoneQuestions(facts);
    expect(questions.length).toBeGreaterThan(0);
    const content = String(buildSettleMessages(facts, questions, false)[1]?.content ?? '');
    expect(content.length).toBeLessThanOrEqual(PROMPT_DATA_BUDGET);
    expect(content).toContain('retrying upstream 503');
  });
});
