/**
 * Chooses the six milestones together: start ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved,
 * as the one assignment over the time-sorted events with the highest total score (a dynamic
 * programme, O(events × 5)); identified lies between acknowledged and resolved, before or after
 * the mitigation (a cause is often found once the bleeding has stopped). Pins (front matter, times the notes state) are fixed
 * points. A milestone with no evidence is null; confidence comes from the cue's weight and the
 * margin over the runner-up.
 */
import { MILESTONE_NAMES, type MilestoneName } from '../../schemas/front-matter.js';
import type { Phase } from './cues.js';
import type { LineReading } from './read-line.js';

export type Confidence = 'high' | 'medium' | 'low';

export interface Candidate {
  /** UTC milliseconds. */
  time: number;
  line: number;
  text: string;
  reading: LineReading;
}

export interface Pin {
  time: number;
  line: number;
  text: string;
  /** `front-matter` or `stated-in-notes`. */
  cue: string;
  reason: string;
  confidence: Confidence;
}

export interface ChosenMilestone {
  time: number;
  line: number;
  text: string;
  cue: string;
  reason: string;
  confidence: Confidence;
  runnerUp: { line: number; text: string } | null;
  /** Index into the candidates, or null for a pin. */
  index: number | null;
}

interface Scored {
  score: number;
  weight: number;
  cue: string;
  reason: string;
  /** The phase whose cue scored: a milestone read from another phase's evidence is a proxy. */
  phase: Phase | null;
}

const NONE: Scored = { score: 0, weight: 0, cue: '', reason: '', phase: null };

function from(reading: LineReading, phase: Phase, bonus = 0): Scored {
  const hit = reading.best[phase];
  return hit
    ? { score: hit.weight + bonus, weight: hit.weight, cue: hit.cue, reason: hit.reason, phase }
    : NONE;
}

function better(a: Scored, b: Scored): Scored {
  return b.score > a.score ? b : a;
}

/**
 * A line in which the team names the milestone itself in words ("outage begins", "declared the
 * incident mitigated"): its own word for the moment, so it outranks any line from which the
 * moment is only inferred.
 */
function declares(reading: LineReading, phase: Phase): boolean {
  const hit = reading.best[phase];
  // In words (clause ≥ 0): a status page's Monitoring state is a post's label, and an earlier
  // "delays are improving" already said where the impact receded.
  return hit !== undefined && hit.weight >= 3 && hit.cuePhase === phase && hit.clause >= 0;
}

/** A clear line scores one flat level: among lines equally able to be the moment, the earliest. */
function flat(s: Scored, level: number): Scored {
  return s.weight >= 2 ? { ...s, score: level } : s;
}

/**
 * How well one line fits each milestone. Start and mitigation are the moment something first
 * happened, so every clear line for them scores the same level and the earliest wins; only a
 * line that declares the moment in the team's words outranks them. Recovery outranks an action
 * for "mitigated" (the action may not have worked; the recovery says it did), and a declared
 * end outranks the last recovery for "resolved".
 */
export function milestoneScore(name: MilestoneName, reading: LineReading): Scored {
  switch (name) {
    case 'start': {
      // The first statement of impact starts the incident, whether an alert or a person wrote
      // it: an alert pasted above a person's earlier "checkout erroring" must not move the start.
      const detect = reading.best.detect;
      const alertLike = detect && (detect.kind === 'alert' || detect.kind === 'report');
      const impact = from(reading, 'impact');
      if (declares(reading, 'impact')) return { ...impact, score: 4 };
      return flat(better(impact, alertLike ? from(reading, 'detect') : NONE), 3);
    }
    case 'detected':
      // The first alert, customer report or person noticing detects it: a clear report at 10:00
      // is not outranked by a [FIRING] state at 10:05 (flat, so the earliest clear line wins).
      return better(flat(from(reading, 'detect'), 3), from(reading, 'acknowledge', -1));
    case 'acknowledged':
      // The first human response: "checking now" at 10:06 acknowledges before a bot's "Jane is
      // now the incident commander" at 10:07 (flat, so the earliest clear line wins).
      return flat(from(reading, 'acknowledge'), 3);
    case 'identified':
      return from(reading, 'identify');
    case 'mitigated': {
      if (declares(reading, 'recovery-partial'))
        return { ...from(reading, 'recovery-partial'), score: 4 };
      return [
        // Any clear recovery is as good as another: the first one is where impact receded.
        flat(from(reading, 'recovery-partial'), 3),
        flat(from(reading, 'recovery-full'), 3),
        // A vague change ("moved", "added") alone is too weak to call a mitigation.
        (reading.best['mitigate-action']?.weight ?? 0) >= 2
          ? from(reading, 'mitigate-action')
          : NONE,
        from(reading, 'resolved-declared', -2),
      ].reduce(better);
    }
    case 'resolved': {
      // Any full recovery is as good as another: the last one ends the incident.
      const full = from(reading, 'recovery-full');
      const capped = full.score > 2 ? { ...full, score: 2 } : full;
      return better(from(reading, 'resolved-declared', 1), capped);
    }
  }
}

/**
 * The best increasing assignment of the milestones `chain` (indexes into the score rows) to
 * positions 0..n-1, by a dynamic programme: G[c][i] is the best total for the chain's first
 * c+1 milestones with every chosen position ≤ i. A milestone may share a position with the one
 * before it, or stay null. Returns the chosen position per milestone of the chain.
 */
function bestChain(
  chain: readonly number[],
  n: number,
  value: (k: number, i: number) => number,
): (number | null)[] {
  const K = chain.length;
  const G: Float64Array[] = Array.from({ length: K }, () => new Float64Array(n));
  const choice: Uint8Array[] = Array.from({ length: K }, () => new Uint8Array(n)); // 0 null, 1 carry, 2 take
  for (let c = 0; c < K; c++) {
    const row = G[c] as Float64Array;
    const prev = c > 0 ? (G[c - 1] as Float64Array) : null;
    const picks = choice[c] as Uint8Array;
    const k = chain[c] ?? 0;
    for (let i = 0; i < n; i++) {
      const below = prev ? (prev[i] ?? 0) : 0;
      let best = below;
      let pick = 0;
      if (i > 0 && (row[i - 1] ?? 0) > best) {
        best = row[i - 1] ?? 0;
        pick = 1;
      }
      const take = value(k, i) + below;
      if (take > best) {
        best = take;
        pick = 2;
      }
      row[i] = best;
      picks[i] = pick;
    }
  }
  const chosen: (number | null)[] = new Array<number | null>(K).fill(null);
  let i = n - 1;
  for (let c = K - 1; c >= 0 && i >= 0; c--) {
    while (i >= 0 && choice[c]?.[i] === 1) i--;
    if (i >= 0 && choice[c]?.[i] === 2) chosen[c] = i;
  }
  return chosen;
}

type Item = { candidate: Candidate | null; pin: Pin | null; index: number | null; time: number };

const isRecovery = (s: Scored | undefined): boolean =>
  s?.phase === 'recovery-partial' || s?.phase === 'recovery-full';

/**
 * Where the impact first receded, between `from` and the resolving line `end` (exclusive): the
 * first line whose recovery (partial or full) scores for "mitigated"; with none, the last action
 * that scores and is not followed by a fresh statement of impact before the end (an action the
 * failure outlived did not mitigate it). Null when no line before the end qualifies.
 */
function firstReceding(
  items: readonly Item[],
  scores: readonly Scored[],
  from: number,
  end: number,
): number | null {
  const before = (j: number): boolean => (items[j]?.time ?? 0) < (items[end]?.time ?? 0);
  for (let j = from; j < end; j++) {
    const s = scores[j];
    if (isRecovery(s) && (s?.score ?? 0) >= 2 && before(j)) return j;
  }
  let impactAfter = false;
  for (let j = end - 1; j >= from; j--) {
    const s = scores[j];
    if ((s?.score ?? 0) >= 2 && s?.phase === 'mitigate-action' && before(j) && !impactAfter)
      return j;
    const after = items[j]?.candidate?.reading.scores;
    const recovering =
      (after?.['recovery-partial'] ?? 0) > 0 || (after?.['recovery-full'] ?? 0) > 0;
    if ((after?.impact ?? 0) >= 2 && !recovering) impactAfter = true;
  }
  return null;
}

/** Whether a line's reading says the impact receded, partly or fully. */
const recedes = (scores: Readonly<Record<Phase, number>>): boolean =>
  scores['recovery-partial'] > 0 || scores['recovery-full'] > 0;

/**
 * Lowers to 1 every action the failure outlived, so a later action or recovery wins the
 * tie-break that favours the earliest: "restarted the pods" followed by "no change, CPU still at
 * 100%" before the next action or recovery. A recovery is not lowered by a later relapse: the
 * impact did recede there, and a second window is a second story (fixture
 * cause-as-topic-and-two-windows).
 */
function demoteOutlived(items: readonly Item[], row: Scored[]): void {
  const n = items.length;
  items.forEach((item, i) => {
    const s = row[i];
    if (!item.candidate || s?.phase !== 'mitigate-action' || s.score < 2) return;
    for (let j = i + 1; j < n; j++) {
      const next = items[j]?.candidate?.reading.scores;
      if (!next) continue;
      if (recedes(next) || next['mitigate-action'] >= 2) return;
      if (next.impact >= 2) {
        row[i] = { ...s, score: 1 };
        return;
      }
    }
  });
}

/**
 * A full recovery this long after the action before it is not that action's effect showing
 * (a rollback takes, errors back to baseline five minutes later: fixtures
 * pages-render-again-after-the-revert and others), but the end of a longer recovery: the
 * backlog drained, the hardware replaced. One hand-set level, like the cue weights.
 */
const ACTION_TO_RECOVERY_GAP_MS = 30 * 60_000;

/**
 * Lowers to 1 every full recovery that comes `ACTION_TO_RECOVERY_GAP_MS` or more after a clear
 * action with nothing between them saying the impact receded or went on: "04:02 failover to the
 * DR cluster done" then "06:40 switch replaced, errors at baseline" is mitigated at the
 * failover; the full recovery hours later is the end, not where the impact was stopped (the
 * corpus' GitHub 2018 truth: mitigated at the fail-back, hours before green). A partial
 * recovery after the action still wins (it says where the action took: fixture
 * action-effect-is-the-mitigation), and a line that is itself an action keeps its score. Run
 * after `demoteOutlived`, so an action the failure outlived (score 1) does not count.
 */
function demoteRecoveryLongAfterAction(items: readonly Item[], row: Scored[]): void {
  let action: number | null = null;
  items.forEach((item, i) => {
    const reading = item.candidate?.reading;
    if (!reading) return;
    const s = row[i];
    const acts = reading.scores['mitigate-action'] >= 2;
    const late = action !== null && item.time - action >= ACTION_TO_RECOVERY_GAP_MS;
    if (s?.phase === 'recovery-full' && s.score >= 2 && late && !acts) row[i] = { ...s, score: 1 };
    if (recedes(reading.scores) || reading.scores.impact >= 2) action = null;
    if (acts && s?.phase === 'mitigate-action' && s.score >= 2) action = item.time;
  });
}

/**
 * Lowers to 1 every action said to be under way ("rolling back to 5.1", "failover started")
 * that a later clear action follows before any recovery or fresh impact: the step that finished
 * ("rollback done") is where the action took effect, not the first word of it.
 */
function demoteUnderway(items: readonly Item[], row: Scored[]): void {
  items.forEach((item, i) => {
    const s = row[i];
    const hit = item.candidate?.reading.best['mitigate-action'];
    if (s?.phase !== 'mitigate-action' || s.score < 2 || !hit?.underway) return;
    for (let j = i + 1; j < items.length; j++) {
      const next = items[j]?.candidate?.reading.scores;
      if (!next) continue;
      if (recedes(next) || next.impact >= 2) return;
      if (next['mitigate-action'] >= 2) {
        row[i] = { ...s, score: 1 };
        return;
      }
    }
  });
}

/**
 * A recovery the failure came back within this long is a flap (an alarm's OK for six minutes
 * between two ALARMs), not the impact receding; a relapse later than this is a second window
 * (fixture cause-as-topic-and-two-windows). One hand-set level, like the cue weights.
 */
const FLAP_GAP_MS = 15 * 60_000;

/**
 * A monitor's own word, not a person's: a structured state (`OK`, `Up`, `[FIRING]`) or a state
 * transition (`Alarm updated from OK to ALARM`). Only a monitor flaps; a person's "fully
 * recovered" before a relapse still marks where the impact receded.
 */
const MONITOR_CUES: ReadonlySet<string> = new Set([
  'recovery-transition',
  'recovery-monitor-up',
  'recovery-pager-notification',
  'detect-transition',
  'detect-monitor-down',
]);
const monitorSays = (hit: { cue: string; clause: number } | undefined): boolean =>
  !!hit && (hit.clause === -1 || MONITOR_CUES.has(hit.cue));

/** The monitor fires afresh: a firing state or transition, with no recovery beside it. */
function relapse(reading: LineReading | undefined): boolean {
  if (!reading) return false;
  const s = reading.scores;
  if (recedes(s) || s['resolved-declared'] > 0) return false;
  return s.detect >= 3 && monitorSays(reading.best.detect);
}

/**
 * Lowers to 1 every recovery the failure came back after within `FLAP_GAP_MS`, before any other
 * recovery or action: the first OK of a flapping alarm did not mitigate anything, the OK after
 * the last ALARM did (fixtures uptime-monitor-flapping-*).
 */
function demoteFlaps(items: readonly Item[], row: Scored[]): void {
  items.forEach((item, i) => {
    const s = row[i];
    if (!item.candidate || !isRecovery(s) || (s?.score ?? 0) < 2) return;
    const best = item.candidate.reading.best;
    if (!monitorSays(best['recovery-full'] ?? best['recovery-partial'])) return;
    for (let j = i + 1; j < items.length; j++) {
      const next = items[j];
      if (!next || next.time - item.time > FLAP_GAP_MS) return;
      const reading = next.candidate?.reading;
      if (!reading) continue;
      if (relapse(reading)) {
        row[i] = { ...(s as Scored), score: 1 };
        return;
      }
      if (recedes(reading.scores) || reading.scores['mitigate-action'] >= 2) return;
    }
  });
}

/**
 * A warning that settled (its monitor's recovery, or the team calling it noise) this long
 * before the next statement of impact was lead-up to the incident, not its start. One hand-set
 * level, like the cue weights: twice `FLAP_GAP_MS`, so a flap is never read as lead-up.
 */
const SETTLED_WARNING_GAP_MS = 30 * 60_000;

/**
 * An alert at any level that cleared on its own this long before the impact was a blip of its
 * own ("5xx > 2% (auto-resolved 03:14)" eight hours before the page): a failure that comes back
 * within it is the same incident relapsing (see `relapse`), one that comes back hours later is
 * not. One hand-set level.
 */
const SETTLED_ALERT_GAP_MS = 2 * 60 * 60_000;

/**
 * The last line of a warning that settled before the incident, or -1: an alert at a warning
 * level ("WARN: p95 latency 900ms") whose monitor then reported it recovered or auto-resolved,
 * or which the team acked as noise, with no action taken on it and nothing stating impact until `SETTLED_WARNING_GAP_MS`
 * later, when the impact the incident is about begins ("CRITICAL: login error rate 40%").
 * Everything up to that line is lead-up: no milestone is read from it while a later line can
 * be one (fixtures a-warning-that-auto-resolved-*, a-warning-acked-as-noise-*).
 */
function settledWarningEnd(items: readonly Item[]): number {
  let end = -1;
  for (let i = 0; i < items.length; i++) {
    const reading = items[i]?.candidate?.reading;
    const alert = reading ? reading.scores.detect >= 2 : false;
    if (!reading || (!reading.warning && !alert)) continue;
    // A warning settles in 30 minutes; any other alert only in hours (SETTLED_ALERT_GAP_MS).
    const gapNeeded = reading.warning ? SETTLED_WARNING_GAP_MS : SETTLED_ALERT_GAP_MS;
    // "(auto-resolved 03:14)": the alert's own line says it cleared.
    let settled = reading.scores['resolved-declared'] > 0 ? i : -1;
    for (let j = i + 1; j < items.length; j++) {
      const next = items[j]?.candidate?.reading;
      if (!next) continue;
      // A warning someone acted on did not settle on its own: it is part of the incident.
      if (next.scores['mitigate-action'] >= 2) break;
      // Any alert settles when it is declared over; a warning also when its figure recedes.
      const over = next.scores['resolved-declared'] > 0 || next.disowned;
      if (over || (reading.warning && recedes(next.scores))) {
        settled = j;
        continue;
      }
      const states = next.scores.impact >= 2 || next.scores.detect >= 2;
      if (!states) continue;
      if (settled < 0) break;
      const gap = (items[j]?.time ?? 0) - (items[settled]?.time ?? 0);
      if (gap >= gapNeeded) end = settled;
      break;
    }
  }
  return end;
}

/**
 * Lowers to 1 every score up to the end of a warning that settled before the incident (see
 * `settledWarningEnd`), so the impact that follows starts it and its monitor's recovery does not
 * mitigate it.
 */
function demoteSettledWarnings(items: readonly Item[], rows: Scored[][]): void {
  const end = settledWarningEnd(items);
  for (const row of rows)
    for (let i = 0; i <= end; i++) {
      const s = row[i];
      if (s && s.score >= 2 && s.score < PIN_SCORE) row[i] = { ...s, score: 1 };
    }
}

/**
 * Lowers to 1 every end before the last line that reopens the incident or says the failure came
 * back ("errors are back, incident reopened"): the first "resolved" did not end it, so the last
 * recovery or declaration after the reopening does, even a recovery nobody called "resolved"
 * (fixtures reopened-*, regression-after-all-clear).
 */
function demoteReopened(items: readonly Item[], row: Scored[]): void {
  let last = -1;
  items.forEach((item, i) => {
    if (item.candidate?.reading.reopens) last = i;
  });
  for (let i = 0; i < last; i++) {
    const s = row[i];
    if (s && s.score >= 2) row[i] = { ...s, score: 1 };
  }
}

/**
 * A line that says in words that the service works again in full, and is not itself the declared
 * end. A status page's Monitoring state does not make "error rates have returned to normal" less
 * of a recovery: the state says the team is watching, the words say users are fine.
 */
function fullRecovery(item: Item | undefined): boolean {
  const reading = item?.candidate?.reading;
  const full = reading?.best['recovery-full'];
  const partial = reading?.best['recovery-partial'];
  const inWords = (full?.clause ?? -1) >= 0 && (partial?.clause ?? -1) < 0;
  return (
    !!full &&
    full.weight >= 2 &&
    (full.weight >= (partial?.weight ?? 0) || inWords) &&
    reading.scores['resolved-declared'] === 0
  );
}

/**
 * A declaration this long after the last full recovery is bookkeeping, not the end of a watch:
 * a team that declares after watching the fix does so within the hour or so; "closed" hours
 * later records the ticket (one hand-set level, like the cue weights).
 */
const BOOKKEEPING_GAP_MS = 2 * 3_600_000;

/**
 * The same, after a recovery line that says the team keeps watching ("we will continue to
 * monitor"): a watch runs for hours, so its "resolved" up to this long after ends the incident
 * (fixture status-posts-monitoring-hours-before-resolved); a Statuspage "Resolved" posted later
 * still closes the record, not the impact (fixture statuspage-monitoring-recovered-hours-before-
 * resolved). One hand-set level, like the cue weights.
 */
const WATCH_GAP_MS = 4 * 3_600_000;

/**
 * The declared end speaks for itself about the impact: in a clause of its own it says users are
 * fine ("all back. resolving") or that the failure lasted until then ("kept failing until 09:25,
 * when the incident was closed").
 */
function statesOwnEnd(item: Item | undefined): boolean {
  const reading = item?.candidate?.reading;
  const full = reading?.best['recovery-full'];
  const ownClause = full && full.clause !== reading.best['resolved-declared']?.clause;
  return (!!ownClause && full.weight >= 2) || (reading?.scores.impact ?? 0) >= 2;
}

/**
 * Where user impact ended when the chosen resolution is bookkeeping: a declared end that records
 * paperwork (a ticket resolved, a postmortem scheduled, the status page set to Resolved) or comes
 * hours after the metrics were back ("Incident closed" at 14:10 after "error rate back to
 * baseline" at 11:03). The last full recovery before the declaration (`end`), after `from` and
 * with no fresh impact between, is then the resolution. Null keeps the declaration: it speaks
 * for itself (`statesOwnEnd`), or nothing before it says full recovery (a Statuspage `Resolved` post after
 * only a Monitoring post), or it follows the recovery within the watch.
 */
function recoveryBeforeDeclared(
  items: readonly Item[],
  resolvedRow: readonly Scored[],
  from: number,
  end: number,
): number | null {
  const declared = items[end];
  if (resolvedRow[end]?.phase !== 'resolved-declared' || statesOwnEnd(declared)) return null;
  const endTime = declared?.time ?? 0;
  for (let j = end - 1; j > from; j--) {
    const item = items[j];
    if (fullRecovery(item) && (item?.time ?? 0) < endTime) {
      const paperwork = declared?.candidate?.reading.bookkeeping === true;
      // "Back to normal, we will continue to monitor": the team said it kept watching, so a
      // declaration within the watch ends the incident; only one later than that is a record.
      const gap = item?.candidate?.reading.watching ? WATCH_GAP_MS : BOOKKEEPING_GAP_MS;
      const late = endTime - (item?.time ?? 0) >= gap;
      return late || paperwork ? j : null;
    }
    const s = item?.candidate?.reading.scores;
    if (s && s.impact >= 2 && s['recovery-partial'] === 0 && s['recovery-full'] === 0) return null;
  }
  return null;
}

/** Ties go to the earliest line, except resolution, which goes to the last. */
const LATEST: ReadonlySet<MilestoneName> = new Set(['resolved']);
const EPSILON = 1e-6;
const PIN_SCORE = 1000;

function level(weight: number): Confidence {
  return weight >= 3 ? 'high' : weight === 2 ? 'medium' : 'low';
}

function lower(confidence: Confidence): Confidence {
  return confidence === 'high' ? 'medium' : 'low';
}

/**
 * The candidates and pins as one time-sorted list. At the same instant a pin goes before the
 * lines (a pinned start may share their minute), except a pinned resolution, which goes after
 * them: the recovery line at its minute may still be the mitigation ("ran 09:35-11:47" and
 * "11:47 rollback complete").
 */
function sortedItems(
  candidates: readonly Candidate[],
  pins: Partial<Record<MilestoneName, Pin>>,
): Item[] {
  const items: Item[] = [
    ...candidates.map((candidate, index) => ({
      candidate,
      pin: null,
      index,
      time: candidate.time,
    })),
    ...Object.values(pins).map((pin) => ({ candidate: null, pin, index: null, time: pin.time })),
  ];
  const atSameTime = (item: Item): number => (!item.pin ? 0 : item.pin === pins.resolved ? 1 : -1);
  return items.sort((a, b) => a.time - b.time || atSameTime(a) - atSameTime(b));
}

/** One row of scores per milestone over the items; a pinned milestone scores only its pin. */
function scoreRows(items: readonly Item[], pins: Partial<Record<MilestoneName, Pin>>): Scored[][] {
  const scored = MILESTONE_NAMES.map((name) =>
    items.map((item) => {
      const pin = pins[name];
      if (pin) return item.pin === pin ? { ...NONE, score: PIN_SCORE, weight: 3 } : NONE;
      if (!item.candidate) return NONE;
      return milestoneScore(name, item.candidate.reading);
    }),
  );
  demoteSettledWarnings(items, scored);
  const rRow = scored[MILESTONE_NAMES.indexOf('resolved')];
  if (rRow && !pins.resolved) demoteReopened(items, rRow);
  const mRow = scored[MILESTONE_NAMES.indexOf('mitigated')];
  if (mRow && !pins.mitigated) {
    demoteOutlived(items, mRow);
    demoteUnderway(items, mRow);
    demoteRecoveryLongAfterAction(items, mRow);
    demoteFlaps(items, mRow);
  }
  return scored;
}

/**
 * The chosen item per milestone: the chain by the dynamic programme, identified in the span it
 * may take, and "mitigated" moved off the resolving line when something before it mitigated.
 */
function assign(
  items: readonly Item[],
  scored: readonly Scored[][],
  pins: Partial<Record<MilestoneName, Pin>>,
): (number | null)[] {
  const n = items.length;
  // Ties are broken by order among the lines that score for some milestone, not by position:
  // a line that scores nothing ("lunch order placed") must not move a tie either way.
  const rank = new Int32Array(n);
  for (let i = 0, seen = 0; i < n; i++) {
    rank[i] = seen;
    if (scored.some((row) => (row[i]?.score ?? 0) > 0)) seen++;
  }
  const value = (k: number, i: number): number => {
    const s = scored[k]?.[i]?.score ?? 0;
    if (s <= 0) return -Infinity;
    const name = MILESTONE_NAMES[k] as MilestoneName;
    const order = rank[i] ?? 0;
    return s + (LATEST.has(name) ? EPSILON * order : -EPSILON * order);
  };
  const chosenIndex: (number | null)[] = new Array<number | null>(MILESTONE_NAMES.length).fill(
    null,
  );
  // The chain in order; the cause may be found before or after the impact is mitigated.
  const chain = MILESTONE_NAMES.flatMap((name, k) => (name === 'identified' ? [] : [k]));
  const picked = bestChain(chain, n, value);
  chain.forEach((k, c) => (chosenIndex[k] = picked[c] ?? null));
  const r = MILESTONE_NAMES.indexOf('resolved');
  const m = MILESTONE_NAMES.indexOf('mitigated');
  const declared = chosenIndex[r];
  if (!pins.resolved && declared != null) {
    const floor = Math.max(...chosenIndex.slice(0, m).map((x) => x ?? -1));
    const recovered = recoveryBeforeDeclared(items, scored[r] ?? [], floor, declared);
    if (recovered !== null) {
      chosenIndex[r] = recovered;
      const mi = chosenIndex[m];
      if (!pins.mitigated && mi != null && mi > recovered) chosenIndex[m] = recovered;
    }
  }
  const identified = MILESTONE_NAMES.indexOf('identified');
  const after = Math.max(
    ...MILESTONE_NAMES.slice(0, identified).map((_, k) => chosenIndex[k] ?? 0),
    0,
  );
  const until = chosenIndex[MILESTONE_NAMES.indexOf('resolved')] ?? n - 1;
  let found = -Infinity;
  for (let j = after; j <= until; j++)
    if (value(identified, j) > found) {
      found = value(identified, j);
      chosenIndex[identified] = j;
    }
  // "Mitigated" shares the resolving line only when nothing before it mitigated.
  const mi = chosenIndex[m];
  if (!pins.mitigated && mi != null && mi === chosenIndex[r]) {
    const floor = Math.max(
      ...chosenIndex.slice(0, m).map((x, k) => (k === identified ? -1 : (x ?? -1))),
    );
    chosenIndex[m] = firstReceding(items, scored[m] ?? [], Math.max(floor, 0), mi) ?? mi;
  }
  // A resolution pinned to the minute of the recovery chosen as the mitigation (a stated
  // duration landing on "5xx back to baseline"): that recovery is the end, and the mitigation is
  // what receded before it ("rolled back" ten minutes earlier), when anything did.
  const resolvedPin = pins.resolved;
  const mp = chosenIndex[m];
  if (!pins.mitigated && resolvedPin && mp != null && isRecovery(scored[m]?.[mp])) {
    // A line that is itself the action ("rollback complete, back to baseline") stays.
    const acting = (items[mp]?.candidate?.reading.scores['mitigate-action'] ?? 0) >= 2;
    const same = !acting && Math.abs((items[mp]?.time ?? 0) - resolvedPin.time) < 60_000;
    const floor = Math.max(
      ...chosenIndex.slice(0, m).map((x, k) => (k === identified ? -1 : (x ?? -1))),
    );
    if (same) chosenIndex[m] = firstReceding(items, scored[m] ?? [], Math.max(floor, 0), mp) ?? mp;
  }
  // Pins always win, even pins that contradict each other (reported as a problem elsewhere).
  MILESTONE_NAMES.forEach((name, k) => {
    const pin = pins[name];
    if (pin) chosenIndex[k] = items.findIndex((item) => item.pin === pin);
  });
  return chosenIndex;
}

/** The best other line for a milestone at another minute (ties: the latest for resolution). */
function runnerUp(
  items: readonly Item[],
  row: readonly Scored[],
  name: MilestoneName,
  index: number,
): { item: Item; s: Scored } | null {
  const chosen = items[index];
  let runner: { item: Item; s: Scored; j: number } | null = null;
  items.forEach((other, j) => {
    const os = row[j] ?? NONE;
    if (j === index || os.score <= 0 || !other.candidate || !chosen) return;
    if (Math.abs(other.time - chosen.time) < 60_000) return;
    const preferred = LATEST.has(name) && j > (runner?.j ?? -1);
    if (!runner || os.score > runner.s.score || (os.score === runner.s.score && preferred))
      runner = { item: other, s: os, j };
  });
  return runner;
}

/** The chosen line as a milestone, with how sure the choice is. */
function describe(
  items: readonly Item[],
  row: readonly Scored[],
  name: MilestoneName,
  index: number,
): ChosenMilestone {
  const item = items[index] as Item;
  if (item.pin)
    return {
      time: item.pin.time,
      line: item.pin.line,
      text: item.pin.text,
      cue: item.pin.cue,
      reason: item.pin.reason,
      confidence: item.pin.confidence,
      runnerUp: null,
      index: null,
    };
  const s = row[index] ?? NONE;
  const candidate = item.candidate as Candidate;
  const rival = runnerUp(items, row, name, index);
  let confidence = level(s.weight);
  // Sure only with a margin: a rival line that scores as well (or better, and was forced out by
  // the order) means the choice rests on position, not evidence.
  // Start is scored flat (the earliest clear line wins), so its margin is over the evidence's
  // own weight: an equally flat later alert does not make the first statement of impact unsure.
  const strength = (x: Scored): number =>
    name === 'start' || name === 'detected' || name === 'acknowledged' ? x.weight : x.score;
  if (rival && strength(rival.s) > strength(s) - 1) confidence = lower(confidence);
  // A mitigation read from the full recovery is a proxy, never sure: where the impact was first
  // stopped is a judgement the recovery line does not make.
  const proxy =
    name === 'mitigated' && (s.phase === 'recovery-full' || s.phase === 'resolved-declared');
  if (proxy && confidence === 'high') confidence = 'medium';
  return {
    time: item.time,
    line: candidate.line,
    text: candidate.text,
    cue: s.cue,
    reason: s.reason,
    confidence,
    runnerUp: rival?.item.candidate
      ? { line: rival.item.candidate.line, text: rival.item.candidate.text }
      : null,
    index: item.index,
  };
}

/**
 * The best assignment. `candidates` may be in any order; they are sorted by time (stable).
 * Returns one entry per milestone, null when the events give no evidence for it.
 */
export function chooseMilestones(
  candidates: readonly Candidate[],
  pins: Partial<Record<MilestoneName, Pin>>,
): Record<MilestoneName, ChosenMilestone | null> {
  const items = sortedItems(candidates, pins);
  const scored = scoreRows(items, pins);
  const chosenIndex = assign(items, scored, pins);
  const result = {} as Record<MilestoneName, ChosenMilestone | null>;
  MILESTONE_NAMES.forEach((name, k) => {
    const index = chosenIndex[k];
    result[name] =
      index == null || !items[index] ? null : describe(items, scored[k] ?? [], name, index);
  });
  return result;
}
