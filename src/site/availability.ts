/**
 * Per-service availability for the last N days, computed from incident windows (start to
 * resolved, or to mitigated). Plain millisecond arithmetic: this runs for every service on
 * several pages, over every incident.
 */
import { DateTime } from 'luxon';
import type { StatusIndicator } from '../schemas/statuspage.ts';
import type { PackSummary } from './packs.ts';
import { impactOf, worstImpact } from './statuspage.ts';

export interface Day {
  date: string;
  downMinutes: number;
  incidents: string[];
  /** The worst Statuspage impact of that day's incidents (from their severity); `none` when none. */
  impact: StatusIndicator;
  /** Severity labels of that day's incidents, as the teams wrote them. */
  severities: string[];
}

export interface ServiceAvailability {
  name: string;
  days: Day[];
  /** Percent of the window with no incident impact, to two decimals. */
  percent: number;
}

const DAY_MS = 86_400_000;

/** The window ends today, or at SOURCE_DATE_EPOCH for reproducible builds. */
export function windowEnd(env: Record<string, string | undefined> = process.env): DateTime {
  const epoch = env['SOURCE_DATE_EPOCH'];
  return (epoch ? DateTime.fromSeconds(Number(epoch)) : DateTime.now()).toUTC().endOf('day');
}

function impactWindow(
  pack: PackSummary,
): { slug: string; from: number; to: number; severity: string | null } | null {
  const { start, resolved, mitigated, severity } = pack.facts;
  const end = resolved ?? mitigated;
  if (!start || !end) return null;
  return { slug: pack.slug, from: Date.parse(start), to: Date.parse(end), severity };
}

export function availability(
  name: string,
  packs: readonly PackSummary[],
  end: DateTime,
  days = 90,
): ServiceAvailability {
  const first = end
    .minus({ days: days - 1 })
    .startOf('day')
    .toMillis();
  const windows = packs.flatMap((pack) => {
    const window = impactWindow(pack);
    return window && window.to > first && window.from < first + days * DAY_MS ? [window] : [];
  });
  const result: Day[] = [];
  let down = 0;
  for (let i = 0; i < days; i++) {
    const dayStart = first + i * DAY_MS;
    const dayEnd = dayStart + DAY_MS;
    const day: Day = {
      date: new Date(dayStart).toISOString().slice(0, 10),
      downMinutes: 0,
      incidents: [],
      impact: 'none',
      severities: [],
    };
    for (const window of windows) {
      const overlap = Math.min(window.to, dayEnd) - Math.max(window.from, dayStart);
      if (overlap <= 0) continue;
      day.downMinutes += Math.round(overlap / 60_000);
      day.incidents.push(window.slug);
      if (window.severity && !day.severities.includes(window.severity))
        day.severities.push(window.severity);
      // An incident without a severity still marks its day.
      day.impact = worstImpact([day.impact, impactOf(window.severity), 'minor']);
    }
    day.downMinutes = Math.min(day.downMinutes, 1440);
    down += day.downMinutes;
    result.push(day);
  }
  return { name, days: result, percent: Math.floor((1 - down / (days * 1440)) * 10000) / 100 };
}
