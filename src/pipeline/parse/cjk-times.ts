/**
 * Dates and clock times as Japanese, Chinese and Korean notes write them, rewritten at the start of
 * a line to the stamp every reader knows, keeping the line's number and its message:
 *
 * - dates `2026年4月8日（水）`, `2026년 4월 8일 (수)` → `2026-04-08`, `4月8日` → `Apr 8`;
 * - times `10時02分`, `10時半`, `10点02分`, `10시 2분`, with the half-day before them (`午後3時`,
 *   `下午3点`, `오후 3시`) → `15:00`, 24-hour; `頃`/`ごろ`/`左右`/`경` after a time → `~`;
 * - full-width digits and colons (`１０：０２`) → ASCII.
 *
 * A zone named in words (`日本時間`, `北京时间`, `한국 시간`) on a line that is no event (a header)
 * gets its IANA name beside it, so the zone finder reads it. Sources: the Japanese, Chinese and Korean clock and calendar notations
 * (CLDR's `ja`, `zh`, `ko` date-time patterns: `y年M月d日`, `H時mm分`, `ah:mm`, `a h시 m분`).
 */
import type { Block, SourceLine } from './document.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Full-width digits, colon and slash (U+FF10-FF19, U+FF1A, U+FF0F) as ASCII. */
export function westernDigits(text: string): string {
  return text.replace(/[０-９：／]/g, (ch) =>
    String.fromCharCode((ch.codePointAt(0) ?? 0) - 0xfee0),
  );
}

/** The half of the day written before a time: morning (false) or afternoon and evening (true). */
const HALF_DAY: Readonly<Record<string, boolean>> = {
  午前: false,
  午後: true,
  上午: false,
  早上: false,
  凌晨: false,
  中午: true,
  下午: true,
  晚上: true,
  夜间: true,
  오전: false,
  오후: true,
};

const LEAD = /^(\s*(?:[-*+•・]\s*)?)/;
const DATE =
  /^(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号號](?:\s*[（(][^）)]{1,3}[）)])?/;
const TIME = new RegExp(
  `^(${Object.keys(HALF_DAY).join('|')})?\\s*(\\d{1,2})\\s*(?:[時时点點시](?![間间간])\\s*(?:(半)|(\\d{1,2})\\s*[分분](?:\\s*(\\d{1,2})\\s*[秒초])?)?|:(\\d{2})(?::(\\d{2}))?)\\s*(頃|ごろ|左右|경)?`,
);

const pad = (value: number): string => String(value).padStart(2, '0');

/** A date at the start of `text` as `2026-04-08` (or `Apr 8` with no year), and its length. */
function readDate(text: string): { written: string; length: number } | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const written = match[1]
    ? `${match[1]}-${pad(month)}-${pad(day)}`
    : `${MONTHS[month - 1] ?? ''} ${day}`;
  return { written, length: match[0].length };
}

/**
 * A time at the start of `text` as `15:00` (24-hour; `~15:00` when approximate), and its length.
 * A bare number with a colon is only a time here when a half-day word is before it: `10:02`
 * alone is read by time.ts already.
 */
function readTime(text: string): { written: string; length: number } | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const [whole, half, hourText, halfHour, minuteText, secondText, colonMinute, colonSecond] = match;
  const colon = colonMinute !== undefined;
  if (colon && !half) return null;
  let hour = Number(hourText);
  const minute = halfHour ? 30 : Number(minuteText ?? colonMinute ?? 0);
  const second = Number(secondText ?? colonSecond ?? 0);
  if (half !== undefined) {
    if (hour > 12) return null;
    const afternoon = HALF_DAY[half] ?? false;
    if (afternoon && hour < 12) hour += 12;
    if (!afternoon && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const seconds = (secondText ?? colonSecond) ? `:${pad(second)}` : '';
  const approximate = match[8] ? '~' : '';
  return { written: `${approximate}${pad(hour)}:${pad(minute)}${seconds}`, length: whole.length };
}

/** Zones named in words, with the IANA name a reader of these notes means. */
const ZONE_WORDS: readonly [RegExp, string][] = [
  [/日本(?:標準)?時間?|日本時刻/, 'Asia/Tokyo'],
  [/北京时间|北京時間|中国标准时间/, 'Asia/Shanghai'],
  [/台[湾灣]时间|台[湾灣]時間/, 'Asia/Taipei'],
  [/香港时间|香港時間/, 'Asia/Hong_Kong'],
  [/한국\s?(?:표준)?\s?시간?|韓国時間/, 'Asia/Seoul'],
];

/**
 * One line with its leading CJK date and time rewritten (see the module comment), or the line
 * itself when it starts with neither.
 */
export function cjkStampLine(line: SourceLine): SourceLine {
  let text = westernDigits(line.text);
  const lead = LEAD.exec(text)?.[1] ?? '';
  let rest = text.slice(lead.length);
  const parts: string[] = [];
  const date = readDate(rest);
  if (date) {
    parts.push(date.written);
    rest = rest.slice(date.length).trimStart();
  }
  const time = readTime(rest);
  if (time) {
    parts.push(time.written);
    rest = rest.slice(time.length).replace(/^\s*/, '');
  } else {
    // A header that names the clock (`※時刻はすべて日本時間`); an event's words stay as written.
    for (const [words, zone] of ZONE_WORDS) {
      const named = words.exec(rest);
      if (!named) continue;
      const end = named.index + named[0].length;
      rest = `${rest.slice(0, end)} (${zone})${rest.slice(end)}`;
    }
  }
  text = `${lead}${parts.join(' ')}${parts.length > 0 && rest ? ' ' : ''}${rest}`;
  return text === line.text ? line : { number: line.number, text };
}

/** The blocks with every line's leading CJK date and time rewritten; other lines unchanged. */
export function readCjkStamps(blocks: readonly Block[]): Block[] {
  return blocks.map((block) =>
    block.lines.some((line) => /[年月日時时点點시분월일０-９]/.test(line.text))
      ? { lines: block.lines.map(cjkStampLine) }
      : block,
  );
}

/** A front-matter date written `2026年4月8日` as `2026-04-08`; any other text as it is. */
export function cjkDateText(text: string): string {
  const date = readDate(westernDigits(text.trim()));
  return date && /^\d{4}-/.test(date.written) ? date.written : text;
}
