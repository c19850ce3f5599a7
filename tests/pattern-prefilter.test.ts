import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CUES, MODIFIERS } from '../src/pipeline/analyze/cues.js';
import {
  beginningsOf,
  foldable,
  foldCodeUnit,
  prefilter,
} from '../src/pipeline/analyze/pattern-prefilter.js';

const PATTERNS = [...CUES, ...MODIFIERS].map((entry) => entry.pattern);
const EXAMPLES = [...CUES, ...MODIFIERS].flatMap((entry) => [
  ...entry.examples.match,
  ...entry.examples.noMatch,
]);
const may = prefilter(PATTERNS, { buildAfter: 0 });

/** Letters `/iu` takes as others (ſ = s, K = k, Å = å, Ÿ = ÿ), and case flips. */
const LOOKALIKES: Record<string, string> = { s: 'ſ', k: '\u212a', å: '\u212b', ÿ: 'Ÿ' };
const respelled = (text: string, seed: number): string =>
  [...text]
    .map((char, i) => {
      const roll = (seed >> (i % 24)) & 3;
      if (roll === 0) return LOOKALIKES[char.toLowerCase()] ?? char.toUpperCase();
      return roll === 1 ? char.toUpperCase() : char;
    })
    .join('');

describe('the prefilter never skips a pattern that matches', () => {
  test('on every cue and modifier example, respelled in other cases', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLES),
        fc.integer({ min: 0, max: 2 ** 24 }),
        fc.string({ maxLength: 6 }),
        fc.string({ maxLength: 6 }),
        (example, seed, before, after) => {
          const text = `${before}${respelled(example, seed)}${after}`;
          const worth = new Set(may(text));
          PATTERNS.forEach((pattern, index) => {
            if (pattern.test(text)) expect(worth.has(index), `${pattern} on ${text}`).toBe(true);
          });
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const worth = new Set(may(text));
        PATTERNS.forEach((pattern, index) => {
          if (pattern.test(text)) expect(worth.has(index), `${pattern} on ${text}`).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  test('case folding agrees with the regular-expression engine on every code point', () => {
    // Every letter a built-in pattern can begin with, and all of ASCII and Latin-1.
    const letters = new Set<number>();
    for (let code = 0x20; code <= 0xff; code++) if (foldable(code)) letters.add(code);
    for (const pattern of PATTERNS)
      for (const text of beginningsOf(pattern)?.beginnings ?? [])
        for (const char of text) letters.add(char.codePointAt(0) ?? 0);
    let everything = '';
    for (let code = 0; code <= 0x10ffff; code++)
      if (code < 0xd800 || code > 0xdfff) everything += String.fromCodePoint(code);
    for (const letter of letters) {
      for (const [same] of everything.matchAll(new RegExp(`\\u{${letter.toString(16)}}`, 'giu')))
        expect(foldCodeUnit(same.charCodeAt(0)), `U+${letter.toString(16)} ≡ ${same}`).toBe(
          foldCodeUnit(letter),
        );
    }
  });
});

describe('the prefilter leaves out what cannot match', () => {
  test('it is built only after a few hundred texts: until then every pattern runs', () => {
    const late = prefilter(PATTERNS, { buildAfter: 2 });
    const clause = 'restarted the checkout consumers';
    expect(late(clause)).toHaveLength(PATTERNS.length);
    expect(late(clause)).toHaveLength(PATTERNS.length);
    expect(late(clause).length).toBeLessThan(PATTERNS.length / 4);
  });

  test('a clause runs a handful of the cues, not all of them', () => {
    const clause = 'restarted the checkout consumers';
    const worth = may(clause);
    expect(worth.length).toBeLessThan(PATTERNS.length / 4);
    const restart = CUES.findIndex((cue) => cue.pattern.test(clause));
    expect(worth).toContain(restart);
  });

  test('a pattern is found by a part every match contains, wherever it begins', () => {
    expect(beginningsOf(/^\s*resolved\b/i)?.beginnings).toEqual(['resol']);
    expect(beginningsOf(/(?<![\p{L}\p{N}])(?:fail|down)(?![\p{L}\p{N}])/iu)?.beginnings).toEqual([
      'fail',
      'down',
    ]);
    expect(beginningsOf(/5\d\dx/u)?.beginnings).toHaveLength(100);
    expect(beginningsOf(/\s+|\w/u)).toBeNull();
  });
});
