/**
 * An incident tool's timeline export (FireHydrant, incident.io-like pastes) prints each item as
 * a header, the stamp then the item's kind and author apart by `·` or `|`, with the message on
 * the lines below: the kind stays before the message, the author is the actor.
 */
import { describe, expect, test } from 'vitest';
import { pasteEvents } from './helpers/paste-events.js';

function eventsOf(body: string[]): string[] {
  return pasteEvents(['title: t', 'date: 2026-08-04', 'timezone: UTC'], body).map(
    (e) => `${e.time?.slice(11, 16) ?? 'untimed'} ${e.actor ?? ''}: ${e.text}`,
  );
}

describe('an incident tool item: kind and author after the stamp, message below', () => {
  test("FireHydrant's ' · ' labels, a milestone header alone keeping its name", () => {
    expect(
      eventsOf([
        '2026-08-04 13:20:11 UTC · Alert · Datadog',
        'CDN purge errors above 30%',
        '',
        '2026-08-04 13:47:19 UTC · Note · Lucia Romero',
        'Purge workers hit the rate limit',
        '',
        '2026-08-04 14:40:00 UTC · Milestone · Resolved',
      ]),
    ).toEqual([
      '13:20 Datadog: Alert: CDN purge errors above 30%',
      '13:47 Lucia Romero: Note: Purge workers hit the rate limit',
      '14:40 : Milestone · Resolved',
    ]);
  });

  test('pipes after a bare clock, and a timed line with one part after it stays a line', () => {
    expect(
      eventsOf([
        '09:12 | Update | Wen Li',
        'Acknowledged, on it',
        '',
        '09:40 | api back to normal',
      ]),
    ).toEqual(['09:12 Wen Li: Update: Acknowledged, on it', '09:40 : api back to normal']);
  });
});
