/**
 * analyze: ParsedIncident → Facts. Classifies every line, finds the milestones and the
 * figures, and computes the durations a reader asks for first.
 */
import { DateTime } from 'luxon';
import {
  FactsSchema,
  type Facts,
  type Milestone,
  type TimelineEvent,
} from '../../schemas/facts.js';
import { MILESTONE_NAMES, type MilestoneName } from '../../schemas/front-matter.js';
import type { ParsedIncident } from '../parse/parse-incident.js';
import type { ResolvedEntry } from '../parse/resolve-instants.js';
import { isStampProblem, readStamp } from '../parse/time.js';
import { resolveZone } from '../parse/zone.js';
import { classifyEvent } from './classify-event.js';
import { findImpactFigures, parseCount } from './impact-figures.js';
import { findMilestones, type FoundMilestone, type StatedTimes } from './milestones.js';
import { signals } from './signals.js';

const ISO_WITH_OFFSET = "yyyy-MM-dd'T'HH:mm:ssZZ";

export function formatInstant(time: DateTime, zone: string): string {
  return time.setZone(zone).toFormat(ISO_WITH_OFFSET);
}

function minutesBetween(from: FoundMilestone | null, to: FoundMilestone | null): number | null {
  if (!from || !to) return null;
  return Math.round(to.time.diff(from.time, 'minutes').minutes);
}

/** Reads a front-matter override (`14:23`, `2026-01-10 14:23`, ISO) on the incident's day and zone. */
function readOverride(value: string, incident: ParsedIncident): DateTime | null {
  const iso = DateTime.fromISO(value, { setZone: true });
  // Only a full ISO date-time; a bare `14:52:30` would otherwise be read on today's date.
  if (iso.isValid && /^\d{4}-\d{2}-\d{2}T/.test(value)) return iso;
  const stamp = readStamp(value);
  if (!stamp || isStampProblem(stamp) || !stamp.time) return null;
  const day = stamp.date?.year ? stamp.date : DateTime.fromISO(incident.date);
  const zone = stamp.zone ? resolveZone(stamp.zone) : incident.zone;
  if (!zone) return null;
  const time = DateTime.fromObject(
    { year: day.year ?? 0, month: day.month, day: day.day, ...stamp.time },
    { zone },
  );
  return time.isValid ? time : null;
}

// Only sentences about the incident as a whole count ("the outage was resolved at 10:40"), not
// a part of it ("Lambda errors were resolved at 10:36").
const SUBJECT = String.raw`\b(?:incident|outage|issue|problem|impact|disruption)\b[^.]*?`;
const TIME = String.raw`\s+(?:at|around|about|by|~)\s*([^,;.]{3,24})`;
const STATED: readonly [keyof StatedTimes, RegExp][] = [
  ['start', new RegExp(`${SUBJECT}\\b(?:began|started|begins|starts)${TIME}`, 'i')],
  ['detected', new RegExp(`${SUBJECT}\\b(?:detected|noticed)${TIME}`, 'i')],
  ['mitigated', new RegExp(`${SUBJECT}\\bmitigated${TIME}`, 'i')],
  ['resolved', new RegExp(`${SUBJECT}\\b(?:resolved|recovered|restored|over)${TIME}`, 'i')],
];

/** Times a note or a human section states outright: "impact began at 22:52", "resolved at 23:40". */
function statedTimes(text: string, incident: ParsedIncident): StatedTimes {
  const stated: StatedTimes = {};
  for (const [name, pattern] of STATED) {
    const match = pattern.exec(text);
    const time = match?.[1] ? readOverride(match[1].trim(), incident) : null;
    if (time) stated[name] = time;
  }
  return stated;
}

/** Status pages and some exports list the newest entry first; postmortems read oldest first. */
function chronological(entries: readonly ResolvedEntry[]): ResolvedEntry[] {
  const times = entries.flatMap((entry) => (entry.time ? [entry.time.toMillis()] : []));
  let descending = 0;
  for (let i = 1; i < times.length; i++) if ((times[i] ?? 0) < (times[i - 1] ?? 0)) descending++;
  return times.length > 2 && descending > (times.length - 1) / 2
    ? [...entries].reverse()
    : [...entries];
}

/** A front-matter milestone that cannot be used; `hint` replaces the format hint when set. */
export interface OverrideProblem {
  line: number;
  message: string;
  key: string;
  hint?: string;
}

/**
 * A milestone set in front matter that lands before the start or after the resolution would
 * publish negative durations ("Duration -43260 minutes"): every milestone lies in that window.
 */
function invertedOverrides(
  milestones: Partial<Record<MilestoneName, FoundMilestone | null>>,
  overrides: Partial<Record<MilestoneName, FoundMilestone>>,
  zone: string,
): OverrideProblem[] {
  const show = (m: FoundMilestone): string => m.time.setZone(zone).toFormat('yyyy-MM-dd HH:mm ZZ');
  // Each pair must be in this order: start first, resolved last.
  const pairs = MILESTONE_NAMES.flatMap((name) => [
    ...(name === 'start' ? [] : [['start', name] as const]),
    ...(name === 'resolved' || name === 'start' ? [] : [[name, 'resolved'] as const]),
  ]);
  const reported = new Map<MilestoneName, OverrideProblem>();
  for (const [earlier, later] of pairs) {
    const first = milestones[earlier];
    const second = milestones[later];
    if (!first || !second || first.time <= second.time) continue;
    const culprit = overrides[later] ? later : overrides[earlier] ? earlier : null;
    if (!culprit || reported.has(culprit)) continue;
    const other = culprit === later ? earlier : later;
    const [mine, theirs] = culprit === later ? [second, first] : [first, second];
    reported.set(culprit, {
      line: mine.line,
      key: culprit,
      message: `${culprit} (${show(mine)}) is ${culprit === later ? 'before' : 'after'} ${other} (${show(theirs)}, line ${theirs.line})`,
      hint: `fix the date or time of ${culprit}: every milestone lies between start and resolved`,
    });
  }
  return [...reported.values()];
}

export function analyzeIncident(incident: ParsedIncident): {
  facts: Facts;
  problems: OverrideProblem[];
} {
  const problems: OverrideProblem[] = [];
  const entries = chronological(incident.entries);
  const dated = entries.map((entry) => ({
    time: entry.time,
    line: entry.line,
    text: entry.text,
    source: entry.source,
    kind: classifyEvent(entry.text, entry.source),
  }));
  const overrides: Partial<Record<MilestoneName, FoundMilestone>> = {};
  for (const name of MILESTONE_NAMES) {
    const value = incident.frontMatter[name];
    if (value === undefined) continue;
    const line = incident.frontMatterLines.get(name) ?? 1;
    const time = readOverride(value, incident);
    if (time) overrides[name] = { time, line, reason: 'set in front matter' };
    else
      problems.push({
        line,
        key: name,
        message: `front matter field "${name}" is not a time: "${value}"`,
      });
  }
  const milestones = findMilestones({
    events: dated,
    notes: [incident.human.summary, incident.human.impact, ...incident.notes].flatMap((note) =>
      note
        ? [{ text: note.markdown, line: note.line, stated: statedTimes(note.markdown, incident) }]
        : [],
    ),
    overrides,
  });
  problems.push(...invertedOverrides(milestones, overrides, incident.zone));
  const events: TimelineEvent[] = entries.map((entry, index) => ({
    time: entry.time ? formatInstant(entry.time, incident.zone) : null,
    endTime: entry.endTime ? formatInstant(entry.endTime, incident.zone) : null,
    timeLabel: entry.timeLabel,
    approximate: entry.stamp?.approximate ?? false,
    line: entry.line,
    source: entry.source,
    actor: entry.actor,
    text: entry.text,
    kind: dated[index]?.kind ?? 'note',
  }));
  const textLines = [
    ...entries.map((entry) => ({ text: entry.text, line: entry.line })),
    ...incident.notes.map((note) => ({ text: note.markdown, line: note.line })),
    ...(incident.human.impact
      ? [{ text: incident.human.impact.markdown, line: incident.human.impact.line }]
      : []),
  ];
  const impact = findImpactFigures(textLines);
  const usersFigure = impact.find((figure) => figure.kind === 'users');
  const written = incident.frontMatter.users_affected;
  const usersAffected =
    written ??
    (usersFigure
      ? (parseCount(usersFigure.value.replace(/\+$/, '')) ?? usersFigure.context)
      : null);
  const milestoneRecord: Record<string, Milestone> = {};
  for (const name of MILESTONE_NAMES) {
    const milestone = milestones[name];
    if (milestone)
      milestoneRecord[name] = {
        time: formatInstant(milestone.time, incident.zone),
        line: milestone.line,
        reason: milestone.reason,
      };
  }
  const instant = (name: MilestoneName): string | null => milestoneRecord[name]?.time ?? null;
  const firstAlert = dated.find(
    (event) => event.time && (event.kind === 'alert' || signals.impact.test(event.text)),
  );
  const title = incident.title ?? firstAlert?.text.slice(0, 80) ?? incident.slug;
  const duration = minutesBetween(milestones.start, milestones.resolved);
  const facts: Facts = {
    title,
    slug: incident.slug,
    file: incident.file,
    date: milestones.start
      ? (milestones.start.time.setZone(incident.zone).toISODate() ?? incident.date)
      : incident.date,
    timezone: incident.zone,
    severity: incident.frontMatter.severity ?? null,
    status: incident.frontMatter.status ?? (milestones.resolved ? 'resolved' : 'investigating'),
    services: incident.frontMatter.services ?? incident.frontMatter.services_affected ?? [],
    start: instant('start'),
    detected: instant('detected'),
    acknowledged: instant('acknowledged'),
    identified: instant('identified'),
    mitigated: instant('mitigated'),
    resolved: instant('resolved'),
    milestones: milestoneRecord,
    durationMinutes: duration,
    timeToDetectMinutes: minutesBetween(milestones.start, milestones.detected),
    timeToAcknowledgeMinutes: minutesBetween(milestones.detected, milestones.acknowledged),
    timeToMitigateMinutes: minutesBetween(milestones.start, milestones.mitigated),
    timeToResolveMinutes: duration,
    usersAffected,
    impact,
    events,
    notes: incident.notes,
    human: {
      summary: incident.human.summary,
      impact: incident.human.impact,
      rootCause: incident.human.rootCause,
      mitigations: incident.human.mitigations,
      actionItems: incident.human.actionItems,
    },
  };
  return { facts: FactsSchema.parse(facts), problems };
}
