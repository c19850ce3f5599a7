/**
 * parse: SourceFile → ParsedIncident. Reads the front matter, finds the incident's zone and
 * day, reads every timeline line and resolves it to an instant, and keeps human sections
 * verbatim. Every problem in the file is reported, not just the first.
 */
import { DateTime } from 'luxon';
import { MILESTONE_NAMES, type FrontMatter } from '../../schemas/front-matter.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../load/source-file.js';
import { cjkDateText, readCjkStamps } from './cjk-times.js';
import { readSpreadsheetSerials } from './spreadsheet-serials.js';
import { readEpochColumns } from './epoch-columns.js';
import { readOffsetStamps } from './offset-stamps.js';
import { withFrontMatterTimeline } from './front-matter-timeline.js';
import { readCalendarEvents } from './calendar-events.js';
import { readSyslogLines } from './syslog-lines.js';
import { incidentTitleOf } from './document-headers.js';
import { isScribeInstruction } from './scribe-instructions.js';
import { readYamlTimeline } from './yaml-timeline.js';
import { columnWordsAsText } from './column-words.js';
import { splitDocument, type Block, type SectionKind } from './document.js';
import { parseFrontMatter } from './front-matter.js';
import { readWrittenDate, type DayOfYear } from './front-matter-date.js';
import {
  blockMarkdown,
  labelledBlockKind,
  nestingProblem,
  readActionItems,
  sectionMarkdown,
  type HumanActionItem,
  type HumanText,
} from './human-sections.js';
import {
  mailDateZone,
  normalizeBlock,
  normalizeMailThread,
  normalizeNotifications,
  numericDateOrder,
} from './paste-shapes.js';
import { spokenTimes } from './spoken-times.js';
import { normalizeGitLog, stampInsideLine } from './stamp-inside-line.js';
import { readMarkup, readStampLayout, redundantMeridiems } from './stamp-layout.js';
import { withoutChatChrome } from './chat-chrome.js';
import { readRelativeDays } from './relative-days.js';
import { readLaterOffsets } from './later-offsets.js';
import { readFeedEntries } from './feed-entries.js';
import { findWrittenDate, isStampProblem, readStamp } from './time.js';
import { resolveInstants, type ResolvedEntry } from './resolve-instants.js';
import { readStructuredRecords } from './structured-records.js';
import { readToggles } from './html-toggles.js';
import { readTerminalSession } from './terminal-session.js';
import { withoutForeignSendTimes } from './own-clock.js';
import { readBareTwelveHourTimes } from './twelve-hour-clock.js';
import { withoutTemplatePrompts } from './template-prompts.js';
import {
  findMilestoneBlock,
  findStatedTimes,
  writtenAfterwards,
  readFrontMatterMilestone,
  type StatedTime,
} from './stated-times.js';
import {
  hasTimedLine,
  readDayShift,
  readDaySeparator,
  readProseBlock,
  readTimelineBlock,
  type TimelineItem,
} from './timeline-lines.js';
import {
  findStatedZone,
  findTimesPhraseZone,
  resolveZone,
  resolveZoneInWords,
  suggestZone,
} from './zone.js';

export interface ParsedIncident {
  file: string;
  slug: string;
  frontMatter: FrontMatter;
  /** Line of each front-matter key, so milestones overridden there can cite it. */
  frontMatterLines: Map<string, number>;
  /** Title from front matter or the first `#` heading. */
  title: string | null;
  zone: string;
  /** `YYYY-MM-DD`: the day the timeline starts on. */
  date: string;
  entries: ResolvedEntry[];
  /**
   * Milestone times stated rather than stamped: front-matter overrides, and times written in
   * words in the notes or inside timeline lines ("impact began around 6:00 AM").
   */
  stated: StatedTime[];
  notes: HumanText[];
  /** Prose outside any section (kept as a note when long): read for stated durations. */
  preamble: HumanText[];
  human: {
    summary: HumanText | null;
    impact: HumanText | null;
    trigger: HumanText | null;
    rootCause: HumanText | null;
    detection: HumanText | null;
    mitigations: HumanText | null;
    lessons: HumanText | null;
    actionItems: HumanActionItem[];
  };
}

type HumanKind = Exclude<SectionKind, 'timeline' | 'notes' | 'actionItems'>;

function mergeText(a: HumanText | null, b: HumanText): HumanText {
  return a ? { markdown: `${a.markdown}\n\n${b.markdown}`, line: a.line } : b;
}

/** Every full date the timeline's day separators and stamps name. */
function timelineDays(items: readonly TimelineItem[]): DayOfYear[] {
  const days: DayOfYear[] = [];
  for (const item of items) {
    const date = item.type === 'day' ? item.date : item.entry.stamp?.date;
    if (date?.year) days.push({ year: date.year, month: date.month, day: date.day });
  }
  return days;
}

/**
 * The first full date the timeline names, and whether it is a day separator with timed lines
 * above it: those lines are before the day it names ("Day changed to Wed Mar 23" comes after
 * Tuesday's lines).
 */
function firstDate(
  items: readonly TimelineItem[],
): { date: DayOfYear; separatorAfterTimes: boolean } | null {
  let timedBefore = false;
  for (const item of items) {
    const date = item.type === 'day' ? item.date : item.entry.stamp?.date;
    if (date?.year) {
      const day = { year: date.year, month: date.month, day: date.day };
      return { date: day, separatorAfterTimes: item.type === 'day' && timedBefore };
    }
    if (item.type === 'entry' && item.entry.stamp?.time) timedBefore = true;
  }
  return null;
}

/** The first month and day the timeline writes without a year (`Mar  1 14:05`), and its line. */
function firstYearlessDate(
  items: readonly TimelineItem[],
): { month: number; day: number; line: number } | null {
  for (const item of items) {
    const date = item.type === 'day' ? item.date : item.entry.stamp?.date;
    if (date && date.year == null && date.month && date.day)
      return {
        month: date.month,
        day: date.day,
        line: item.type === 'day' ? item.line : item.entry.line,
      };
  }
  return null;
}

/**
 * The latest `month`/`day` that is not in the future in `zone` (this year's, or last year's when
 * this year's is still to come; a day of slack for zones). `now` is injectable for tests.
 */
export function latestPastDay(
  day: { month: number; day: number },
  zone: string,
  now: DateTime = DateTime.now(),
): DayOfYear {
  const today = now.setZone(zone);
  const thisYear = DateTime.fromObject(
    { year: today.year, month: day.month, day: day.day },
    { zone },
  );
  const year = thisYear.isValid && thisYear > today.plus({ days: 1 }) ? today.year - 1 : today.year;
  return { year, month: day.month, day: day.day };
}

/**
 * The day of the bare times at the top of the timeline when only the timeline can say: its
 * first date; when that is a day separator below timed lines, the date the heading or the file
 * name gives if it is earlier, else the day before the separator.
 */
function dayOfFirstLines(
  items: readonly TimelineItem[],
  named: DayOfYear | null,
): DayOfYear | null {
  const first = firstDate(items);
  if (!first?.separatorAfterTimes) return first?.date ?? null;
  const separator = DateTime.fromObject(first.date);
  if (named && DateTime.fromObject(named) < separator) return named;
  const before = separator.minus({ days: 1 });
  return { year: before.year, month: before.month, day: before.day };
}

/** The file's lines after line `skip` (the front matter's closing `---`), numbered from 1. */
function bodyLines(text: string, skip: number): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: index + 1, text: line }))
    .slice(skip);
}

/** The first line with a whole date written in it, and that date. */
function writtenDateLine(
  lines: readonly { line: number; text: string }[],
): { date: DayOfYear; line: number; text: string } | null {
  for (const { line, text } of lines) {
    const date = findWrittenDate(text);
    if (date?.year) {
      const day = { year: date.year, month: date.month, day: date.day };
      if (DateTime.fromObject(day).isValid)
        return { date: day, line, text: text.trim().slice(0, 80) };
    }
  }
  return null;
}

/**
 * The front matter's `start` as one stamp (`2026-01-20 16:40`, its `date` put before a bare
 * time), which `T+` offsets count from when the text states no start; null without one.
 */
function startInFrontMatter(frontMatter: FrontMatter): string | null {
  const start = frontMatter.start?.trim();
  if (!start) return null;
  return /^\d{4}-\d{2}-\d{2}/.test(start) ? start : `${frontMatter.date ?? ''} ${start}`.trim();
}

/**
 * A block that is only a day separator: Slack's desktop copy puts `Sunday, July 10th` between
 * blank lines, so it is a block of its own rather than a line among the messages.
 */
function daySeparatorAlone(block: Block): TimelineItem | null {
  const [only, ...more] = block.lines;
  if (!only || more.length > 0) return null;
  const date = readDaySeparator(only.text);
  if (date) return { type: 'day', line: only.number, date };
  // `**Wednesday**` or `Next day` between blank lines: it moves the day as a date would.
  const shift = readDayShift(only.text);
  return shift
    ? {
        type: 'entry',
        entry: {
          line: only.number,
          column: 1,
          stamp: null,
          timeLabel: null,
          source: null,
          actor: null,
          text: only.text.trim(),
          blockZone: null,
          dayShift: shift,
        },
      }
    : null;
}

/** `YYYY-MM-DD` anywhere in the text, or a whole `DD.MM.YYYY` (day.month.year, as Europe writes it). */
function dateOf(text: string): { year: number; month: number; day: number } | null {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const dotted = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  let date: { year: number; month: number; day: number };
  if (iso) date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  else if (dotted)
    date = { year: Number(dotted[3]), month: Number(dotted[2]), day: Number(dotted[1]) };
  else return null;
  return DateTime.fromObject(date).isValid ? date : null;
}

/**
 * A timeline whose dated lines contradict the front-matter date: no timed line falls on that day,
 * and a line names another date. A dated lead-up line weeks earlier does not count
 * when the incident's own lines are on the front-matter day. Returns the first dated line.
 */
function dateMismatch(
  entries: readonly ResolvedEntry[],
  fmDate: { year: number; month: number; day: number },
  zone: string,
): { line: number; date: string } | null {
  const first = DateTime.fromObject(fmDate, { zone }).startOf('day');
  const last = first.plus({ days: 1 });
  const timed = entries.filter((entry) => entry.time);
  if (timed.some((entry) => entry.time && entry.time >= first && entry.time < last)) return null;
  const dated = timed.find((entry) => entry.stamp?.date);
  const day = dated?.time?.setZone(zone).toISODate();
  return dated && day ? { line: dated.line, date: day } : null;
}

/**
 * The zone the prose states when it names another clock than the front matter's (their UTC
 * offsets differ on the incident's day); null when they agree or either is missing.
 */
function zonesDisagree(
  frontMatterZone: string | null,
  proseZone: string | null,
  date: { year: number; month: number; day: number },
): string | null {
  if (!frontMatterZone || !proseZone) return null;
  const offset = (zone: string): number => DateTime.fromObject(date, { zone }).offset;
  return offset(frontMatterZone) === offset(proseZone) ? null : proseZone;
}

/**
 * Rewrites every section's lines, in place, into the line shapes the readers take: mail threads,
 * monitor notifications, JSON records, toggles, CJK and serial-day stamps, terminal sessions,
 * `git log`, and stamps written anywhere in a line become `<stamp> message` lines; numeric dates
 * are read in the order the whole file decides (`numericDateOrder`).
 */
function toLineShapes(
  file: string,
  doc: ReturnType<typeof splitDocument>,
  {
    text,
    frontMatter,
    stampsAnywhere,
  }: { text: string; frontMatter: FrontMatter; stampsAnywhere: boolean },
  diagnostics: Diagnostic[],
): void {
  // Mail threads, monitor notifications, chat exports as JSON and day-first dates become the
  // line shapes read below.
  // A zone named by its place or region (`orario italiano`, `all times Pacific`) tells the date
  // order as an IANA name would: its resolved name is part of the hint.
  const head = text.slice(0, 4000);
  const zoneHint = `${frontMatter.timezone ?? ''}\n${head}\n${findStatedZone(head)?.zone ?? ''}`;
  // The order of numeric dates (`09/03/2026`) is the file's, decided once from all its lines.
  const written = frontMatter.date
    ? readWrittenDate(frontMatter.date, frontMatter.timezone ?? 'UTC')
    : null;
  const dateOrder = numericDateOrder(
    doc.sections.flatMap((section) => section.blocks.flatMap((b) => b.lines.map((l) => l.text))),
    { zone: zoneHint, date: written?.ambiguity === null ? written.date : null },
  );
  // Headings too: "# Bridge notes, times relative to the page at 21:40" states where offsets count from.
  const allBlocks = doc.sections.flatMap((section) => [
    ...(section.heading ? [{ lines: [{ number: section.line, text: section.heading }] }] : []),
    ...section.blocks,
  ]);
  for (const section of doc.sections) {
    if (section.kind === 'timeline') {
      // A chat client's reaction counts, edit marks and thread footers are no one's words.
      section.blocks = withoutChatChrome(section.blocks);
      // A status feed pasted raw (RSS items, Atom entries) as its updates.
      section.blocks = readFeedEntries(section.blocks);
      // `Yesterday at 11:48 PM` / `Today at 12:06 AM` as the days they name.
      section.blocks = readRelativeDays(section.blocks, written?.date ?? null);
      // Offsets from a start stated once (`T+12m`, a call transcript's `[00:12:34]`) as stamps.
      section.blocks = readOffsetStamps(
        section.blocks,
        allBlocks,
        startInFrontMatter(frontMatter),
        written?.date ?? null,
      );
      // `5 minutes later`, `+15m` after a written time, with no T0 stated: from that time.
      section.blocks = readLaterOffsets(section.blocks);
      // An iCalendar export's VEVENTs as their start and end lines.
      section.blocks = readCalendarEvents(section.blocks);
      // Syslog's `<165>1 2026-05-04T03:12:09Z host app ...`: the priority hides the stamp.
      section.blocks = readSyslogLines(section.blocks);
      // A timeline kept as a YAML list (`- time: "14:05"` / `  event: ...`), one line an item.
      section.blocks = readYamlTimeline(section.blocks);
      // HTML toggles, JSON records (alarm history, log lines, annotations) and CJK stamps first:
      // the line readers below would take their brackets for stamps or miss their times.
      section.blocks = readCjkStamps(readStructuredRecords(readToggles(section.blocks)));
      // A sheet's date column exported as serial days (`44733.26875`) is read as dates.
      section.blocks = readSpreadsheetSerials(section.blocks);
      // And one exported as Unix epoch seconds or milliseconds (`1770796692`), as UTC stamps.
      section.blocks = readEpochColumns(section.blocks);
      // A terminal session's `date` readings stamp the commands and notes after them.
      section.blocks = readTerminalSession(section.blocks);
      section.blocks = readMarkup(section.blocks);
      section.blocks = normalizeGitLog(section.blocks) ?? section.blocks;
      section.blocks = normalizeNotifications(
        normalizeMailThread(section.blocks) ?? section.blocks,
      );
      // A mail's `Date:` pasted into a chat that keeps its own clock stamps nothing.
      section.blocks = withoutForeignSendTimes(section.blocks);
    }
    section.blocks = section.blocks.map((block) => normalizeBlock(block, dateOrder));
    if (section.kind === 'timeline') {
      // Stamps wherever the paste put them become the line starts read below.
      section.blocks = section.blocks.map((block) => ({
        lines: block.lines.map((line) => stampInsideLine(line, stampsAnywhere)),
      }));
      redundantMeridiems(file, section.blocks, diagnostics);
      section.blocks = readStampLayout(section.blocks);
      // `10:33:10   CHAT  ...` in a column of event kinds: the word is text, not an unknown zone.
      section.blocks = section.blocks.map(columnWordsAsText);
    }
  }
}

/** The sections, read: timeline blocks into items, prose before any heading, human sections kept. */
function readSections(
  file: string,
  doc: ReturnType<typeof splitDocument>,
  text: string,
  frontMatter: FrontMatter,
  diagnostics: Diagnostic[],
  stampsAnywhere: boolean,
): {
  items: TimelineItem[];
  preamble: Block[];
  notes: HumanText[];
  human: ParsedIncident['human'];
  title: string | null;
} {
  const items: TimelineItem[] = [];
  const preamble: Block[] = [];
  const notes: HumanText[] = [];
  const human: ParsedIncident['human'] = {
    summary: null,
    impact: null,
    trigger: null,
    rootCause: null,
    detection: null,
    mitigations: null,
    lessons: null,
    actionItems: [],
  };
  const actionTexts: HumanText[] = [];
  let title: string | null = frontMatter.title ?? null;

  const keepHuman = (kind: SectionKind, text: HumanText): void => {
    const tooDeep = nestingProblem(file, text);
    if (tooDeep) diagnostics.push(tooDeep);
    if (kind === 'notes') notes.push(text);
    else if (kind === 'actionItems') actionTexts.push(text);
    else if (kind !== 'timeline')
      human[kind as HumanKind] = mergeText(human[kind as HumanKind], text);
  };

  toLineShapes(file, doc, { text, frontMatter, stampsAnywhere }, diagnostics);
  for (const section of doc.sections) {
    if (
      section.heading !== null &&
      section.kind === 'timeline' &&
      /^#\s/.test(text.split('\n')[section.line - 1] ?? '')
    ) {
      // A page's header ("Running notes - ...", a file path) is cleaned to the incident's name.
      title ??= incidentTitleOf(section.heading);
    }
    if (section.kind !== 'timeline') {
      const filled = withoutTemplatePrompts(file, section);
      diagnostics.push(...filled.diagnostics);
      if (filled.section.blocks.length > 0)
        keepHuman(section.kind, sectionMarkdown(filled.section));
      continue;
    }
    // A heading that is a date ("### March 8, 2026") is a day separator for the lines under it:
    // status histories and changelogs group their updates by day that way.
    const headingDay = section.heading !== null ? readDaySeparator(section.heading) : null;
    if (headingDay && section.blocks.some(hasTimedLine))
      items.push({ type: 'day', line: section.line, date: headingDay });
    for (const block of section.blocks) {
      const labelled = labelledBlockKind(block);
      if (labelled)
        keepHuman(labelled, {
          markdown: blockMarkdown(block, true),
          line: block.lines[0]?.number ?? 1,
        });
      else if (hasTimedLine(block)) items.push(...readTimelineBlock(file, block, diagnostics));
      else {
        const separator = daySeparatorAlone(block);
        if (separator) items.push(separator);
        // How to keep the notes ("initials on every entry") is for the scribes, never a fact.
        else if (!isScribeInstruction(block.lines.map((line) => line.text).join(' ')))
          preamble.push(block);
      }
    }
  }
  for (const text of actionTexts) {
    const read = readActionItems(file, text, text.line, diagnostics);
    human.actionItems.push(...read.items);
    // Follow-ups written as prose are read by the writer from the notes.
    if (read.prose) notes.push(read.prose);
  }

  return { items, preamble, notes, human, title };
}

/**
 * When no line starts with a time: reads times inside sentences, then dated-but-untimed lines,
 * and reports a timeline with neither. Adds to `items` and takes dated blocks out of `preamble`.
 * Returns how many items have a clock time.
 */
function readUntimedTimeline(
  file: string,
  doc: ReturnType<typeof splitDocument>,
  items: TimelineItem[],
  preamble: Block[],
  diagnostics: Diagnostic[],
): number {
  let timed = items.filter((item) => item.type === 'entry' && item.entry.stamp?.time);
  if (timed.length === 0) {
    // No line starts with a time: a write-up with its times inside sentences, before any heading
    // or under one of its own ("## What happened"). Action items are plans, not events.
    const prose = [
      ...preamble,
      ...doc.sections
        .filter((section) => section.kind !== 'timeline' && section.kind !== 'actionItems')
        .flatMap((section) => section.blocks),
    ];
    const day = { date: null, first: null };
    for (const block of prose) items.push(...readProseBlock(block, day));
    for (const line of prose.flatMap((block) => block.lines)) {
      const spoken = spokenTimes(line.text);
      const first = spoken[0];
      if (!first) continue;
      const said = spoken.map((time) => `"${time.text.trim()}" as ${time.clock}`).join(', ');
      diagnostics.push(
        warning(
          'timeline/time-in-words',
          file,
          { line: line.number, column: first.index + 1 },
          `read ${said} from the words of a sentence`,
          'write the clock time where the minute matters (e.g. "15:15 UTC"), or pin the milestone in the front matter',
        ),
      );
    }
    timed = items.filter((item) => item.type === 'entry' && item.entry.stamp?.time);
  }
  // Entries dated but not timed (a multi-day incident's daily updates): the day is the
  // precision. They are kept as events, and no milestone is given a clock time from them.
  const datedOnly =
    timed.length === 0
      ? preamble.filter(
          (block) =>
            block.lines.filter((line) => {
              const stamp = readStamp(line.text);
              return stamp && !isStampProblem(stamp) && stamp.date?.year && !stamp.time;
            }).length >= 2,
        )
      : [];
  for (const block of datedOnly) {
    items.push(...readTimelineBlock(file, block, diagnostics));
    preamble.splice(preamble.indexOf(block), 1);
  }
  const dated =
    timed.length === 0 &&
    items.filter((item) => item.type === 'entry' && item.entry.stamp?.date?.year).length >= 2;
  if (dated) {
    diagnostics.push(
      warning(
        'timeline/dates-only',
        file,
        { line: items.find((item) => item.type === 'entry')?.entry.line ?? 1 },
        'the timeline gives days but no clock times, so no milestone has a time and there is no duration',
        'add the times you know (e.g. "- 2025-03-03 09:40 UTC: ..."), or set start/resolved in the front matter',
      ),
    );
  }
  if (timed.length === 0 && !dated && !diagnostics.some((d) => d.code.startsWith('time/'))) {
    const first = doc.sections[0]?.blocks[0]?.lines[0]?.number ?? 1;
    diagnostics.push(
      error(
        'timeline/no-timestamps',
        file,
        { line: first },
        'no timestamped lines found, so there is no timeline to analyze',
        'start each timeline line with a time, e.g. "14:23 UTC [PagerDuty] API latency > 5s" (see incidents/README.md)',
      ),
    );
  }

  return timed.length;
}

/**
 * The zone: front matter, then a header or sentence above the timeline ("All times PST",
 * "times are local, Pacific"), then the first line that names one, else UTC with a warning.
 */
function findZone(
  file: string,
  frontMatter: FrontMatter,
  keyLines: Map<string, number>,
  preambleText: string,
  items: readonly TimelineItem[],
  diagnostics: Diagnostic[],
  /** The summary's, notes' and other sections' text: "All times are Pacific." at the end. */
  sectionText = '',
  /** The offset of a mail thread's first send time, when the paste is one (paste-shapes.ts). */
  mailZone: string | null = null,
): { zone: string; frontMatterZone: string | null; proseZone: string | null } {
  // The zone: front matter, then a header ("All times PST"), then the first line that names one.
  let zone: string | null = null;
  if (frontMatter.timezone) {
    // `Eastern`, `India Standard Time`: a reader knows the zone, so it is no error.
    zone = resolveZoneInWords(frontMatter.timezone);
    if (!zone) {
      const suggestion = suggestZone(frontMatter.timezone);
      diagnostics.push(
        error(
          'front-matter/unknown-zone',
          file,
          { line: keyLines.get('timezone') ?? 1 },
          `unknown time zone "${frontMatter.timezone}"${suggestion ? `; did you mean ${suggestion}?` : ''}`,
          'use an IANA name (Europe/Berlin), an abbreviation (UTC, PST) or an offset (UTC-7)',
        ),
      );
    }
  }
  // "All times IST" above a Dublin timeline names Irish time (a shared abbreviation, zone.ts).
  const proseZone =
    findStatedZone(preambleText, zone)?.zone ?? (findTimesPhraseZone(sectionText, zone) || null);
  const frontMatterZone = zone;
  zone ??= proseZone;
  // A mail thread pasted whole: its writers' bare times are on their Date header's clock, even
  // where one line converts a time for readers ("22:09 UTC (5:09pm our time)").
  zone ??= mailZone;
  if (!zone) {
    for (const item of items) {
      const written =
        item.type === 'entry' ? (item.entry.stamp?.zone ?? item.entry.blockZone) : null;
      const resolved = written ? resolveZone(written) : null;
      if (resolved) {
        zone = resolved;
        break;
      }
    }
  }
  // Last, a message that says what the times are in ("📌 All times in this thread are Pacific"):
  // a chat copy's first message often does, where a document would have a header.
  zone ??= items.reduce<string | null>(
    (found, item) => found ?? (item.type === 'entry' ? findTimesPhraseZone(item.entry.text) : null),
    null,
  );
  if (!zone && !frontMatter.timezone) {
    diagnostics.push(
      warning(
        'timeline/no-zone',
        file,
        { line: 1 },
        'no time zone stated; reading times as UTC',
        'add `timezone: Europe/Berlin` (or UTC, PST, UTC-7) to the front matter',
      ),
    );
  }
  zone ??= 'UTC';

  return { zone, frontMatterZone, proseZone };
}

/**
 * The day bare times are on: the front-matter date as written (warning when unreadable or
 * ambiguous), else the timeline's first date, a date in the prose, or the file name's.
 */
function readIncidentDate(
  file: string,
  diagnostics: Diagnostic[],
  from: {
    frontMatter: FrontMatter;
    keyLines: Map<string, number>;
    frontMatterProblems: number;
    zone: string;
    items: readonly TimelineItem[];
    preambleText: string;
    slug: string;
    timedCount: number;
    /** The file's lines after the front matter, with their 1-based line numbers. */
    bodyLines: readonly { line: number; text: string }[];
  },
): { date: DayOfYear | null; fmDate: DayOfYear | null } {
  const { frontMatter, keyLines, zone, items, preambleText } = from;
  const written = frontMatter.date
    ? readWrittenDate(cjkDateText(frontMatter.date), zone, timelineDays(items))
    : null;
  const fmDate = written?.date ?? null;
  if (frontMatter.date && !fmDate) {
    // A person can still read the day from the timeline; a date we cannot read costs a warning.
    diagnostics.push(
      warning(
        'front-matter/bad-date',
        file,
        { line: keyLines.get('date') ?? 1 },
        `date "${frontMatter.date}" is not a day we can read; using the timeline's own dates`,
        'write the day the incident started, e.g. date: 2026-01-10',
      ),
    );
  } else if (written?.ambiguity) {
    diagnostics.push(
      warning(
        'front-matter/ambiguous-date',
        file,
        { line: keyLines.get('date') ?? 1 },
        `date "${frontMatter.date}" could be day/month or month/day: ${written.ambiguity}`,
        'write it as YYYY-MM-DD so no reader has to guess',
      ),
    );
  }
  // What the text says beats the file's name: a team names the file by the day it was filed, or
  // by another zone's day ("Times UTC, so this is Wed 22 Mar 2017 for us" in 2017-03-21-x.md).
  const prose = findWrittenDate(preambleText);
  const named =
    dateOf(preambleText) ??
    (prose?.year != null ? { ...prose, year: prose.year } : null) ??
    dateOf(from.slug);
  let date = fmDate ?? dayOfFirstLines(items, named) ?? named;
  if (!date && from.timedCount > 0) {
    // A day a person reads from the prose ("scribe: Kofi - 21 Jul 2026") or a `date` output.
    const written = writtenDateLine(from.bodyLines);
    if (written) {
      date = written.date;
      diagnostics.push(
        warning(
          'timeline/date-from-text',
          file,
          { line: written.line },
          `the day is read from "${written.text}"`,
          `add \`date: ${DateTime.fromObject(written.date).toISODate() ?? 'YYYY-MM-DD'}\` to the front matter to be sure`,
        ),
      );
    }
  }
  if (!date && from.timedCount > 0) {
    // Syslog's `Mar  1 14:05:10` and a table's `Mar 14 09:10` give a day but no year, as RFC 3164
    // and many exports do: a reader takes the latest such day not in the future.
    const yearless = firstYearlessDate(items);
    if (yearless) {
      date = latestPastDay(yearless, zone);
      const iso = DateTime.fromObject(date).toISODate() ?? 'YYYY-MM-DD';
      diagnostics.push(
        warning(
          'timeline/no-year',
          file,
          { line: yearless.line },
          `the timeline gives a day but no year; reading it as ${iso}, the latest such day not in the future`,
          `add \`date: ${iso}\` (with the right year) to the front matter to be sure`,
        ),
      );
    }
  }
  if (!date && from.timedCount > 0 && from.frontMatterProblems === 0) {
    diagnostics.push(
      error(
        'timeline/no-date',
        file,
        { line: 1 },
        'the timeline never says which day it happened',
        'add `date: YYYY-MM-DD` to the front matter, or name the file YYYY-MM-DD-slug.md',
      ),
    );
  }
  return { date, fmDate };
}

/**
 * Milestone times stated rather than stamped: front-matter overrides (bad values are
 * diagnostics), an incident tool's milestone summary, and times in the notes' and lines' words.
 */
function collectStatedTimes(
  file: string,
  diagnostics: Diagnostic[],
  from: {
    frontMatter: FrontMatter;
    keyLines: Map<string, number>;
    doc: ReturnType<typeof splitDocument>;
    notes: readonly (HumanText | null)[];
    entries: readonly ResolvedEntry[];
    zone: string;
    date: string;
  },
): StatedTime[] {
  const { frontMatter, doc, zone } = from;
  const isoDate = from.date;
  const stated: StatedTime[] = [];
  for (const name of MILESTONE_NAMES) {
    const value = frontMatter[name];
    if (value === undefined) continue;
    const line = from.keyLines.get(name) ?? 1;
    const read = readFrontMatterMilestone(file, name, value, line, { zone, date: isoDate });
    if ('milestone' in read) stated.push(read);
    else diagnostics.push(read);
  }
  // An incident tool's milestone summary (`Started  Feb 3, 2026 10:12 CET` ...) names them outright.
  for (const section of doc.sections)
    for (const block of section.blocks)
      stated.push(...findMilestoneBlock(block.lines, { zone, date: isoDate }));
  for (const note of from.notes)
    if (note)
      stated.push(
        ...findStatedTimes(note.markdown, note.line, { zone, lineTime: null, date: isoDate }),
      );
  for (const entry of from.entries)
    if (entry.time)
      stated.push(
        ...findStatedTimes(entry.text, entry.line, {
          zone,
          // A note written afterwards is read as the notes are: its stamp is not when it happened.
          lineTime: entry.afterwards ? null : entry.time,
          date: isoDate,
        }),
      );
  return stated;
}

/**
 * The front matter read into fields (with the line of each key), its problems added to
 * `diagnostics`, and `front-matter/unclosed` when it opens with `---` and never closes. A file
 * without front matter gives empty fields: every field is optional.
 */
function readFrontMatterOf(
  file: string,
  doc: ReturnType<typeof splitDocument>,
  diagnostics: Diagnostic[],
): ReturnType<typeof parseFrontMatter> {
  if (doc.unclosedFrontMatterLine !== null) {
    diagnostics.push(
      error(
        'front-matter/unclosed',
        file,
        { line: doc.unclosedFrontMatterLine },
        'front matter opens with --- but never closes',
        'add a line with only --- after the last front-matter field',
      ),
    );
  }
  const fm = doc.frontMatter
    ? parseFrontMatter(file, doc.frontMatter.yaml, doc.frontMatter.line)
    : { value: {}, diagnostics: [], keyLines: new Map<string, number>() };
  diagnostics.push(...fm.diagnostics);
  return fm;
}

/**
 * The zone and the day the timeline's bare times are read in (findZone, readIncidentDate), from
 * the front matter, the prose outside any section, the timeline's own dates and the file name.
 * `date` is null when nothing says the day; `fmDate` is the front matter's day when it is readable.
 */
function readZoneAndDay(
  file: string,
  diagnostics: Diagnostic[],
  from: {
    source: SourceFile;
    doc: ReturnType<typeof splitDocument>;
    /** The front matter as read, with each key's line and how many problems it had. */
    fm: ReturnType<typeof parseFrontMatter>;
    items: readonly TimelineItem[];
    preamble: readonly Block[];
    timedCount: number;
  },
): {
  zone: string;
  frontMatterZone: string | null;
  proseZone: string | null;
  date: DayOfYear | null;
  fmDate: DayOfYear | null;
} {
  const { source, doc, fm, items } = from;
  const frontMatter: FrontMatter = fm.value;
  const preambleText = from.preamble.map((block) => blockMarkdown(block, false)).join('\n');
  const body = bodyLines(
    source.text,
    doc.frontMatter ? doc.frontMatter.line + doc.frontMatter.yaml.split('\n').length : 0,
  );
  // A timeline's heading names its clock as often as a sentence does (`## Timeline (Eastern)`,
  // `## Log, times in CET`), and so does a line heading its block (`Timeline, times in PDT:`):
  // read after the prose outside the timeline.
  const timelines = doc.sections.filter((section) => section.kind === 'timeline');
  const headings = [
    ...timelines.map((section) => section.heading ?? ''),
    ...timelines.flatMap((section) => section.blocks.map(leadLines)),
  ].join('\n');
  const { zone, frontMatterZone, proseZone } = findZone(
    file,
    frontMatter,
    fm.keyLines,
    `${preambleText}\n${headings}`,
    items,
    diagnostics,
    doc.sections
      .filter((section) => section.kind !== 'timeline')
      .flatMap((section) => [
        section.heading ?? '',
        ...section.blocks.flatMap((block) => block.lines.map((line) => line.text)),
      ])
      .join('\n'),
    mailDateZone(body.map((line) => line.text).join('\n')),
  );
  const { date, fmDate } = readIncidentDate(file, diagnostics, {
    frontMatter,
    keyLines: fm.keyLines,
    frontMatterProblems: fm.diagnostics.length,
    zone,
    items,
    preambleText,
    slug: source.slug,
    timedCount: from.timedCount,
    bodyLines: body,
  });
  return { zone, frontMatterZone, proseZone, date, fmDate };
}

/**
 * The untimed lines a block opens with (`Timeline, times in PDT:`), above its first timed line.
 * A table's or CSV's header is left out: its zone belongs to its column, read there; so is a
 * long line that is not about the times.
 */
function leadLines(block: Block): string {
  const first = block.lines.findIndex((line) => {
    // A Markdown table's header row ends the caption as a first stamp would.
    if (/^\s*\|.*\|\s*$/.test(line.text)) return true;
    const stamp = readStamp(line.text);
    return stamp !== null && !isStampProblem(stamp) && stamp.time !== null;
  });
  return first > 0
    ? block.lines
        .slice(0, first)
        .map((line) => line.text)
        .filter((text) => !/(?:[,|\t][^,|\t]*){2,}/.test(text))
        // A caption (`Log (all times Eastern):`) is short or says it is about the times; a chat
        // message above the first stamp is neither, and its `ET` may be anything.
        .filter((text) => text.length <= 60 || findTimesPhraseZone(text) !== null)
        .join('\n')
    : '';
}

/** Prose outside any section, one note a block, cited at the block's first line. */
function preambleNotesOf(preamble: readonly Block[]): HumanText[] {
  return preamble.map((block) => ({
    markdown: blockMarkdown(block, false),
    line: block.lines[0]?.number ?? 1,
  }));
}

/**
 * Warnings where the front matter and the text disagree, so the person corrects whichever is
 * wrong: `timeline/zone-mismatch` when the prose above the timeline names another clock than the
 * front matter's zone, `timeline/date-mismatch` when no timed line falls on the front-matter date
 * and a line names another day. The front matter is what is used either way.
 */
function frontMatterDisagreements(
  file: string,
  diagnostics: Diagnostic[],
  from: {
    frontMatter: FrontMatter;
    keyLines: Map<string, number>;
    frontMatterZone: string | null;
    proseZone: string | null;
    zone: string;
    date: DayOfYear;
    fmDate: DayOfYear | null;
    entries: readonly ResolvedEntry[];
  },
): void {
  const { frontMatter, zone, date, fmDate } = from;
  const isoDate = DateTime.fromObject(date).toISODate() ?? '';
  const zoneConflict = zonesDisagree(from.frontMatterZone, from.proseZone, date);
  if (zoneConflict)
    diagnostics.push(
      warning(
        'timeline/zone-mismatch',
        file,
        { line: from.keyLines.get('timezone') ?? 1 },
        `the front matter says timezone: ${frontMatter.timezone ?? ''} but the text above the timeline says ${zoneConflict}; reading times in the front matter's zone`,
        'correct whichever is wrong, so every time is read in the zone it was written in',
      ),
    );
  const mismatch = fmDate ? dateMismatch(from.entries, fmDate, zone) : null;
  if (mismatch)
    diagnostics.push(
      warning(
        'timeline/date-mismatch',
        file,
        { line: mismatch.line },
        `the timeline says ${mismatch.date} but the front matter says date: ${isoDate}`,
        "correct whichever is wrong; each line's own date is used for it, the front-matter date for bare times",
      ),
    );
}

/**
 * Reads an incident file: its front matter, its sections (timeline blocks into entries, human
 * sections kept as written), the zone and day its bare times are on, and every timed entry
 * resolved to an instant. Returns a null incident when any error was found; every problem is in
 * `diagnostics`, not just the first.
 */
export function parseIncident(source: SourceFile): {
  incident: ParsedIncident | null;
  diagnostics: Diagnostic[];
} {
  const parsed = parseWith(source, false);
  if (!parsed.diagnostics.some((d) => d.code === 'timeline/no-timestamps')) return parsed;
  // No line starts with a time: read the date and time a person would find inside each line.
  const inside = parseWith(source, true);
  if (!inside.incident || inside.diagnostics.some((d) => d.code === 'timeline/no-timestamps'))
    return parsed;
  const first = inside.incident.entries.find((entry) => entry.time)?.line ?? 1;
  return {
    incident: inside.incident,
    diagnostics: [
      ...inside.diagnostics,
      warning(
        'timeline/stamps-inside-lines',
        source.path,
        { line: first },
        'no timeline line starts with a time, so each line was read at the date and time found inside it',
        'check the timeline in `incidentpost analyze`; a line that starts with its time is read without guessing',
      ),
    ],
  };
}

/** One reading of the file; `stampsAnywhere` also takes a stamp from inside a line (stampAnywhere). */
function parseWith(
  source: SourceFile,
  stampsAnywhere: boolean,
): { incident: ParsedIncident | null; diagnostics: Diagnostic[] } {
  const file = source.path;
  const diagnostics: Diagnostic[] = [];
  const doc = withFrontMatterTimeline(splitDocument(source.text));
  const fm = readFrontMatterOf(file, doc, diagnostics);
  const frontMatter: FrontMatter = fm.value;

  const { items, preamble, notes, human, title } = readSections(
    file,
    doc,
    source.text,
    frontMatter,
    diagnostics,
    stampsAnywhere,
  );

  const timedCount = readUntimedTimeline(file, doc, items, preamble, diagnostics);

  const { zone, frontMatterZone, proseZone, date, fmDate } = readZoneAndDay(file, diagnostics, {
    source,
    doc,
    fm,
    items,
    preamble,
    timedCount,
  });
  if (diagnostics.some((d) => d.severity === 'error') || !date)
    return { incident: null, diagnostics };

  const clock = readBareTwelveHourTimes(file, items);
  diagnostics.push(...clock.diagnostics);
  const resolved = resolveInstants(clock.items, { file, zone, date, anchored: fmDate !== null });
  diagnostics.push(...resolved.diagnostics);
  if (resolved.diagnostics.some((d) => d.severity === 'error'))
    return { incident: null, diagnostics };
  // Prose outside any section still says something ("AI: add a canary", "No data was lost."):
  // keep it as a note rather than lose it; the writer decides what each sentence is.
  notes.push(...preambleNotesOf(preamble).filter((note) => note.markdown.trim().length > 3));
  frontMatterDisagreements(file, diagnostics, {
    frontMatter,
    keyLines: fm.keyLines,
    frontMatterZone,
    proseZone,
    zone,
    date,
    fmDate,
    entries: resolved.entries,
  });
  const isoDate = DateTime.fromObject(date).toISODate() ?? '';
  const preambleNotes = preambleNotesOf(preamble);
  const entries = resolved.entries.map((entry) =>
    entry.time && writtenAfterwards(entry.text) ? { ...entry, afterwards: true } : entry,
  );
  const stated = collectStatedTimes(file, diagnostics, {
    frontMatter,
    keyLines: fm.keyLines,
    doc,
    // `notes` holds the preamble's prose already: passing it again stated each time twice.
    notes: [human.summary, human.impact, ...notes],
    entries,
    zone,
    date: isoDate,
  });
  return {
    incident: {
      file,
      slug: source.slug,
      frontMatter,
      frontMatterLines: fm.keyLines,
      title,
      zone,
      date: isoDate,
      entries,
      stated,
      preamble: preambleNotes,
      notes,
      human,
    },
    diagnostics,
  };
}
