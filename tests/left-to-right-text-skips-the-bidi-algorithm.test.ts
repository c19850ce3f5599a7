import bidiModule, { type Bidi } from 'bidi-js';
import { describe, expect, test } from 'vitest';
import { mayBeRightToLeft } from '../src/pipeline/render/typeset.js';

const bidi = (bidiModule as unknown as () => Bidi)();

/** The classes that can put a character at a level other than 0 (UAX #9, rules X1-X10, W, I). */
const NOT_ALWAYS_LEFT = new Set([
  'R',
  'AL',
  'AN',
  'LRE',
  'RLE',
  'LRO',
  'RLO',
  'PDF',
  'LRI',
  'RLI',
  'FSI',
  'PDI',
]);

/**
 * Image text with no right-to-left, Arabic-number or embedding character skips the algorithm
 * (typeset.ts): that must be every such text, so the check is made against bidi-js's own table
 * for every code point, and against the algorithm on mixed left-to-right text.
 */
describe('left-to-right text', () => {
  test('every character that can change a level is caught', () => {
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const character = String.fromCodePoint(cp);
      if (NOT_ALWAYS_LEFT.has(bidi.getBidiCharTypeName(character)) && !mayBeRightToLeft(character))
        missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });

  test.each([
    'Connection pool dropping: 78% → 45%, “ok” – José’s fix ✓',
    '障害の原因: 設定ミス 😱 and ½ ² ₂ Ω ☃\nnext line\twith a tab',
  ])('is all level 0 when nothing in it is caught: %s', (text) => {
    expect(mayBeRightToLeft(text)).toBe(false);
    const { levels, paragraphs } = bidi.getEmbeddingLevels(text);
    expect([...levels].every((level) => level === 0)).toBe(true);
    expect(paragraphs.every((paragraph) => paragraph.level === 0)).toBe(true);
  });

  test.each(['rollback שלום done', 'الخادم down', 'a\u202Eb', 'x \u2067y\u2069'])(
    'goes through the algorithm when it may be right to left: %s',
    (text) => expect(mayBeRightToLeft(text)).toBe(true),
  );
});
