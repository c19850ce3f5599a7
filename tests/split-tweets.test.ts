import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitThread, tweetLength } from '../src/pipeline/write/split-tweets.js';

const graphemes = (text: string): string[] =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map(
    (s) => s.segment,
  );

/** Languages written without spaces between words. */
const UNSPACED: Record<string, string> = {
  ja: '東京リージョンのデータベース接続プールが枯渇し、新幹線の予約サービスが応答しなくなりました。',
  zh: '上海数据中心的数据库连接池耗尽，导致支付服务在高峰期间无法响应用户请求。',
};

const words = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    'https://example.com/a/very/long/postmortem/link?with=query',
    '障害',
    '🔥',
    'connection.release()',
    'v2.3.1',
    '#2847',
    '👩‍💻',
    '🇯🇵',
    '👨‍👩‍👧‍👦',
    'e\u0301',
    'データベース接続プールが枯渇しました',
    '데이터베이스',
    'שגיאה',
    'انقطاع',
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

  test('every tweet is whole grapheme clusters: an emoji ZWJ sequence is never cut', () => {
    fc.assert(
      fc.property(paragraphs, (input) => {
        const body = splitThread(input).map((tweet) => tweet.replace(/^\d+\/\d+ /, ''));
        // Cutting inside a cluster would leave two partial clusters where the input had one.
        expect(body.flatMap((tweet) => graphemes(tweet).filter((g) => g.trim()))).toEqual(
          input.flatMap((p) => graphemes(p.replace(/\s+/g, ' ')).filter((g) => g.trim())),
        );
      }),
      { numRuns: 300 },
    );
    const family = '👨‍👩‍👧‍👦';
    const tweets = splitThread([family.repeat(200)]);
    expect(tweets.length).toBeGreaterThan(1);
    for (const tweet of tweets) expect(tweet.replace(/^\d+\/\d+ /, '')).toMatch(/^(👨‍👩‍👧‍👦)+$/u);
  });

  for (const [language, sentence] of Object.entries(UNSPACED)) {
    test(`${language} text without spaces is cut between words, never inside one`, () => {
      const text = sentence.repeat(12);
      const tweets = splitThread([text], language);
      expect(tweets.length).toBeGreaterThan(1);
      const boundaries = new Set(
        [...new Intl.Segmenter(language, { granularity: 'word' }).segment(text)].map(
          (s) => s.index,
        ),
      );
      let at = 0;
      for (const tweet of tweets) {
        const body = tweet.replace(/^\d+\/\d+ /, '');
        expect(text.startsWith(body, at)).toBe(true);
        expect(boundaries.has(at)).toBe(true);
        expect(tweetLength(tweet)).toBeLessThanOrEqual(280);
        at += body.length;
      }
      expect(at).toBe(text.length);
    });
  }

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
