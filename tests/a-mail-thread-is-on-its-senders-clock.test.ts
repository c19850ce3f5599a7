/**
 * A mail thread pasted whole is on its writers' clock: the offset of its Date header, even where
 * one sentence converts a time to UTC for readers elsewhere.
 */
import { describe, expect, test } from 'vitest';
import { mailDateZone } from '../src/pipeline/parse/paste-shapes.js';

describe("a mail thread's clock", () => {
  test("a pasted mail's Date header offset is the zone of its bare times", () => {
    const mail = [
      'From: Kavya <k@x>',
      'Date: Tue, 13 Oct 2026 16:40:11 +0530',
      'Subject: Re: x',
      '',
    ];
    expect(mailDateZone(mail.join('\n'))).toBe('UTC+5:30');
    expect(mailDateZone(['Subject: y', 'Date: Mon, 2 Mar 2026 09:58:40 -0800'].join('\n'))).toBe(
      'UTC-8',
    );
  });

  test('a Date line without mail headers, or one quoted deep in a chat, sets no clock', () => {
    expect(mailDateZone('Date: Tue, 13 Oct 2026 16:40:11 +0530\nthe deploy went out')).toBeNull();
    const chat = [
      '[14:02] ana: checkout is failing',
      '[14:05] ben: vendor mail below',
      '[14:05] ben: > From: vendor',
      '[14:05] ben: > Date: Tue, 13 Oct 2026 16:40:11 +0530',
    ];
    expect(mailDateZone(chat.join('\n'))).toBeNull();
  });
});
