/**
 * Clock times written the way people say them, inside sentences: "at 2pm", "ten past two",
 * "at quarter past three", "around half past four", "twenty to five", "at noon". Read only from
 * prose (a file with no stamped lines), and warned about, since a spoken time is rounder and
 * vaguer than a stamp.
 */
import { NUMBER_WORDS } from './number-words.js';
import { ZONE_TOKEN_SOURCE } from './zone.js';

/** Clock words: the shared counts, and a quarter and a half hour as minutes. */
const NUMBERS: Readonly<Record<string, number>> = {
  ...NUMBER_WORDS,
  'twenty five': 25,
  quarter: 15,
  half: 30,
};

const HOUR_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})`;
const MINUTE_WORD = String.raw`(?:(?:a\s+)?quarter|half|five|ten|twenty(?:[- ]five)?|\d{1,2}(?:\s+minutes?)?)`;
const MERIDIEM = String.raw`(?:\s*([ap])\.?m\.?(?![\p{L}])|\s+in\s+the\s+(morning|afternoon|evening))`;
/** A word that puts the time in a sentence, so "two" in "two servers" is never a time. */
const LEAD = String.raw`(?<![\p{L}\p{N}])(?:at|by|around|about|from|until|till|since|before|after|just\s+(?:after|before)|shortly\s+(?:after|before)|roughly|approximately)\s+(?:about\s+|around\s+|roughly\s+)?`;

const SPOKEN = new RegExp(
  `${LEAD}(?:` +
    // "quarter past three", "ten to five", "half past four in the afternoon"
    String.raw`(${MINUTE_WORD})\s+(past|after|to|before)\s+(${HOUR_WORD})(?:${MERIDIEM})?` +
    // "2pm", "2 p.m.", "three o'clock", "noon", "midnight"
    String.raw`|(\d{1,2})${MERIDIEM}` +
    String.raw`|(${HOUR_WORD})\s+o'?clock(?:${MERIDIEM})?` +
    String.raw`|(noon|midday|midnight)` +
    `)(?:\\s*\\(?\\s*(${ZONE_TOKEN_SOURCE})\\s*\\)?)?(?![\\p{L}\\p{N}:])`,
  'giu',
);

/** A time said in words inside a sentence: where it is, what it says, and the clock it means. */
export interface SpokenTime {
  index: number;
  text: string;
  /** `14:15`, `3:15` (no half of the day stated: the nearest to the lines around is taken), `2:00 pm`. */
  clock: string;
  zone: string;
}

function number(word: string | undefined): number | null {
  if (word === undefined) return null;
  const key = word
    .toLowerCase()
    .replace(/^a\s+/, '')
    .replace(/\s+minutes?$/, '')
    .replace(/\s+/g, ' ');
  const value = NUMBERS[key] ?? Number(key);
  return Number.isInteger(value) ? value : null;
}

function clockOf(
  hour: number,
  minute: number,
  meridiem: string | undefined,
  part: string | undefined,
): string | null {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  const half = meridiem?.toLowerCase() ?? (part ? (/morning/i.test(part) ? 'a' : 'p') : null);
  const mm = String(minute).padStart(2, '0');
  if (half && hour >= 1 && hour <= 12) return `${hour}:${mm} ${half}m`;
  return `${hour}:${mm}`;
}

/** Every spoken time in a sentence, in order. */
export function spokenTimes(sentence: string): SpokenTime[] {
  const found: SpokenTime[] = [];
  for (const match of sentence.matchAll(SPOKEN)) {
    const [
      text,
      minuteWord,
      direction,
      hourWord,
      meridiem1,
      part1,
      digits,
      meridiem2,
      part2,
      oclock,
      meridiem3,
      part3,
      named,
      zone,
    ] = match;
    let clock: string | null = null;
    if (minuteWord && direction && hourWord) {
      const minutes = number(minuteWord);
      const hour = number(hourWord);
      if (minutes === null || hour === null || minutes >= 60) continue;
      const before = /^(?:to|before)$/i.test(direction);
      // "from 4 to 16" is a range of counts, and "ten to 16" is no way of saying 15:50: a time
      // told as minutes to or past an hour counts on a 12-hour clock, and never after "from".
      if (hour > 12 || (before && /^from\b/i.test(text))) continue;
      clock = before
        ? clockOf(hour === 1 ? 12 : hour - 1, 60 - minutes, meridiem1, part1)
        : clockOf(hour, minutes, meridiem1, part1);
    } else if (digits) {
      const hour = Number(digits);
      if (hour < 1 || hour > 12) continue;
      clock = clockOf(hour, 0, meridiem2, part2);
    } else if (oclock) {
      const hour = number(oclock);
      if (hour === null) continue;
      clock = clockOf(hour, 0, meridiem3, part3);
    } else if (named) clock = /midnight/i.test(named) ? '0:00' : '12:00';
    if (clock) found.push({ index: match.index, text, clock, zone: zone ?? '' });
  }
  return found;
}
