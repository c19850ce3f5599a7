/**
 * A status page's feed pasted raw: RSS `<item>`s with a `<pubDate>` or Atom `<entry>`s with an
 * `<updated>` (or `<published>`) time, a title and a body. A person reads each entry as one
 * update at its time; the XML around them is no event. Statuspage's RSS puts the whole history
 * of an incident in one item's escaped `<description>`, one `<p>` per update opened by its own
 * stamp without a year (`Mar 12, 15:48 UTC`): those updates are the events, each given the
 * item's year. Rewritten to one line per event, on the lines the entry spans, keeping their
 * numbers; a section without a feed comes back as it was.
 */
import type { Block, SourceLine } from './document.js';
import { plainText } from './html-toggles.js';
import { isStampProblem, readStamp } from './time.js';

const ENTRY_OPEN = /<(item|entry)\b[^>]*>/i;
const FIELD = (names: string): RegExp =>
  new RegExp(`<(?:${names})\\b[^>]*>([\\s\\S]*?)</(?:${names})\\s*>`, 'i');
const TIME_FIELD = FIELD('pubDate|updated|published|dc:date|lastBuildDate');
const TITLE_FIELD = FIELD('title');
const BODY_FIELD = FIELD('description|content|summary|content:encoded');

/** Escaped markup and CDATA as the text they stand for. */
function unescape(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&#x27;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The updates a body holds, one per paragraph that opens with a clock time; else none. */
function stampedUpdates(body: string, published: { year: number; month: number } | null): string[] {
  const paragraphs = body
    .split(/<\/?p\b[^>]*>|<br\s*\/?>\s*<br\s*\/?>/i)
    .map((part) => plainText(part.replace(/<br\s*\/?>/gi, ' ')))
    .filter(Boolean);
  const updates = paragraphs.flatMap((paragraph) => {
    const stamp = readStamp(paragraph);
    if (!stamp || isStampProblem(stamp) || !stamp.time || !stamp.date) return [];
    if (stamp.date.year !== null || published === null) return [paragraph];
    // The year the item was published; an update in a later month is from the year before.
    const year = published.year - (stamp.date.month > published.month ? 1 : 0);
    const pad = (n: number): string => String(n).padStart(2, '0');
    const { hour, minute } = stamp.time;
    const day = `${pad(stamp.date.month)}-${pad(stamp.date.day)}`;
    const zone = stamp.zone ? ` ${stamp.zone}` : '';
    return [`${year}-${day} ${pad(hour)}:${pad(minute)}${zone} ${stamp.rest.trim()}`];
  });
  return updates;
}

/** One entry's events: its stamped updates, or its time, title and body as one line. */
function entryEvents(xml: string): string[] {
  const time = plainText(unescape(TIME_FIELD.exec(xml)?.[1] ?? ''));
  const title = plainText(unescape(TITLE_FIELD.exec(xml)?.[1] ?? ''));
  const body = unescape(BODY_FIELD.exec(xml)?.[1] ?? '');
  const stamp = readStamp(time);
  const date = stamp && !isStampProblem(stamp) ? stamp.date : null;
  const published = date?.year != null ? { year: date.year, month: date.month } : null;
  const updates = stampedUpdates(body, published);
  if (updates.length > 0) return updates;
  if (!time) return [];
  const text = [title, plainText(body)].filter(Boolean).join(' — ');
  return [`${time} ${text}`.trim()];
}

/**
 * The section's blocks with a pasted feed read as its entries' events (see the module comment).
 */
export function readFeedEntries(blocks: readonly Block[]): Block[] {
  const lines = blocks.flatMap((block) => block.lines);
  if (!lines.some((line) => /<(?:rss|feed|channel)\b/i.test(line.text))) return [...blocks];
  const out: SourceLine[] = [];
  let entry: SourceLine[] | null = null;
  for (const line of lines) {
    if (!entry && ENTRY_OPEN.test(line.text)) entry = [];
    if (!entry) continue;
    entry.push(line);
    if (/<\/(?:item|entry)\s*>/i.test(line.text)) {
      const numbers = entry.map((l) => l.number);
      entryEvents(entry.map((l) => l.text).join('\n')).forEach((text, i) => {
        const number = numbers[Math.min(i, numbers.length - 1)] ?? line.number;
        out.push({ number, text });
      });
      entry = null;
    }
  }
  return out.length > 0 ? [{ lines: out }] : [...blocks];
}
