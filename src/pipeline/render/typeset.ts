/**
 * Text for the images, laid out before resvg sees it: each grapheme cluster is given a font that
 * has it (DejaVu Sans, else the CJK font of the incident's language, else the other CJK fonts),
 * or a colour picture if it is an emoji (emoji-images.ts), the line is put in visual order by the
 * Unicode Bidirectional Algorithm (UAX #9, bidi-js), and widths are measured from the fonts'
 * own advance widths (font-metrics.ts), so titles wrap and rows are cut by their drawn width.
 *
 * A line of Latin-only, left-to-right text comes out as the single `<text>` element it always
 * was. Anything else becomes one `<text>` per run of one direction and one font, placed at
 * measured x positions: resvg and browsers then only have to draw each run, and a right-to-left
 * run is fenced with RIGHT-TO-LEFT MARKs so neither moves its neutral characters.
 */
import bidiModule, { type Bidi } from 'bidi-js';
import type { Element } from 'xast';
import { x } from 'xastscript';
import { n } from './xml.js';
import { readFontMetrics, type FontMetrics } from './font-metrics.js';
import { faceFor, type FontFace, type FontGroup, type FontSource } from './font-faces.js';
import { EMOJI_ADVANCE, emojiImageElement, svgDataUri, twemojiNames } from './emoji-images.js';

// bidi-js is CommonJS whose module.exports is the factory; its types declare an ES default.
const bidi = (bidiModule as unknown as () => Bidi)();

/** A character of each bidirectional class bidi-js can give a character beyond U+FFFF. */
const STAND_INS: Record<string, string> = {
  R: '\u05d0',
  AL: '\u0627',
  EN: '0',
  AN: '\u0660',
  NSM: '\u0300',
  BN: '\u200b',
  ON: '!',
};

/**
 * `text` with each character beyond U+FFFF (most emoji, flags, skin tones) replaced by two of a
 * character of its bidirectional class. bidi-js reads UTF-16 code units, and a surrogate alone
 * is left to right, so an emoji between Hebrew words was laid out as a left-to-right run where
 * UAX #9 (and a browser) makes it a neutral that takes the direction around it. The string
 * keeps its length, so the levels still index `text`.
 */
const withBmpStandIns = (text: string): string =>
  text.replace(/[\u{10000}-\u{10ffff}]/gu, (c) =>
    (STAND_INS[bidi.getBidiCharTypeName(c)] ?? 'a').repeat(2),
  );

/**
 * The blocks holding every character UAX #9 classes as right-to-left (R, AL), Arabic number (AN)
 * or an explicit embedding, override or isolate (Hebrew to Arabic Extended, U+0590-08FF; the
 * marks and controls; the Hebrew and Arabic presentation forms; U+10800-10FFF and
 * U+1E800-1EFFF by their high surrogates). tests/left-to-right-text-skips-the-bidi-algorithm
 * checks it against bidi-js's own table over every code point.
 */
const RIGHT_TO_LEFT_BLOCKS =
  /[\u0590-\u08FF\u200F\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFF\uD802\uD803\uD83A\uD83B]/;

/**
 * Whether the Bidirectional Algorithm can put any of `text` at a level other than 0. Without
 * such a character, every character is at level 0 in left-to-right paragraphs, so runs()
 * skips the algorithm (and bidi-js's table, unpacked on first use, for Latin text with a "→").
 */
export const mayBeRightToLeft = (text: string): boolean => RIGHT_TO_LEFT_BLOCKS.test(text);

/** What bidi-js gives for text that cannot be right to left, as runs() reads it. */
const LEFT_TO_RIGHT = { levels: new Uint8Array(0), paragraphs: [] as { level: number }[] };

const fontMetrics = new Map<FontFace, Promise<FontMetrics | null>>();

/** A face's metrics, read once per process; null when `source` does not offer the face. */
function metricsOf(face: FontFace, source: FontSource): Promise<FontMetrics | null> {
  let found = fontMetrics.get(face);
  if (!found) {
    found = source(face).then((bytes) => (bytes ? readFontMetrics(bytes) : null));
    // A face the source lacks (or failed to give) is asked for again next time.
    found.then(
      (metrics) => metrics ?? fontMetrics.delete(face),
      () => fontMetrics.delete(face),
    );
    fontMetrics.set(face, found);
  }
  return found;
}

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
/**
 * Printable ASCII, tabs and line feeds: each character is a grapheme cluster of its own
 * (UAX #29; only CR LF is a cluster of two), and DejaVu Sans has every one.
 */
const PLAIN_ASCII = /^[\x20-\x7e\t\n]*$/;
/**
 * Code units given to a segmenter in one call. Node 20's `Intl.Segmenter` takes time and
 * memory quadratic in the length of the string it segments (a 1 MiB timeline exhausted a 4 GB
 * heap), so no call sees more than this.
 */
const SEGMENT_WINDOW = 1024;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * The segments of `text`, found a window at a time. A window's segments but its last end
 * before the window does, with the character after them in view (all a grapheme boundary
 * depends on besides the text before it, UAX #29), so they are the text's own; the last is
 * segmented again with what follows.
 */
function segments(segmenter: Intl.Segmenter, text: string): string[] {
  const found: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start + SEGMENT_WINDOW;
    // Never cut a surrogate pair: the boundary before the last segment is judged by the
    // character after it, and half a code point would be misread as a break.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    const window = [...segmenter.segment(text.slice(start, end))].map((s) => s.segment);
    if (end < text.length && window.length > 1) window.pop();
    found.push(...window);
    start += window.join('').length;
  }
  return found;
}

/**
 * The grapheme clusters of `text`. Most image text is printable ASCII, split here without the
 * segmenter, which was a tenth of a cold build's main-thread time.
 */
const graphemes = (text: string): string[] =>
  PLAIN_ASCII.test(text) ? text.split('') : segments(graphemeSegmenter, text);

/** Drawn as an emoji: emoji presentation, a ZWJ sequence, a flag, a keycap or a skin tone. */
function isEmoji(cluster: string): boolean {
  return (
    /\p{Emoji_Presentation}|\u{FE0F}|\u{20E3}|\p{Regional_Indicator}|\p{Emoji_Modifier}/u.test(
      cluster,
    ) ||
    (cluster.includes('\u200d') && /\p{Extended_Pictographic}/u.test(cluster))
  );
}

/** Kana: only Japanese writes them, so they make text Japanese when no language is set. */
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The CJK fonts in the order they are tried for Han (and kana): the language's own first, so
 * Han is drawn in the forms its readers expect (Unicode's Han unification gives one code point
 * for 直 whose Chinese, Japanese and Korean shapes differ); then the others, for characters the
 * first lacks. Without a language, kana make the text Japanese; otherwise Simplified Chinese.
 */
function cjkOrder(language: string | null | undefined, text: string): FontGroup[] {
  const primary = language?.toLowerCase().split('-')[0];
  if (primary === 'ko') return ['hangul', 'han', 'japanese'];
  if (primary === 'ja' || (primary !== 'zh' && KANA.test(text)))
    return ['japanese', 'han', 'hangul'];
  return ['han', 'japanese', 'hangul'];
}

/** Code points that draw nothing (controls, joiners, marks of direction, variation selectors). */
const INVISIBLE = /^[\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}]$/u;
const isInvisible = (cp: number) => INVISIBLE.test(String.fromCodePoint(cp));

const codePoints = (cluster: string): number[] => {
  // A printable ASCII character is one visible code point.
  if (cluster.length === 1) {
    const cp = cluster.charCodeAt(0);
    if (cp >= 0x20 && cp <= 0x7e) return [cp];
  }
  return [...cluster].map((c) => c.codePointAt(0) ?? 0).filter((cp) => !isInvisible(cp));
};

/** Whether `font` has every visible code point of `cluster`. */
const covers = (font: FontMetrics, cluster: string): boolean =>
  codePoints(cluster).every((cp) => font.advance(cp) !== undefined);

export interface TextStyle {
  /** Font size in px. */
  size: number;
  weight?: 400 | 700;
}

export interface LineOptions extends TextStyle {
  x: number;
  y: number;
  anchor?: 'start' | 'middle' | 'end';
  /** Where a right-to-left paragraph ends (its right edge); left-aligned at `x` if not given. */
  rightX?: number;
  /** Further attributes of the `<text>` element, e.g. `{ fill: '#111827' }`. */
  attributes?: Record<string, string>;
}

interface Run {
  text: string;
  group: FontGroup;
  rtl: boolean;
  width: number;
}

/** Lays out and measures text in the fonts loaded for one image. Synchronous once loaded. */
export class Typesetter {
  private constructor(
    private readonly fonts: Map<string, FontMetrics>,
    /** The CJK fonts, the language's first (cjkOrder). */
    private readonly cjkFirst: FontGroup[],
    /** Emoji clusters → their colour picture as a data URI. */
    private readonly emojiImages: Map<string, string>,
  ) {}

  /** Whether the paragraph last laid out by runs() is right to left (UAX #9 rules P2, P3). */
  private lastParagraphRtl = false;

  /**
   * Loads what `text` (every string the image will show) needs: DejaVu always, a CJK font only
   * if some cluster needs it, the emoji pictures of its emoji, and Noto Emoji only for an emoji
   * that has no picture.
   * @param language BCP 47 tag; Japanese and Korean draw Han in their own forms (cjkOrder).
   * @param source where font bytes and emoji pictures come from (fonts.ts in Node); a face or
   *   picture it lacks is skipped.
   * @throws when the source cannot give DejaVu Sans, which every image needs.
   */
  static async load(
    text: string,
    language: string | null | undefined,
    source: FontSource,
  ): Promise<Typesetter> {
    const fonts = new Map<string, FontMetrics>();
    const add = async (group: FontGroup) => {
      for (const weight of [400, 700] as const) {
        const metrics = await metricsOf(faceFor(group, weight), source);
        if (metrics) fonts.set(`${group}/${weight}`, metrics);
      }
    };
    await add('latin');
    const latin = fonts.get('latin/400');
    if (!latin) throw new Error('the font source has no DejaVu Sans');
    const needed = new Set<FontGroup>();
    const cjk: string[] = [];
    const emoji = new Set<string>();
    for (const cluster of PLAIN_ASCII.test(text) ? [] : graphemes(text)) {
      if (isEmoji(cluster)) emoji.add(cluster);
      else if (!codePoints(cluster).every((cp) => latin.advance(cp) !== undefined)) {
        if (/\p{Script=Hangul}/u.test(cluster)) needed.add('hangul');
        else cjk.push(cluster);
      }
    }
    const emojiImages = new Map<string, string>();
    const pictureOf = source.emojiImage;
    if (pictureOf) {
      await Promise.all(
        [...emoji].map(async (cluster) => {
          for (const name of twemojiNames(cluster)) {
            const svg = await pictureOf(name);
            if (svg !== null) return emojiImages.set(cluster, svgDataUri(svg));
          }
          return undefined;
        }),
      );
    }
    if ([...emoji].some((cluster) => !emojiImages.has(cluster))) needed.add('emoji');
    // Han is drawn in the language's forms; what that font lacks falls back to the other CJK
    // fonts, each loaded only then: a CJK face is 4-8 MB to subset.
    const order = cjkOrder(language, text);
    if (cjk.length > 0) needed.add(order[0] as FontGroup);
    await Promise.all([...needed].map(add));
    let missing = cjk;
    for (const group of order) {
      if (missing.length === 0) break;
      if (!fonts.has(`${group}/400`)) await add(group);
      const font = fonts.get(`${group}/400`);
      if (font) missing = missing.filter((cluster) => !covers(font, cluster));
    }
    return new Typesetter(fonts, order, emojiImages);
  }

  /** The faces this image's text uses, for resvg. */
  faces(): FontFace[] {
    const faces: FontFace[] = [];
    for (const key of this.fonts.keys()) {
      const [group, weight] = key.split('/') as [FontGroup, string];
      const face = faceFor(group, Number(weight));
      if (!faces.includes(face)) faces.push(face);
    }
    return faces;
  }

  private font(group: FontGroup, weight: number): FontMetrics {
    return (this.fonts.get(`${group}/${weight}`) ??
      this.fonts.get(`${group}/400`) ??
      this.fonts.get('latin/400')) as FontMetrics;
  }

  private groupOf(cluster: string): FontGroup {
    const has = (group: FontGroup) => {
      const font = this.fonts.get(`${group}/400`);
      return (
        font !== undefined && codePoints(cluster).every((cp) => font.advance(cp) !== undefined)
      );
    };
    if (isEmoji(cluster) && (this.emojiImages.has(cluster) || has('emoji'))) return 'emoji';
    if (has('latin')) return 'latin';
    return [...this.cjkFirst, 'emoji' as const].find(has) ?? 'latin';
  }

  /**
   * Width in px of `text` drawn in one font: the sum of its advances. An emoji cluster (a ZWJ
   * sequence, a flag) is drawn as one picture (EMOJI_ADVANCE wide) or, without one, as one
   * glyph, as wide as its first character's.
   */
  private measure(text: string, group: FontGroup, style: TextStyle): number {
    const font = this.font(group, style.weight ?? 400);
    let advance = 0;
    for (const cluster of graphemes(text)) {
      if (group === 'emoji' && this.emojiImages.has(cluster)) {
        advance += EMOJI_ADVANCE * font.unitsPerEm;
        continue;
      }
      const points = codePoints(cluster);
      for (const cp of group === 'emoji' ? points.slice(0, 1) : points)
        advance += font.advance(cp) ?? 0;
    }
    return (advance * style.size) / font.unitsPerEm;
  }

  /** The runs of `text` in visual order, left to right. */
  private runs(text: string, style: TextStyle): Run[] {
    // Printable ASCII has no right-to-left, Arabic-number or explicit-direction character, so
    // UAX #9 puts all of it at level 0 in a left-to-right paragraph, and DejaVu draws every
    // character: one run. Most image text is ASCII, and the algorithm was a twentieth of a cold
    // build's main thread (fit() measures a title a dozen times).
    if (PLAIN_ASCII.test(text)) {
      this.lastParagraphRtl = false;
      return text
        ? [{ text, group: 'latin', rtl: false, width: this.measure(text, 'latin', style) }]
        : [];
    }
    const { levels, paragraphs } = mayBeRightToLeft(text)
      ? bidi.getEmbeddingLevels(withBmpStandIns(text))
      : LEFT_TO_RIGHT;
    this.lastParagraphRtl = paragraphs[0]?.level === 1;
    const runs: (Omit<Run, 'width'> & { level: number })[] = [];
    let index = 0;
    for (const cluster of graphemes(text)) {
      const level = levels[index] ?? 0;
      const group = this.groupOf(cluster);
      const last = runs.at(-1);
      if (last && last.level === level && last.group === group) last.text += cluster;
      else runs.push({ text: cluster, group, level, rtl: level % 2 === 1 });
      index += cluster.length;
    }
    // UAX #9 rule L2: from the highest level down to the lowest odd one, reverse every
    // sequence of runs at that level or higher.
    const highest = Math.max(0, ...runs.map((run) => run.level));
    const lowestOdd = Math.min(...runs.map((run) => (run.level % 2 ? run.level : run.level + 1)));
    for (let level = highest; level >= lowestOdd; level--) {
      for (let i = 0; i < runs.length; i++) {
        if ((runs[i]?.level ?? 0) < level) continue;
        let j = i;
        while (j < runs.length && (runs[j]?.level ?? 0) >= level) j++;
        runs.splice(i, j - i, ...runs.slice(i, j).reverse());
        i = j;
      }
    }
    return runs.map((run) => ({
      text: run.text,
      group: run.group,
      rtl: run.rtl,
      width: this.measure(run.text, run.group, style),
    }));
  }

  /** True when `text` is drawn as one left-to-right run of DejaVu Sans: plain SVG text. */
  isPlain(text: string): boolean {
    const runs = this.runs(text, { size: 12 });
    return runs.length <= 1 && !runs[0]?.rtl && (runs[0]?.group ?? 'latin') === 'latin';
  }

  /** Width of a line in px. */
  width(text: string, style: TextStyle): number {
    return this.runs(text, style).reduce((sum, run) => sum + run.width, 0);
  }

  /** `text` cut at a grapheme boundary, with an ellipsis, to fit `maxWidth` px. */
  fit(text: string, style: TextStyle, maxWidth: number): string {
    if (this.width(text, style) <= maxWidth) return text;
    const clusters = graphemes(text);
    let low = 0;
    let high = clusters.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.width(`${clusters.slice(0, mid).join('').trimEnd()}…`, style) <= maxWidth) low = mid;
      else high = mid - 1;
    }
    return `${clusters.slice(0, low).join('').trimEnd()}…`;
  }

  /**
   * Greedy wrap by measured width at word boundaries (`Intl.Segmenter`, so Japanese and Chinese
   * break between words too); a word wider than a line is broken between grapheme clusters.
   * More than `maxLines` lines: the last one ends in an ellipsis.
   */
  wrap(text: string, style: TextStyle, maxWidth: number, maxLines: number): string[] {
    const words = segments(wordSegmenter, text);
    const lines: string[] = [];
    let current = '';
    const fits = (line: string) => this.width(line.trim(), style) <= maxWidth;
    for (const word of words) {
      // One line past the last is all the ellipsis needs: the rest of a long text is not read.
      if (lines.length > maxLines) break;
      if (fits(current + word)) {
        current += word;
        continue;
      }
      if (current.trim()) lines.push(current.trim());
      current = /^\s+$/.test(word) ? '' : word;
      while (!fits(current)) {
        const clusters = graphemes(current);
        let cut = clusters.length - 1;
        while (cut > 1 && !fits(clusters.slice(0, cut).join(''))) cut--;
        lines.push(clusters.slice(0, cut).join(''));
        current = clusters.slice(cut).join('');
      }
    }
    if (current.trim()) lines.push(current.trim());
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = this.fit(
      `${kept[maxLines - 1] ?? ''} ${lines[maxLines] ?? ''}`,
      style,
      maxWidth,
    );
    return kept;
  }

  /**
   * SVG for one line. Latin left-to-right text is one `<text>` as before; other text is one
   * `<text>` per run, each at its measured x.
   */
  line(text: string, options: LineOptions): Element[] {
    const weight = options.weight ?? 400;
    const fontWeight = weight === 700 ? 'bold' : undefined;
    const runs = this.runs(text, options);
    if (runs.length <= 1 && !runs[0]?.rtl && (runs[0]?.group ?? 'latin') === 'latin') {
      const anchor = options.anchor && options.anchor !== 'start' ? options.anchor : undefined;
      return [
        x(
          'text',
          {
            x: n(options.x),
            y: n(options.y),
            'text-anchor': anchor,
            'font-size': options.size,
            'font-weight': fontWeight,
            ...options.attributes,
          },
          text,
        ),
      ];
    }
    const total = runs.reduce((sum, run) => sum + run.width, 0);
    let at =
      this.lastParagraphRtl && options.rightX !== undefined
        ? options.rightX - total
        : options.anchor === 'middle'
          ? options.x - total / 2
          : options.anchor === 'end'
            ? options.x - total
            : options.x;
    const textElement = (runX: number, run: Omit<Run, 'width'>) =>
      x(
        'text',
        {
          x: n(runX),
          y: n(options.y),
          'font-size': options.size,
          'font-weight': fontWeight,
          'font-family': run.group === 'latin' ? undefined : faceFor(run.group, weight).family,
          ...options.attributes,
          'xml:space': 'preserve',
        },
        run.rtl ? `\u200f${run.text}\u200f` : run.text,
      );
    return runs.flatMap((run) => {
      let elements: Element[];
      if (run.group === 'emoji') {
        // One picture per emoji, at its own x; an emoji without one is Noto Emoji text.
        const clusters = graphemes(run.text);
        let clusterX = at;
        elements = (run.rtl ? clusters.reverse() : clusters).map((cluster) => {
          const image = this.emojiImages.get(cluster);
          const drawn = image
            ? emojiImageElement(image, cluster, clusterX, options.y, options.size)
            : textElement(clusterX, { ...run, text: cluster });
          clusterX += this.measure(cluster, 'emoji', options);
          return drawn;
        });
      } else elements = [textElement(at, run)];
      at += run.width;
      return elements;
    });
  }
}
