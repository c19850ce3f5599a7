/**
 * timeline.svg: a phase bar (undetected → responding → recovering) on a true time scale, each
 * milestone flagged with its name and time at its place on the bar (flags stacked in lanes by
 * their measured boxes), a mark under the bar for every event, ticks at round times, the
 * milestones in a fixed legend grid, then one row per event. Every label has its own row, grid
 * cell or lane, so labels never overlap however dense the timeline. Same facts, same bytes.
 */
import { DateTime } from 'luxon';
import type { EventKind, Facts, TimelineEvent } from '../../schemas/facts.js';
import { MILESTONE_NAMES, type MilestoneName } from '../../schemas/front-matter.js';
import {
  formatClock,
  formatMinutesShort,
  formatTime,
  spansDays,
} from '../format/format-figures.js';
import { MILESTONES } from '../format/milestones.js';
import { figureLabel, figureSource, shortLabel } from './figure-labels.js';
import { FIGURE_EVENT_LIMIT, gapText, shownEvents } from './shown-events.js';
import { x as xml } from 'xastscript';
import type { Typesetter } from './typeset.js';
import { n, onLines, svgFile, type Line } from './xml.js';

const WIDTH = 960;
const PAD = 24;
/** The baseline of the flags' lowest lane; the bar sits under the last lane. */
const FLAG_Y = 86;
/** A lane of milestone flags: 12 px text and 4 px between lanes. */
const LANE_HEIGHT = 16;
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

/**
 * An event's row text: what happened (figureLabel), cut to ROW_TEXT_LIMIT characters. The
 * author and the source tag ("[netops]", "oncall:") stay in postmortem.md's Timeline: on the
 * figure they take a third of the row and a reader outside the team knows neither.
 */
function rowText(event: TimelineEvent, marks: readonly string[] = []): string {
  return cut(figureLabel(event.text, marks), ROW_TEXT_LIMIT);
}

/** The rows the figure shows (shownEvents), each line read as the figure reads it (figureSource). */
const figureRows = (facts: Facts) => shownEvents(facts, FIGURE_EVENT_LIMIT, figureSource);

/** An event's clock label, or the label of an untimed line. */
const untimedLabel = (event: TimelineEvent): string => cut(event.timeLabel ?? 'untimed', 18);

/**
 * Every string the timeline draws from the incident, for loading the fonts it needs: the
 * events the figure shows (shownEvents), as their rows draw them.
 */
export function timelineText(facts: Facts): string {
  const rows = figureRows(facts).flatMap((row) =>
    row.type === 'event' ? [`${rowText(row.event)} ${untimedLabel(row.event)}`] : [],
  );
  return [facts.title, ...rows, '…'].join('\n');
}

/** Where an instant falls on the phase bar, in px from the left edge; null for no instant. */
type Scale = (iso: string | null) => number | null;

/** How far before the first milestone and after the last the bar still reaches for an event. */
// Ten minutes, not an hour: with an hour, a failover over in 90 seconds followed by a fix at
// +45 minutes drew the incident on 3% of the bar, its milestone flags stacked on one spot.
const MARGIN = { leastMs: 10 * 60_000, shareOfIncident: 0.5 } as const;

/**
 * The first and last instant the figure shows, in ms, at least a minute apart: the milestones,
 * and the events within ten minutes (or half the incident's length) of them. A lead-up line weeks
 * before or a review posted days after is still a row, but would shrink the incident on the
 * bar to a sliver. Without a stated start every earlier event counts, without a resolution
 * every later one (an ongoing incident's latest update is its end so far); with no milestone,
 * every event counts.
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
    // With no start (or no resolution) stated, the events before (after) are the incident itself.
    const from = facts.start ? first - margin : -Infinity;
    const to = facts.resolved ? last + margin : Infinity;
    instants = [...milestones, ...events.filter((time) => time >= from && time <= to)];
  }
  const t0 = Math.min(...instants);
  return { t0, t1: Math.max(...instants, t0 + 60_000) };
}

/** A milestone flag: the milestones at one place on the bar, their names and time, in a lane. */
export interface Flag {
  names: MilestoneName[];
  text: string;
  /** The marker's x on the bar, px. */
  at: number;
  /** The text's left and right edges, px. */
  left: number;
  right: number;
  anchor: 'start' | 'end';
  /** 0 is the lane nearest the bar. */
  lane: number;
}

/** Room kept between two flags' boxes in a lane, px. */
const FLAG_GAP = 6;
/** Room kept between a flag's text and another flag's leader line passing by, px. */
const LEADER_GAP = 2;
const FLAG_STYLE = { size: 12, weight: 700 } as const;

/**
 * How the bar's own clocks (flags and ticks) read: with the date when the bar crosses a
 * midnight in the incident's zone, with seconds when it is under a quarter of an hour long.
 * A review posted the next day is a row of its own day, not a reason to date every flag.
 */
interface BarClock {
  day: boolean;
  seconds: boolean;
}

function barClock(facts: Facts, { t0, t1 }: { t0: number; t1: number }): BarClock {
  const day = (ms: number) => DateTime.fromMillis(ms, { zone: facts.timezone }).toISODate();
  return { day: day(t0) !== day(t1), seconds: t1 - t0 < 15 * 60_000 };
}

/**
 * `Impact starts · Detected 07:41`: the names of milestones at one place on the bar, each run
 * of names followed by its clock (`Impact starts 09:02 · Acknowledged 09:04` when a minute or
 * two are less than a pixel), as the bar's clocks read (BarClock).
 */
function flagText(
  marked: readonly { name: MilestoneName; iso: string }[],
  facts: Facts,
  { day, seconds }: BarClock,
): string {
  const format = `${day ? 'LLL d ' : ''}HH:mm${seconds ? ':ss' : ''}`;
  const clock = (iso: string) => DateTime.fromISO(iso, { zone: facts.timezone }).toFormat(format);
  const runs: { names: string[]; clock: string }[] = [];
  for (const { name, iso } of marked) {
    const last = runs[runs.length - 1];
    if (last?.clock === clock(iso)) last.names.push(MILESTONES[name].label);
    else runs.push({ names: [MILESTONES[name].label], clock: clock(iso) });
  }
  return runs.map((run) => `${run.names.join(' · ')} ${run.clock}`).join(' · ');
}

/**
 * The milestones flagged above the bar, left to right: those less than a pixel apart share a
 * flag; each flag reads rightwards or leftwards from its marker, in a lane, so that no two
 * flags' boxes meet in a lane and no leader line (which runs down from its flag's text through
 * the lanes below to the bar) crosses another flag's text, in as few lanes as allow it
 * (placeFlags). Boxes are measured in the figure's fonts.
 */
export function milestoneFlags(
  facts: Facts,
  x: Scale,
  typesetter: Typesetter,
  clock: BarClock,
): Flag[] {
  const marked = MILESTONE_NAMES.flatMap((name) => {
    const iso = facts[name];
    const at = x(iso);
    return iso && at !== null ? [{ name, iso, at }] : [];
  }).sort((a, b) => a.at - b.at);
  const groups: { names: MilestoneName[]; marked: typeof marked; at: number }[] = [];
  for (const milestone of marked) {
    const last = groups[groups.length - 1];
    if (last && milestone.at - last.at < 1) {
      last.names.push(milestone.name);
      last.marked.push(milestone);
    } else groups.push({ names: [milestone.name], marked: [milestone], at: milestone.at });
  }
  // Each flag's placements in a lane: rightwards from its marker first, then leftwards.
  const options = groups.map((group) => {
    const text = flagText(group.marked, facts, clock);
    const width = typesetter.width(text, FLAG_STYLE);
    return (lane: number): Flag[] => {
      const start: Flag = {
        names: group.names,
        at: group.at,
        text,
        left: group.at + 4,
        right: group.at + 4 + width,
        anchor: 'start',
        lane,
      };
      const end: Flag = {
        ...start,
        left: group.at - 4 - width,
        right: group.at - 4,
        anchor: 'end',
      };
      const fitting = [start, end].filter(
        (flag) => flag.left >= PAD / 2 && flag.right <= WIDTH - PAD / 2,
      );
      // Wider than either side of its marker: as far right as it fits, over its marker.
      const left = Math.max(PAD / 2, WIDTH - PAD / 2 - width);
      return fitting.length ? fitting : [{ ...start, left, right: left + width }];
    };
  });
  for (let lanes = 1; lanes <= groups.length; lanes++) {
    const found = placeFlags(options, lanes);
    if (found) return found;
  }
  // No layout without a crossing: a lane a flag, upwards, each on its first side.
  return options.flatMap((placements, lane) => placements(lane).slice(0, 1));
}

/** Whether `flag` and `other` touch: boxes in one lane, or a leader through the other's text. */
function clash(flag: Flag, other: Flag): boolean {
  if (other.lane === flag.lane)
    return flag.left - FLAG_GAP < other.right && other.left - FLAG_GAP < flag.right;
  // A leader runs from its flag's lane down to the bar, through every lower lane.
  const [high, low] = other.lane > flag.lane ? [other, flag] : [flag, other];
  return high.at >= low.left - LEADER_GAP && high.at <= low.right + LEADER_GAP;
}

/** Layouts tried before placeFlags gives up on a number of lanes: bounds six flags' search. */
const FLAG_LAYOUT_TRIES = 20_000;

/**
 * The flags in at most `lanes` lanes with no clash, trying each flag's lanes lowest first and
 * its sides (options) in order, left to right, depth first; null when there is none (or the
 * search passed FLAG_LAYOUT_TRIES).
 */
function placeFlags(options: readonly ((lane: number) => Flag[])[], lanes: number): Flag[] | null {
  const placed: Flag[] = [];
  let tries = 0;
  const place = (i: number): boolean => {
    const placements = options[i];
    if (!placements) return true;
    for (let lane = 0; lane < lanes; lane++)
      for (const flag of placements(lane)) {
        if (++tries > FLAG_LAYOUT_TRIES) return false;
        if (placed.some((other) => clash(flag, other))) continue;
        placed.push(flag);
        if (place(i + 1)) return true;
        placed.pop();
      }
    return false;
  };
  return place(0) ? placed : null;
}

/** The flags above the bar at `barY`: each text on its lane's baseline, a leader line down to the bar. */
function flagLines(flags: readonly Flag[], barY: number): Line[] {
  const lanes = Math.max(0, ...flags.map((flag) => flag.lane + 1));
  return flags.map((flag): Line => {
    const y = FLAG_Y + (lanes - 1 - flag.lane) * LANE_HEIGHT;
    const colour = MILESTONES[flag.names[0] ?? 'start'].colour;
    return [
      xml('line', {
        x1: n(flag.at),
        y1: y - 11,
        x2: n(flag.at),
        y2: barY,
        stroke: colour,
        'stroke-width': 2,
      }),
      xml(
        'text',
        {
          x: n(flag.anchor === 'start' ? flag.left : flag.right),
          y,
          ...(flag.anchor === 'end' ? { 'text-anchor': 'end' } : {}),
          'font-size': FLAG_STYLE.size,
          'font-weight': 'bold',
          fill: '#111827',
        },
        flag.text,
      ),
    ];
  });
}

/**
 * The phase bar from the top `barY`: grey where the timeline has no phase, coloured between
 * milestones, each phase captioned with its length where the caption fits (measured); then a
 * stroke at each milestone, and under the bar a dot at each timed event in its kind's colour,
 * so a burst of events shows as a dense run.
 */
function phaseBar(facts: Facts, x: Scale, barY: number, typesetter: Typesetter): Line[] {
  const lines: Line[] = [
    xml('rect', {
      x: PAD,
      y: barY,
      width: BAR_WIDTH,
      height: BAR_HEIGHT,
      rx: 4,
      fill: '#e5e7eb',
    }),
  ];
  const captions: Line[] = [];
  const strokes = MILESTONE_NAMES.flatMap((name) => {
    const at = x(facts[name]);
    return at === null ? [] : [at];
  });
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
        { x: n(a), y: barY, width: n(b - a), height: BAR_HEIGHT, fill: color },
        xml('title', label),
      ),
    );
    const seconds = Math.round(
      DateTime.fromISO(to ?? '').diff(DateTime.fromISO(from ?? ''), 'seconds').seconds,
    );
    // Under a minute in seconds: a 15-second phase is not "0m".
    const length = seconds < 60 ? `${seconds}s` : formatMinutesShort(Math.round(seconds / 60));
    const caption = `${label} ${length}`;
    const free = widestStretch(a, b, strokes);
    const room = typesetter.width(caption, { size: 11 }) + 12;
    const [from2, to2] = free[1] - free[0] > room ? free : [a, b];
    if (to2 - from2 > room) {
      // Drawn over the milestone strokes, with a halo of the phase's colour, so a stroke
      // inside the phase (a cause found after mitigation) never crosses out its caption.
      captions.push(
        xml(
          'text',
          {
            x: n((from2 + to2) / 2),
            y: barY + 15,
            'text-anchor': 'middle',
            'font-size': 11,
            fill: '#111827',
            stroke: color,
            'stroke-width': 4,
            'paint-order': 'stroke',
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
        y1: barY,
        x2: n(position),
        y2: barY + BAR_HEIGHT + 2,
        stroke: MILESTONES[name].colour,
        'stroke-width': 2,
      }),
    );
  }
  const marks = new Map<string, EventKind>();
  for (const event of facts.events) {
    const at = x(event.time);
    if (at === null || at < PAD || at > WIDTH - PAD) continue;
    // One mark a pixel: a burst of a hundred lines in a minute is one dense run, not 100 elements.
    marks.set(n(Math.round(at)), event.kind);
  }
  for (const [at, kind] of marks)
    lines.push(
      xml('circle', { cx: at, cy: barY + BAR_HEIGHT + 6, r: 2.5, fill: KIND_COLORS[kind] }),
    );
  return [...lines, ...captions];
}

/** The event marks' strip under the bar, px: dots 5 px across, 6 px below the bar's edge. */
const RUG_HEIGHT = 9;

/**
 * The widest stretch of [a, b] no milestone stroke crosses, as [from, to] in px: where a phase's
 * caption reads clear of the strokes drawn over the bar.
 */
function widestStretch(a: number, b: number, strokes: readonly number[]): [number, number] {
  const cuts = [a, ...strokes.filter((at) => at > a + 1 && at < b - 1).sort((p, q) => p - q), b];
  let best: [number, number] = [a, b];
  let widest = -1;
  for (let i = 1; i < cuts.length; i++) {
    const from = (cuts[i - 1] ?? a) + 2;
    const to = (cuts[i] ?? b) - 2;
    if (to - from > widest) [best, widest] = [[from, to], to - from];
  }
  return best;
}

/**
 * Minutes between ticks, the least that gives at most MAX_TICKS: round clock steps, from 15
 * seconds (a failover over in 90 seconds) to two weeks.
 */
const TICK_STEPS = [
  0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10_080, 20_160,
];
const MAX_TICKS = 7;
const TICK_STYLE = { size: 11 } as const;

/** Ticks of `step` minutes in [t0, t1], counted from local midnight of t0's day in `zone`. */
function tickInstants(t0: number, t1: number, step: number, zone: string): DateTime[] {
  const midnight = DateTime.fromMillis(t0, { zone }).startOf('day');
  const ticks: DateTime[] = [];
  if (step >= 1440) {
    // Whole days: each local midnight, whatever a daylight-saving change does to its length.
    for (let day = midnight; day.toMillis() <= t1; day = day.plus({ days: step / 1440 }))
      if (day.toMillis() >= t0) ticks.push(day);
    return ticks;
  }
  const stepMs = step * 60_000;
  const first = midnight.toMillis() + Math.ceil((t0 - midnight.toMillis()) / stepMs) * stepMs;
  for (let at = first; at <= t1; at += stepMs) ticks.push(DateTime.fromMillis(at, { zone }));
  return ticks;
}

/**
 * Ticks under the bar at round times (TICK_STEPS: every 5 minutes, every hour, every day...),
 * each labelled with its clock, its date too at the first tick and where the day changes when
 * the incident spans days. The first clock names the zone (`10:10 UTC-05:00`), as the subtitle
 * does; the rest are bare. A label that would touch the one before it is left out (its tick
 * stays); one past an edge is drawn inwards from its tick.
 */
function ticks(
  facts: Facts,
  { t0, t1 }: { t0: number; t1: number },
  withDay: boolean,
  top: number,
  typesetter: Typesetter,
): Line[] {
  const step =
    TICK_STEPS.find((minutes) => (t1 - t0) / (minutes * 60_000) <= MAX_TICKS - 1) ??
    TICK_STEPS[TICK_STEPS.length - 1] ??
    1440;
  const instants = tickInstants(t0, t1, step, facts.timezone);
  const lines: Line[] = [];
  let lastRight = -Infinity;
  let lastDay: string | null = null;
  instants.forEach((time, i) => {
    const tx = PAD + ((time.toMillis() - t0) / (t1 - t0)) * BAR_WIDTH;
    const day = time.toISODate();
    const dated = withDay && (step >= 1440 || day !== lastDay);
    lastDay = day;
    const clock = step >= 1440 ? '' : time.toFormat(step < 1 ? 'HH:mm:ss' : 'HH:mm');
    // A day's tick has no clock for a zone to qualify; the subtitle states it.
    const zone = i === 0 && clock ? zoneName(time) : '';
    const label = [dated ? time.toFormat('LLL d') : '', clock, zone].filter(Boolean).join(' ');
    const width = typesetter.width(label, TICK_STYLE);
    let anchor: 'start' | 'middle' | 'end' = 'middle';
    let left = tx - width / 2;
    if (left < PAD / 2) [anchor, left] = ['start', tx];
    else if (tx + width / 2 > WIDTH - PAD / 2) [anchor, left] = ['end', tx - width];
    lines.push(xml('line', { x1: n(tx), y1: top, x2: n(tx), y2: top + 5, stroke: '#6b7280' }));
    if (left < lastRight + 10) return;
    lastRight = left + width;
    lines.push(
      xml(
        'text',
        {
          x: n(tx),
          y: top + 17,
          ...(anchor === 'middle'
            ? { 'text-anchor': 'middle' }
            : anchor === 'end'
              ? { 'text-anchor': 'end' }
              : {}),
          'font-size': TICK_STYLE.size,
          fill: '#374151',
        },
        label,
      ),
    );
  });
  return lines;
}

/** The zone's name as the figure's clocks write it (`UTC`, `PDT`, `UTC+09:00`). */
function zoneName(time: DateTime): string {
  return formatClock(time.toISO() ?? '', time.zone.name).replace(/^\S+\s*/, '');
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
 * colour (in its first milestone's colour, larger, when it marks one, as the flag and the legend
 * draw it), then the milestones it marks in capitals and its label (figureLabel), shortened to
 * the row's width at a sentence or word (shortLabel).
 */
function eventRow(
  facts: Facts,
  typesetter: Typesetter,
  { event, index }: { event: TimelineEvent; index: number },
  milestones: readonly MilestoneName[],
  y: number,
): Line[] {
  const marks = milestones.map((name) => MILESTONES[name].label.toUpperCase());
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
  const body = shortLabel(
    rowText(event, marks),
    typesetter,
    { size: 12 },
    WIDTH - PAD - TEXT_X - markWidth,
  );
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
      {
        cx: PAD + 142,
        cy: y + 11,
        r: milestones[0] ? 6 : 4,
        fill: milestones[0] ? MILESTONES[milestones[0]].colour : KIND_COLORS[event.kind],
      },
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
  const milestoneOfLine = new Map<number, MilestoneName[]>();
  for (const name of MILESTONE_NAMES) {
    const milestone = facts.milestones[name];
    if (milestone)
      milestoneOfLine.set(milestone.line, [...(milestoneOfLine.get(milestone.line) ?? []), name]);
  }
  for (const row of figureRows(facts)) {
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
    lines.push(...eventRow(facts, typesetter, row, milestoneOfLine.get(row.event.line) ?? [], y));
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
  const clock = barClock(facts, span);
  const flags = milestoneFlags(facts, x, typesetter, clock);
  const lanes = Math.max(0, ...flags.map((flag) => flag.lane + 1));
  const barY = FLAG_Y + Math.max(0, lanes - 1) * LANE_HEIGHT + 8;
  const tickTop = barY + BAR_HEIGHT + RUG_HEIGHT + 1;
  const legendY = tickTop + 48;
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
      ...flagLines(flags, barY),
      ...phaseBar(facts, x, barY, typesetter),
      ...ticks(facts, span, clock.day, tickTop, typesetter),
      ...milestoneLegend(facts, legendY, withDay),
      ...rows.lines,
      ...kinds.lines,
    ]),
  );
  return svgFile(svg);
}
