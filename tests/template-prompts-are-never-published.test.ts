/**
 * The prompts `incidentpost new` and incidents/_template.md leave for the reviewer ("What broke
 * and why, in two or three sentences.") are never read as the team's text: a fresh user who
 * set `status: resolved` without filling them in saw them published as the root cause.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { writeBuiltin } from '../src/pipeline/write/builtin/builtin-writer.js';
import { TEMPLATE_PROMPTS } from '../src/pipeline/parse/template-prompts.js';
import { sourceFromText } from './helpers/source.js';

const TEMPLATE = readFileSync(join(import.meta.dirname, '../incidents/_template.md'), 'utf8');

const filled = (rootCause: string) =>
  [
    '---',
    'title: Builds stuck in the queue',
    'date: 2026-07-09',
    'timezone: UTC',
    'status: resolved',
    '---',
    '## Timeline',
    '- 14:41 alert: jobs queued > 1000 for 10 min',
    '- 15:48 found it: bad records from the new gatekeeper',
    '- 16:05 paused the gatekeeper rollout, queue draining',
    '- 17:10 resolved',
    '',
    '## Root cause',
    '',
    rootCause,
    '',
    '## Mitigations',
    '',
    `- ${TEMPLATE_PROMPTS.mitigations}`,
    '',
    '## Action items',
    '',
    ...TEMPLATE_PROMPTS.actionItems.map((prompt) => `- ${prompt}`),
    '',
  ].join('\n');

describe('prompts left in place', () => {
  const { facts, diagnostics } = analyzeSource(sourceFromText(filled(TEMPLATE_PROMPTS.rootCause)));
  const document = facts ? writeBuiltin(facts) : null;
  const everything = JSON.stringify(document);

  test('none of them reaches the postmortem or a public text', () => {
    expect(document).not.toBeNull();
    for (const prompt of [
      TEMPLATE_PROMPTS.rootCause,
      TEMPLATE_PROMPTS.mitigations,
      'The change that stops this from happening again',
      'Nice to have',
    ])
      expect(everything).not.toContain(prompt.replace(/\.$/, ''));
  });
  test('each is a warning at its own line that says what to do', () => {
    const warned = diagnostics.filter((d) => d.code === 'section/template-prompt');
    expect(warned.map((d) => d.line)).toEqual([15, 19, 23, 24, 25]);
    expect(warned[0]?.hint).toMatch(/write what happened/);
  });
  test('a root cause the team wrote is kept as written', () => {
    const own = analyzeSource(
      sourceFromText(filled('The scheduler choked on records it did not expect.')),
    );
    expect(own.facts?.human.rootCause?.markdown).toBe(
      'The scheduler choked on records it did not expect.',
    );
  });
});

test('incidents/_template.md writes the prompts the parser knows', () => {
  expect(TEMPLATE).toContain(TEMPLATE_PROMPTS.rootCause);
  expect(TEMPLATE).toContain(`- ${TEMPLATE_PROMPTS.mitigations}`);
  for (const prompt of TEMPLATE_PROMPTS.actionItems) expect(TEMPLATE).toContain(`- ${prompt}`);
});
