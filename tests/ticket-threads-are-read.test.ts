/**
 * A help-desk ticket thread (Zendesk, Freshdesk) prints each reply as an author line with its
 * field or verb, the time on the next line, the message below: each reply is an event by that
 * author at that time, and the author line is no event.
 */
import { describe, expect, test } from 'vitest';
import { pasteEvents } from './helpers/paste-events.js';

function eventsOf(body: string[]): string[] {
  return pasteEvents(['title: t', 'timezone: UTC'], body).map(
    (e) => `${e.time?.slice(11, 16) ?? 'untimed'} ${e.actor ?? ''}: ${e.text}`,
  );
}

describe('a ticket thread: author and field, time below, message below that', () => {
  test("Zendesk's '(Internal note)' after the name names the field, not the author", () => {
    expect(
      eventsOf([
        'Aoife Byrne',
        'Jun 11, 2026, 09:14',
        'Password reset emails do not arrive.',
        '',
        'Rory Walsh (Internal note)',
        'Jun 11, 2026, 09:22',
        'Looking at the mail relay now.',
      ]),
    ).toEqual([
      '09:14 Aoife Byrne: Password reset emails do not arrive.',
      '09:22 Rory Walsh: Looking at the mail relay now.',
    ]);
  });

  test("Freshdesk's 'added a private note' and 'reported via portal' are verbs after the name", () => {
    expect(
      eventsOf([
        'Neha Kapoor reported via portal',
        'Tue, 3 Mar 2026 at 4:05 PM',
        'Tax shows 0% for all orders.',
        '',
        'Arjun Mehta added a private note',
        'Tue, 3 Mar 2026 at 4:44 PM',
        'Reloaded tax rates from the backup.',
      ]),
    ).toEqual([
      '16:05 Neha Kapoor: Tax shows 0% for all orders.',
      '16:44 Arjun Mehta: Reloaded tax rates from the backup.',
    ]);
  });
});
