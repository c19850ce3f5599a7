/**
 * The one place where a timestamp is read. `readStamp` looks at the start of one timeline line
 * and says which date, time, zone and range it names; it never throws and never guesses a day:
 * turning a stamp into an instant is `resolve-instants.ts`'s job.
 */
import { ZONE_TOKEN_SOURCE } from './zone.js';

export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
}

export interface CalendarDate {
  /** Missing when the line only says `04-21` or `Jul 24`. */
  year: number | null;
  month: number;
  day: number;
  /**
   * The weekday written beside a numeric date (ISO, 1 = Monday), and the date read the other way
   * round when both orders are dates (`Sat 02/05`): once the year is known, the weekday tells
   * which order the writer used.
   */
  weekday?: number;
  otherOrder?: { month: number; day: number };
}

export interface Stamp {
  date: CalendarDate | null;
  time: ClockTime | null;
  endTime: ClockTime | null;
  /** Zone as written (`UTC`, `PDT`, `-07:00`), not yet resolved. */
  zone: string | null;
  approximate: boolean;
  /** The time was written with AM or PM (`4:52 PM`), so the paste keeps a 12-hour clock. */
  twelveHour?: boolean;
  /** The rest of the line after the stamp and its separator. */
  rest: string;
  /** 1-based column where the stamp starts. */
  column: number;
}

export interface StampProblem {
  problem: string;
  column: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * Month names in the languages a European paste is written in, whole words only (a prefix like
 * `out` or `set` is an English word): French, Spanish, Portuguese, Italian, German, Dutch and the
 * Scandinavian languages (`maj`, `marts`, `augusti`), as the CLDR wide and abbreviated month
 * names spell them. English names are read by their first
 * three letters (`Sept.`, `March`).
 */
const FOREIGN_MONTHS: readonly (readonly string[])[] = [
  ['janvier', 'janv', 'enero', 'ene', 'janeiro', 'gennaio', 'genn', 'januar', 'jänner', 'januari'],
  ['février', 'févr', 'fevrier', 'febrero', 'fevereiro', 'fev', 'febbraio', 'februar', 'februari'],
  ['mars', 'marzo', 'março', 'märz', 'maart', 'mrz', 'marts'],
  ['avril', 'avr', 'abril', 'abr', 'aprile', 'april'],
  ['mai', 'mayo', 'maio', 'maggio', 'mag', 'mei', 'maj'],
  ['juin', 'junio', 'junho', 'giugno', 'giu', 'juni'],
  ['juillet', 'juil', 'julio', 'julho', 'luglio', 'lug', 'juli'],
  ['août', 'aout', 'agosto', 'ago', 'augustus', 'augusti'],
  ['septembre', 'septiembre', 'setiembre', 'setembro', 'settembre', 'sett'],
  ['octobre', 'octubre', 'outubro', 'ottobre', 'ott', 'oktober', 'okt'],
  ['novembre', 'noviembre', 'novembro'],
  ['décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dezembro', 'dez', 'dicembre', 'dezember'],
];
const FOREIGN_MONTH_INDEX = new Map(
  FOREIGN_MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);
const FOREIGN_MONTH_SOURCE = [...FOREIGN_MONTH_INDEX.keys()]
  .sort((a, b) => b.length - a.length)
  .join('|');
/**
 * English months by name or abbreviation only: a looser `mar[a-z]*` read the French, Spanish and
 * Italian Tuesday (`mardi 3 février`, `martes`, `martedì`) as March.
 */
const ENGLISH_MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH = `(${FOREIGN_MONTH_SOURCE}|${ENGLISH_MONTH})(?![\\p{L}])\\.?`;
/** Weekday names, English by prefix and the languages of FOREIGN_MONTHS whole. */
const FOREIGN_WEEKDAYS: readonly (readonly string[])[] = [
  [
    'lundi',
    'lunes',
    'segunda-feira',
    'segunda',
    'lunedì',
    'lunedi',
    'montag',
    'maandag',
    'måndag',
    'mandag',
  ],
  [
    'mardi',
    'martes',
    'terça-feira',
    'terça',
    'martedì',
    'martedi',
    'dienstag',
    'dinsdag',
    'tisdag',
    'tirsdag',
  ],
  [
    'mercredi',
    'miércoles',
    'miercoles',
    'quarta-feira',
    'quarta',
    'mercoledì',
    'mercoledi',
    'mittwoch',
    'woensdag',
    'onsdag',
  ],
  [
    'jeudi',
    'jueves',
    'quinta-feira',
    'quinta',
    'giovedì',
    'giovedi',
    'donnerstag',
    'donderdag',
    'torsdag',
  ],
  [
    'vendredi',
    'viernes',
    'sexta-feira',
    'sexta',
    'venerdì',
    'venerdi',
    'freitag',
    'vrijdag',
    'fredag',
  ],
  ['samedi', 'sábado', 'sabado', 'sabato', 'samstag', 'sonnabend', 'zaterdag', 'lördag', 'lørdag'],
  ['dimanche', 'domingo', 'domenica', 'sonntag', 'zondag', 'söndag', 'søndag'],
];
const FOREIGN_WEEKDAY_INDEX = new Map(
  FOREIGN_WEEKDAYS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);
const WEEKDAY = `(?:${[...FOREIGN_WEEKDAY_INDEX.keys()].sort((a, b) => b.length - a.length).join('|')}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)(?![\\p{L}])\\.?,?`;
/** A weekday name and its comma at the start of a date (`Dienstag, 10.03.2026`). */
const LEADING_WEEKDAY = new RegExp(`^(${WEEKDAY})\\s+`, 'iu');

/** A list marker and an opening bracket before a stamp; `9. März` is a date, not item 9. */
const LEAD = new RegExp(
  `^(\\s*(?:[-*+•]\\s+|\\*{2,6}\\s+|\\d{1,3}[.)]\\s+(?!${MONTH}))?(?:\\*\\*|__)?\\s*(?:[[(]|<(?=\\d{4}-\\d{2}-\\d{2})|@(?=\\d))?\\s*)`,
  'iu',
);
/**
 * An ISO 8601 week date (`2022-W14-2`, `2022W142`): the weekday (1 = Monday) of a week numbered
 * from the one holding 4 January. Null for a week the year does not have. Source: ISO 8601-1:2019
 * 5.2.4.
 */
function weekDate(year: number, week: number, weekday: number): CalendarDate | null {
  const january4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * 86_400_000;
  const day = new Date(mondayOfWeek1 + ((week - 1) * 7 + weekday - 1) * 86_400_000);
  if (week < 1 || week > isoWeeksIn(year)) return null;
  return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
}

/** 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52. */
function isoWeeksIn(year: number): number {
  const first = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return first === 4 || (leap && first === 3) ? 53 : 52;
}

const DATE_FORMS: readonly { re: RegExp; read: (m: RegExpExecArray) => CalendarDate | null }[] = [
  {
    // Org-mode's `<2024-03-01 Fri 14:05>` and `[2024-03-01 Fri 14:05]`: the weekday after the
    // date adds nothing the date does not say. Source: the Org manual, 8.1 Timestamps.
    // Org writes the weekday in the writer's locale (`fre`, `mån`, `jeu.`): any short word
    // counts when Org's closing bracket follows, so `2024-03-01 and 14:05` is not one.
    re: new RegExp(
      `^(\\d{4})-(\\d{2})-(\\d{2})\\s+(?:${WEEKDAY}(?=\\s+\\d{1,2}:\\d{2}|[\\]>])|\\p{L}{2,4}\\.?(?=\\s+\\d{1,2}:\\d{2}(?:-\\d{1,2}:\\d{2})?[\\]>]|[\\]>]))`,
      'iu',
    ),
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    re: /^(\d{4})-?W(\d{2})-?([1-7])(?![\d:])/,
    read: (m) => weekDate(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    re: /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d|:\d)/,
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    // Day.month.year, as much of Europe writes it (`03.02.2026` is the 3rd of February).
    re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.:])/,
    read: (m) => ({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) }),
  },
  {
    // Jira's `14/Mar/24`.
    re: new RegExp(`^(\\d{1,2})[/ -]${MONTH}[/ -](\\d{2}|\\d{4})(?![\\d:])`, 'iu'),
    read: (m) => ({
      year: (m[3]?.length === 2 ? 2000 : 0) + Number(m[3]),
      month: monthIndex(m[2]),
      day: Number(m[1]),
    }),
  },
  {
    // US month/day/year (`03/09/2026`, ServiceNow's `03-09-2026`). Which order a file uses is
    // decided for the whole file before this reads it (see `numericDateOrder` in paste-shapes.ts).
    re: /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d:])/,
    read: (m) => numericDate(Number(m[1]), Number(m[3]), Number(m[4])),
  },
  {
    // A two-digit year (`09.03.26 10:15`, `3/9/26, 10:15 AM`), only right before a clock time:
    // anywhere else `4.2.10` is a version. A dot means day first, a slash or dash month first.
    re: /^(\d{1,2})([./-])(\d{1,2})\2(\d{2})(?=,?\s+~?\d{1,2}[:.h]\d{2})/,
    read: (m) =>
      m[2] === '.'
        ? { year: 2000 + Number(m[4]), month: Number(m[3]), day: Number(m[1]) }
        : numericDate(Number(m[1]), Number(m[3]), 2000 + Number(m[4])),
  },
  {
    re: new RegExp(
      `^(?:${WEEKDAY}\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\d:])`,
      'iu',
    ),
    read: (m) => ({ year: m[3] ? Number(m[3]) : null, month: monthIndex(m[1]), day: Number(m[2]) }),
  },
  {
    re: new RegExp(
      // `9 March 2026`, and the day-first forms of other languages: `9 de marzo de 2026`,
      // `9. März 2026`, `1er mars 2026`, `9 de março`.
      `^(?:${WEEKDAY}\\s+)?(\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?\\s+(?:de\\s+|of\\s+)?${MONTH}(?:,?\\s+(?:de\\s+)?(\\d{4}))?(?![\\d:])`,
      'iu',
    ),
    read: (m) => ({ year: m[3] ? Number(m[3]) : null, month: monthIndex(m[2]), day: Number(m[1]) }),
  },
  {
    // `Thu 04-21`: month-day after a weekday. Without the weekday `04-21` is too easily a range.
    re: new RegExp(`^(${WEEKDAY})\\s+(\\d{1,2})[-/](\\d{1,2})(?![\\d:/-])`, 'iu'),
    read: (m) => withWeekday(monthDay(Number(m[2]), Number(m[3])), m[1] ?? ''),
  },
];

/**
 * A word for "about" before a clock, in the languages the clocks below are read in: `~14:05`,
 * `around 14:05`, `ca. 14:05`, `vers 01h30`, `gegen 14 Uhr`, `hacia las 14:05`, `por volta das
 * 14h05`, `omstreeks 14.05 uur`. A person reads the time and knows it is approximate.
 */
const APPROXIMATELY = String.raw`~\s*|≈\s*|(?:approx\.?|approximately|around|about|circa|ca\.|ca|vers|environ|gegen|etwa|ungefähr|hacia(?: las?)?|sobre(?: las?)?|cerca de(?: las?)?|por volta d[ae]s?|verso(?: le)?|rond|omstreeks)\s+|approx\.|ca\.`;
/**
 * A clock time: `14:05`, `14:05:33.123`, `2:05 PM`, `2:05p` (a calendar's short meridiem, only
 * glued to the minutes: `2:05 a problem` is not a.m.), `14:05 Uhr`, `14:05 hrs`.
 */
const TIME = new RegExp(
  String.raw`^(${APPROXIMATELY})?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s*([ap])\.?m\.?(?![a-z])|([ap])(?![\p{L}\d]))?(?:\s*(?:Uhr|uur|u|h|hrs)(?![\p{L}\d]))?`,
  'iu',
);
/**
 * Military and aviation time, four digits with their suffix: `1405 hrs`, `1405Z` (the `Z` is then
 * read as the zone). Without a suffix `1405` is a number, and `2026 UTC` more likely a year.
 */
const MILITARY_TIME =
  /^([01]\d|2[0-3])([0-5]\d)(?:\s*(?:hrs|hours)(?![\p{L}\d])|(?=Z(?![\p{L}\d])))/iu;
/**
 * The clock as much of Europe and Latin America writes it: `10h15`, `10 h 15`, `11h`, `10.15 Uhr`,
 * `15.48 uur`, `15.48 u`, `11 Uhr`, and after a word for "at" (`ore 9.40`, `um 10.15`, `à 10h`,
 * `om 15.48`, `kl. 15.48`, `klo 15.48`), where a dot between hour and minute is a time. Without
 * `h`, `Uhr`, `uur` or such a word, `10.15` is a number or a version. A bare `2h` is a time only
 * before a separator: `2h later` is a duration. Sources: CLDR's `de`, `nl`, `fr`, `da`, `nb`,
 * `sv` and `fi` time patterns (`HH.mm 'uur'`, `'kl'. HH.mm`, `'klo' H.mm`).
 */
const EUROPEAN_CLOCK = new RegExp(
  String.raw`^(?:(ore|um|om|à|às|alle|a las|a la|kl\.?|klo\.?)\s*(?<=[\s.]))?(${APPROXIMATELY})?(\d{1,2})(?:h(\d{2})|\s+h\s+(\d{2})|[.](\d{2})\s*(?:Uhr|uur|u|h)|h(?=\s*(?:[-–—:|,]|$))|\s*(?:Uhr|uur)|[.:](\d{2}))(?![\p{L}\d])`,
  'iu',
);
/**
 * An hour alone with its meridiem: `3pm`, `around 3 p.m.`, `gegen 3 pm` (the "about" words of
 * the other clocks, so a hedged hour is read, and marked approximate, like a hedged `15:00`).
 */
const BARE_HOUR_12 = new RegExp(
  String.raw`^(${APPROXIMATELY})?(\d{1,2})\s*([ap])\.?m\.?(?![a-z])`,
  'iu',
);
/**
 * `9.05am`, `2.30 p.m.`, `ca. 3.15pm`: a dot between hour and minute, as British and Irish
 * writers put it, with the same "about" words as the other clocks.
 */
const DOT_TIME_12 = new RegExp(
  String.raw`^(${APPROXIMATELY})?(\d{1,2})\.(\d{2})\s*([ap])\.?m\.?(?![a-z])`,
  'iu',
);
/**
 * ISO 8601's basic format (`20260301T140500Z`, `20260301T1405+0100`): rewritten to the extended
 * one before reading, so the one reader of extended stamps reads both. Source: ISO 8601-1:2019
 * 5.4.2.
 */
const ISO_BASIC =
  /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?((?:[.,]\d{1,9})?)(Z|[+-]\d{2}(?::?\d{2})?)?(?![\d])/;
const ZONE = new RegExp(`^\\s*(${ZONE_TOKEN_SOURCE})`);
/** A zone in parentheses after the time, as on-call tools print it: `10:41 AM (GMT+01:00)`. */
const ZONE_IN_PARENS = new RegExp(`^\\s*\\(\\s*(${ZONE_TOKEN_SOURCE})\\s*\\)`);
/**
 * A capitalised word of three or four letters ending in T right after a time (`14:00 XYZT`) is
 * a zone abbreviation we do not know, not text: reading it as the incident's zone would shift
 * every time silently. Common words of that shape are text.
 */
const UNKNOWN_ZONE = /^\s+([A-Z]{2,3}T)(?![A-Za-z0-9])/;
const WORDS_NOT_ZONES = new Set([
  'GET',
  'PUT',
  'SET',
  'NOT',
  'BUT',
  'OUT',
  'HIT',
  'BOT',
  'LET',
  'YET',
  'CUT',
  'ACT',
  'ART',
  'BIT',
  'FIT',
  'HOT',
  'LOT',
  'NET',
  'PIT',
  'POT',
  'RAT',
  'SAT',
  'TXT',
  'EXIT',
  'POST',
  'HOST',
  'LAST',
  'TEST',
  'WAIT',
  'REST',
  'LIST',
  'LOST',
  'FAST',
  'PORT',
  'ROOT',
  'SENT',
  'TEXT',
  'EDIT',
  'JUST',
  'MOST',
  'NEXT',
  'PAST',
  'SORT',
  'START',
  'WENT',
  'QUIT',
  'SPLIT',
  'BOOT',
  'CERT',
  'DIST',
  'DEPT',
]);
const RANGE_DASH = /^\s*(?:-|–|—|to|->|→)\s*/;
const TRAILING_DATE = new RegExp(
  `^\\s*(?:\\(\\s*)?((?:${WEEKDAY}\\s+)?(?:\\d{1,2}[-/]\\d{1,2}|${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH}))(?:\\s*\\))?`,
  'iu',
);
const SEPARATOR = /^(?:\s*(?:\*\*|__))?\s*[\])>]?\s*(?:[-–—|,:]\s+|[,|]|\s+|$)/;

function monthIndex(name: string | undefined): number {
  const word = (name ?? '').toLowerCase().replace(/\.$/, '');
  return FOREIGN_MONTH_INDEX.get(word) ?? MONTHS.indexOf(word.slice(0, 3)) + 1;
}

/** `first/second/year` read month first, or day first when the first number cannot be a month. */
function numericDate(first: number, second: number, year: number): CalendarDate {
  return first > 12 && second <= 12
    ? { year, month: second, day: first }
    : { year, month: first, day: second };
}

/** `04-21` is April 21st; `21-04` can only be the 21st of April. */
function monthDay(first: number, second: number): CalendarDate | null {
  if (first >= 1 && first <= 12 && second >= 1 && second <= 31)
    return { year: null, month: first, day: second };
  if (second >= 1 && second <= 12 && first >= 1 && first <= 31)
    return { year: null, month: second, day: first };
  return null;
}

const WEEKDAY_NUMBER: Readonly<Record<string, number>> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};

const ENGLISH_WEEKDAY =
  /^(?:mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)$/;

/** The ISO weekday (1 = Monday) a weekday name means in any language time.ts reads, else null. */
export function weekdayNumber(name: string): number | null {
  const word = name.toLowerCase();
  if (FOREIGN_WEEKDAY_INDEX.has(word)) return FOREIGN_WEEKDAY_INDEX.get(word) ?? null;
  // `monitor` and `sunset` start like a weekday: only its name or abbreviation is one.
  if (!ENGLISH_WEEKDAY.test(word)) return null;
  return WEEKDAY_NUMBER[word.slice(0, 3)] ?? null;
}

/** A month-day read after a weekday, keeping the weekday and the other order when it is a date. */
function withWeekday(date: CalendarDate | null, weekday: string): CalendarDate | null {
  const number = WEEKDAY_NUMBER[weekday.slice(0, 3).toLowerCase()];
  if (!date) return date;
  // Only an ambiguous date needs its weekday: `Thu 01-28` can be read one way only.
  if (number === undefined || date.day > 12 || date.day === date.month) return date;
  return { ...date, weekday: number, otherOrder: { month: date.day, day: date.month } };
}

/** Years a timeline can plausibly name: after the Unix epoch, before ISO 8601 needs a sign. */
export const YEAR_RANGE = { min: 1970, max: 9999 } as const;

/** Days in a month; February has 29 when the year is not known yet. */
function daysInMonth(year: number | null, month: number): number {
  if (month === 2)
    return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A date written with a five-digit (or longer) year: read it to say so, not to use it. */
const LONG_YEAR = /^(\d{5,})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d:])/;

function readDate(text: string): { date: CalendarDate; length: number } | StampProblem | null {
  const long = LONG_YEAR.exec(text);
  if (long) return { problem: `year ${long[1] ?? ''} is out of range in "${long[0]}"`, column: 1 };
  for (const form of DATE_FORMS) {
    const match = form.re.exec(text);
    if (!match) continue;
    const date = form.read(match);
    if (!date || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) continue;
    if (date.day > daysInMonth(date.year, date.month))
      return { problem: `no such date "${match[0].trim()}"`, column: 1 };
    if (date.year !== null && (date.year < YEAR_RANGE.min || date.year > YEAR_RANGE.max))
      return { problem: `year ${date.year} is out of range in "${match[0].trim()}"`, column: 1 };
    return { date, length: match[0].length };
  }
  // A weekday before a numeric date (`Dienstag, 10.03.2026`, `Tue 2026-03-10`) says nothing the
  // date does not: read the date after it.
  const weekday = LEADING_WEEKDAY.exec(text);
  if (weekday && /^\d/.test(text.slice(weekday[0].length))) {
    const after = readDate(text.slice(weekday[0].length));
    if (after && !isProblem(after)) return { ...after, length: after.length + weekday[0].length };
  }
  return null;
}

/** Where a written date may start: a digit, a month or a weekday name, after a space or a mark. */
const DATE_CANDIDATE =
  /(?<=^|[\s,(·•|–—[-])(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)/gi;
/** ctime and `date` put the year after the clock: `Sat May  2 14:21:07 UTC 2026`. */
const YEAR_AFTER_CLOCK = /^\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+[A-Z]{2,5})?\s+(\d{4})(?!\d)/;

/**
 * The first whole date with a year written anywhere in `text`, in any form `readStamp` knows
 * (`21 Jul 2026`, `July 21, 2026`, `2026-07-21`, `Sat May  2 14:21:07 UTC 2026`); null when none.
 * For a paste that never states its day where a timeline line or the front matter would: a
 * person still reads it from a notes header or a `date` command's output.
 */
export function findWrittenDate(text: string): CalendarDate | null {
  for (const match of text.matchAll(DATE_CANDIDATE)) {
    const slice = text.slice(match.index, match.index + 80);
    const read = readDate(slice);
    if (!read || isProblem(read)) continue;
    if (read.date.year !== null) return read.date;
    const year = YEAR_AFTER_CLOCK.exec(slice.slice(read.length));
    if (year) return { ...read.date, year: Number(year[1]) };
  }
  return null;
}

function readTime(
  text: string,
):
  | { time: ClockTime; approximate: boolean; twelveHour: boolean; length: number }
  | StampProblem
  | null {
  const dotted = DOT_TIME_12.exec(text);
  // Read as TIME's groups: approximate, hour, minute, second, meridiem.
  const military = dotted ? null : MILITARY_TIME.exec(text);
  const clock = dotted || military ? null : TIME.exec(text);
  const match: readonly (string | undefined)[] | null = dotted
    ? [dotted[0], dotted[1], dotted[2], dotted[3], undefined, dotted[4]]
    : military
      ? [military[0], undefined, military[1], military[2]]
      : clock
        ? [clock[0], clock[1], clock[2], clock[3], clock[4], clock[5] ?? clock[6]]
        : null;
  const bare = match ? null : BARE_HOUR_12.exec(text);
  if (!match && !bare) return europeanClock(text);
  let hour: number;
  let minute = 0;
  let second = 0;
  let meridiem: string | undefined;
  let approximate: boolean;
  let length: number;
  if (match) {
    hour = Number(match[2]);
    minute = Number(match[3]);
    second = Number(match[4] ?? 0);
    meridiem = match[5]?.toLowerCase();
    approximate = Boolean(match[1]);
    length = (match[0] ?? '').length;
  } else {
    const b = bare as RegExpExecArray;
    hour = Number(b[2]);
    meridiem = b[3]?.toLowerCase();
    approximate = Boolean(b[1]);
    length = b[0].length;
  }
  const written = text.slice(0, length).trim();
  // `13:20pm` is a 24-hour time with a suffix that adds nothing: read as written (parse warns,
  // see `redundantMeridiems` in stamp-layout.ts).
  const redundant = meridiem !== undefined && hour >= 13 && hour <= 23;
  if (meridiem && !redundant && (hour < 1 || hour > 12))
    return { problem: `impossible 12-hour time "${written}"`, column: 1 };
  if (hour > 23 || minute > 59 || second > 59)
    return { problem: `impossible time "${written}"`, column: 1 };
  if (!redundant && meridiem === 'a' && hour === 12) hour = 0;
  if (!redundant && meridiem === 'p' && hour < 12) hour += 12;
  return {
    time: { hour, minute, second },
    approximate,
    twelveHour: Boolean(meridiem) && !redundant,
    length,
  };
}

/** A clock written `10h15`, `10.15 Uhr` or `ore 9.40` (see EUROPEAN_CLOCK); null when none, or out of range. */
function europeanClock(
  text: string,
): { time: ClockTime; approximate: boolean; twelveHour: boolean; length: number } | null {
  const match = EUROPEAN_CLOCK.exec(text);
  if (!match) return null;
  // `ore 9.40` needs its word: the last alternative only counts after one.
  if (match[7] !== undefined && !match[1]) return null;
  let length = match[0].length;
  if (match[1]) {
    // After "at", a stamp is set off from its message (`ore 9.40: ...`); `Um 14:50 Uhr wurde ...`
    // is a sentence, read as prose. The Nordic `kl.`/`klo` is written only before a clock, so a
    // space sets it off as well (`kl. 09:40 inloggningar misslyckas`).
    const nordic = /^kl/i.test(match[1]);
    const set =
      /^\s*(?:Uhr|uur|u|h)?(?=\s*(?:[-–—:|]|$))/iu.exec(text.slice(length)) ??
      (nordic ? /^(?=\s+\S)/.exec(text.slice(length)) : null);
    if (!set) return null;
    length += set[0].length;
  }
  const hour = Number(match[3]);
  const minute = Number(match[4] ?? match[5] ?? match[6] ?? match[7] ?? 0);
  // `24h` or `36h` is a duration, never an impossible time.
  if (hour > 23 || minute > 59) return null;
  return {
    time: { hour, minute, second: 0 },
    approximate: Boolean(match[2]),
    twelveHour: false,
    length,
  };
}

function isProblem(value: unknown): value is StampProblem {
  return typeof value === 'object' && value !== null && 'problem' in value;
}

/**
 * Reads the stamp at the start of a line. Returns null when the line starts with no date or
 * time, a problem when it starts with an impossible one (`25:61`), and otherwise the stamp.
 */
export function readStamp(written: string): Stamp | StampProblem | null {
  const lead = LEAD.exec(written)?.[1] ?? '';
  const line =
    lead +
    written
      .slice(lead.length)
      .replace(ISO_BASIC, (_, y, mo, d, h, mi, sec, fraction, zone) =>
        [
          `${y}-${mo}-${d}T${h}:${mi}`,
          sec ? `:${sec}${fraction}` : '',
          zone
            ? zone === 'Z'
              ? 'Z'
              : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`
            : '',
        ].join(''),
      );
  let position = lead.length;
  const column = position + 1;
  let date: CalendarDate | null = null;
  const dateMatch = readDate(line.slice(position));
  if (isProblem(dateMatch)) return { problem: dateMatch.problem, column: position + 1 };
  let isoJoined = false;
  if (dateMatch) {
    date = dateMatch.date;
    position += dateMatch.length;
    // Kibana's Discover puts an `@` between date and time: `Mar 9, 2026 @ 10:15:22.123`.
    const joiner = /^(?:T|\s*[-–—,@]\s*(?=~?\d{1,2}:)|,?\s+(?:at\s+|um\s+|à\s+|a las\s+)?)/i.exec(
      line.slice(position),
    );
    if (joiner && readTime(line.slice(position + joiner[0].length))) {
      position += joiner[0].length;
      isoJoined = joiner[0] === 'T' || joiner[0] === 't';
    }
  }
  const timeMatch = readTime(line.slice(position));
  if (isProblem(timeMatch)) return { problem: timeMatch.problem, column: position + 1 };
  if (!date && !timeMatch) return null;
  let time: ClockTime | null = null;
  let endTime: ClockTime | null = null;
  let zone: string | null = null;
  let approximate = false;
  let twelveHour = false;
  if (timeMatch) {
    time = timeMatch.time;
    approximate = timeMatch.approximate;
    twelveHour = timeMatch.twelveHour;
    position += timeMatch.length;
    const zoneMatch = ZONE.exec(line.slice(position)) ?? ZONE_IN_PARENS.exec(line.slice(position));
    // `18:30-18:43` is a range, `2020-03-26T16:14-07:00` an offset: a numeric offset only
    // counts after an ISO date-time (`T`), after seconds, or set apart by a space, as log
    // lines write it (`09:12:04.118 +0000`); `14:05-14:09` is always a range.
    const numeric = zoneMatch ? /^[+-]/.test(zoneMatch[1] ?? '') : false;
    const offsetAllowed =
      Boolean(date) &&
      (isoJoined || /^\s/.test(zoneMatch?.[0] ?? '') || /:\d\d:\d\d/.test(line.slice(0, position)));
    if (zoneMatch && (!numeric || offsetAllowed)) {
      zone = zoneMatch[1] ?? null;
      position += zoneMatch[0].length;
    } else {
      const unknown = UNKNOWN_ZONE.exec(line.slice(position));
      if (unknown?.[1] && !WORDS_NOT_ZONES.has(unknown[1])) {
        zone = unknown[1];
        position += unknown[0].length;
      }
    }
    const dash = RANGE_DASH.exec(line.slice(position));
    if (dash) {
      const end = readTime(line.slice(position + dash[0].length));
      if (isProblem(end)) return { problem: end.problem, column: position + dash[0].length + 1 };
      if (end) {
        endTime = end.time;
        position += dash[0].length + end.length;
        const endZone = ZONE.exec(line.slice(position));
        if (endZone) {
          zone ??= endZone[1] ?? null;
          position += endZone[0].length;
        }
      }
    }
    if (!date) {
      const trailing = TRAILING_DATE.exec(line.slice(position));
      const parsed = trailing ? readDate(trailing[1] ?? '') : null;
      if (trailing && parsed && !isProblem(parsed)) {
        date = parsed.date;
        position += trailing[0].length;
      }
    }
  }
  const separator = SEPARATOR.exec(line.slice(position));
  // A stamp glued to a word (`14:23abc`) is not a stamp.
  if (!separator) return null;
  position += separator[0].length;
  return {
    date,
    time,
    endTime,
    zone,
    approximate,
    ...(twelveHour ? { twelveHour } : {}),
    rest: line.slice(position).trim(),
    column,
  };
}

export function isStampProblem(value: Stamp | StampProblem | null): value is StampProblem {
  return isProblem(value);
}
