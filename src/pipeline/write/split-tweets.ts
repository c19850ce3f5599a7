/**
 * Splits text into a numbered thread. Length is what Twitter counts (twitter-text's weighted
 * length: URLs count 23, CJK and emoji count double), not JavaScript's string length.
 */
import twitter from 'twitter-text';

export const TWEET_LIMIT = 280;

export function tweetLength(text: string): number {
  return twitter.parseTweet(text).weightedLength;
}

function fits(text: string, reserve: string): boolean {
  return tweetLength(`${reserve}${text}`) <= TWEET_LIMIT;
}

/** Greedy split of one paragraph into pieces that fit, at sentence, then word, then character. */
function splitParagraph(paragraph: string, reserve: string): string[] {
  if (fits(paragraph, reserve)) return [paragraph];
  const pieces: string[] = [];
  let current = '';
  const units = paragraph.split(/(?<=[.!?])\s+/);
  const words = units.flatMap((unit) =>
    fits(unit.trim(), reserve) ? [unit.trim()] : unit.trim().split(/\s+/),
  );
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate, reserve)) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    current = word;
    while (!fits(current, reserve)) {
      // A single word longer than a tweet (a long URL or hash): cut it by characters.
      let cut = current.length;
      while (cut > 1 && !fits(current.slice(0, cut), reserve)) cut = Math.floor(cut * 0.9);
      pieces.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Numbers each tweet `i/N ` and guarantees every tweet fits in 280 weighted characters. */
export function splitThread(paragraphs: readonly string[]): string[] {
  const clean = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (clean.length === 0) return ['1/1'];
  // Reserve room for the widest numbering this thread could need; recompute if it grew.
  let width = 1;
  for (;;) {
    const reserve = `${'9'.repeat(width)}/${'9'.repeat(width)} `;
    const pieces = clean.flatMap((paragraph) => splitParagraph(paragraph, reserve));
    if (String(pieces.length).length <= width)
      return pieces.map((piece, i) => `${i + 1}/${pieces.length} ${piece}`);
    width = String(pieces.length).length;
  }
}
