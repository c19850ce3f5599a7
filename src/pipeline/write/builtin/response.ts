/**
 * Response and recovery: the actions responders took, in order, with failed attempts marked,
 * and the lines that say service came back. Impact lines, status posts and outcomes are not
 * actions (the action cues decide). The fix is structural: the last action that did not fail,
 * at or before the first recovery the analysis found.
 */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import { reportsFailedAttempt } from '../../analyze/read-line.js';
import { ACTION_CUES, ACTION_THRESHOLD } from '../cues/action-cues.js';
import { CAUSE_CUES } from '../cues/cause-cues.js';
import { scoreText } from '../cues/cue.js';
import { alertCleared, CLEARED, fromMonitor, recordsAlert } from './detection.js';
import { milestoneEvent } from './milestone-event.js';
import { isNoise } from './sentences.js';
import { linesUnderPlanHeading } from './follow-ups.js';

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

/** "healthy but slow", "still failing": a line that says impact goes on. */
const NOT_OVER =
  /\bbut (?:\w+ ){0,2}(?:slow|failing|erroring|degraded|behind|lagging|down|backed up)\b|\bstill (?:slow|failing|erroring|degraded|behind|lagging|down|high|elevated)\b/i;
const NOT_OURS = CAUSE_CUES.find((cue) => cue.id === 'not-on-our-side')?.pattern;
const RECOVERED = ACTION_CUES.find((cue) => cue.id === 'recovered');
const TOOL_RECORD = ACTION_CUES.find((cue) => cue.id === 'tool-record');
const IMPACT_REPORT = ACTION_CUES.find((cue) => cue.id === 'impact-report');
const STATUS_POST = ACTION_CUES.find((cue) => cue.id === 'status-post');

/**
 * A paste's label read as the line's author ("Plan: drain eu-west -> fail over", "Knock-on:
 * order emails delayed", "-- decision: restore the table"): a plan, an impact report or a
 * decision, not something a responder did.
 */
const LABEL_AUTHOR =
  /^(?:plan|proposal|proposed|idea|options?|next(?: steps?)?|todo|knock-?on|impact|question|decision)$/i;

/**
 * A line that tells of an attempt that could not go through, without an action verb of its own:
 * "EU pool drain stuck on a PodDisruptionBudget", "the rollback timed out".
 */
const ATTEMPT_STUCK =
  /\b(?:drain|rollback|roll-back|revert|restart|failover|fail-over|deploy(?:ment)?|migration|restore|attempt|fix|patch|upgrade)s?\b.{0,30}\b(?:stuck|hung|hangs|timed out|blocked|failed|errored|refused|did(?:n['’]t| not) (?:help|work|fix)|had no effect|no effect|made no difference)\b/i;

/** Whether one clause of the line says service came back for some of it ("US recovered"). */
const recoversPart = (text: string) =>
  text
    .split(CLAUSE)
    .some((clause) => RECOVERED?.pattern.test(clause) && !reportsFailedAttempt(clause));

/** A line's clauses: "uploaded the new cert, sign-ins succeed again" is an action, then an outcome. */
const CLAUSE = /[,;]\s+|\s+[-–—]\s+|\s+(?:and|but|then)\s+/;

function failureClause(text: string): string | null {
  // "tried rolling back auth v12, rollback job failed on permissions": the attempt opens the
  // line and the clause after it says how it failed, so the last such clause is the failure.
  const clause = text
    .split(CLAUSE)
    .filter((part) => reportsFailedAttempt(part))
    .at(-1);
  return clause?.trim() ?? null;
}

/** Whether some clause of the line is an action (an outcome clause beside it does not count). */
export function isAction(text: string): boolean {
  let known = actionReadings.get(text);
  if (known === undefined) {
    // A tool's record ("Priority changed", a Statuspage post) is no action in any clause, and a
    // sentence that is one ("Status page updated: we're running a controlled failover") adds none.
    // A post's words ("posted an update to the status page: we are rolling back") tell people
    // about the work; the line that did it is the action.
    const record = (part: string) =>
      TOOL_RECORD?.pattern.test(part) === true || STATUS_POST?.pattern.test(part) === true;
    const sentences = text
      .split(/(?<=[.!?])\s+/)
      .filter((part) => !TOOL_RECORD?.pattern.test(part));
    const clauses = [text, ...sentences, ...sentences.flatMap(actionClauses)];
    known =
      !TOOL_RECORD?.pattern.test(text) &&
      clauses.some(
        (clause) =>
          !record(clause) &&
          (scoreText(clause, ACTION_CUES).scores.action ?? 0) >= ACTION_THRESHOLD,
      );
    if (actionReadings.size >= 50_000) actionReadings.clear();
    actionReadings.set(text, known);
  }
  return known;
}

/**
 * The clauses of a sentence that may be read as actions on their own. A list of what was hit
 * ("order emails delayed, search restoring from its snapshot, mobile app impacted") has none:
 * its first clause is no action and the sentence reports impact; "drained US; US recovered, EU
 * still failing" opens with the action, and its clauses count.
 */
function actionClauses(sentence: string): string[] {
  const clauses = sentence.split(CLAUSE);
  const opensWithAction =
    (scoreText(clauses[0] ?? '', ACTION_CUES).scores.action ?? 0) >= ACTION_THRESHOLD;
  return !opensWithAction && IMPACT_REPORT?.pattern.test(sentence) ? [] : clauses;
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

/** The lines that end the incident, as the analysis read them, checked against the text. */
interface Recovery {
  mitigated: TimelineEvent | null;
  resolved: TimelineEvent | null;
  /** When service came back: the recovery line's time, else the analysis's milestone. */
  recovery: string | null;
}

/**
 * The mitigated and resolved lines, unless the analysis dated the mitigation from a line that is
 * no recovery: a line that states the cause (excluded), another alert clearing, or a diagnosis
 * ("on it. looks like the provider, US and APAC look healthy" at 03:21, before the 03:26 move to
 * backup); then the first later line that says service came back.
 */
function readRecovery(facts: Facts, exclude: readonly TimelineEvent[]): Recovery {
  const byMilestone = (name: string) => milestoneEvent(facts, name);
  const cleared = (event: TimelineEvent | null) =>
    event && CLEARED.test(event.text) ? null : event;
  const resolved = cleared(byMilestone('resolved'));
  const stated = byMilestone('mitigated');
  const later = (event: TimelineEvent) =>
    event.time !== null &&
    stated?.time !== null &&
    stated?.time !== undefined &&
    Date.parse(event.time) > Date.parse(stated.time);
  const diagnosis =
    stated !== null &&
    (CLEARED.test(stated.text) ||
      // "Vendor support: nothing on our side, the edge is healthy" rules a cause out.
      NOT_OURS?.test(stated.text) === true ||
      // "consumers are healthy but slow": the line says it is not over.
      NOT_OVER.test(stated.text) ||
      (DIAGNOSIS.test(stated.text) &&
        facts.events.some((event) => later(event) && event !== resolved && isAction(event.text))));
  const after = diagnosis
    ? (facts.events.find(
        (event) =>
          later(event) &&
          !isAction(event.text) &&
          !isNoise(event.text) &&
          // An alert clearing after the fix ("ALARM -> OK") is the monitor seeing recovery.
          (alertCleared(event.text) ||
            (!CLEARED.test(event.text) && RECOVERED?.pattern.test(event.text) === true)) &&
          !reportsFailedAttempt(event.text),
      ) ?? null)
    : null;
  const mitigated = after ?? (stated && (exclude.includes(stated) || diagnosis) ? null : stated);
  const recovery =
    after?.time ?? (mitigated ? facts.mitigated : null) ?? (resolved ? facts.resolved : null);
  return { mitigated, resolved, recovery };
}

/** Whether a line's own time is after the start of impact it names. */
function writtenAfterStart(event: TimelineEvent, facts: Facts): boolean {
  return (
    event.time !== null && facts.start !== null && Date.parse(event.time) > Date.parse(facts.start)
  );
}

/**
 * The lines that are actions: from detection on (nobody mitigates what they have not noticed:
 * "primary failed; automatic failover" at 16:02 is the failure, the 16:05 alert is when the
 * response began), without the trigger and cause lines, status posts, asides, pages and what a
 * monitor wrote.
 */
function actionLines(
  facts: Facts,
  exclude: readonly TimelineEvent[],
  from: string | null,
  mitigated: TimelineEvent | null,
): TimelineEvent[] {
  const startLine = facts.milestones['start']?.line;
  // The lines under "action items:" are plans (follow-ups.ts), not what responders did.
  const plans = linesUnderPlanHeading(facts);
  return facts.events.filter(
    (event) =>
      !exclude.includes(event) &&
      !plans.has(event) &&
      event.kind !== 'status-update' &&
      !(from && event.time && Date.parse(event.time) < Date.parse(from)) &&
      // The line that set the start is the failure, not a response, unless it was written later
      // and only names the start ("08:30 reindex job was stuck since 07:55; restarted it").
      !(event.line === startLine && event !== mitigated && !writtenAfterStart(event, facts)) &&
      !isNoise(event.text) &&
      // A page is how responders learnt of it ("Paged: replication effectively stopped").
      !(recordsAlert(event) && /^\W*(?:paged|alert|triggered|firing)\b/i.test(event.text)) &&
      // "icinga-wm: CRITICAL - reduced availability": a monitor reports, it does not act.
      !fromMonitor(event) &&
      !LABEL_AUTHOR.test(event.actor ?? '') &&
      (isAction(event.text) || ATTEMPT_STUCK.test(event.text)),
  );
}

/**
 * Each action with how it went. Failed only where the input says so: on its own line ("rollback
 * job failed on permissions"), on a line before the next action that says impact persists
 * ("no change, CPU still at 100%"), or in a notes sentence that names it ("the bot-block rules
 * did not help"). A line that also says part of the service came back is a partial recovery.
 */
function judgeSteps(
  facts: Facts,
  actions: readonly TimelineEvent[],
  { mitigated, resolved, recovery }: Recovery,
): ResponseStep[] {
  // Positions and membership looked up once: a 16,000-line timeline has thousands of actions.
  const isStep = new Set(actions);
  const indexOf = positions(facts);
  const failures = facts.notes.flatMap((note) =>
    note.markdown.split(/(?<=[.!?])\s+/).filter((sentence) => NOT_HELPED.test(sentence)),
  );
  const saidAfter = (event: TimelineEvent): boolean => {
    for (let index = indexOf(event) + 1; index < facts.events.length; index++) {
      const next = facts.events[index];
      if (!next || isStep.has(next) || next === mitigated || next === resolved) return false;
      if (recovery && next.time && Date.parse(next.time) >= Date.parse(recovery)) return false;
      if (reportsFailedAttempt(next.text)) return true;
    }
    return false;
  };
  return actions.map((event): ResponseStep => {
    const stuck = ATTEMPT_STUCK.test(event.text);
    // The analysis's reading of a failed action (analyze/read-line.ts), so the line the
    // milestones did not take as the mitigation is the one shown failed here.
    const own = reportsFailedAttempt(event.text) || (stuck && !recoversPart(event.text));
    // "drained US; US recovered, EU still failing" helped part of it: partial, not failed.
    const partial = own && recoversPart(event.text) && !stuck;
    const failed =
      !partial &&
      (own || (event !== mitigated && saidAfter(event)) || notesSayFailed(event.text, failures));
    return {
      event,
      failed,
      partial,
      failure: failed ? (failureClause(event.text) ?? (stuck ? event.text : null)) : null,
      broken: failed && BROKEN.test(event.text),
    };
  });
}

/** Each event's first position in the timeline, looked up once. */
function positions(facts: Facts): (event: TimelineEvent) => number {
  const position = new Map<TimelineEvent, number>();
  facts.events.forEach((event, index) => {
    if (!position.has(event)) position.set(event, index);
  });
  return (event) => position.get(event) ?? -1;
}

/**
 * The fix: the step whose own line says service came back ("switched to the backup provider,
 * sales resume"), even when a later step (switching back) also recovered; else the last step that
 * did not fail, at or before recovery (untimed steps count in file order). A recovery line that
 * was a partial or failed step ("APAC recovered, SA still failing", "terminated, too late") does
 * not end the search for the fix: the resolution does.
 */
function chooseFix(
  facts: Facts,
  steps: readonly ResponseStep[],
  { mitigated, resolved, recovery }: Recovery,
): ResponseStep | null {
  const indexOf = positions(facts);
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
  return (
    good.find((step) => !step.partial && recoversPart(step.event.text)) ??
    good.filter((step) => !step.partial).at(-1) ??
    good.at(-1) ??
    null
  );
}

/**
 * @param exclude the trigger event, which may read like an action ("enabled the flag") but set
 *   the incident off, and the lines that state the root cause ("..., blocking reads").
 * @param detected the line the incident was detected from: actions start there (else at the
 *   start of impact; a start after the detection is the analysis's guess).
 */
export function readResponse(
  facts: Facts,
  exclude: readonly TimelineEvent[],
  detected: TimelineEvent | null = null,
): Response {
  const recovery = readRecovery(facts, exclude);
  const actions = actionLines(facts, exclude, detected?.time ?? facts.start, recovery.mitigated);
  const steps = judgeSteps(facts, actions, recovery);
  const fix = chooseFix(facts, steps, recovery);
  return { steps, fix, mitigated: recovery.mitigated, resolved: recovery.resolved };
}
