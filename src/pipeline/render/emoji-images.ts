/**
 * Colour emoji for the images. resvg draws no colour font, but it draws an SVG inside an SVG, so
 * an emoji is placed as an `<image>` of Twemoji's picture for it (@discordapp/twemoji: one SVG per
 * emoji up to Unicode 16; graphics by Twitter and contributors, CC-BY 4.0, credited in README.md),
 * inlined as a data URI so timeline.svg stays one self-contained file that browsers show too.
 * A sequence Twemoji has no picture for is drawn in Noto Emoji's outlines instead (typeset.ts).
 * No I/O here: Node reads the pictures from node_modules (fonts.ts).
 */
import type { Element } from 'xast';
import { x as xml } from 'xastscript';
import { n } from './xml.js';

/**
 * The SVG text of Twemoji's picture named `name` (`1f469-200d-1f4bb`), or null when there is
 * none or this runtime does not offer them.
 */
export type EmojiImageSource = (name: string) => Promise<string | null>;

const hex = (text: string): string =>
  [...text].map((c) => (c.codePointAt(0) ?? 0).toString(16)).join('-');

/**
 * The names Twemoji may file `cluster` under, most likely first. Its own rule (twemoji's
 * `grabTheRightIcon`): the code points in lower-case hex joined by `-`, without VARIATION
 * SELECTOR-16 unless the cluster is a ZWJ sequence; then the same without any VS16, for a ZWJ
 * sequence whose file name lacks one.
 */
export function twemojiNames(cluster: string): string[] {
  const bare = hex(cluster.replace(/\u{FE0F}/gu, ''));
  const first = cluster.includes('\u200d') ? hex(cluster) : bare;
  return first === bare ? [first] : [first, bare];
}

/**
 * Where a picture sits in a line, in em of the font size: Twemoji's own style for inline emoji
 * (its README's `img.emoji`: `height: 1em; width: 1em; margin: 0 .05em 0 .1em;
 * vertical-align: -0.1em`). So an emoji advances the pen 1.15 em.
 */
const BEFORE = 0.1;
const AFTER = 0.05;
const BELOW = 0.1;

/** How far a picture advances the pen, in em. */
export const EMOJI_ADVANCE = BEFORE + 1 + AFTER;

/**
 * A picture's SVG as a data URI, percent-encoding only what a URI or an XML attribute cannot
 * hold (RFC 2397): the path data stays readable, a tenth smaller than base64, and the secret
 * scanner, which reads timeline.svg before it is written, goes through it 20 times faster than
 * through base64's long runs of letters and digits (11 s against 249 s for all 3,846 pictures,
 * with no finding in either).
 */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml,${svg.replace(/[%#"'<>&\s]|[^\x20-\x7e]/gu, (c) => encodeURIComponent(c))}`;
}

/**
 * The `<image>` of one emoji whose pen position is `x` on the baseline `y`, at font size `size`
 * px; `label` (the emoji itself) is its accessible name.
 */
export function emojiImageElement(
  dataUri: string,
  label: string,
  x: number,
  y: number,
  size: number,
): Element {
  return xml(
    'image',
    {
      x: n(x + BEFORE * size),
      y: n(y + BELOW * size - size),
      width: n(size),
      height: n(size),
      href: dataUri,
    },
    xml('title', label),
  );
}
