import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitThread, tweetLength } from '../src/pipeline/write/split-tweets.js';

const words = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    'https://example.com/a/very/long/postmortem/link?with=query',
    '障害',
    '🔥',
    'connection.release()',
    'v2.3.1',
    '#2847',
  ),
);
const paragraphs = fc.array(
  fc.array(words, { minLength: 1, maxLength: 120 }).map((w) => w.join(' ')),
  { minLength: 1, maxLength: 6 },
);

describe('a thread is split into numbered tweets that Twitter accepts', () => {
  test('every tweet fits 280 weighted characters and is numbered i/N', () => {
    fc.assert(
      fc.property(paragraphs, (input) => {
        const tweets = splitThread(input);
        tweets.forEach((tweet, i) => {
          expect(tweetLength(tweet)).toBeLessThanOrEqual(280);
          expect(tweet.startsWith(`${i + 1}/${tweets.length} `)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  test('no text is lost or reordered', () => {
    fc.assert(
      fc.property(paragraphs, (input) => {
        const rejoined = splitThread(input)
          .map((tweet) => tweet.replace(/^\d+\/\d+ /, ''))
          .join('');
        expect(rejoined.replace(/\s+/g, '')).toBe(input.join('').replace(/\s+/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  test('URLs count as 23 characters and CJK as two, as Twitter counts them', () => {
    expect(
      tweetLength('https://example.com/a/very/long/path/that/is/longer/than/twenty/three'),
    ).toBe(23);
    expect(tweetLength('障害')).toBe(4);
  });

  test('a short thread stays one tweet per paragraph', () => {
    expect(splitThread(['First.', 'Second.'])).toEqual(['1/2 First.', '2/2 Second.']);
  });
});
