/**
 * Chat clients print a recent message's day as a word: Discord's `Yesterday at 11:48 PM` and
 * `Today at 12:06 AM`, Slack's and Teams' `Yesterday 9:02 PM`, `Heute um 10:15`, `Hier à
 * 23:40`, `Ayer a las 23:40`, `Ontem às 23:40`. The words are relative to the day the chat was
 * copied, which the paste does not say, but they order the days: what was "today" is the day
 * after what was "yesterday", whatever the clocks. The front matter's `date` is the incident's
 * day, the day of its first line: the first day a word names (yesterday when the paste says
 * yesterday at all). Each word is rewritten, in place, as that ISO date; the line keeps its
 * number and its text around the stamp. Without a front-matter date nothing is rewritten.
 */
import { DateTime } from 'luxon';
import type { Block } from './document.js';
import type { CalendarDate } from './time.js';

/** `Yesterday at`, `Today,` and the same words in German, French, Spanish and Portuguese. */
const DAY_WORD =
  /(?<![\p{L}])(yesterday|today|gestern|heute|hier|aujourd'hui|ayer|hoy|ontem|hoje)(?:\s*,)?(?:\s+(?:at|um|à|a las|a la|às|as))?\s+(?=\d{1,2}[:.h]\d\d)/giu;
const YESTERDAY = /^(?:yesterday|gestern|hier|ayer|ontem)$/i;

/** Weekday names, Monday first (ISO weekday 1..7), in English, German, French and Spanish. */
const WEEKDAYS: readonly (readonly string[])[] = [
  ['monday', 'montag', 'lundi', 'lunes'],
  ['tuesday', 'dienstag', 'mardi', 'martes'],
  ['wednesday', 'mittwoch', 'mercredi', 'miércoles', 'miercoles'],
  ['thursday', 'donnerstag', 'jeudi', 'jueves'],
  ['friday', 'freitag', 'vendredi', 'viernes'],
  ['saturday', 'samstag', 'samedi', 'sábado', 'sabado'],
  ['sunday', 'sonntag', 'dimanche', 'domingo'],
];
/**
 * Teams' and Slack's `Monday 09:14` for a message of the past week: a weekday name before a
 * clock time, alone on an author's header line or at a line's start.
 */
const WEEKDAY_WORD = new RegExp(
  `(?<![\\p{L}])(${WEEKDAYS.flat().join('|')})(?:\\s*,)?(?:\\s+(?:at|um|à|a las|a la))?\\s+(?=\\d{1,2}[:.h]\\d\\d)`,
  'giu',
);

/**
 * The date a weekday names after the incident's day: that day itself when it is that weekday,
 * else the first such weekday after it (a remark written days later, "Monday 09:14").
 */
function weekdayAfter(first: DateTime, word: string): string {
  const weekday = WEEKDAYS.findIndex((names) => names.includes(word.toLowerCase())) + 1;
  const ahead = (weekday - first.weekday + 7) % 7;
  return first.plus({ days: ahead }).toISODate() ?? '';
}

/**
 * The blocks with each day word before a clock time written as the date it names (see the
 * module comment).
 *
 * @param blocks a timeline section's blocks
 * @param incidentDay the front matter's date, or null
 */
export function readRelativeDays(
  blocks: readonly Block[],
  incidentDay: CalendarDate | null,
): Block[] {
  if (incidentDay?.year == null) return [...blocks];
  const words = blocks.flatMap((block) =>
    block.lines.flatMap((line) => [...line.text.matchAll(DAY_WORD)].map((m) => m[1] ?? '')),
  );
  const first = DateTime.fromObject(
    { year: incidentDay.year ?? undefined, month: incidentDay.month, day: incidentDay.day },
    { zone: 'UTC' },
  );
  const weekday = new RegExp(WEEKDAY_WORD.source, 'iu');
  const weekdays = blocks.some((block) => block.lines.some((line) => weekday.test(line.text)));
  if (words.length === 0 && !weekdays) return [...blocks];
  const named = (text: string): string =>
    text.replace(WEEKDAY_WORD, (_, word: string) => `${weekdayAfter(first, word)} `);
  // "Today" is the incident's day unless the paste also says "yesterday", then the day after.
  const yesterday = words.some((word) => YESTERDAY.test(word)) ? first : first.minus({ days: 1 });
  const dayOf = (word: string): string =>
    (YESTERDAY.test(word) ? yesterday : yesterday.plus({ days: 1 })).toISODate() ?? '';
  return blocks.map((block) => ({
    ...block,
    lines: block.lines.map((line) => ({
      number: line.number,
      text: named(line.text.replace(DAY_WORD, (_, word: string) => `${dayOf(word)} `)),
    })),
  }));
}
