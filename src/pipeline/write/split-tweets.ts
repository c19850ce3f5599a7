/**
 * Splits text into a numbered thread. Length is what Twitter counts (twitter-text's weighted
 * length: URLs count 23, CJK and emoji count double), not JavaScript's string length.
 *
 * Text is cut where a reader would cut it, in any script: between sentences, then between
 * space-separated words, then between words as `Intl.Segmenter` finds them (dictionary-based
 * for Japanese, Chinese and Thai, which put no spaces between words), and only as a last
 * resort between grapheme clusters (UAX #29), so an emoji ZWJ sequence such as 👩‍💻, a flag or
 * a letter with combining marks is never torn apart.
 */
// parseTweet's own module: the package's index loads every autolinker and extractor with their
// core-js polyfills, 0.3-0.5 s of a one-pack generate, for one function (twitter-text.d.ts).
import parseTweet from 'twitter-text/dist/parseTweet.js';

export const TWEET_LIMIT = 280;

export function tweetLength(text: string): number {
  return parseTweet(text).weightedLength;
}

/** How a piece of text is broken into smaller units, coarsest first. */
type Level = 'sentence' | 'space' | 'word' | 'grapheme';
const LEVELS: readonly Level[] = ['sentence', 'space', 'word', 'grapheme'];

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string | undefined, granularity: 'sentence' | 'word' | 'grapheme') {
  const key = `${locale ?? ''}|${granularity}`;
  let found = segmenters.get(key);
  if (!found) {
    found = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, found);
  }
  return found;
}

/** The units of `text` at one level; joined back together they are exactly `text`. */
function unitsOf(text: string, level: Level, locale: string | undefined): string[] {
  if (level === 'space') return text.split(/(?<=\s)(?=\S)/);
  const units = [...segmenter(locale, level).segment(text)].map((s) => s.segment);
  if (level !== 'word') return units;
  // Keep the spaces after a word with it, so a cut never starts a tweet with a space.
  const merged: string[] = [];
  for (const unit of units) {
    if (/^\s+$/.test(unit) && merged.length > 0) merged[merged.length - 1] += unit;
    else merged.push(unit);
  }
  return merged;
}

/**
 * Greedy split of `text` into pieces that each fit after `reserve`: units of the coarsest level
 * are packed while they fit; a unit too long for a tweet of its own is split at the next level.
 */
function splitText(text: string, reserve: string, locale: string | undefined, level = 0): string[] {
  const fits = (piece: string) => tweetLength(`${reserve}${piece.trim()}`) <= TWEET_LIMIT;
  const name = LEVELS[level];
  if (fits(text) || name === undefined) return [text];
  const pieces: string[] = [];
  let current = '';
  for (const unit of unitsOf(text, name, locale)) {
    if (fits(current + unit)) {
      current += unit;
      continue;
    }
    if (current.trim()) pieces.push(current);
    if (fits(unit)) {
      current = unit;
      continue;
    }
    const parts = splitText(unit, reserve, locale, level + 1);
    pieces.push(...parts.slice(0, -1));
    current = parts.at(-1) ?? '';
  }
  if (current.trim()) pieces.push(current);
  return pieces;
}

/**
 * Numbers each tweet `i/N ` and guarantees every tweet fits in 280 weighted characters.
 *
 * @param paragraphs one string per paragraph; each starts a new tweet, runs of whitespace
 *   become one space.
 * @param locale BCP 47 tag of the text (the incident's `language`), for word boundaries.
 */
export function splitThread(paragraphs: readonly string[], locale?: string): string[] {
  const clean = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (clean.length === 0) return ['1/1'];
  // Reserve room for the widest numbering this thread could need; recompute if it grew.
  let width = 1;
  for (;;) {
    const reserve = `${'9'.repeat(width)}/${'9'.repeat(width)} `;
    const pieces = clean
      .flatMap((paragraph) => splitText(paragraph, reserve, locale))
      .map((piece) => piece.trim());
    if (String(pieces.length).length <= width)
      return pieces.map((piece, i) => `${i + 1}/${pieces.length} ${piece}`);
    width = String(pieces.length).length;
  }
}
