import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { milestoneQuestions } from '../src/pipeline/analyze/ask-model/milestone-questions.js';
import { createMilestoneSettler } from '../src/pipeline/analyze/ask-model/settle-milestones.js';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { WriterConfigSchema, type WriterConfig } from '../src/schemas/config.js';
import type { Facts } from '../src/schemas/facts.js';
import { runCliAsync, tempDir } from './helpers/cli.js';
import {
  completion,
  startFakeChatServer,
  type FakeChatServer,
  type Handler,
} from './helpers/fake-chat-server.js';
import { sourceFromFixture, sourceFromText } from './helpers/source.js';

const FIXTURE = join(import.meta.dirname, 'fixtures/ask-model/eu-consumers.md');
const FILE = sourceFromFixture(FIXTURE);

const FAST: WriterConfig = WriterConfigSchema.parse({
  model: 'test-model',
  requestTimeoutMs: 600,
  maxRetries: 1,
  totalBudgetMs: 3000,
});

function rulesFacts(file = FILE): Facts {
  const { facts } = analyzeSource(file);
  if (!facts) throw new Error('the fixture does not analyze');
  return facts;
}

let server: FakeChatServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Answers `answers` for every request (as JSON content). */
const answering =
  (answers: Record<string, unknown>): Handler =>
  () =>
    completion(JSON.stringify({ answers }));

async function settleWith(
  handler: Handler,
  options: {
    config?: WriterConfig;
    cacheDir?: string;
    refresh?: boolean;
    key?: string | null;
  } = {},
) {
  server = await startFakeChatServer(handler);
  const cacheDir = options.cacheDir ?? tempDir();
  const settler = createMilestoneSettler({
    config: options.config ?? FAST,
    cacheDir,
    apiKey: options.key === undefined ? 'test-key' : options.key,
    baseURL: server.baseURL,
    refresh: options.refresh ?? false,
  });
  const started = Date.now();
  const outcome = await settler.settle(rulesFacts(), FILE);
  return { outcome, cacheDir, settler, ms: Date.now() - started, requests: server.requests };
}

describe('the questions put to a model', () => {
  test('only unsure milestones are asked, each with the rules choice among its candidates', () => {
    const facts = rulesFacts();
    const questions = milestoneQuestions(facts);
    const names = questions.map((q) => q.milestone);
    // "acknowledged" is a high-confidence cue and "identified" is not stated: neither is asked.
    expect(names).not.toContain('acknowledged');
    expect(names).not.toContain('identified');
    expect(names).toContain('resolved');
    for (const question of questions) {
      expect(question.candidates.map((c) => c.line)).toContain(question.rules.line);
      expect(question.candidates.length).toBeLessThanOrEqual(5);
      for (const candidate of question.candidates)
        expect(facts.events.find((e) => e.line === candidate.line)?.time).toBe(candidate.time);
    }
    const resolved = questions.find((q) => q.milestone === 'resolved');
    expect(resolved?.candidates.map((c) => c.line)).toEqual(expect.arrayContaining([12, 13]));
  });

  test('a milestone pinned in front matter is never asked, even when a model is set', () => {
    const text = readFileSync(FIXTURE, 'utf8').replace(
      'timezone: UTC\n',
      'timezone: UTC\nresolved: 2026-03-04T09:55:00Z\n',
    );
    const { facts } = analyzeSource(sourceFromText(text, 'incidents/2026-03-04-eu.md'));
    expect(facts).not.toBeNull();
    expect(milestoneQuestions(facts as Facts).map((q) => q.milestone)).not.toContain('resolved');
  });
});

describe('a model settles the unsure milestones through the real SDK', () => {
  test('its choice becomes the milestone, with its reason and name as evidence, and both choices are kept', async () => {
    const { outcome, requests, cacheDir } = await settleWith(
      answering({ resolved: { line: 13, reason: 'The status page going green ends it.' } }),
    );
    expect(requests).toHaveLength(1);
    const format = requests[0]?.body.response_format;
    expect(format?.type).toBe('json_schema');
    const schema = format?.json_schema?.schema as {
      properties: { answers: { properties: Record<string, { properties: { line: unknown } }> } };
    };
    const resolvedLine = schema.properties.answers.properties['resolved']?.properties.line;
    expect(resolvedLine).toEqual({
      anyOf: [{ type: 'integer', enum: expect.arrayContaining([12, 13]) }, { type: 'null' }],
    });
    const facts = outcome.facts;
    expect(facts.resolved).toBe('2026-03-04T09:55:00+00:00');
    expect(facts.milestones['resolved']?.line).toBe(13);
    expect(facts.evidence?.resolved).toMatchObject({
      line: 13,
      source: 'model',
      model: { name: 'test-model', reason: 'The status page going green ends it.' },
      runnerUp: { line: 12 },
    });
    expect(facts.settled).toEqual([
      expect.objectContaining({
        milestone: 'resolved',
        outcome: 'applied',
        rules: expect.objectContaining({ line: 12, time: '2026-03-04T09:41:00+00:00' }),
        answer: expect.objectContaining({ line: 13, time: '2026-03-04T09:55:00+00:00' }),
      }),
    ]);
    expect(facts.durationMinutes).toBe(53);
    expect(outcome.fellBack).toBe(false);
    // The schema asks for every unsure milestone; one left out keeps the analyzer's choice.
    expect(outcome.warnings).toContain(
      "test-model gave no answer for start, detected, mitigated; the analyzer's choice stands",
    );
    expect(facts.detected).toBe(rulesFacts().detected);
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });

  test('a build without a key uses the cached answers and asks nothing; --refresh asks again', async () => {
    const first = await settleWith(
      answering({ resolved: { line: 13, reason: 'Status page green.' } }),
    );
    await server?.close();
    const offline = await settleWith(() => ({ status: 500 }), {
      cacheDir: first.cacheDir,
      key: null,
    });
    expect(offline.requests).toHaveLength(0);
    expect(offline.outcome.facts.resolved).toBe('2026-03-04T09:55:00+00:00');
    expect(offline.outcome.status).toMatch(/cached milestone answers \(test-model\)/);
    await server?.close();
    const refreshed = await settleWith(
      answering({ resolved: { line: 12, reason: 'Consumers back and backlog drained.' } }),
      { cacheDir: first.cacheDir, refresh: true },
    );
    expect(refreshed.requests).toHaveLength(1);
    expect(refreshed.outcome.facts.resolved).toBe('2026-03-04T09:41:00+00:00');
  });

  test('"not stated" clears the milestone rather than keep a guess', async () => {
    const { outcome } = await settleWith(
      answering({
        mitigated: { line: null, reason: 'No line says the impact stopped before the end.' },
      }),
    );
    expect(outcome.facts.mitigated).toBeNull();
    expect(outcome.facts.timeToMitigateMinutes).toBeNull();
    expect(outcome.facts.settled?.[0]).toMatchObject({ milestone: 'mitigated', answer: null });
  });
});

describe('every way a reply can fail ends in the analyzer’s own choice', () => {
  const rules = rulesFacts();

  test('a refusal', async () => {
    const { outcome } = await settleWith(() =>
      completion(null, { refusal: 'I cannot help with that.' }),
    );
    expect(outcome.facts).toEqual(rules);
    expect(outcome.fellBack).toBe(true);
    expect(outcome.warnings.join('\n')).toMatch(/the model refused \(I cannot help with that\.\)/);
  });

  test('a line number that is not a candidate', async () => {
    const { outcome, cacheDir } = await settleWith(
      answering({ resolved: { line: 99, reason: 'Line 99 says so.' } }),
    );
    expect(outcome.facts.resolved).toBe(rules.resolved);
    expect(outcome.warnings.join('\n')).toMatch(
      /resolved: test-model's answer refused, the analyzer's choice stands: line 99 is not one of the candidate lines/,
    );
    // Only usable answers are cached.
    const entry = JSON.parse(readFileSync(join(cacheDir, readdirSync(cacheDir)[0] ?? ''), 'utf8'));
    expect(entry.answers).toEqual({});
  });

  test('a time instead of a line', async () => {
    const { outcome } = await settleWith(
      answering({ resolved: { line: '09:50', reason: 'It ended at 09:50.' } }),
    );
    expect(outcome.facts.resolved).toBe(rules.resolved);
    expect(outcome.facts.events.map((e) => e.time)).not.toContain('2026-03-04T09:50:00+00:00');
    expect(outcome.warnings.join('\n')).toMatch(/the answer "09:50" is not a line number/);
  });

  test('an answer that breaks the order of the milestones', async () => {
    // "Lag falling" (09:31) is a candidate for detection, but it comes after the 09:05 acknowledgement.
    const detected = milestoneQuestions(rules).find((q) => q.milestone === 'detected');
    expect(detected?.candidates.map((c) => c.line)).toContain(11);
    const { outcome } = await settleWith(
      answering({ detected: { line: 11, reason: 'The lag is noticed falling.' } }),
    );
    expect(outcome.facts.detected).toBe(rules.detected);
    expect(outcome.facts.timeToDetectMinutes).toBe(rules.timeToDetectMinutes);
    expect(outcome.facts.settled?.find((s) => s.milestone === 'detected')).toMatchObject({
      outcome: 'refused',
      answer: { line: 11 },
    });
    expect(outcome.warnings.join('\n')).toMatch(
      /detected: test-model's answer refused, the analyzer's choice stands: line 11 \(2026-03-04T09:31:00\+00:00\) is after acknowledged/,
    );
  });

  test('a slow reply, within the per-incident budget', async () => {
    const config = WriterConfigSchema.parse({
      model: 'test-model',
      requestTimeoutMs: 400,
      maxRetries: 5,
      totalBudgetMs: 1500,
    });
    const { outcome, ms } = await settleWith(() => ({ hang: true }), { config });
    expect(outcome.facts).toEqual(rules);
    expect(outcome.fellBack).toBe(true);
    expect(ms).toBeLessThan(1500 + 1000);
    expect(outcome.status).toMatch(/kept as the analyzer chose them/);
  });

  test('an HTTP 500, after the retries', async () => {
    const { outcome, requests } = await settleWith(() => ({
      status: 500,
      body: { error: { message: 'upstream exploded' } },
    }));
    expect(outcome.facts).toEqual(rules);
    expect(requests).toHaveLength(2);
    expect(outcome.warnings.join('\n')).toMatch(/HTTP 500/);
  });

  test('a reply over the byte cap', async () => {
    const { outcome } = await settleWith(() => ({ endless: true }));
    expect(outcome.facts).toEqual(rules);
    expect(outcome.warnings.join('\n')).toMatch(/larger than/);
  });

  test('a reason that carries a secret is neither used nor cached', async () => {
    const { outcome, cacheDir } = await settleWith(
      answering({
        resolved: { line: 13, reason: 'Green; token ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A7b.' },
      }),
    );
    expect(outcome.facts).toEqual(rules);
    expect(outcome.warnings.join('\n')).toMatch(/looks like a secret \(github-pat\); not cached/);
    expect(readdirSync(cacheDir)).toHaveLength(0);
  });

  test('a corrupt cache entry is reported and asked again', async () => {
    const first = await settleWith(answering({ resolved: { line: 13, reason: 'Green.' } }));
    const name = readdirSync(first.cacheDir)[0] ?? '';
    writeFileSync(join(first.cacheDir, name), '{ not json');
    await server?.close();
    const again = await settleWith(answering({ resolved: { line: 13, reason: 'Green.' } }), {
      cacheDir: first.cacheDir,
    });
    expect(again.requests).toHaveLength(1);
    expect(again.outcome.warnings.join('\n')).toMatch(/corrupt \(not valid JSON\)/);
  });
});

describe('analyze, check and the postmortem show what the model chose and what the rules chose', () => {
  test('a case where the rules and the model disagree', async () => {
    server = await startFakeChatServer((request) =>
      request.body.response_format?.json_schema?.name === 'milestone_answers'
        ? completion(
            JSON.stringify({
              answers: {
                resolved: { line: 13, reason: 'The status page going green ends it.' },
                detected: { line: 11, reason: 'Noticed when the lag fell.' },
              },
            }),
          )
        : { status: 500, body: { error: { message: 'no drafts here' } } },
    );
    const cwd = tempDir();
    mkdirSync(join(cwd, 'incidents'));
    const path = 'incidents/2026-03-04-eu-consumers.md';
    writeFileSync(join(cwd, path), readFileSync(FIXTURE));
    writeFileSync(
      join(cwd, 'incidentpost.config.json'),
      JSON.stringify({ writer: { model: 'test-model', maxRetries: 0 } }),
    );
    const env = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: server.baseURL };
    const asked = await runCliAsync(['analyze', path, '--llm'], { cwd, env });
    expect(asked.status).toBe(0);
    expect(asked.stdout).toContain(
      'resolved         Mar 4 09:55 UTC (line 13: chosen by test-model: The status page going green ends it.)\n' +
        '                 the rules chose Mar 4 09:41 UTC (line 12: "EU consumers back, backlog drained")\n',
    );
    expect(asked.stdout).toContain(
      '                 test-model chose line 11, refused: line 11 (2026-03-04T09:31:00+00:00) is after acknowledged',
    );
    expect(asked.stdout).toContain('duration         53 minutes');
    expect(server.requests).toHaveLength(1);

    // Without a key, the cached answers: the same output, no request.
    const offline = await runCliAsync(['analyze', path], { cwd, env: { OPENAI_API_KEY: '' } });
    expect(offline.stdout).toContain('(line 13: chosen by test-model');
    expect(offline.stdout).toContain('the rules chose Mar 4 09:41 UTC (line 12');
    const check = await runCliAsync(['check'], { cwd, env: { OPENAI_API_KEY: '' } });
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(
      `${path}:13: note: resolved settled by test-model: line 13 (the rules chose line 12): The status page going green ends it.`,
    );
    const generated = await runCliAsync(['generate', '--writer', 'builtin'], {
      cwd,
      env: { OPENAI_API_KEY: '' },
    });
    expect(generated.status).toBe(0);
    expect(server.requests).toHaveLength(1);
    const postmortem = readFileSync(
      join(cwd, 'generated/2026-03-04-eu-consumers/postmortem.md'),
      'utf8',
    );
    expect(postmortem).toContain(
      "Milestones chosen by test-model among the analyzer's candidate lines: resolved (line 13).",
    );
    expect(postmortem).toContain('09:55');
    // Four CLI runs: 25 s when other builds share the two cores.
  }, 120_000);
});
