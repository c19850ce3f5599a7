/**
 * The milestone rules. Each milestone is taken from the first rule that finds a line, and
 * records that line and the rule, so a reviewer who disagrees can see why and override it in
 * the front matter.
 */
import type { DateTime } from 'luxon';
import type { MilestoneName } from '../../schemas/front-matter.js';
import type { EventKind } from '../../schemas/facts.js';
import { signals } from './signals.js';
import { readMinutesAfterStart, readStatedDurations } from './stated-durations.js';

export interface DatedEvent {
  time: DateTime | null;
  line: number;
  text: string;
  source: string | null;
  kind: EventKind;
}

export interface FoundMilestone {
  time: DateTime;
  line: number;
  reason: string;
}

export type Milestones = Record<MilestoneName, FoundMilestone | null>;

/** Times a note states outright ("impact began at 22:52", "resolved at 23:40"). */
export type StatedTimes = Partial<
  Record<'start' | 'detected' | 'mitigated' | 'resolved', DateTime>
>;

/** A change this close before the first error is taken as what started it. */
const CHANGE_TO_IMPACT_MINUTES = 5;

export interface MilestoneInput {
  events: readonly DatedEvent[];
  /** Free-text notes with their first line, searched for stated durations and times. */
  notes: readonly { text: string; line: number; stated: StatedTimes }[];
  overrides: Partial<Record<MilestoneName, FoundMilestone>>;
}

type Timed = DatedEvent & { time: DateTime };

function found(event: Timed, reason: string): FoundMilestone {
  return { time: event.time, line: event.line, reason };
}

const atOrAfter = (start: FoundMilestone | null) => (event: Timed) =>
  !start || event.time >= start.time;

function findStart(timed: Timed[], input: MilestoneInput): FoundMilestone | null {
  const marked = timed.find((event) => signals.impactStart.test(event.text));
  if (marked) return found(marked, 'line says impact began');
  const noted = statedIn(input, 'start');
  if (noted) return { ...noted, reason: 'notes say when impact began' };
  const firstImpact = timed.find(
    (event) => signals.impact.test(event.text) || signals.alert.test(event.text),
  );
  const stated = readStatedDurations(input.notes.map((note) => note.text).join('\n'));
  const recovery = findRecoveryClaims(timed).at(-1);
  const candidates: FoundMilestone[] = [];
  if (stated.timeToResolveMinutes !== null && recovery) {
    candidates.push({
      time: recovery.time.minus({ minutes: stated.timeToResolveMinutes }),
      line: input.notes[0]?.line ?? recovery.line,
      reason: 'stated time to recovery, counted back from recovery',
    });
  }
  const firstDetection = timed.find(isDetection);
  if (stated.timeToDetectMinutes !== null && firstDetection) {
    candidates.push({
      time: firstDetection.time.minus({ minutes: stated.timeToDetectMinutes }),
      line: input.notes[0]?.line ?? firstDetection.line,
      reason: 'stated time to detection, counted back from detection',
    });
  }
  for (const event of timed) {
    const after = readMinutesAfterStart(event.text);
    if (after !== null)
      candidates.push({
        time: event.time.minus({ minutes: after }),
        line: event.line,
        reason: 'line states the time since the start',
      });
  }
  const first = timed[0];
  const plausible = candidates.find(
    (c) =>
      first &&
      c.time >= first.time.minus({ days: 1 }) &&
      (!firstImpact || c.time <= firstImpact.time),
  );
  if (plausible) {
    // Prefer the timeline line at that minute, so the start cites the line it happened on.
    const same = timed.find(
      (event) => Math.abs(event.time.diff(plausible.time, 'minutes').minutes) < 1,
    );
    return same ? found(same, plausible.reason) : plausible;
  }
  if (firstImpact) {
    const change = timed.find(
      (event) => signals.deploy.test(event.text) && event.time <= firstImpact.time,
    );
    if (
      change &&
      firstImpact.time.diff(change.time, 'minutes').minutes <= CHANGE_TO_IMPACT_MINUTES
    ) {
      return found(
        change,
        `a change ${CHANGE_TO_IMPACT_MINUTES} minutes or less before the first errors`,
      );
    }
    return found(firstImpact, 'first line reporting errors, failures or alerts');
  }
  return first ? found(first, 'first timed line') : null;
}

function statedIn(
  input: MilestoneInput,
  name: keyof StatedTimes,
): { time: DateTime; line: number } | null {
  const note = input.notes.find((n) => n.stated[name]);
  const time = note?.stated[name];
  return note && time ? { time, line: note.line } : null;
}

function isDetection(event: DatedEvent): boolean {
  return (
    signals.detectedMarker.test(event.text) ||
    signals.alert.test(event.text) ||
    signals.report.test(event.text) ||
    signals.acknowledge.test(event.text) ||
    signals.investigate.test(event.text) ||
    (event.source !== null && signals.alertSource.test(event.source))
  );
}

function isClaim(event: DatedEvent, pattern: RegExp): boolean {
  const matches =
    pattern.test(event.text) ||
    (pattern === signals.strongRecovery && signals.monitorRecovered.test(event.text));
  return matches && !signals.caveat.test(event.text);
}

function findRecoveryClaims(timed: Timed[]): Timed[] {
  return timed.filter(
    (event) => isClaim(event, signals.strongRecovery) || isClaim(event, signals.weakRecovery),
  );
}

function findResolved(timed: Timed[], start: FoundMilestone | null): FoundMilestone | null {
  const after = timed.filter(atOrAfter(start));
  const declared = after.find((event) => signals.resolveMarker.test(event.text));
  if (declared) return found(declared, 'line declares the incident resolved');
  const last = findRecoveryClaims(after).at(-1);
  return last ? found(last, 'last line stating full recovery') : null;
}

function findMitigated(
  timed: Timed[],
  start: FoundMilestone | null,
  resolved: FoundMilestone | null,
): FoundMilestone | null {
  const window = timed.filter(
    (event) => atOrAfter(start)(event) && (!resolved || event.time <= resolved.time),
  );
  const marked = window
    .filter((event) => event.line !== resolved?.line && signals.mitigatedMarker.test(event.text))
    .at(-1);
  if (marked) return found(marked, 'last line saying impact was mitigated or contained');
  const claim = window.find(
    (event) =>
      isClaim(event, signals.strongRecovery) &&
      !(event.line === resolved?.line && signals.resolveMarker.test(event.text)),
  );
  if (claim) return found(claim, 'first line stating recovery');
  const action = window.find(
    (event) =>
      signals.mitigate.test(event.text) &&
      !signals.ineffective.test(event.text) &&
      event.line !== resolved?.line,
  );
  if (action) return found(action, 'first effective mitigating action');
  return resolved;
}

export function findMilestones(input: MilestoneInput): Milestones {
  // The rules read the timeline in time order, whatever order it was pasted in.
  const timed = input.events
    .filter((event): event is Timed => event.time !== null)
    .sort((a, b) => a.time.toMillis() - b.time.toMillis());
  const start = input.overrides.start ?? findStart(timed, input);
  const fromStart = timed.filter(atOrAfter(start));
  const detectedEvent = fromStart.find(isDetection);
  const notedDetection = statedIn(input, 'detected');
  const detected =
    input.overrides.detected ??
    (notedDetection && { ...notedDetection, reason: 'notes say when it was detected' }) ??
    (detectedEvent
      ? found(detectedEvent, 'first alert, report or response after the start')
      : null);
  const acknowledgedEvent = fromStart.find(
    (event) => signals.acknowledge.test(event.text) && atOrAfter(detected)(event),
  );
  const identifiedEvent = fromStart.find((event) => signals.identify.test(event.text));
  const notedResolution = statedIn(input, 'resolved');
  const resolved =
    input.overrides.resolved ??
    (notedResolution && { ...notedResolution, reason: 'notes say when it was resolved' }) ??
    findResolved(timed, start);
  const notedMitigation = statedIn(input, 'mitigated');
  let mitigated =
    input.overrides.mitigated ??
    (notedMitigation && { ...notedMitigation, reason: 'notes say when it was mitigated' }) ??
    findMitigated(timed, start, resolved);
  if (mitigated && resolved && mitigated.time > resolved.time) mitigated = resolved;
  return {
    start,
    detected,
    acknowledged:
      input.overrides.acknowledged ??
      (acknowledgedEvent ? found(acknowledgedEvent, 'first acknowledgement') : null),
    identified:
      input.overrides.identified ??
      (identifiedEvent ? found(identifiedEvent, 'first line naming the cause') : null),
    mitigated,
    resolved,
  };
}
