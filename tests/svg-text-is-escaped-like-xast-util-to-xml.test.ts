import fc from 'fast-check';
import type { Element, ElementContent } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { describe, expect, test } from 'vitest';
import { svgFile } from '../src/pipeline/render/xml.js';

/**
 * The images' SVG is serialised by render/xml.ts, not by xast-util-to-xml (whose escaping built
 * a regular expression per attribute): the bytes must be the library's, for any text an
 * incident can put in an image (markup, quotes, ampersands, control characters, emoji, RTL).
 */
const library = (svg: Element) => `${toXml(svg, { closeEmptyElements: true, tightClose: true })}\n`;

const awkward = fc.constantFrom(
  '<b>',
  '&amp;',
  '"',
  "'",
  '\u0000',
  '\u0007',
  '\u000b',
  '\u001f',
  '\t',
  '\n',
  '\r',
  '→',
  '😱',
  '\u200f',
  'שלום',
  ']]>',
  '=',
  '/',
  '',
);
const text = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), awkward), { maxLength: 5 })
  .map((parts) => parts.join(''));

const tree: fc.Arbitrary<ElementContent> = fc.letrec<{ node: ElementContent }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((value) => ({ type: 'text' as const, value })),
    fc
      .record({
        name: fc.oneof(fc.constantFrom('text', 'g', 'rect', 'tspan'), text),
        attributes: fc.dictionary(
          fc.oneof(fc.constantFrom('x', 'font-size', 'xml:space', 'href'), text),
          fc.oneof(text, fc.integer(), fc.double({ noNaN: true }), fc.constant(undefined)),
          { maxKeys: 4 },
        ),
        children: fc.array(tie('node'), { maxLength: 4 }),
      })
      .map(({ name, attributes, children }) => x(name, attributes, children)),
  ),
})).node;

describe('SVG serialisation', () => {
  test('gives the bytes xast-util-to-xml gives, for any element tree', () => {
    fc.assert(
      fc.property(tree, (node) => {
        const svg = x('svg', { xmlns: 'http://www.w3.org/2000/svg' }, [node]);
        expect(svgFile(svg)).toBe(library(svg));
      }),
      { numRuns: 2000 },
    );
  });

  test('escapes incident text in a timeline label and a link title', () => {
    const label = x('text', { x: '12.5', 'data-note': 'a "quoted" <b> & \u0007bell' }, [
      'Rollback of <config> & "flags" → done\u0001',
    ]);
    const link = x('a', { href: 'https://example.com/?a=1&b=<2>' }, [
      x('title', {}, ['José’s fix']),
      x('rect', { width: 4, height: undefined }),
    ]);
    for (const svg of [x('svg', {}, [label]), x('svg', {}, [link])])
      expect(svgFile(svg)).toBe(library(svg));
    expect(svgFile(x('svg', {}, [label]))).toContain('&#x3C;config> &#x26; "flags"');
  });
});
