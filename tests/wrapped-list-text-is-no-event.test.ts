/**
 * A list item's text wrapped onto an indented line that starts with a time is the item's text,
 * not an event, when the line above stops mid-sentence (inside a bracket, after a lower-case word
 * or a comma); under a finished item an indented time is an event of its own.
 */
import { describe, expect, test } from 'vitest';
import { parseIncident } from '../src/pipeline/parse/parse-incident.js';
import { sourceFromText } from './helpers/source.js';

/** Each entry as `HH:MM text` (or `-- text` untimed), in the file's zone. */
function entries(timeline: string): string[] {
  const { incident } = parseIncident(
    sourceFromText(
      `---\ntitle: t\ndate: 2026-04-14\ntimezone: UTC\n---\n## Timeline\n\n${timeline}\n`,
    ),
  );
  return (incident?.entries ?? []).map(
    (entry) => `${entry.time?.toUTC().toFormat('HH:mm') ?? '--'} ${entry.text}`,
  );
}

describe('wrapped text that starts with a time continues its item', () => {
  test('inside a bracket, and after a lower-case word', () => {
    const read = entries(
      [
        '- 14:02 - Checkout errors begin (payment provider maintenance window from',
        '  13:30, per their status page) - we see 502s',
        '- 14:35 - Errors stop. Total 33 minutes; the provider said',
        '  13:58-14:31, "about half an hour".',
      ].join('\n'),
    );
    expect(read).toEqual([
      '14:02 Checkout errors begin (payment provider maintenance window from 13:30, per their status page) - we see 502s',
      '14:35 Errors stop. Total 33 minutes; the provider said 13:58-14:31, "about half an hour".',
    ]);
  });

  test('after a comma, with star markers and an Uhr clock', () => {
    const read = entries(
      [
        '* 9:15 Uhr – Alert: login failures above 30%, provider status page updated at',
        '  9:05 Uhr, not yet confirmed',
        '* 9:48 Uhr – Login failures over (provider: end of incident',
        '  9:44 Uhr)',
      ].join('\n'),
    );
    expect(read.map((line) => line.slice(0, 5))).toEqual(['09:15', '09:48']);
    expect(read[1]).toContain('9:44 Uhr)');
  });
});

describe('an indented time under a finished item is an event', () => {
  test.each([
    ['- 10:00 Deploy started.', '  10:05 Errors rising'],
    ['- 10:00 Deploy started (v2.3)', '  10:05 Errors rising'],
    ['- 10:00 Deploy started: v2.3', '  10:05 Errors rising'],
  ])('%s', (item, indented) => {
    expect(entries(`${item}\n${indented}`).map((line) => line.slice(0, 5))).toEqual([
      '10:00',
      '10:05',
    ]);
  });
});
