/**
 * Paste shapes that carry their times in a form no timeline line starts with, rewritten to the
 * line shape the rest of parse reads, keeping each line's number so evidence still cites the
 * line the person pasted:
 *
 * - a chat export as JSON (Slack's `{"ts":"1633361940.000200","user":...,"text":...}`, one
 *   object per line or an array): `ts` is epoch seconds, UTC;
 * - dates written day first (`25/01/2023 14:05`, as most of the world writes them), told apart
 *   from the US month-first order by the block itself.
 */
import { DateTime } from 'luxon';
import type { Block, SourceLine } from './document.js';
import { keepsItsOwnClock } from './own-clock.js';
import { findWrittenDate, isStampProblem, readStamp, weekdayNumber, type Stamp } from './time.js';
import { ZONE_TOKEN_SOURCE } from './zone.js';
import { parseJson } from './parse-json.js';

/** One chat message of a JSON export. */
interface ExportedMessage {
  ts: string | number;
  text?: unknown;
  user?: unknown;
  username?: unknown;
  user_name?: unknown;
  user_profile?: { real_name?: unknown; display_name?: unknown };
  bot_id?: unknown;
}

function isMessage(value: unknown): value is ExportedMessage {
  if (typeof value !== 'object' || value === null) return false;
  const ts = (value as { ts?: unknown }).ts;
  return (typeof ts === 'string' && /^\d{9,11}(?:\.\d+)?$/.test(ts)) || typeof ts === 'number';
}

function messageLine(message: ExportedMessage): string | null {
  const seconds = Number(message.ts);
  const time = DateTime.fromMillis(seconds * 1000, { zone: 'UTC' });
  if (!Number.isFinite(seconds) || !time.isValid) return null;
  const name = [
    message.user_profile?.display_name,
    message.user_profile?.real_name,
    message.user_name,
    message.username,
    message.user,
  ].find((value) => typeof value === 'string' && value.trim() !== '') as string | undefined;
  const text = typeof message.text === 'string' ? message.text.replace(/\s+/g, ' ').trim() : '';
  const author = name ? `<${name.replace(/[\s<>]+/g, '_').slice(0, 32)}> ` : '';
  const stamp = time.toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
  return `${stamp} ${author}${text}`;
}

/**
 * A block that is a JSON chat export, one line per message: JSON Lines (an object per line,
 * with or without trailing commas and enclosing brackets) or a JSON array (possibly pretty
 * printed; each message then cites the line its `ts` is on). Null when the block is not one.
 */
function chatExportLines(lines: readonly SourceLine[]): SourceLine[] | null {
  if (!lines.some((line) => /"ts"\s*:/.test(line.text))) return null;
  const perLine: SourceLine[] = [];
  let messages = 0;
  for (const line of lines) {
    const trimmed = line.text.trim().replace(/,$/, '');
    if (trimmed === '[' || trimmed === ']' || trimmed === '') continue;
    const value = /^\[?\s*\{.*\}\s*\]?$/.test(trimmed) ? parseJson(trimmed) : undefined;
    const list = Array.isArray(value) ? value : value === undefined ? null : [value];
    if (!list) {
      // Not JSON throughout: an empty rewrite here would lose the whole block.
      perLine.length = 0;
      messages = 0;
      break;
    }
    for (const item of list) {
      const text = isMessage(item) ? messageLine(item) : null;
      if (text) {
        perLine.push({ number: line.number, text });
        messages++;
      }
    }
  }
  if (messages > 0) return perLine;
  // A pretty-printed array: read it whole, and cite the line each message's `ts` is on.
  const whole = parseJson(lines.map((line) => line.text).join('\n'));
  const list = Array.isArray(whole) ? whole : null;
  if (!list) return null;
  const out: SourceLine[] = [];
  for (const item of list) {
    if (!isMessage(item)) continue;
    const text = messageLine(item);
    const at = lines.find((line) => line.text.includes(String(item.ts)));
    if (text) out.push({ number: at?.number ?? lines[0]?.number ?? 1, text });
  }
  return out.length > 0 ? out : null;
}

/**
 * A numeric date with its year last, in any separator: `09/03/2026`, `03-09-2026`, `09.03.2026`,
 * and with a two-digit year right before a clock time (`09.03.26 10:15`; elsewhere `4.2.10` is a
 * version).
 */
const NUMERIC_DATE =
  /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}(?![\d/.-])|\d{2}(?=,?\s+~?\d{1,2}[:.h]\d{2}))/g;
const HAS_NUMERIC_DATE = new RegExp(NUMERIC_DATE.source);
/** A weekday name right before a date (`Tue 03/02/2026`, `Dienstag, 03.02.2026`). */
const WEEKDAY_BEFORE = /([\p{L}]+)\.?,?\s+$/u;

/**
 * Zones of the Americas south of the United States, whose people write the day first
 * (`02/12/2026` in São Paulo, Mexico City or Buenos Aires is 2 December): MONTH_FIRST_ZONES'
 * `America/` is the US's and Canada's.
 */
const DAY_FIRST_AMERICAS =
  /\bAmerica\/(?:Argentina\/\w+|Sao_Paulo|Buenos_Aires|Mexico_City|Monterrey|Merida|Cancun|Chihuahua|Mazatlan|Hermosillo|Bogota|Lima|Santiago|Caracas|Montevideo|Asuncion|La_Paz|Guayaquil|Havana|Panama|Costa_Rica|Guatemala|El_Salvador|Tegucigalpa|Managua|Santo_Domingo|Recife|Fortaleza|Manaus|Bahia|Belem|Cuiaba|Campo_Grande|Noronha|Porto_Velho|Rio_Branco|Maceio|Araguaina|Punta_Arenas)\b/;
/** Zones whose people write the month first; any other zone named means day first. */
const MONTH_FIRST_ZONES =
  /\b(?:America\/|US\/|Canada\/|P[SD]?T|M[SD]?T|C[SD]?T|E[SD]?T|AK[SD]T|HST)\b/;
const OTHER_ZONES =
  /\b(?:[A-Z][a-z]+\/[A-Za-z_]+|UTC|GMT|IST|CET|CEST|BST|JST|SGT|AEST|AEDT|[+-]\d{2}:?\d{2})\b/;
/** Zones of a region whose people write the day first (UTC, GMT and offsets are no region's). */
const DAY_FIRST_REGIONS = /\b(?:[A-Z][a-z]+\/[A-Za-z_]+|IST|CET|CEST|BST|JST|SGT|AEST|AEDT)\b/;
/** A 12-hour clock right after a date (`03/04/2026 08:10 AM`, `3/4/2026, 4:30 PM`). */
const TWELVE_HOUR_AFTER = /^,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*[ap]\.?m\.?(?![a-z])/i;

/** One numeric date as written: its two first numbers, its year, and a weekday written before it. */
interface NumericDate {
  a: number;
  b: number;
  year: number;
  separator: string;
  weekday: number | null;
  /** A 12-hour clock follows the date. */
  twelveHour: boolean;
}

function numericDates(texts: readonly string[]): NumericDate[] {
  return texts.flatMap((text) =>
    [...text.matchAll(NUMERIC_DATE)].map((m) => {
      const written = m[4] ?? '';
      const before = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, m.index - 24), m.index));
      return {
        a: Number(m[1]),
        b: Number(m[3]),
        year: (written.length === 2 ? 2000 : 0) + Number(written),
        separator: m[2] ?? '',
        weekday: before ? weekdayNumber(before[1] ?? '') : null,
        twelveHour: TWELVE_HOUR_AFTER.test(text.slice(m.index + m[0].length)),
      };
    }),
  );
}

/** The day a numeric date names read in one order, or null when that order is no date. */
function dayOf(date: NumericDate, dayFirst: boolean): DateTime | null {
  const day = DateTime.fromObject({
    year: date.year,
    month: dayFirst ? date.b : date.a,
    day: dayFirst ? date.a : date.b,
  });
  return day.isValid ? day : null;
}

/** Which order `dayFirst` true or false the evidence favours, or null when it does not tell. */
function favoured(votes: { dayFirst: number; monthFirst: number }): boolean | null {
  if (votes.dayFirst === votes.monthFirst) return null;
  return votes.dayFirst > votes.monthFirst;
}

/**
 * The order a file writes its numeric dates in, decided once for the whole file, as a person
 * reading it would: a number over 12 in the first place says day first, in the second month
 * first; else the front matter's `date` matched in one order only; else a day the file writes
 * in words or ISO form matched in one order only; else a weekday written beside
 * a date; else the reading in which the dates run one way (a timeline is in time order, oldest or
 * newest first); else the reading that keeps the dates closest together (a timeline spans days, not
 * months); else the zone named near the timeline (US zones write the month first, others the
 * day). Null when nothing tells: each separator keeps its usual order (time.ts).
 *
 * @param texts the timeline's lines
 * @param hints `zone`: text that may name the incident's zone; `date`: the front matter's day
 */
export function numericDateOrder(
  texts: readonly string[],
  hints: { zone: string; date?: { year: number; month: number; day: number } | null },
): 'day-first' | 'month-first' | null {
  const dates = numericDates(texts);
  if (dates.length === 0) return null;
  const impossible = favoured({
    dayFirst: dates.filter((d) => !dayOf(d, false) && dayOf(d, true)).length,
    monthFirst: dates.filter((d) => !dayOf(d, true) && dayOf(d, false)).length,
  });
  const anchor = hints.date ? DateTime.fromObject(hints.date) : null;
  const onAnchor = (dayFirst: boolean): number =>
    anchor ? dates.filter((d) => dayOf(d, dayFirst)?.hasSame(anchor, 'day')).length : 0;
  const byFrontMatter = favoured({ dayFirst: onAnchor(true), monthFirst: onAnchor(false) });
  // Days the file writes so they cannot be misread (`2 de dezembro de 2026`, `2026-12-02`): a
  // numeric date on one of them in one order only is in that order.
  const written = texts.flatMap((text) => {
    if (HAS_NUMERIC_DATE.test(text)) return [];
    const date = findWrittenDate(text);
    return date?.year != null
      ? [DateTime.fromObject({ year: date.year, month: date.month, day: date.day })]
      : [];
  });
  const onWritten = (dayFirst: boolean): number =>
    dates.filter((d) => {
      const day = dayOf(d, dayFirst);
      return day !== null && written.some((w) => w.hasSame(day, 'day'));
    }).length;
  const byWrittenDays = favoured({ dayFirst: onWritten(true), monthFirst: onWritten(false) });
  const onWeekday = (dayFirst: boolean): number =>
    dates.filter((d) => d.weekday !== null && dayOf(d, dayFirst)?.weekday === d.weekday).length;
  const byWeekday = favoured({ dayFirst: onWeekday(true), monthFirst: onWeekday(false) });
  const span = (dayFirst: boolean): number => {
    const days = dates.flatMap((d) => dayOf(d, dayFirst)?.toMillis() ?? []);
    return days.length < dates.length ? Infinity : Math.max(...days) - Math.min(...days);
  };
  // A timeline runs one way (oldest or newest first): the reading whose days turn back less.
  const turns = (dayFirst: boolean): number => {
    const days = dates.map((d) => dayOf(d, dayFirst)?.toMillis() ?? NaN);
    const steps = days.slice(1).map((day, i) => Math.sign(day - (days[i] ?? day)));
    if (steps.some(Number.isNaN)) return Infinity;
    return Math.min(steps.filter((s) => s > 0).length, steps.filter((s) => s < 0).length);
  };
  const byOrder = turns(true) === turns(false) ? null : turns(true) < turns(false);
  const bySpan = span(true) === span(false) ? null : span(true) < span(false);
  // Dots are day first wherever they are written: only a slash or a dash follows the zone.
  // A slash date before a 12-hour clock (`03/04/2026 08:10 AM`) is the en-US short date and
  // time that issue trackers and consoles print by default (CLDR en `M/d/y, h:mm a`): it tells
  // more than UTC or an offset, which are no region's, and less than a region's zone (en-AU and
  // en-IN write the day first before a 12-hour clock).
  const slashes = dates.filter((d) => d.separator !== '.');
  const usClock = slashes.length > 0 && slashes.every((d) => d.twelveHour);
  const byZone =
    slashes.length === 0
      ? null
      : DAY_FIRST_AMERICAS.test(hints.zone)
        ? true
        : MONTH_FIRST_ZONES.test(hints.zone)
          ? false
          : DAY_FIRST_REGIONS.test(hints.zone)
            ? true
            : usClock
              ? false
              : OTHER_ZONES.test(hints.zone) || null;
  const dayFirst =
    impossible ?? byFrontMatter ?? byWrittenDays ?? byWeekday ?? byOrder ?? bySpan ?? byZone;
  return dayFirst === null ? null : dayFirst ? 'day-first' : 'month-first';
}

/**
 * Whether the `NN/NN/YYYY` dates of `texts` are day first (see numericDateOrder); without any
 * evidence, month first.
 */
export function isDayFirst(texts: readonly string[], zoneHint: string): boolean {
  return numericDateOrder(texts, { zone: zoneHint }) === 'day-first';
}

/**
 * Rewrites a block's pasted shapes into timeline lines (see the module comment). `order` is the
 * file's numeric date order (numericDateOrder): a date written against its separator's usual
 * order (`09/03/2026` day first, `03.09.2026` month first) is rewritten as ISO 8601.
 */
export function normalizeBlock(block: Block, order: 'day-first' | 'month-first' | null): Block {
  const chat = chatExportLines(block.lines);
  if (chat) return { lines: chat };
  if (order === null || !block.lines.some((line) => HAS_NUMERIC_DATE.test(line.text))) return block;
  const iso = (year: string, month: string, day: string): string =>
    `${year.length === 2 ? `20${year}` : year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return {
    lines: block.lines.map((line) => ({
      number: line.number,
      text: line.text.replace(
        NUMERIC_DATE,
        (written, a: string, separator: string, b: string, year: string) => {
          const usual = separator === '.' ? 'day-first' : 'month-first';
          if (order === usual) return written;
          return order === 'day-first' ? iso(year, b, a) : iso(year, a, b);
        },
      ),
    })),
  };
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** A stamp written back as the line start every reader knows: `2026-02-03 09:12:04 UTC`. */
function stampText(stamp: Stamp, zone: string | null = stamp.zone): string {
  const date = stamp.date
    ? `${stamp.date.year !== null ? `${stamp.date.year}-` : ''}${pad(stamp.date.month)}-${pad(stamp.date.day)} `
    : '';
  const time = stamp.time
    ? `${pad(stamp.time.hour)}:${pad(stamp.time.minute)}:${pad(stamp.time.second)}`
    : '';
  return `${date}${time}${zone ? ` ${zone}` : ''}`;
}

function stampAt(text: string): Stamp | null {
  const stamp = readStamp(text);
  return stamp && !isStampProblem(stamp) && stamp.time ? stamp : null;
}

/** `... at Tue Feb 03 2026 09:12:04 UTC.`: a date and time inside a sentence. */
const SENTENCE_STAMP =
  /\b(?:at|on)\s+(?=(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d{4}-|\d{1,2}[ /.-]))/gi;
/** The first line of a monitor's notification: its state in brackets, or a state word. */
const NOTIFICATION_HEAD =
  /^\s*(?:\[[^\]]{1,30}\]|(?:triggered|recovered|resolved|alert|warn(?:ing)?|no data|re-?triggered)\s*:)/i;

/**
 * A monitor's notification (Datadog, an alert e-mail) whose time is in a sentence on another line
 * than the message (`The monitor was last triggered at Tue Feb 03 2026 09:12:04 UTC.`,
 * `Recovered at ...`): one entry at the block's last stated time, the notification's own state
 * (a recovery notice repeats the trigger time first), with the lines that carry no time.
 */
function notificationLines(lines: readonly SourceLine[]): SourceLine[] | null {
  const head = lines[0];
  if (!head || !NOTIFICATION_HEAD.test(head.text)) return null;
  if (lines.some((line) => stampAt(line.text))) return null;
  let stamp: Stamp | null = null;
  const timeLines = new Set<number>();
  for (const line of lines) {
    for (const match of line.text.matchAll(SENTENCE_STAMP)) {
      // The sentence's full stop is no part of the stamp.
      const after = line.text.slice(match.index + match[0].length).replace(/[.;](?=\s|$)/, ' ');
      const found = stampAt(after);
      if (found?.date) {
        stamp = found;
        timeLines.add(line.number);
      }
    }
  }
  if (!stamp) return null;
  const rest = lines
    .slice(1)
    .filter((line) => !timeLines.has(line.number) && /[\p{L}\p{N}]{3}/u.test(line.text))
    .filter((line) => !/^\s*(?:\[[^\]]*\]\s*[·|•-]?\s*)+$/.test(line.text));
  return [
    { number: head.number, text: `${stampText(stamp)} ${head.text.trim()}` },
    ...rest.map((line) => ({ number: line.number, text: `    ${line.text.trim()}` })),
  ];
}

const MAIL_HEADER = /^(?:from|to|cc|bcc|subject|date|sent|reply-to|importance)\s*:\s/i;
const MAIL_SENT = /^(?:date|sent)\s*:\s*(.+)$/i;
const MAIL_SUBJECT = /^subject\s*:\s*(.+)$/i;
const REPLY_PREFIX = /^(?:re|fwd?|aw|sv|wg|tr)\s*:/i;
const MAIL_QUOTE_INTRO = /^on\s+(.{6,160}?)\s*wrote:\s*$/i;
const QUOTE_MARKS = /^\s*(?:>\s?)+/;

/** A send time's numeric offset (RFC 5322 3.3): `Tue, 5 Feb 2019 17:15:02 -0500`. */
const SENT_OFFSET = /\d{1,2}:\d{2}(?::\d{2})?\s+([+-])(\d{2})(\d{2})\b/;

/**
 * The clock of a mail thread pasted whole, from its first send time's offset, as a fixed zone
 * (`UTC-5`): the times its writers give without a zone ("On Mon, Feb 4 at 12:52 AM Marcus
 * wrote:", "since 00:35") are on that clock, as their mail client showed them. Null when the
 * text does not open with a mail's headers (two or more in its first lines: a vendor mail
 * quoted inside a chat keeps the chat's clock) or its send time has no numeric offset.
 *
 * @param body the incident file's text after its front matter
 */
export function mailDateZone(body: string): string | null {
  const head = body
    .trimStart()
    .split('\n')
    .slice(0, 12)
    .map((line) => line.replace(QUOTE_MARKS, ''));
  if (head.filter((line) => MAIL_HEADER.test(line)).length < 2) return null;
  const sent = head.map((line) => MAIL_SENT.exec(line)?.[1]).find((value) => value !== undefined);
  const offset = sent ? SENT_OFFSET.exec(sent) : null;
  if (!offset) return null;
  const [, sign = '+', hours = '00', minutes = '00'] = offset;
  if (Number(hours) > 14 || Number(minutes) >= 60) return null;
  const h = String(Number(hours));
  return minutes === '00' ? `UTC${sign}${h}` : `UTC${sign}${h}:${minutes}`;
}
/** Mail clients wrap at 72-80 characters: a line this long that ends mid-sentence was wrapped. */
const MAIL_WRAP_WIDTH = 60;
/**
 * A clock time a sentence states for itself: "caught up at 10:02", "as of 4:45 pm PT", "the
 * re-run finished 09:25" (a step's end names its time without "at"). Not
 * "since 2:40 PM" nor "since around 2:40 PM": that is when a state began (a stated start, see stated-times.ts), while the
 * line itself (a report, an alert) happened when it was sent.
 */
const BODY_TIME = new RegExp(
  String.raw`(?<!\b(?:since|ever since)\s)\b(?:at|by|around|from|until|as of|starting(?: at)?|beginning(?: at)?|(?:finished|completed|complete|done|ended|closed)(?: at)?)\s+(?:about\s+|around\s+|approximately\s+)?(~?(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s*(?:${ZONE_TOKEN_SOURCE}))?)`,
  'i',
);

/**
 * A mail body line that tells several steps, each at its own time ("added replicas at 10:12 AM;
 * p99 fell under 800 ms at 10:18 AM. Closing at 10:40 AM."), split at its sentence and clause ends
 * into one event per stated time ("renewed at 6:20 PM, logins succeed again at 6:24 PM", "paused
 * it at 1:40 PM and deliveries flowed again at 1:46 PM" too): a mail sums up what happened since the last one, so the later
 * steps (the action's effect, the close) are events too, not words at the first step's time. A
 * clause that states no time goes with the clause before it (the first: with the next). Returns
 * the clauses with their stamps (no date: the caller gives the mail's), or [] when the line states
 * fewer than two different times.
 */
function timedClauses(text: string): { text: string; stamp: Stamp }[] {
  const pieces = text.split(/(?<=[.;!?,])\s+(?=\S)|\s+(?=(?:and|then|but)\s)/);
  const clauses: { text: string; stamp: Stamp | null }[] = [];
  for (const piece of pieces) {
    const own = BODY_TIME.exec(piece);
    const stamp = own ? stampAt(own[1] ?? '') : null;
    const previous = clauses[clauses.length - 1];
    if (previous && (!stamp || !previous.stamp)) {
      previous.text = `${previous.text} ${piece}`;
      previous.stamp ??= stamp;
    } else clauses.push({ text: piece, stamp });
  }
  const timed = clauses.flatMap((clause) =>
    clause.stamp ? [{ text: clause.text, stamp: clause.stamp }] : [],
  );
  const distinct = new Set(timed.map((clause) => stampText(clause.stamp, null)));
  return timed.length === clauses.length && distinct.size > 1 ? timed : [];
}

/**
 * An e-mail thread pasted with its headers (`From:`/`Date:`/`Sent:`, `On ... wrote:` and `>`
 * quoting, newest first or not). The send times are not events: each body line is an event at the
 * time it states ("moved reads to the primary at 09:18"), or at its message's send time when it
 * states none (the alert mail itself). A quoted reply that repeats a line already read is read once.
 * Returns the sections' blocks rewritten, or null when the file is no mail thread.
 */
export function normalizeMailThread(blocks: readonly Block[]): Block[] | null {
  const all = blocks.flatMap((block) => block.lines);
  const texts = all.map((line) => line.text.replace(QUOTE_MARKS, '').trim());
  const headerPairs = texts.filter(
    (text, i) =>
      MAIL_SENT.test(text) &&
      [texts[i - 1], texts[i + 1], texts[i - 2], texts[i + 2]].some(
        (near) => near !== undefined && MAIL_HEADER.test(near),
      ),
  ).length;
  const intros = texts.filter((text) => MAIL_QUOTE_INTRO.test(text)).length;
  // One mail pasted alone (often a forward: "---------- Forwarded message ---------") is a
  // thread too when its header names sender and subject: its Date is when it was sent.
  const wholeHeader = ['from', 'subject'].every((field) =>
    texts.some((text) => new RegExp(`^${field}\\s*:\\s`, 'i').test(text)),
  );
  // A Gmail chain copied without headers is only its "On ... wrote:" lines: two of them are a
  // thread.
  if ((headerPairs + intros < 2 && !wholeHeader) || (headerPairs === 0 && intros < 2)) return null;
  // A mail pasted after a timeline that keeps its own clock (a chat, then the wrap-up mail):
  // its send time is when it was written, so a line that states no time of its own stays
  // untimed rather than become an event at the send time.
  const firstHeader = texts.findIndex(
    (text) => MAIL_HEADER.test(text) || MAIL_QUOTE_INTRO.test(text),
  );
  const ownClock = keepsItsOwnClock(all, firstHeader);
  let sent: Stamp | null = null;
  /** The mail's subject, written as its first line once its send time is known. */
  let subject: SourceLine | null = null;
  const seen = new Set<string>();
  const at = (line: SourceLine, text: string, when: Stamp): SourceLine[] => {
    if (ownClock && when === sent) return [{ number: line.number, text }];
    const written = `${stampText(when, when.zone ?? sent?.zone ?? null)} ${text}`;
    if (seen.has(written)) return [];
    seen.add(written);
    return [{ number: line.number, text: written }];
  };
  /** A mail with no body (an alert's `[RESOLVED] ...`): its subject is its event, at its send time. */
  const unsaid = (): SourceLine[] => {
    const pending: SourceLine | null = subject;
    subject = null;
    return pending && sent ? at(pending, pending.text, sent) : [];
  };
  const read = blocks
    .map((block) => {
      /** The body line before, when it was hard-wrapped (long, no sentence end): this one goes on. */
      let wrapped = false;
      return {
        lines: block.lines.flatMap((line): SourceLine[] => {
          const text = line.text.replace(QUOTE_MARKS, '').trim();
          const header = MAIL_SENT.exec(text);
          const intro = MAIL_QUOTE_INTRO.exec(text);
          const when = header ? stampAt(header[1] ?? '') : intro ? stampAt(intro[1] ?? '') : null;
          if (when) {
            sent = when;
            return [];
          }
          if (MAIL_HEADER.test(text) || text === '' || /^-{2,}.*-{2,}$/.test(text)) {
            wrapped = false;
            // A new mail's subject ("Monitor is DOWN: api") is its headline; a reply's repeats one.
            const written = MAIL_SUBJECT.exec(text)?.[1]?.trim();
            if (/^from\s*:/i.test(text)) return unsaid();
            if (written && !REPLY_PREFIX.test(written))
              subject = { number: line.number, text: written };
            return [];
          }
          if (!sent) return [line];
          const headline = subject ? at(subject, subject.text, sent) : [];
          subject = null;
          const goesOn = wrapped;
          wrapped = text.length >= MAIL_WRAP_WIDTH && !/[.!?:;]["')]?$/.test(text);
          // A mail body is hard-wrapped: a sentence that goes on belongs to the line it started on.
          if (goesOn) return [...headline, { number: line.number, text: `    ${text}` }];
          const sentAt: Stamp = sent;
          const clauses = timedClauses(text);
          if (clauses.length > 1)
            return [
              ...headline,
              ...clauses.flatMap((clause) =>
                at(line, clause.text, { ...clause.stamp, date: sentAt.date }),
              ),
            ];
          const own = BODY_TIME.exec(text);
          const stated = own ? stampAt(own[1] ?? '') : null;
          return [...headline, ...at(line, text, stated ? { ...stated, date: sent.date } : sent)];
        }),
      };
    })
    .filter((block) => block.lines.length > 0);
  const last = unsaid();
  const tail = read[read.length - 1];
  if (tail && last.length > 0) tail.lines.push(...last);
  return read;
}

/**
 * Monitor notifications pasted one after another, each over several blocks (the message, its
 * metric, its links): each notification becomes one block at its own stated time (see
 * `notificationLines`). Blocks that are no notification are kept as they are.
 */
export function normalizeNotifications(blocks: readonly Block[]): Block[] {
  const groups: Block[][] = [];
  for (const block of blocks) {
    const head = NOTIFICATION_HEAD.test(block.lines[0]?.text ?? '');
    const current = groups[groups.length - 1];
    if (head || !current) groups.push([block]);
    else current.push(block);
  }
  return groups.flatMap((group) => {
    const lines = notificationLines(group.flatMap((block) => block.lines));
    return lines ? [{ lines }] : group;
  });
}
