/**
 * timeline.svg: a phase bar (undetected → responding → recovering) on a true time scale, with
 * milestones in a fixed legend grid, then one row per event. Every label has its own row or
 * grid cell, so labels never overlap however dense the timeline. Same facts, same bytes.
 */
import { DateTime } from 'luxon';
import type { EventKind, Facts, TimelineEvent } from '../../schemas/facts.js';
import { MILESTONE_NAMES } from '../../schemas/front-matter.js';
import {
  formatClock,
  formatMinutesShort,
  formatTime,
  spansDays,
} from '../format/format-figures.js';
import { MILESTONES, milestoneLabel } from '../format/milestones.js';
import { eventPrefix } from './postmortem-tree.js';
import { FIGURE_EVENT_LIMIT, gapText, shownEvents } from './shown-events.js';
import { x as xml } from 'xastscript';
import type { Typesetter } from './typeset.js';
import { n, onLines, svgFile, type Line } from './xml.js';

const WIDTH = 960;
const PAD = 24;
const BAR_Y = 84;
const BAR_HEIGHT = 22;
const ROW_HEIGHT = 22;
const BAR_WIDTH = WIDTH - 2 * PAD;
/** Where an event's text starts; it is cut, by measured width, to end at the right padding. */
const TEXT_X = PAD + 156;
const FONT = "'DejaVu Sans', Verdana, sans-serif";
const TITLE = { size: 18, weight: 700 } as const;

export const KIND_COLORS: Record<EventKind, string> = {
  impact: '#dc2626',
  alert: '#ea580c',
  report: '#d97706',
  acknowledge: '#ca8a04',
  investigate: '#65a30d',
  identify: '#059669',
  mitigate: '#0891b2',
  recover: '#2563eb',
  resolve: '#4f46e5',
  deploy: '#9333ea',
  'status-update': '#db2777',
  note: '#6b7280',
};

function cut(value: string, max: number): string {
  const chars = Array.from(value.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Characters of an event's text a row lays out. A row is 780 px wide: at 12 px not even 300 of
 * the narrowest glyphs fit, so the cut never shows, and a huge pasted line costs no more than
 * a short one to measure.
 */
const ROW_TEXT_LIMIT = 1000;

/** An event's row text: its author and text on one line, cut to ROW_TEXT_LIMIT characters. */
function rowText(event: TimelineEvent): string {
  const who = eventPrefix(event);
  return cut(`${who ? `${who} ` : ''}${event.text}`, ROW_TEXT_LIMIT);
}

/** An event's clock label, or the label of an untimed line. */
const untimedLabel = (event: TimelineEvent): string => cut(event.timeLabel ?? 'untimed', 18);

/**
 * Every string the timeline draws from the incident, for loading the fonts it needs: the
 * events the figure shows (shownEvents), as their rows draw them.
 */
export function timelineText(facts: Facts): string {
  const rows = shownEvents(facts, FIGURE_EVENT_LIMIT).flatMap((row) =>
    row.type === 'event' ? [`${rowText(row.event)} ${untimedLabel(row.event)}`] : [],
  );
  return [facts.title, ...rows, '…'].join('\n');
}

/** Where an instant falls on the phase bar, in px from the left edge; null for no instant. */
type Scale = (iso: string | null) => number | null;

/** How far before the first milestone and after the last the bar still reaches for an event. */
const MARGIN = { leastMs: 60 * 60_000, shareOfIncident: 0.5 } as const;

/**
 * The first and last instant the figure shows, in ms, at least a minute apart: the milestones,
 * and the events within an hour (or half the incident's length) of them. A lead-up line weeks
 * before or a review posted days after is still a row, but would shrink the incident on the
 * bar to a sliver; with no milestone, every event counts.
 */
function timeSpan(facts: Facts): { t0: number; t1: number } {
  const millis = (iso: string) => DateTime.fromISO(iso).toMillis();
  const events = facts.events.flatMap((event) => (event.time ? [millis(event.time)] : []));
  const milestones = MILESTONE_NAMES.flatMap((name) => {
    const time = facts[name];
    return time ? [millis(time)] : [];
  });
  let instants = events;
  if (milestones.length > 0) {
    const first = Math.min(...milestones);
    const last = Math.max(...milestones);
    const margin = Math.max(MARGIN.leastMs, (last - first) * MARGIN.shareOfIncident);
    instants = [
      ...milestones,
      ...events.filter((time) => time >= first - margin && time <= last + margin),
    ];
  }
  const t0 = Math.min(...instants);
  return { t0, t1: Math.max(...instants, t0 + 60_000) };
}

/**
 * The phase bar: grey where the timeline has no phase, coloured between milestones, each phase
 * captioned with its length where the caption fits; then a stroke at each milestone.
 */
function phaseBar(facts: Facts, x: Scale): Line[] {
  const lines: Line[] = [
    xml('rect', { x: PAD, y: BAR_Y, width: BAR_WIDTH, height: BAR_HEIGHT, rx: 4, fill: '#e5e7eb' }),
  ];
  const phases: [string | null, string | null, string, string][] = [
    [facts.start, facts.detected, '#fca5a5', 'undetected'],
    [facts.detected ?? facts.start, facts.mitigated, '#fcd34d', 'responding'],
    [facts.mitigated, facts.resolved, '#93c5fd', 'recovering'],
  ];
  for (const [from, to, color, label] of phases) {
    const a = x(from);
    const b = x(to);
    if (a === null || b === null || b <= a) continue;
    lines.push(
      xml(
        'rect',
        { x: n(a), y: BAR_Y, width: n(b - a), height: BAR_HEIGHT, fill: color },
        xml('title', label),
      ),
    );
    const minutes = Math.round(
      DateTime.fromISO(to ?? '').diff(DateTime.fromISO(from ?? ''), 'minutes').minutes,
    );
    const caption = `${label} ${formatMinutesShort(minutes)}`;
    if (b - a > caption.length * 7 + 8) {
      lines.push(
        xml(
          'text',
          {
            x: n((a + b) / 2),
            y: BAR_Y + 15,
            'text-anchor': 'middle',
            'font-size': 11,
            fill: '#111827',
          },
          caption,
        ),
      );
    }
  }
  for (const name of MILESTONE_NAMES) {
    const position = x(facts[name]);
    if (position === null) continue;
    lines.push(
      xml('line', {
        x1: n(position),
        y1: BAR_Y - 6,
        x2: n(position),
        y2: BAR_Y + BAR_HEIGHT + 6,
        stroke: MILESTONES[name].colour,
        'stroke-width': 2,
      }),
    );
  }
  return lines;
}

/** Five evenly spaced ticks under the bar: 228 px apart, wider than any tick label. */
function ticks(facts: Facts, { t0, t1 }: { t0: number; t1: number }, withDay: boolean): Line[] {
  return [0, 1, 2, 3, 4].flatMap((i) => {
    const at = t0 + ((t1 - t0) * i) / 4;
    const tx = PAD + (BAR_WIDTH * i) / 4;
    const label = formatTime(
      DateTime.fromMillis(Math.round(at / 60_000) * 60_000, { zone: facts.timezone }).toISO(),
      facts,
      withDay,
    );
    const anchor = i === 0 ? 'start' : i === 4 ? 'end' : 'middle';
    return [
      xml('line', {
        x1: n(tx),
        y1: BAR_Y + BAR_HEIGHT,
        x2: n(tx),
        y2: BAR_Y + BAR_HEIGHT + 4,
        stroke: '#9ca3af',
      }),
      xml(
        'text',
        {
          x: n(tx),
          y: BAR_Y + BAR_HEIGHT + 16,
          'text-anchor': anchor,
          'font-size': 10,
          fill: '#4b5563',
        },
        label,
      ),
    ];
  });
}

/** Milestone legend: a fixed grid of six cells on the baseline `y`, one per milestone. */
function milestoneLegend(facts: Facts, y: number, withDay: boolean): Line[] {
  return MILESTONE_NAMES.flatMap((name, i) => {
    const cx = PAD + i * (BAR_WIDTH / 6);
    const time = facts[name];
    return [
      xml('rect', { x: n(cx), y: y - 9, width: 10, height: 10, fill: MILESTONES[name].colour }),
      xml(
        'text',
        { x: n(cx + 14), y, 'font-size': 11, fill: '#111827' },
        xml('tspan', { 'font-weight': 'bold' }, MILESTONES[name].label),
      ),
      xml(
        'text',
        { x: n(cx + 14), y: y + 14, 'font-size': 11, fill: '#4b5563' },
        time ? formatTime(time, facts, withDay) : 'not stated',
      ),
    ];
  });
}

/**
 * One event's row from the top `y`: a shaded band on even rows, its clock, a dot in its kind's
 * colour, then the milestones it marks in capitals and its text, cut to the row's width.
 */
function eventRow(
  facts: Facts,
  typesetter: Typesetter,
  { event, index }: { event: TimelineEvent; index: number },
  marks: string[],
  y: number,
): Line[] {
  const lines: Line[] = [];
  if (index % 2 === 0)
    lines.push(
      xml('rect', { x: PAD - 6, y, width: BAR_WIDTH + 12, height: ROW_HEIGHT, fill: '#f9fafb' }),
    );
  const when = event.time
    ? `${event.approximate ? '~' : ''}${formatClock(event.time, facts.timezone)}`
    : untimedLabel(event);
  const markLabel = marks.length ? `${marks.join(' · ')} · ` : '';
  const markWidth = typesetter.width(markLabel, { size: 12, weight: 700 });
  const body = typesetter.fit(rowText(event), { size: 12 }, WIDTH - PAD - TEXT_X - markWidth);
  lines.push(
    typesetter.line(when, {
      x: PAD,
      y: y + 15,
      size: 11,
      attributes: {
        fill: event.time ? '#374151' : '#9ca3af',
        'font-style': event.time ? 'normal' : 'italic',
      },
    }),
    xml(
      'circle',
      { cx: PAD + 142, cy: y + 11, r: marks.length ? 6 : 4, fill: KIND_COLORS[event.kind] },
      xml('title', event.kind),
    ),
  );
  if (typesetter.isPlain(body)) {
    lines.push(
      xml(
        'text',
        { x: TEXT_X, y: y + 15, 'font-size': 12, fill: '#111827' },
        marks.length ? xml('tspan', { 'font-weight': 'bold', fill: '#111827' }, markLabel) : null,
        body,
      ),
    );
    return lines;
  }
  // Text in another script or direction is laid out run by run after the marks.
  if (marks.length)
    lines.push(
      xml(
        'text',
        {
          x: TEXT_X,
          y: y + 15,
          'font-size': 12,
          'font-weight': 'bold',
          fill: '#111827',
          'xml:space': 'preserve',
        },
        markLabel,
      ),
    );
  lines.push(
    typesetter.line(body, {
      x: TEXT_X + markWidth,
      y: y + 15,
      size: 12,
      attributes: { fill: '#111827' },
    }),
  );
  return lines;
}

/**
 * The rows under the legend, from the top `y`: one per event shown (shownEvents), one per gap
 * of events left out, and a day heading before each new day when the incident spans days.
 * Returns the lines and the y below the last row.
 */
function eventRows(
  facts: Facts,
  typesetter: Typesetter,
  top: number,
  withDay: boolean,
): { lines: Line[]; bottom: number } {
  const lines: Line[] = [];
  let y = top;
  let currentDay: string | null = null;
  const milestoneOfLine = new Map<number, string[]>();
  for (const [name, milestone] of Object.entries(facts.milestones)) {
    milestoneOfLine.set(milestone.line, [...(milestoneOfLine.get(milestone.line) ?? []), name]);
  }
  for (const row of shownEvents(facts, FIGURE_EVENT_LIMIT)) {
    if (row.type === 'gap') {
      lines.push(
        xml(
          'text',
          { x: TEXT_X, y: y + 15, 'font-size': 12, 'font-style': 'italic', fill: '#4b5563' },
          gapText(row.count),
        ),
      );
      y += ROW_HEIGHT;
      continue;
    }
    const time = row.event.time;
    const day = time
      ? DateTime.fromISO(time, { zone: facts.timezone }).toFormat('cccc, LLLL d, yyyy')
      : null;
    if (withDay && day && day !== currentDay) {
      currentDay = day;
      lines.push(
        xml(
          'text',
          { x: PAD, y: y + 15, 'font-size': 12, 'font-weight': 'bold', fill: '#111827' },
          day,
        ),
      );
      y += ROW_HEIGHT;
    }
    const marks = (milestoneOfLine.get(row.event.line) ?? []).map((name) =>
      milestoneLabel(name).toUpperCase(),
    );
    lines.push(...eventRow(facts, typesetter, row, marks, y));
    y += ROW_HEIGHT;
  }
  return { lines, bottom: y };
}

/** Kind legend from the baseline `y`: the kinds present, six to a row. */
function kindLegend(facts: Facts, y: number): { lines: Line[]; bottom: number } {
  const kinds = [...new Set(facts.events.map((event) => event.kind))];
  const lines = kinds.map((kind, i): Line => {
    const cx = PAD + (i % 6) * (BAR_WIDTH / 6);
    const cy = y + Math.floor(i / 6) * 18;
    return [
      xml('circle', { cx: n(cx + 4), cy: cy - 4, r: 4, fill: KIND_COLORS[kind] }),
      xml('text', { x: n(cx + 14), y: cy, 'font-size': 11, fill: '#4b5563' }, kind),
    ];
  });
  return { lines, bottom: y + Math.ceil(kinds.length / 6) * 18 };
}

/** `Apr 22 14:23 UTC · resolved Apr 22 14:52 UTC · duration 29m`, under the title. */
function subtitle(facts: Facts): string {
  return [
    facts.start ? formatTime(facts.start, facts, true) : 'start not stated',
    facts.resolved
      ? `resolved ${formatTime(facts.resolved, facts, true)}`
      : 'resolution not stated',
    facts.durationMinutes !== null ? `duration ${formatMinutesShort(facts.durationMinutes)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The figure's `<desc>` for screen readers: the event count and every milestone's time. */
function description(facts: Facts): string {
  const milestones = MILESTONE_NAMES.map(
    (name) =>
      `${MILESTONES[name].label}: ${facts[name] ? formatTime(facts[name], facts, true) : 'not stated'}`,
  );
  return `Timeline of ${facts.events.length} events. ${milestones.join('; ')}.`;
}

/**
 * The timeline as SVG, laid out with `typesetter`, loaded for `timelineText(facts)`: title and
 * subtitle, the phase bar on a true time scale with its ticks, the milestone legend, the event
 * rows, and the legend of event kinds.
 */
export function renderTimelineSvg(facts: Facts, typesetter: Typesetter): string {
  const span = timeSpan(facts);
  const x: Scale = (iso) =>
    iso
      ? PAD + ((DateTime.fromISO(iso).toMillis() - span.t0) / (span.t1 - span.t0)) * BAR_WIDTH
      : null;
  const withDay = spansDays(facts);
  const legendY = BAR_Y + BAR_HEIGHT + 40;
  const rows = eventRows(facts, typesetter, legendY + 44, withDay);
  const kinds = kindLegend(facts, rows.bottom + 14);
  const height = kinds.bottom + 8;
  const svg = xml(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: WIDTH,
      height,
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: 'img',
      'aria-labelledby': 'timeline-title timeline-desc',
      'font-family': FONT,
    },
    onLines([
      xml('title', { id: 'timeline-title' }, `Timeline: ${facts.title}`),
      xml('desc', { id: 'timeline-desc' }, description(facts)),
      xml('rect', { width: WIDTH, height, fill: '#ffffff' }),
      typesetter.line(typesetter.fit(facts.title, TITLE, WIDTH - 2 * PAD), {
        ...TITLE,
        x: PAD,
        y: 34,
        rightX: WIDTH - PAD,
        attributes: { fill: '#111827' },
      }),
      xml('text', { x: PAD, y: 56, 'font-size': 12, fill: '#4b5563' }, subtitle(facts)),
      ...phaseBar(facts, x),
      ...ticks(facts, span, withDay),
      ...milestoneLegend(facts, legendY, withDay),
      ...rows.lines,
      ...kinds.lines,
    ]),
  );
  return svgFile(svg);
}
