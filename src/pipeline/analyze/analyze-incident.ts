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
import type { StatedTime } from '../parse/stated-times.js';
import {
  chooseMilestones,
  type Candidate,
  type ChosenMilestone,
  type Pin,
} from './choose-milestones.js';
import { CUES, type Cue } from './cues.js';
import {
  documentTitle,
  titleFromAlert,
  titleFromImpact,
  titleFromSubject,
} from './document-title.js';
import { findImpactFigures, parseCount } from './impact-figures.js';
import { readLine, type LineReading } from './read-line.js';
import { statedSeverity } from './stated-severity.js';
import {
  readMinutesAfterStart,
  readStatedDurations,
  readStatedImpactMinutes,
} from './stated-durations.js';

const pad = (value: number, width: number): string =>
  `${value < 0 ? '-' : ''}${String(Math.abs(value)).padStart(width, '0')}`;

/**
 * `time` in `zone` as ISO 8601 to the second with its offset (`2024-03-05T14:02:00+01:00`): what
 * Luxon's `toFormat("yyyy-MM-dd'T'HH:mm:ssZZ")` prints, built from the fields directly because
 * `toFormat` parses its format and consults the system locale on every call (once per event).
 * Digits are ASCII whatever the locale.
 */
export function formatInstant(time: DateTime, zone: string): string {
  const t = time.setZone(zone);
  const offset = Math.abs(t.offset);
  return `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}${t.offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60), 2)}:${pad(Math.trunc(offset % 60), 2)}`;
}

function minutesBetween(from: ChosenMilestone | null, to: ChosenMilestone | null): number | null {
  if (!from || !to) return null;
  return Math.round((to.time - from.time) / 60_000);
}

/**
 * The incident's Statuspage state. `status: draft` in front matter describes the postmortem
 * document, not the incident, so the state then comes from the timeline: the furthest of
 * Statuspage's states its milestones reach (a fix in place but no declared end is
 * `monitoring`, a cause found is `identified`).
 */
function incidentStatus(
  written: string | undefined,
  reached: { resolved: boolean; mitigated: boolean; identified: boolean },
): string {
  if (written && written !== 'draft') return written;
  if (reached.resolved) return 'resolved';
  if (reached.mitigated) return 'monitoring';
  return reached.identified ? 'identified' : 'investigating';
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
  milestones: Partial<Record<MilestoneName, ChosenMilestone | null>>,
  overrides: Partial<Record<MilestoneName, Pin>>,
  zone: string,
): OverrideProblem[] {
  const show = (m: ChosenMilestone): string =>
    DateTime.fromMillis(m.time, { zone }).toFormat('yyyy-MM-dd HH:mm ZZ');
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

/**
 * A start implied by a stated duration ("time to recovery 2h06m", "(2h06m after the start.)"),
 * used only when no line says outright that impact began.
 */
function impliedStart(
  candidates: readonly Candidate[],
  chosen: Record<MilestoneName, ChosenMilestone | null>,
  notes: readonly { text: string; line: number }[],
): Pin | null {
  const stated = readStatedDurations(notes.map((note) => note.text).join('\n'));
  const options: Pin[] = [];
  const noteLine = notes[0]?.line ?? 1;
  const pin = (time: number, line: number, text: string, reason: string): Pin => ({
    time,
    line,
    text,
    cue: 'stated-duration',
    reason,
    confidence: 'medium',
  });
  const resolved = chosen.resolved;
  if (stated.timeToResolveMinutes !== null && resolved)
    options.push(
      pin(
        resolved.time - stated.timeToResolveMinutes * 60_000,
        noteLine,
        `time to recovery ${stated.timeToResolveMinutes} min`,
        'stated time to recovery, counted back from recovery',
      ),
    );
  const detected = chosen.detected;
  if (stated.timeToDetectMinutes !== null && detected)
    options.push(
      pin(
        detected.time - stated.timeToDetectMinutes * 60_000,
        noteLine,
        `time to detection ${stated.timeToDetectMinutes} min`,
        'stated time to detection, counted back from detection',
      ),
    );
  for (const candidate of candidates) {
    const after = readMinutesAfterStart(candidate.text);
    if (after !== null)
      options.push(
        pin(
          candidate.time - after * 60_000,
          candidate.line,
          candidate.text,
          'line states the time since the start',
        ),
      );
  }
  const first = Math.min(...candidates.map((c) => c.time));
  const firstImpact = chosen.start?.time ?? Infinity;
  const plausible = options.find(
    (option) => option.time >= first - 86_400_000 && option.time <= firstImpact,
  );
  if (!plausible) return null;
  // Prefer the timeline line at that minute, so the start cites the line it happened on.
  const same = candidates.find((c) => Math.abs(c.time - plausible.time) < 60_000);
  return same ? { ...plausible, line: same.line, text: same.text, time: same.time } : plausible;
}

/** Events this long after the one before, and longer than the incident so far, come after it. */
const FOLLOW_UP_GAP_MS = 24 * 3_600_000;
const FOLLOW_UP_MIN_EVENTS = 3;

/**
 * The instant from which timed lines are follow-up, not incident (UTC ms; Infinity if none): a
 * review's rows posted days later ("2024-02-16 09:45 review closed, incident resolved") must not
 * be taken as its resolution. Shown as events all the same. Only a gap after a line that says the
 * service recovered counts: before any recovery, a long gap is a multi-day incident going on.
 */
function followUpSince(candidates: readonly Candidate[]): number {
  const sorted = [...candidates].sort((a, b) => a.time - b.time);
  const times = sorted.map((c) => c.time);
  let recovered = false;
  for (let i = 0; i < times.length; i++) {
    if (i >= FOLLOW_UP_MIN_EVENTS && recovered) {
      const gap = (times[i] ?? 0) - (times[i - 1] ?? 0);
      if (gap >= FOLLOW_UP_GAP_MS && gap > (times[i - 1] ?? 0) - (times[0] ?? 0))
        return times[i] ?? Infinity;
    }
    const scores = sorted[i]?.reading.scores;
    if (scores && (scores['recovery-full'] > 0 || scores['resolved-declared'] > 0))
      recovered = true;
  }
  return Infinity;
}

/** Who states a stated time, for the milestone's reason. */
const STATED_BY: Record<StatedTime['from'], string> = {
  'front-matter': 'front matter says',
  notes: 'notes say',
  timeline: 'a line says',
  milestones: "the incident tool's milestone summary says",
};

/**
 * A milestone pin from a time the incident states outright (front matter, an incident tool's
 * milestone summary, the notes, a timeline sentence); `time` in UTC ms.
 */
function pinFromStated(stated: StatedTime, confidence: Pin['confidence']): Pin {
  return {
    time: stated.time.toMillis(),
    line: stated.line,
    text: stated.from === 'front-matter' ? stated.text : (stated.text.split('\n')[0] ?? ''),
    cue: stated.from === 'front-matter' ? 'front-matter' : `stated-in-${stated.from}`,
    reason:
      stated.from === 'front-matter'
        ? 'set in front matter'
        : `${STATED_BY[stated.from]} when it ${stated.milestone === 'start' ? 'started' : `was ${stated.milestone}`}`,
    confidence,
  };
}

/**
 * Whether a stated time is about impact. A window ("since 11:30 PM", "between 03:46 and 04:33")
 * counts only in a sentence about impact; a time that names its milestone always counts.
 */
function statesImpact(stated: StatedTime, cues: readonly Cue[]): boolean {
  if (stated.strength === 'named') return true;
  const reading = readLine(stated.text, null, cues);
  return reading.scores.impact >= 2 || reading.scores.detect >= 2;
}

/**
 * The timed lines that belong to the incident, oldest first as given, each with its reading;
 * rows after `followUpSince` (a review days later) are left out. `time` in UTC ms.
 */
function incidentCandidates(
  entries: readonly ResolvedEntry[],
  readings: readonly LineReading[],
): Candidate[] {
  const timed: Candidate[] = [];
  entries.forEach((entry, index) => {
    const reading = readings[index];
    // A note written afterwards ("Retro notes: ...") is shown, but its stamp is no milestone.
    if (entry.time && reading && !entry.afterwards)
      timed.push({ time: entry.time.toMillis(), line: entry.line, text: entry.text, reading });
  });
  const afterwards = followUpSince(timed);
  return timed.filter((c) => c.time < afterwards);
}

/**
 * The milestones the incident states outright, strongest source first: front matter, then an
 * incident tool's milestone summary, then the notes (sure only when a timeline line at the same
 * minute bears them out).
 */
function statedPins(
  incident: ParsedIncident,
  candidates: readonly Candidate[],
  cues: readonly Cue[],
): Partial<Record<MilestoneName, Pin>> {
  const pins: Partial<Record<MilestoneName, Pin>> = {};
  for (const stated of incident.stated)
    if (stated.from === 'front-matter') pins[stated.milestone] = pinFromStated(stated, 'high');
  // An incident tool's milestone summary names each milestone outright: next to front matter.
  for (const stated of incident.stated)
    if (stated.from === 'milestones') pins[stated.milestone] ??= pinFromStated(stated, 'high');
  Object.assign(pins, { ...labelledWindow(incident.entries), ...pins });
  const summaries = [
    ...incident.stated.filter((stated) => stated.from === 'notes' && statesImpact(stated, cues)),
    ...hindsightWindows(incident.stated, incident.entries, cues),
  ];
  // Two windows ("10:12-10:30 in the EU, then 10:30-11:03 everywhere") span the impact together:
  // the earliest start and the latest end; any other milestone, the first stated.
  const widest = (stated: StatedTime): boolean =>
    !summaries.some(
      (other) =>
        other.milestone === stated.milestone &&
        ((stated.milestone === 'start' && other.time < stated.time) ||
          (stated.milestone === 'resolved' && other.time > stated.time)),
    );
  for (const stated of summaries.filter(widest).map((st) => onItsLinesDay(st, candidates)))
    // Notes summarise, and may quote a figure they go on to dispute: sure only when a
    // timeline line at the same minute bears the stated time out.
    pins[stated.milestone] ??= pinFromStated(
      stated,
      stated.strength === 'named' &&
        candidates.some((c) => Math.abs(c.time - stated.time.toMillis()) < 60_000)
        ? 'high'
        : 'medium',
    );
  return pins;
}

/**
 * A time stated on a line that is itself a timed event ("Day 2: at 13:15 we found the cause")
 * is read by the stated-time reader without the day the timeline gave that line: when the line's
 * own time has the same clock minute on another day, the line's day is the one meant.
 */
function onItsLinesDay(stated: StatedTime, candidates: readonly Candidate[]): StatedTime {
  const own = candidates.find((c) => c.line === stated.line);
  const t = stated.time.toMillis();
  if (!own || own.time === t || (own.time - t) % 86_400_000 !== 0) return stated;
  return { ...stated, time: stated.time.plus({ milliseconds: own.time - t }) };
}

/** A field that names the impact's window: "Outage window", "Customer impact", "Downtime". */
const WINDOW_LABEL =
  /^\W*(?:(?:customer|user)[- ])?(?:impact|outage|downtime|disruption|degradation)(?:\s+(?:window|period|duration|time))?\W*$/i;

/**
 * The window a range line names as the impact's ("Outage window: 07:15 - 08:02 UTC", read as a
 * line from 07:15 to 08:02 whose text is the label): start and resolved, as an incident tool's
 * milestone fields state them.
 */
function labelledWindow(entries: readonly ResolvedEntry[]): Partial<Record<MilestoneName, Pin>> {
  const entry = entries.find((e) => e.time && e.endTime && WINDOW_LABEL.test(e.text));
  if (!entry?.time || !entry.endTime) return {};
  const pin = (time: number, name: string): Pin => ({
    time,
    line: entry.line,
    text: entry.text,
    cue: 'stated-window',
    reason: `the line names the impact's window; its ${name}`,
    confidence: 'high',
  });
  return {
    start: pin(entry.time.toMillis(), 'start'),
    resolved: pin(entry.endTime.toMillis(), 'end'),
  };
}

/**
 * Impact windows a timeline line states after they ended, with hindsight like a note: a
 * Statuspage `Resolved` post "Between 10:12 and 11:03 UTC customers saw errors", a wrap-up at
 * 12:30 "Impact: 09:40–10:55 CET". Both ends, start first; a window still open when the line
 * was written (its end later than the line) is left to the start rules.
 */
function hindsightWindows(
  stated: readonly StatedTime[],
  entries: readonly ResolvedEntry[],
  cues: readonly Cue[],
): StatedTime[] {
  const windows: StatedTime[] = [];
  for (const end of stated) {
    if (end.from !== 'timeline' || end.milestone !== 'resolved') continue;
    const start = stated.find(
      (s) => s.milestone === 'start' && s.line === end.line && s.text === end.text,
    );
    // A postmortem post days later is still hindsight, though not an event of the incident.
    const written = entries.find((entry) => entry.line === end.line)?.time?.toMillis();
    if (!start || written === undefined || end.time.toMillis() > written) continue;
    if (statesImpact(start, cues)) windows.push(start, end);
  }
  return windows;
}

/**
 * The milestones from the timeline and the stated pins, with the start settled: a start stated
 * in words on a later line, else one implied by a stated duration, else (labelled low
 * confidence) the first timed line when no line shows impact.
 */
function chooseWithStart(
  incident: ParsedIncident,
  candidates: readonly Candidate[],
  stated: Partial<Record<MilestoneName, Pin>>,
  notes: readonly { text: string; line: number }[],
  cues: readonly Cue[],
): {
  chosen: Record<MilestoneName, ChosenMilestone | null>;
  pins: Partial<Record<MilestoneName, Pin>>;
} {
  const pins = { ...stated };
  let chosen = chooseMilestones(candidates, pins);
  // The first sign of impact stated in words on a later line ("impact began around 6:00 AM")
  // beats the first timestamped line, when it is earlier and within a day of the timeline.
  const firstTime = Math.min(...candidates.map((c) => c.time));
  const statedStart = incident.stated
    .filter(
      (stated) =>
        stated.from === 'timeline' &&
        stated.milestone === 'start' &&
        statesImpact(stated, cues) &&
        stated.time.toMillis() >= firstTime - 86_400_000,
    )
    .sort((a, b) => a.time.toMillis() - b.time.toMillis())[0];
  if (
    !pins.start &&
    statedStart &&
    (statedStart.time.toMillis() < (chosen.start?.time ?? Infinity) ||
      (statedStart.strength === 'named' && chosen.start?.confidence !== 'high'))
  ) {
    pins.start = pinFromStated(statedStart, statedStart.strength === 'named' ? 'high' : 'medium');
    const end = incident.stated.find(
      (stated) =>
        stated.from === 'timeline' &&
        stated.milestone === 'resolved' &&
        stated.line === statedStart.line &&
        stated.text === statedStart.text,
    );
    if (end && !pins.resolved) pins.resolved = pinFromStated(end, 'medium');
    chosen = chooseMilestones(candidates, pins);
  }
  if (!pins.start && (chosen.start?.confidence ?? 'low') !== 'high') {
    const implied = impliedStart(candidates, chosen, notes);
    if (implied) {
      pins.start = implied;
      chosen = chooseMilestones(candidates, pins);
    }
  }
  // With no line showing impact, the first timed line is the best guess for the start; say so.
  const firstCandidate = [...candidates].sort((a, b) => a.time - b.time)[0];
  if (!chosen.start && firstCandidate && candidates.length > 0) {
    const earliest = Math.min(
      ...Object.values(chosen).flatMap((c) => (c ? [c.time] : [])),
      Infinity,
    );
    if (firstCandidate.time <= earliest)
      chosen.start = {
        time: firstCandidate.time,
        line: firstCandidate.line,
        text: firstCandidate.text,
        cue: 'first-timed-line',
        reason: 'first timed line; no line names the impact',
        confidence: 'low',
        runnerUp: null,
        index: null,
      };
  }
  // The resolving line dates the recovery before it was posted ("Resolved - error rates have
  // been normal since 22:47", posted at 23:05; "returned to normal at 17:02"): the stated minute
  // ends the impact, the post only announces it. Only a time between the mitigation and the post,
  // and only a minute no line has: a line there ("back to normal, we keep monitoring") is already
  // weighed by the rules for watched recoveries (fixture statuspage-posted-lines-newest-first).
  const ending = chosen.resolved;
  const floor = chosen.mitigated?.time ?? chosen.start?.time ?? -Infinity;
  const own = ending
    ? incident.stated.find(
        (stated) =>
          stated.from === 'timeline' &&
          stated.milestone === 'resolved' &&
          stated.strength === 'named' &&
          stated.line === ending.line &&
          stated.time.toMillis() < ending.time &&
          stated.time.toMillis() >= floor &&
          !candidates.some((c) => Math.abs(c.time - stated.time.toMillis()) < 60_000),
      )
    : undefined;
  if (!pins.resolved && own) {
    pins.resolved = pinFromStated(own, 'high');
    chosen = chooseMilestones(candidates, pins);
  }
  return { chosen, pins };
}

/** A problem with the milestones that does not stop the facts (printed as a warning). */
export interface MilestoneWarning {
  line: number;
  code: string;
  message: string;
  hint: string;
}

/** The first note line that states how long the impact lasted ("Total impact: 1 hour 5 minutes"). */
function statedImpactLine(
  notes: readonly { text: string; line: number }[],
): { minutes: number; line: number; text: string } | null {
  for (const note of notes)
    for (const [offset, text] of note.text.split('\n').entries()) {
      const minutes = readStatedImpactMinutes(text);
      if (minutes !== null) return { minutes, line: note.line + offset, text: text.trim() };
    }
  return null;
}

/** The first note line that states the time to recovery ("TTR: 35 min", "time to resolve 1h"). */
function statedRecoveryLine(
  notes: readonly { text: string; line: number }[],
): { minutes: number; line: number; text: string } | null {
  for (const note of notes)
    for (const [offset, text] of note.text.split('\n').entries()) {
      const minutes = readStatedDurations(text).timeToResolveMinutes;
      if (minutes !== null) return { minutes, line: note.line + offset, text: text.trim() };
    }
  return null;
}

/**
 * The milestones re-chosen with the resolution on the recovery line a stated figure lands on
 * ("Duration: 47 minutes" from 14:03, and "14:50 5xx back to baseline"), when that line comes
 * before the chosen end: the report's own figure names it as the end, over a close declared
 * later (after customer comms, a review call). Null when no full recovery or declared end is at
 * that minute (within one).
 */
function landOnRecovery(
  candidates: readonly Candidate[],
  pins: Partial<Record<MilestoneName, Pin>>,
  chosen: Record<MilestoneName, ChosenMilestone | null>,
  stated: { minutes: number; line: number },
  what: string,
): Record<MilestoneName, ChosenMilestone | null> | null {
  const start = chosen.start;
  const resolved = chosen.resolved;
  if (!start || !resolved) return null;
  const end = start.time + stated.minutes * 60_000;
  const recovery = candidates.find(
    (c) =>
      Math.abs(c.time - end) < 60_000 &&
      c.time < resolved.time &&
      (c.reading.scores['recovery-full'] >= 2 || c.reading.scores['resolved-declared'] >= 2),
  );
  if (!recovery) return null;
  const pin: Pin = {
    time: recovery.time,
    line: recovery.line,
    text: recovery.text,
    cue: 'stated-duration',
    reason: `the stated ${what} (${stated.minutes} min, line ${stated.line}) counted from the start ends on this recovery`,
    confidence: 'high',
  };
  const again = chooseMilestones(candidates, { ...pins, resolved: pin });
  if (!again.start) again.start = start;
  return again;
}

/**
 * The end of impact from a stated duration ("Total impact: 1 hour 5 minutes", "the outage lasted
 * 47 minutes"): start + duration, when no line gives the end (none chosen, or only a guess), or
 * when start + duration is the minute of an earlier recovery line.
 * When a line does give the end and the two disagree by more than a minute and 1%, the line
 * stands (fixture stated-duration-and-start-beat-the-lines) and a warning names both.
 */
function endFromStatedDuration(
  candidates: readonly Candidate[],
  pins: Partial<Record<MilestoneName, Pin>>,
  chosen: Record<MilestoneName, ChosenMilestone | null>,
  notes: readonly { text: string; line: number }[],
  zone: string,
): { chosen: Record<MilestoneName, ChosenMilestone | null>; warnings: MilestoneWarning[] } {
  const stated = statedImpactLine(notes);
  const start = chosen.start;
  const resolved = chosen.resolved;
  if (!start || pins.resolved) return { chosen, warnings: [] };
  if (!stated) {
    // A stated time to recovery ("TTR: 35 min") only confirms a recovery line it lands on.
    const ttr = statedRecoveryLine(notes);
    const landed = ttr && landOnRecovery(candidates, pins, chosen, ttr, 'time to recovery');
    return { chosen: landed || chosen, warnings: [] };
  }
  const end = start.time + stated.minutes * 60_000;
  if (!resolved || resolved.confidence === 'low') {
    const same = candidates.find((c) => Math.abs(c.time - end) < 60_000);
    const pin: Pin = {
      time: end,
      line: same?.line ?? stated.line,
      text: same?.text ?? stated.text,
      cue: 'stated-duration',
      reason: `the stated duration (${stated.minutes} min, line ${stated.line}) counted from the start`,
      confidence: 'medium',
    };
    const again = chooseMilestones(candidates, { ...pins, resolved: pin });
    if (!again.start) again.start = start;
    return { chosen: again, warnings: [] };
  }
  const apart = Math.abs(resolved.time - end);
  if (apart <= Math.max(60_000, stated.minutes * 600)) return { chosen, warnings: [] };
  const landed = landOnRecovery(candidates, pins, chosen, stated, 'duration');
  if (landed) return { chosen: landed, warnings: [] };
  const show = (millis: number): string => DateTime.fromMillis(millis, { zone }).toFormat('HH:mm');
  return {
    chosen,
    warnings: [
      {
        line: stated.line,
        code: 'milestone/duration-disagrees',
        message: `line ${stated.line} states the impact lasted ${stated.minutes} minutes (to ${show(end)}), but line ${resolved.line} ends it at ${show(resolved.time)}, ${Math.round((resolved.time - start.time) / 60_000)} minutes after the start`,
        hint: 'correct the stated duration, or pin resolved in the front matter',
      },
    ],
  };
}

/**
 * The mitigation a stated time to mitigate implies ("TTM: 25 min", "Time to mitigate 1h"): the
 * start plus that figure, on the line at that minute when there is one. The report's own figure
 * wins over the inferred mitigation, unless front matter pins it or it would fall outside the
 * start and the resolution.
 */
function mitigationFromStated(
  candidates: readonly Candidate[],
  pins: Partial<Record<MilestoneName, Pin>>,
  chosen: Record<MilestoneName, ChosenMilestone | null>,
  notes: readonly { text: string; line: number }[],
): Record<MilestoneName, ChosenMilestone | null> {
  const start = chosen.start;
  if (pins.mitigated || !start) return chosen;
  for (const note of notes)
    for (const [offset, text] of note.text.split('\n').entries()) {
      const minutes = readStatedDurations(text).timeToMitigateMinutes;
      if (minutes === null) continue;
      const time = start.time + minutes * 60_000;
      if (chosen.resolved && time > chosen.resolved.time + 60_000) return chosen;
      const same = candidates.find((c) => Math.abs(c.time - time) < 60_000);
      const index = same ? candidates.indexOf(same) : -1;
      return {
        ...chosen,
        mitigated: {
          time: same?.time ?? time,
          line: same?.line ?? note.line + offset,
          text: same?.text ?? text.trim(),
          cue: 'stated-duration',
          reason: `the stated time to mitigate (${minutes} min, line ${note.line + offset}) counted from the start`,
          confidence: same ? 'high' : 'medium',
          runnerUp: null,
          index: index >= 0 ? index : null,
        },
      };
    }
  return chosen;
}

/**
 * The milestones chosen with the start settled (`chooseWithStart`), the end a stated duration
 * implies (`endFromStatedDuration`) and the mitigation a stated time to mitigate implies, with
 * the warnings that raises.
 */
function settleMilestones(
  incident: ParsedIncident,
  entries: readonly ResolvedEntry[],
  candidates: readonly Candidate[],
  pins: Partial<Record<MilestoneName, Pin>>,
  notes: readonly { text: string; line: number }[],
  cues: readonly Cue[],
): { chosen: Record<MilestoneName, ChosenMilestone | null>; warnings: MilestoneWarning[] } {
  const settled = chooseWithStart(incident, candidates, pins, notes, cues);
  // An untimed line in a timeline ("Total impact: 1 hour 5 minutes") is a field, like a note.
  const fields = entries.flatMap((entry) =>
    entry.time ? [] : [{ text: entry.text, line: entry.line }],
  );
  const ended = endFromStatedDuration(
    candidates,
    settled.pins,
    settled.chosen,
    [...notes, ...fields],
    incident.zone,
  );
  return {
    ...ended,
    chosen: mitigationFromStated(candidates, settled.pins, ended.chosen, [...notes, ...fields]),
  };
}

/**
 * Front-matter milestones the timeline contradicts (before the start, after the resolution),
 * each compared with what the timeline alone says; an empty list when front matter sets none.
 */
function contradictedFrontMatter(
  candidates: readonly Candidate[],
  pins: Partial<Record<MilestoneName, Pin>>,
  chosen: Record<MilestoneName, ChosenMilestone | null>,
  zone: string,
): OverrideProblem[] {
  const frontMatterPins = Object.fromEntries(
    Object.entries(pins).filter(([, pin]) => pin.cue === 'front-matter'),
  ) as Partial<Record<MilestoneName, Pin>>;
  if (Object.keys(frontMatterPins).length === 0) return [];
  const unpinned = chooseMilestones(candidates, {});
  const check = Object.fromEntries(
    MILESTONE_NAMES.map((name) => [name, frontMatterPins[name] ? chosen[name] : unpinned[name]]),
  ) as Record<MilestoneName, ChosenMilestone | null>;
  return invertedOverrides(check, frontMatterPins, zone);
}

/** Each entry as a published timeline event: instants in `zone` (ISO 8601), kind and cues read. */
function timelineEvents(
  entries: readonly ResolvedEntry[],
  readings: readonly LineReading[],
  zone: string,
): TimelineEvent[] {
  return entries.map((entry, index) => {
    const reading = readings[index];
    return {
      time: entry.time ? formatInstant(entry.time, zone) : null,
      endTime: entry.endTime ? formatInstant(entry.endTime, zone) : null,
      timeLabel: entry.timeLabel,
      approximate: entry.stamp?.approximate ?? false,
      line: entry.line,
      source: entry.source,
      actor: entry.actor,
      text: entry.text,
      kind: reading?.kind ?? 'note',
      state: entry.state ?? null,
      cues: reading
        ? Object.values(reading.best).map((hit) => ({
            cue: hit.cue,
            phase: hit.phase,
            weight: hit.weight,
          }))
        : [],
    };
  });
}

/**
 * The impact figures in the timeline, notes and impact section, and the users affected: front
 * matter's count, else the first users figure (a number, or its context when not one), else null.
 */
function impactAndUsers(
  incident: ParsedIncident,
  entries: readonly ResolvedEntry[],
  start: number | null,
): { impact: Facts['impact']; usersAffected: Facts['usersAffected'] } {
  // A figure in a line before the impact began tells the lead-up's audience ("email sent to
  // 2.1M subscribers", "rolled out to 40% of hosts"), not who was affected.
  const leadUp = (entry: ResolvedEntry): boolean =>
    start !== null && entry.time !== null && entry.time.toMillis() < start;
  const textLines = [
    ...entries
      .filter((entry) => !leadUp(entry))
      .map((entry) => ({ text: entry.text, line: entry.line })),
    ...incident.notes.map((note) => ({ text: note.markdown, line: note.line })),
    ...(incident.human.impact
      ? [{ text: incident.human.impact.markdown, line: incident.human.impact.line }]
      : []),
  ];
  const impact = findImpactFigures(textLines);
  const usersFigure = impact.find((figure) => figure.kind === 'users');
  const written = incident.frontMatter.users_affected ?? incident.frontMatter.customers_affected;
  const usersAffected =
    written ??
    (usersFigure
      ? (parseCount(usersFigure.value.replace(/\+$/, '')) ?? usersFigure.context)
      : null);
  return { impact, usersAffected };
}

/**
 * The chosen milestones as published: each one's instant in `zone` (ISO 8601), line and reason,
 * and the evidence for it (the line's text, the cue, the confidence, the runner-up).
 */
function milestoneFacts(
  chosen: Record<MilestoneName, ChosenMilestone | null>,
  zone: string,
): { milestones: Record<string, Milestone>; evidence: NonNullable<Facts['evidence']> } {
  const milestoneRecord: Record<string, Milestone> = {};
  const evidence: NonNullable<Facts['evidence']> = {
    start: null,
    detected: null,
    acknowledged: null,
    identified: null,
    mitigated: null,
    resolved: null,
  };
  for (const name of MILESTONE_NAMES) {
    const milestone = chosen[name];
    if (!milestone) continue;
    milestoneRecord[name] = {
      time: formatInstant(DateTime.fromMillis(milestone.time, { zone }), zone),
      line: milestone.line,
      reason: milestone.reason,
    };
    evidence[name] = {
      line: milestone.line,
      text: milestone.text,
      cue: milestone.cue,
      confidence: milestone.confidence,
      runnerUp: milestone.runnerUp,
    };
  }
  return { milestones: milestoneRecord, evidence };
}

/**
 * The impact's duration in minutes, or null with no start.
 * The report's own figure ("Impact duration: 59m", "the outage lasted 1h07m") beats the span
 * to the resolved line, which may be a declared close long after the impact ended. Only the
 * report's prose states it: a timeline line is one voice among many (and may be a pasted
 * message trying to set the figure). With no end time, a looser duration in words ("it took
 * 45 minutes") anywhere is the duration.
 */
function impactDurationMinutes(
  chosen: Record<MilestoneName, ChosenMilestone | null>,
  summaryText: string,
  reportText: string,
): number | null {
  return chosen.start
    ? (readStatedImpactMinutes(summaryText) ??
        minutesBetween(chosen.start, chosen.resolved) ??
        readStatedDurations(reportText).durationMinutes)
    : null;
}

/**
 * A parsed incident's facts: every line read (with `options.cues`, the built-in table by
 * default), the milestones chosen, the durations in minutes, the figures, the events with
 * instants in the incident's zone. `problems` lists front-matter milestones the timeline
 * contradicts. Throws (zod) only if the facts break their own schema, which is our bug.
 */
export function analyzeIncident(
  incident: ParsedIncident,
  options: { cues?: readonly Cue[] } = {},
): {
  facts: Facts;
  problems: OverrideProblem[];
  warnings: MilestoneWarning[];
} {
  const entries = chronological(incident.entries);
  const cues = options.cues ?? CUES;
  const readings = entries.map((entry) =>
    readLine(entry.text, entry.state ?? null, cues, entry.actor, entry.source),
  );
  const candidates = incidentCandidates(entries, readings);
  const pins = statedPins(incident, candidates, cues);
  const notes = [incident.human.summary, incident.human.impact, ...incident.notes].flatMap(
    (note) => (note ? [{ text: note.markdown, line: note.line }] : []),
  );
  const { chosen, warnings } = settleMilestones(incident, entries, candidates, pins, notes, cues);
  const problems = contradictedFrontMatter(candidates, pins, chosen, incident.zone);
  const events = timelineEvents(entries, readings, incident.zone);
  const { impact, usersAffected } = impactAndUsers(incident, entries, chosen.start?.time ?? null);
  const { milestones: milestoneRecord, evidence } = milestoneFacts(chosen, incident.zone);
  const toZone = (millis: number): DateTime => DateTime.fromMillis(millis, { zone: incident.zone });
  const instant = (name: MilestoneName): string | null => milestoneRecord[name]?.time ?? null;
  const firstAlert = events.find(
    (event) => event.time && (event.kind === 'alert' || event.kind === 'impact'),
  );
  const firstTimedLine = Math.min(...entries.flatMap((entry) => (entry.time ? [entry.line] : [])));
  const title =
    incident.title ??
    documentTitle(incident.preamble, firstTimedLine) ??
    titleFromSubject([
      ...incident.preamble.map((block) => block.markdown),
      ...entries.map((entry) => entry.text),
    ]) ??
    titleFromImpact(incident.human.impact?.markdown ?? null) ??
    (firstAlert ? titleFromAlert(firstAlert.text) : incident.slug);
  const summaryText = [
    ...notes.map((note) => note.text),
    ...incident.preamble.map((block) => block.markdown),
  ].join('\n');
  const reportText = [summaryText, ...entries.map((entry) => entry.text)].join('\n');
  const duration = impactDurationMinutes(chosen, summaryText, reportText);
  const facts: Facts = {
    title,
    slug: incident.slug,
    file: incident.file,
    date: chosen.start ? (toZone(chosen.start.time).toISODate() ?? incident.date) : incident.date,
    timezone: incident.zone,
    severity:
      incident.frontMatter.severity ??
      statedSeverity(
        incident.notes.map((note) => note.markdown),
        // A `[SEV1]` tag is read off the line as its source; the severity is in it.
        entries.map((entry) => (entry.source ? `[${entry.source}] ${entry.text}` : entry.text)),
      ),
    language: incident.frontMatter.language ?? null,
    status: incidentStatus(incident.frontMatter.status, {
      resolved: chosen.resolved !== null,
      mitigated: chosen.mitigated !== null,
      identified: chosen.identified !== null,
    }),
    documentStatus:
      incident.frontMatter.document_status ??
      (incident.frontMatter.status === 'postmortem' ? 'published' : 'draft'),
    draft: incident.frontMatter.status === 'draft',
    authors: incident.frontMatter.authors ?? [],
    services: incident.frontMatter.services ?? incident.frontMatter.services_affected ?? [],
    start: instant('start'),
    detected: instant('detected'),
    acknowledged: instant('acknowledged'),
    identified: instant('identified'),
    mitigated: instant('mitigated'),
    resolved: instant('resolved'),
    milestones: milestoneRecord,
    evidence,
    durationMinutes: duration,
    timeToDetectMinutes: minutesBetween(chosen.start, chosen.detected),
    timeToAcknowledgeMinutes: minutesBetween(chosen.detected, chosen.acknowledged),
    timeToMitigateMinutes: minutesBetween(chosen.start, chosen.mitigated),
    timeToResolveMinutes: duration,
    usersAffected,
    impact,
    events,
    notes: incident.notes,
    human: {
      summary: incident.human.summary,
      impact: incident.human.impact,
      trigger: incident.human.trigger,
      rootCause: incident.human.rootCause,
      detection: incident.human.detection,
      mitigations: incident.human.mitigations,
      lessons: incident.human.lessons,
      actionItems: incident.human.actionItems,
    },
  };
  return { facts: FactsSchema.parse(facts), problems, warnings };
}
