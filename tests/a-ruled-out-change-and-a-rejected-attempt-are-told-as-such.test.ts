/**
 * What responders rule out ("no deploy since this morning", "no config changes") is no
 * trigger, and an attempt they reject in the same breath ("nope, CPU straight back up", "didn't
 * stick") is a failed attempt, never how it was fixed. A bot named for what it watches posting
 * a failure is the alert. Fixtures: tests/fixtures/writer-kinds-s12b (invented).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { builtinPackOf } from './helpers/writer-pack.js';
import { sourceFromFixture } from './helpers/source.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-s12b');

describe.each([
  ['no-deploy-ruled-out-and-a-failed-restart.md', /restarted IIS/i, /replaced the regex/i],
  [
    'no-config-change-and-a-bounce-that-did-not-stick.md',
    /bounced the consumers/i,
    /dead-letter queue/i,
  ],
])('%s', (name, rejected, fix) => {
  const p = builtinPackOf(join(DIR, name));
  const { summary, published } = p;
  const facts = analyzeSource(sourceFromFixture(join(DIR, name))).facts;

  test('the ruled-out change is not the trigger', () => {
    expect(p.trigger).not.toMatch(/no deploy|no config changes/i);
    expect(summary).not.toMatch(/set it off[^.]*no (?:deploy|config)/i);
  });
  test('the rejected attempt is told as failed, never as how it was fixed', () => {
    expect(summary).not.toMatch(new RegExp(`mitigated it at [^.]*${rejected.source}`, 'i'));
    expect(published).not.toMatch(new RegExp(`mitigated it at [^\\n]*${rejected.source}`, 'i'));
    expect(summary).toMatch(
      new RegExp(`${rejected.source}[^.]*did not help|did not help: ${rejected.source}`, 'i'),
    );
  });
  test('the action that worked is in the response', () => {
    expect(p.response).toMatch(fix);
  });
  test("the watching bot's post is when it was detected", () => {
    expect(facts?.detected).toBe(facts?.start);
  });
  test("public texts never open what users saw with the bot's name", () => {
    expect(published).not.toMatch(/(?:LB Health Bot|queue-alerts bot):/);
  });
});
