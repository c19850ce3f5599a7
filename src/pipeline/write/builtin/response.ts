/**
 * Response and recovery: the actions responders took, in order, with failed attempts marked,
 * and the lines that say service came back. Impact lines, status posts and outcomes are not
 * actions (the action cues decide). The fix is structural: the last action that did not fail,
 * at or before the first recovery the analysis found.
 */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import { ACTION_CUES, ACTION_THRESHOLD } from '../cues/action-cues.js';
import { scoreText } from '../cues/cue.js';
import { CLEARED, recordsAlert } from './detection.js';
import { isNoise } from './sentences.js';

export interface ResponseStep {
  event: TimelineEvent;
  failed: boolean;
  /** It helped part of the service ("US recovered, EU still failing"): not failed, not the fix. */
  partial: boolean;
  /** For a failed step: the clause that says how it failed ("rollback job failed on permissions"). */
  failure: string | null;
  /**
   * The attempt itself could not be carried out (the job failed on permissions, the deploy timed
   * out): a tooling problem worth an action item. A restart that ran but did not help is failed
   * and not broken: it tested a wrong guess.
   */
  broken: boolean;
}

/** Words that say the attempt could not be carried out, not that it did not help. */
const BROKEN =
  /\b(?:(?:job|rollback|restart|failover|deploy|attempt|command|script|pipeline|runbook) (?:failed|errored|timed out|hung)|failed on\b|failed to (?:roll|restart|apply|deploy|start|complete)|permission denied|no access|access denied)\b/i;

export interface Response {
  steps: ResponseStep[];
  /** The action that made impact recede: the last step that did not fail, at or before recovery. */
  fix: ResponseStep | null;
  /** The line that established the mitigated milestone, and the resolved one. */
  mitigated: TimelineEvent | null;
  resolved: TimelineEvent | null;
}

const DID_NOT_WORK = ACTION_CUES.find((cue) => cue.id === 'did-not-work');
const RECOVERED = ACTION_CUES.find((cue) => cue.id === 'recovered');
const TOOL_RECORD = ACTION_CUES.find((cue) => cue.id === 'tool-record');

/**
 * A line that tells of an attempt that could not go through, without an action verb of its own:
 * "EU pool drain stuck on a PodDisruptionBudget", "the rollback timed out".
 */
const ATTEMPT_STUCK =
  /\b(?:drain|rollback|roll-back|restart|failover|fail-over|deploy(?:ment)?|migration|restore|attempt|fix|patch|upgrade)s?\b.{0,30}\b(?:stuck|hung|hangs|timed out|blocked|failed|errored|refused)\b/i;

/** Whether one clause of the line says service came back for some of it ("US recovered"). */
const recoversPart = (text: string) =>
  text
    .split(CLAUSE)
    .some((clause) => RECOVERED?.pattern.test(clause) && !DID_NOT_WORK?.pattern.test(clause));

/** A line's clauses: "uploaded the new cert, sign-ins succeed again" is an action, then an outcome. */
const CLAUSE = /[,;]\s+|\s+[-–—]\s+|\s+(?:and|but|then)\s+/;

function failureClause(text: string): string | null {
  const clause = text.split(CLAUSE).find((part) => DID_NOT_WORK?.pattern.test(part));
  return clause?.trim() ?? null;
}

/** Whether some clause of the line is an action (an outcome clause beside it does not count). */
export function isAction(text: string): boolean {
  let known = actionReadings.get(text);
  if (known === undefined) {
    const clauses = [text, ...text.split(CLAUSE)];
    // A tool's record ("Priority changed", a Statuspage post) is no action in any clause.
    known =
      !TOOL_RECORD?.pattern.test(text) &&
      clauses.some(
        (clause) => (scoreText(clause, ACTION_CUES).scores.action ?? 0) >= ACTION_THRESHOLD,
      );
    if (actionReadings.size >= 50_000) actionReadings.clear();
    actionReadings.set(text, known);
  }
  return known;
}

/** isAction per text: the writer reads the response twice, and the cue table is fixed. */
const actionReadings = new Map<string, boolean>();

/** A responder saying what they see, not that service is back. */
const DIAGNOSIS =
  /\b(?:on it|looks? like|seems? (?:like|to be)|investigating|checking|not our code)\b/i;

/** A sentence of the notes that says an attempt did not help. */
const NOT_HELPED =
  /\b(?:did ?n[o']t|did not|didn't|does ?n[o']t|had no|made no) (?:help|work|fix|change anything|effect|difference)\b/i;
const COMMON_WORDS = new Set(
  'that this with from have were what when into then than them they their there about after before because should would could back again still those these'.split(
    ' ',
  ),
);
const wordsOf = (text: string) =>
  (text.toLowerCase().match(/[a-z][a-z0-9-]{3,}/g) ?? []).filter((w) => !COMMON_WORDS.has(w));

/**
 * Whether a notes sentence that says an attempt did not help names this action: they share a
 * word that is neither common nor in every line ("bot-block", "WAF").
 */
function notesSayFailed(text: string, failures: readonly string[]): boolean {
  if (!failures.length) return false;
  const own = new Set(wordsOf(text));
  return failures.some((sentence) => {
    const [before] = sentence.split(NOT_HELPED);
    return wordsOf(before ?? '').some((word) => own.has(word));
  });
}

const at = (event: TimelineEvent): number => (event.time ? Date.parse(event.time) : NaN);

/**
 * @param exclude the trigger event, which may read like an action ("enabled the flag") but set
 *   the incident off, and the lines that state the root cause ("..., blocking reads").
 */
export function readResponse(
  facts: Facts,
  exclude: readonly TimelineEvent[],
  detected: TimelineEvent | null = null,
): Response {
  const byMilestone = (name: string) => {
    const line = facts.milestones[name]?.line;
    return facts.events.find((event) => event.line === line) ?? null;
  };
  // A mitigation dated from a line that states the cause (excluded) is no recovery line.
  // "Alert closed by system: cert check passed (previous alert)": another alert clearing.
  const cleared = (event: TimelineEvent | null) =>
    event && CLEARED.test(event.text) ? null : event;
  const resolved = cleared(byMilestone('resolved'));
  const stated = byMilestone('mitigated');
  // "on it. looks like the provider, US and APAC look healthy" at 03:21, before the 03:26 move
  // to backup: a diagnosis the analysis dated the mitigation from, not a recovery.
  const diagnosis =
    stated !== null &&
    (CLEARED.test(stated.text) ||
      (DIAGNOSIS.test(stated.text) &&
        facts.events.some(
          (event) =>
            event.time &&
            stated.time &&
            Date.parse(event.time) > Date.parse(stated.time) &&
            event !== resolved &&
            isAction(event.text),
        )));
  // Then the first later line that says service came back is the recovery.
  const after = diagnosis
    ? (facts.events.find(
        (event) =>
          event.time &&
          stated.time &&
          Date.parse(event.time) > Date.parse(stated.time) &&
          !isAction(event.text) &&
          !CLEARED.test(event.text) &&
          !isNoise(event.text) &&
          RECOVERED?.pattern.test(event.text) &&
          !DID_NOT_WORK?.pattern.test(event.text),
      ) ?? null)
    : null;
  const mitigated = after ?? (stated && (exclude.includes(stated) || diagnosis) ? null : stated);
  const recovery =
    after?.time ?? (mitigated ? facts.mitigated : null) ?? (resolved ? facts.resolved : null);
  // Nobody mitigates what they have not noticed: actions start at detection ("primary failed;
  // automatic failover" at 16:02 is the failure, the 16:05 alert is when the response began).
  // Without a detection time, at the start; a start after the detection is the analysis's guess.
  const from = detected?.time ?? facts.start;
  const startLine = facts.milestones['start']?.line;
  const actions = facts.events.filter(
    (event) =>
      !exclude.includes(event) &&
      event.kind !== 'status-update' &&
      !(from && event.time && Date.parse(event.time) < Date.parse(from)) &&
      !(event.line === startLine && event !== mitigated) &&
      !isNoise(event.text) &&
      // A page is how responders learnt of it ("Paged: replication effectively stopped").
      !(recordsAlert(event) && /^\W*(?:paged|alert|triggered|firing)\b/i.test(event.text)) &&
      (isAction(event.text) || ATTEMPT_STUCK.test(event.text)),
  );
  // Positions and membership looked up once: a 16,000-line timeline has thousands of actions.
  const isStep = new Set(actions);
  const position = new Map<TimelineEvent, number>();
  facts.events.forEach((event, index) => {
    if (!position.has(event)) position.set(event, index);
  });
  const indexOf = (event: TimelineEvent) => position.get(event) ?? -1;
  const failures = facts.notes.flatMap((note) =>
    note.markdown.split(/(?<=[.!?])\s+/).filter((sentence) => NOT_HELPED.test(sentence)),
  );
  const steps = actions.map((event): ResponseStep => {
    const { scores } = scoreText(event.text, ACTION_CUES);
    let failed =
      (scores.failed ?? 0) >= 3 || (ATTEMPT_STUCK.test(event.text) && !recoversPart(event.text));
    // "drained US; US recovered, EU still failing" helped part of it: partial, not failed.
    const partial = failed && recoversPart(event.text) && !ATTEMPT_STUCK.test(event.text);
    if (partial) failed = false;
    // "restarted the pods", then "no change, CPU still at 100%": a line between this action and
    // the next that says impact persists marks the attempt failed, unless service had recovered.
    if (!failed && !partial && event !== mitigated) {
      for (let index = indexOf(event) + 1; index < facts.events.length; index++) {
        const next = facts.events[index];
        if (!next || isStep.has(next) || next === mitigated || next === resolved) break;
        if (recovery && next.time && Date.parse(next.time) >= Date.parse(recovery)) break;
        if (DID_NOT_WORK?.pattern.test(next.text)) {
          failed = true;
          break;
        }
      }
    }
    // "The bot-block rules did not help and were removed": the notes say how it went.
    if (!failed && !partial && notesSayFailed(event.text, failures)) failed = true;
    return {
      event,
      failed,
      partial,
      failure: failed
        ? (failureClause(event.text) ?? (ATTEMPT_STUCK.test(event.text) ? event.text : null))
        : null,
      broken: failed && BROKEN.test(event.text),
    };
  });
  // Untimed steps count in file order: up to the line that says service recovered.
  // A recovery line that was a partial or failed step ("APAC recovered, SA still failing",
  // "terminated, too late") does not end the search for the fix: the resolution does.
  const partialRecovery = steps.some(
    (step) => (step.partial || step.failed) && step.event === mitigated,
  );
  const end = partialRecovery ? (facts.resolved ?? recovery) : recovery;
  const limit = end ? Date.parse(end) : Infinity;
  const recoveryIndex =
    partialRecovery && resolved
      ? indexOf(resolved)
      : mitigated
        ? indexOf(mitigated)
        : facts.events.length;
  const good = steps.filter(
    (step) =>
      !step.failed &&
      (step.event.time ? !(at(step.event) > limit) : indexOf(step.event) <= recoveryIndex),
  );
  // The step whose own line says service came back ("switched to the backup provider, sales
  // resume") is the fix, even when a later step (switching back) also recovered.
  const fix =
    good.find((step) => !step.partial && recoversPart(step.event.text)) ??
    good.filter((step) => !step.partial).at(-1) ??
    good.at(-1) ??
    null;
  return { steps, fix, mitigated, resolved };
}
