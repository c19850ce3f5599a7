/**
 * The front-matter `date` as people write it: `2025-10-29`, `29.10.2025`, `29/10/2025`,
 * `10/29/2025`, `Oct 29, 2025`, `29 October 2025`, `Wednesday, 29 Oct 2025`. A date that cannot
 * be read is the caller's warning, never a refusal: the timeline's own dates still place the day.
 */
import { DateTime } from 'luxon';
import { findWrittenDate } from './time.js';

export interface DayOfYear {
  year: number;
  month: number;
  day: number;
}

export interface WrittenDate {
  date: DayOfYear;
  /** Set when `03/04/2025` could be either order: says which was taken and why. */
  ambiguity: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const MONTH_FIRST = new RegExp(
  `^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`,
  'i',
);
const DAY_FIRST = new RegExp(
  `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})$`,
  'i',
);
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;
const ISO = /(\d{4})-(\d{2})-(\d{2})/;

/**
 * Zones whose countries write the month first (`10/29/2025`): the United States and its
 * territories, and Canada's English-speaking habit. Everyone else writes the day first.
 * Source: the CLDR short date patterns (`M/d/yy` for en-US, `d/M/yy` or `dd.MM.yy` elsewhere).
 */
const MONTH_FIRST_ZONE =
  /^(?:America\/(?:New_York|Chicago|Denver|Phoenix|Los_Angeles|Anchorage|Detroit|Boise|Indiana\/.*|Kentucky\/.*|North_Dakota\/.*|Juneau|Sitka|Nome|Adak|Toronto|Vancouver|Edmonton|Winnipeg|Halifax|St_Johns|Regina|Puerto_Rico)|Pacific\/(?:Honolulu|Guam)|US\/.*|EST5EDT|CST6CDT|MST7MDT|PST8PDT)$/;

function valid(date: DayOfYear): DayOfYear | null {
  return DateTime.fromObject(date).isValid ? date : null;
}

/**
 * Reads a front-matter date.
 * @param text the value as written
 * @param zone the incident's IANA zone: decides `03/04/2025` when the timeline does not
 * @param timelineDays days the timeline's own lines name: an ambiguous date that matches one
 *   of them in one order only is read in that order
 * @returns the day, with a note when the order was a choice; `null` when no day is written
 */
export function readWrittenDate(
  text: string,
  zone: string,
  timelineDays: readonly DayOfYear[] = [],
): WrittenDate | null {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) {
    const date = valid({ year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) });
    return date ? { date, ambiguity: null } : null;
  }
  const named = MONTH_FIRST.exec(trimmed) ?? DAY_FIRST.exec(trimmed);
  if (named) {
    const monthFirst = MONTH_FIRST.test(trimmed);
    const monthWord = monthFirst ? named[1] : named[2];
    const day = Number(monthFirst ? named[2] : named[1]);
    const month = MONTHS.indexOf((monthWord ?? '').slice(0, 3).toLowerCase()) + 1;
    const date = valid({ year: Number(named[3]), month, day });
    return date ? { date, ambiguity: null } : null;
  }
  const numeric = NUMERIC.exec(trimmed);
  if (!numeric) {
    // A day in another language's words (`woensdag 8 april 2020`, `mardi 3 mars 2026`), read as
    // a timeline line's date is.
    const worded = /\p{L}/u.test(trimmed) ? findWrittenDate(trimmed) : null;
    const date = worded?.year
      ? valid({ year: worded.year, month: worded.month, day: worded.day })
      : null;
    return date ? { date, ambiguity: null } : null;
  }
  const a = Number(numeric[1]);
  const b = Number(numeric[3]);
  const year = Number(numeric[4]);
  const dayFirst = valid({ year, month: b, day: a });
  const monthFirst = valid({ year, month: a, day: b });
  // Dots are day-first wherever they are written; so is any date whose first number is over 12.
  if (numeric[2] === '.' || !monthFirst)
    return dayFirst ? { date: dayFirst, ambiguity: null } : null;
  if (!dayFirst || a === b) return { date: monthFirst, ambiguity: null };
  const same = (x: DayOfYear) => (y: DayOfYear) =>
    x.year === y.year && x.month === y.month && x.day === y.day;
  const byTimeline = timelineDays.some(same(dayFirst)) !== timelineDays.some(same(monthFirst));
  if (byTimeline) {
    const date = timelineDays.some(same(dayFirst)) ? dayFirst : monthFirst;
    return { date, ambiguity: null };
  }
  const usOrder = MONTH_FIRST_ZONE.test(zone);
  const date = usOrder ? monthFirst : dayFirst;
  const taken = DateTime.fromObject(date).toFormat('d LLLL yyyy');
  return {
    date,
    ambiguity: `read as ${taken} (${usOrder ? 'month first, as written in' : 'day first, as written outside the US; zone'} ${zone})`,
  };
}
