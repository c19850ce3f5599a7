/**
 * A Microsoft Teams (or Slack) desktop copy: an author line `Name (tag)  10:05` over the
 * message, and `Monday 09:30` for a message of a later day.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { sourceFromText } from './helpers/source.js';

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, 'fixtures', 'cases', `${name}.md`), 'utf8');

function pasteEvents(text: string) {
  const { facts, diagnostics } = analyzeSource(sourceFromText(text));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return facts?.events ?? [];
}

describe('a Teams copy', () => {
  test("a tag after the author's name is a role: the message is the text, the name the actor", () => {
    const events = pasteEvents(fixture('teams-copy-with-name-tags-and-a-weekday'));
    expect(events.map((e) => [e.actor, e.text])).toContainEqual([
      'Mara',
      'restored the previous signing secret, deliveries succeed again',
    ]);
    expect(events.map((e) => e.actor)).toContain('PagerDuty');
    expect(events.every((e) => !/\((?:on call|External)\)|\[Bot\]/.test(e.text))).toBe(true);
  });

  test('a weekday before the clock is the first such day after the incident, in four languages', () => {
    const monday = pasteEvents(fixture('teams-copy-with-name-tags-and-a-weekday')).at(-1);
    expect(monday?.time?.slice(0, 16)).toBe('2026-05-11T09:30');
    expect(monday?.text).toMatch(/^retro: the secret rotation/);
    const montag = pasteEvents(fixture('teams-copy-in-german-with-a-weekday')).at(-1);
    expect(montag?.time?.slice(0, 16)).toBe('2026-10-19T08:45');
  });
});
