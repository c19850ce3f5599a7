/**
 * Chat copies (Teams, Google Chat, Slack, Discord) as a reader sees them: the client's own lines
 * (reaction counts, edit marks, thread footers) are not messages, and the day words a client
 * prints (`Yesterday at`, `Today at`, `Heute um`) move the day in the order they name.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pasteEvents } from './helpers/paste-events.js';
import { isChatChrome } from '../src/pipeline/parse/chat-chrome.js';
import { readRelativeDays } from '../src/pipeline/parse/relative-days.js';

function eventsOf(frontMatter: string[], body: string[]): string[] {
  return pasteEvents(frontMatter, body).map(
    (e) => `${e.time?.slice(0, 16) ?? 'untimed'} ${e.text}`,
  );
}

describe("a chat client's own lines are not part of any message", () => {
  test('reactions and an edit mark between Teams messages leave the text as written', () => {
    expect(
      eventsOf(
        ['title: t', 'date: 2026-09-08', 'timezone: UTC'],
        [
          'Sanne de Vries 10:02',
          'Invoice PDFs are blank',
          '👀 2',
          'Pieter Jansen 10:19',
          'Edited',
          'rolled pdf-renderer back',
          '👍 3  ❤️ 1',
        ],
      ),
    ).toEqual([
      '2026-09-08T10:02 Invoice PDFs are blank',
      '2026-09-08T10:19 rolled pdf-renderer back',
    ]);
  });

  test('a Slack thread footer with a time is not a message at that time', () => {
    const events = eventsOf(
      ['title: t', 'date: 2026-09-08', 'timezone: UTC'],
      [
        '[10:02] ana: api is down',
        ':eyes: 2',
        '3 replies Last reply today at 11:40 AM',
        '[10:30] ana: api is back',
      ],
    );
    expect(events).toEqual(['2026-09-08T10:02 api is down', '2026-09-08T10:30 api is back']);
  });

  test('the marks are told from messages that look like them', () => {
    for (const chrome of [
      '👍 3',
      '👀 2 ❤️ 1',
      ':tada: 4 :eyes: 1',
      'Edited',
      '(edited)',
      'bearbeitet',
      '2 replies',
      'View thread',
    ])
      expect(isChatChrome(chrome), chrome).toBe(true);
    for (const message of [
      '👍',
      'edited the config and restarted',
      '+1',
      '2 replicas down',
      'replied to the customer',
      '3 errors',
    ])
      expect(isChatChrome(message), message).toBe(false);
  });
});

describe('day words in a chat copy move the day in their order', () => {
  test("'Today' after 'Yesterday' is the next day even when its clock is later", () => {
    expect(
      eventsOf(
        ['title: t', 'date: 2026-03-09', 'timezone: UTC'],
        [
          'kai — Yesterday at 6:02 PM',
          'sync is down',
          'mara — Today at 6:40 PM',
          'sync works again',
        ],
      ),
    ).toEqual(['2026-03-09T18:02 sync is down', '2026-03-10T18:40 sync works again']);
  });

  test("without 'Yesterday', 'Today' is the front matter's day", () => {
    expect(
      eventsOf(
        ['title: t', 'date: 2026-03-09', 'timezone: UTC'],
        ['Ana, Heute um 09:15', 'API down'],
      ),
    ).toEqual(['2026-03-09T09:15 API down']);
  });

  test('property: lines keep their numbers and every today is one day after every yesterday', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (rows) => {
          const lines = rows.map(([yesterday, hour, minute], i) => ({
            number: i + 10,
            text: `bob — ${yesterday ? 'Yesterday' : 'Today'} at ${hour}:${String(minute).padStart(2, '0')}`,
          }));
          const [block] = readRelativeDays([{ lines }], { year: 2026, month: 12, day: 31 });
          const out = block?.lines ?? [];
          expect(out.map((line) => line.number)).toEqual(lines.map((line) => line.number));
          const anyYesterday = rows.some(([yesterday]) => yesterday);
          out.forEach((line, i) => {
            const yesterday = rows[i]?.[0];
            const day = yesterday || !anyYesterday ? '2026-12-31' : '2027-01-01';
            expect(line.text.startsWith(`bob — ${day} `)).toBe(true);
          });
        },
      ),
    );
  });
});
