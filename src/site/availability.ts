/**
 * Per-service availability for the last N days, computed from incident windows (start to
 * resolved, or to mitigated). An incident with no service listed counts for "All services".
 */
import { DateTime } from 'luxon';
import type { Pack } from './packs.ts';

export interface Day {
  date: string;
  downMinutes: number;
  incidents: string[];
}

export interface ServiceAvailability {
  name: string;
  days: Day[];
  /** Percent of the window with no incident impact, to two decimals. */
  percent: number;
}

/** The window ends today, or at SOURCE_DATE_EPOCH for reproducible builds. */
export function windowEnd(env: Record<string, string | undefined> = process.env): DateTime {
  const epoch = env['SOURCE_DATE_EPOCH'];
  return (epoch ? DateTime.fromSeconds(Number(epoch)) : DateTime.now()).toUTC().endOf('day');
}

function impactWindow(pack: Pack): [DateTime, DateTime] | null {
  const { start, resolved, mitigated } = pack.facts;
  const end = resolved ?? mitigated;
  if (!start || !end) return null;
  return [DateTime.fromISO(start).toUTC(), DateTime.fromISO(end).toUTC()];
}

export function availability(
  name: string,
  packs: readonly Pack[],
  end: DateTime,
  days = 90,
): ServiceAvailability {
  const first = end.minus({ days: days - 1 }).startOf('day');
  const result: Day[] = [];
  let down = 0;
  for (let i = 0; i < days; i++) {
    const dayStart = first.plus({ days: i });
    const dayEnd = dayStart.plus({ days: 1 });
    const day: Day = { date: dayStart.toISODate() ?? '', downMinutes: 0, incidents: [] };
    for (const pack of packs) {
      const window = impactWindow(pack);
      if (!window) continue;
      const from = window[0] > dayStart ? window[0] : dayStart;
      const to = window[1] < dayEnd ? window[1] : dayEnd;
      if (to <= from) continue;
      day.downMinutes += Math.round(to.diff(from, 'minutes').minutes);
      day.incidents.push(pack.slug);
    }
    day.downMinutes = Math.min(day.downMinutes, 1440);
    down += day.downMinutes;
    result.push(day);
  }
  return { name, days: result, percent: Math.floor((1 - down / (days * 1440)) * 10000) / 100 };
}
