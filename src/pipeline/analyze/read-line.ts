/**
 * The cue engine: reads one timeline line into a score per phase. The line is split into
 * clauses first, so a negation or caveat only touches its own clause ("checkout back to normal
 * (errors came from retries while the pool refilled)" is a full recovery; "US back, EU still
 * failing" is a partial one). The writer reuses it (`readLine`) so both read lines the same way.
 */
import type { EventKind } from '../../schemas/facts.js';
import {
  CUES,
  MODIFIERS,
  isMonitorAuthor,
  PHASES,
  type Cue,
  type Modifier,
  type Phase,
} from './cues.js';
import { anyOf, prefilter } from './pattern-prefilter.js';

export interface CueHit {
  cue: string;
  phase: Phase;
  /** The cue's own phase, before a clause's modifiers moved it ("mostly resolved" → partial). */
  cuePhase: Phase;
  weight: number;
  reason: string;
  kind: EventKind;
  /** Index of the clause it matched in, or -1 for the line's structured state. */
  clause: number;
  /** An action said to be under way, not done ("rolling back", "failover started"). */
  underway?: boolean;
}

export interface LineReading {
  /** Best weight per phase (0 = no evidence); weights are 1 (hint), 2 (clear), 3 (strong). */
  scores: Record<Phase, number>;
  /** The cue behind each non-zero score. */
  best: Partial<Record<Phase, CueHit>>;
  /** The kind a reader would call the line (its strongest cue's kind). */
  kind: EventKind;
  /** The line records paperwork (a ticket, a postmortem, the status page): see `bookkeeping`. */
  bookkeeping?: boolean;
  /** A recovery the team says it keeps watching (the `watching` modifier, a Monitoring state). */
  watching?: boolean;
  /** The line reopens the incident or says the failure came back (the `reopened` modifier). */
  reopens?: boolean;
  /** An alert at a warning level (the `warning` modifier): settled early, it is lead-up. */
  warning?: boolean;
  /** The team disowns the line (a false alarm, noise): it signals nothing (`disowned`). */
  disowned?: boolean;
}

export interface Clause {
  text: string;
  /** A question, a plan or a condition: its cues did not happen. */
  hypothetical?: boolean;
  /** Inside parentheses or brackets: an explanation, not the line's claim. */
  aside: boolean;
}

const KIND_OF_PHASE: Record<Phase, EventKind> = {
  impact: 'impact',
  detect: 'alert',
  acknowledge: 'acknowledge',
  identify: 'identify',
  'mitigate-action': 'mitigate',
  'recovery-partial': 'recover',
  'recovery-full': 'recover',
  'resolved-declared': 'resolve',
  'status-update': 'status-update',
  'lead-up': 'deploy',
};

/** When two phases have the same weight, the one a responder would name first wins the kind. */
const KIND_PRIORITY: readonly Phase[] = [
  'resolved-declared',
  'recovery-full',
  'recovery-partial',
  'identify',
  'mitigate-action',
  'acknowledge',
  'detect',
  'status-update',
  'lead-up',
  'impact',
];

const CLAUSE_BREAK =
  /\s*(?:[;。！？!?、]|\.(?=\s|$)|,\s+(?!(?:and\s+)?(?:still\s+|steadily\s+|slowly\s+)?(?:falling|dropping|decreasing|declining|shrinking|receding|draining|climbing|rising|growing|increasing|coming down|going down|trending)\b|(?:was|down from|up from|vs\.?|previously)\s+~?\d)|\s+[-–—]\s+|\s+(?=(?:but|while|whereas|although|though|however|yet)\s))\s*/iu;

/**
 * A parenthesis that gives a figure's earlier value ("(was 28%)", "(down from 12%)"): it is part
 * of the figure's claim (the failure is receding), not an explanation beside it.
 */
const EARLIER_FIGURE =
  /^(?:(?:it |they )?was|were|down from|up from|from|vs\.?|previously|before:?|prev\.?|peak(?:ed at)?:?)\s+~?\d/iu;

/**
 * Splits a line into clauses; parenthesised parts become asides, except an earlier figure,
 * which stays in its clause. A trend word or an earlier figure after a comma ("40k, falling",
 * "2%, down from 12%") stays with its figure too.
 */
export function splitClauses(text: string): Clause[] {
  const asides: Clause[] = [];
  const main = text.replace(
    /\(([^()]*)\)|（([^（）]*)）/gu,
    (_, a: string | undefined, b: string | undefined) => {
      const inner = (a ?? b ?? '').trim();
      if (EARLIER_FIGURE.test(inner)) return ` ${inner} `;
      if (inner) asides.push({ text: inner, aside: true });
      return ' ';
    },
  );
  const mains: Clause[] = [];
  let offset = 0;
  for (const part of main.split(CLAUSE_BREAK)) {
    offset = main.indexOf(part, offset) + part.length;
    const trimmed = part.trim();
    if (!trimmed) continue;
    const question = /^\s*[?？]/.test(main.slice(offset));
    mains.push({
      text: trimmed,
      aside: false,
      hypothetical: question || hypothetical(trimmed),
    });
  }
  return [...mains, ...asides];
}

interface Compiled {
  cues: { cue: Cue; global: RegExp }[];
  /** The indexes of the cues that may match a clause; no other can (pattern-prefilter.ts). */
  may: (clause: string) => readonly number[];
}

const compiledCache = new WeakMap<readonly Cue[], Compiled>();

/** Compiles a cue table once (the built-in one at first use, a team's once per config). */
function compile(cues: readonly Cue[]): Compiled {
  let compiled = compiledCache.get(cues);
  if (!compiled) {
    compiled = {
      cues: cues.map((cue) => ({
        cue,
        global: new RegExp(
          cue.pattern.source,
          cue.pattern.flags.includes('g') ? cue.pattern.flags : `${cue.pattern.flags}g`,
        ),
      })),
      may: prefilter(cues.map((cue) => cue.pattern)),
    };
    compiledCache.set(cues, compiled);
  }
  return compiled;
}

const modifier = (
  effect: Modifier['effect'],
  on: NonNullable<Modifier['on']> = 'line',
): ((text: string) => boolean) =>
  anyOf(
    MODIFIERS.filter((m) => m.effect === effect && (m.on ?? 'line') === on).map((m) => m.pattern),
  );
const negated = anyOf(MODIFIERS.filter((m) => m.id === 'negation').map((m) => m.pattern));
const hypothetical = anyOf(MODIFIERS.filter((m) => m.id === 'hypothetical').map((m) => m.pattern));
const partial = modifier('partial');
const ongoing = modifier('ongoing');
const ineffective = modifier('ineffective');
const unrelated = modifier('unrelated');
const planned = modifier('plan');
const disowned = modifier('disowned');
const topic = modifier('topic');
const actionItem = modifier('action-item');
const automatedLine = modifier('automated');
const bookkeeping = modifier('bookkeeping');
const watchingWords = modifier('watching');
const reopenedWords = modifier('reopened');
const warningLevel = modifier('warning');
const automatedAgent = modifier('automated', 'agent');
/** The name after "acknowledged by": who took the page, whoever posted the line. */
/** A full name or a handle opening the line, then "acknowledged": the one who acknowledged. */
const PERSON_ACKNOWLEDGED = /^\W*(@[\w.-]+|\p{Lu}[\p{L}'-]+\s+\p{Lu}[\p{L}'-]+)\s+ack/u;
const ACKNOWLEDGED_BY =
  /\back(?:nowledged?|nowledges|ed|'d)?(?:\s+(?:via|through|in|on|from)\s+[\p{L}\p{N}_.-]+)?\s+by\s+([^.;,()[\]]{1,60}?)(?=\s+(?:via|through|using|from|on|in|at)\s|[.;,()[\]]|$)/iu;

/** A handle and a colon opening a line (`incident-bot:`, `oncall-bot:`): who posted it. */
const LEADING_HANDLE = /^\W*([\p{L}\p{N}_.@-]{1,32}):\s/u;
/**
 * Whether the acknowledgement on a line was made by a tool, not a person: the one named after
 * "acknowledged by" is a bot, a rule or an integration ("Acknowledged by Jane Doe (via escalation
 * policy)" is Jane); with no one named, the line says a tool did it ("automatically",
 * "auto-acknowledged") or its author is one.
 */
function acknowledgedByTool(text: string, actor: string | null): boolean {
  const by = ACKNOWLEDGED_BY.exec(text)?.[1]?.trim();
  if (by) return automatedAgent(by) || automatedLine(`by ${by}`);
  if (automatedLine(text)) return true;
  // A tool's post naming who did it first: "Tomasz Nowak acknowledged alert #4211".
  const subject = PERSON_ACKNOWLEDGED.exec(text)?.[1];
  if (subject) return automatedAgent(subject);
  // With no author parsed (a lowercase handle outside a chat log), the handle opening the line
  // is who wrote it: "incident-bot: Incident acknowledged via Slack" is a bot's post.
  const author = actor ?? LEADING_HANDLE.exec(text)?.[1] ?? null;
  return author !== null && automatedAgent(author);
}
/** Phases whose cue, named as a topic ("open for root cause"), says nothing happened yet. */
const TOPIC_PHASES: ReadonlySet<Phase> = new Set([
  'identify',
  'mitigate-action',
  'recovery-partial',
  'recovery-full',
  'resolved-declared',
]);
const RECOVERY_OR_END: ReadonlySet<Phase> = new Set([
  'recovery-full',
  'recovery-partial',
  'resolved-declared',
]);

/**
 * What a monitor's alert says and a trend it merely charts does not ("p99 climbing", "pool
 * dropping"): a threshold crossed, a state, a failure rate.
 */
const THRESHOLD_CROSSED =
  /\b(?:threshold|exceed(?:s|ed|ing)?|above|over|below|under|critical|warning|warn|firing|fired|down|failing|failed|unreachable|timed? ?out|timing out|timeouts?|error rate|errors?|5\d\d|4\d\d)\b|[<>≥≤]/i;

/** A tool's line with cues only of these phases still reads as its alert. */
const NOT_AN_ALERT_YET: ReadonlySet<Phase> = new Set(['impact', 'status-update', 'lead-up']);

function emptyScores(): Record<Phase, number> {
  return Object.fromEntries(PHASES.map((phase) => [phase, 0])) as Record<Phase, number>;
}

function hitOf(cue: Cue, clause: number, weight: number, phase: Phase = cue.phase): CueHit {
  return {
    cue: cue.id,
    phase,
    cuePhase: cue.phase,
    weight,
    reason: cue.reason,
    kind: cue.kind ?? KIND_OF_PHASE[phase],
    clause,
  };
}

/**
 * Whether a line reports an attempt that failed or did nothing ("restart did not help",
 * "rolled back, still failing", "failover script errored out"): the `ineffective` modifier of
 * cues.ts on the line's own clauses (an aside does not count). The writer asks this so that it
 * reads a failed attempt as analyze does.
 */
export function reportsFailedAttempt(text: string): boolean {
  return splitClauses(text).some((c) => !c.aside && ineffective(c.text));
}

/**
 * A change someone made: the `lead-up-change` cue of cues.ts (a deploy, a rollout, a config
 * push), plus the nouns a responder uses when clearing one ("not the release", "nothing changed").
 */
const LEAD_UP_CHANGE = CUES.find((cue) => cue.id === 'lead-up-change')?.pattern;
const CHANGE = new RegExp(
  `${LEAD_UP_CHANGE?.source ?? '(?!)'}|(?<![\\p{L}])(?:releases?|changes?|changed|config pushe?s?|pushes|flag flips?)(?![\\p{L}])`,
  'iu',
);
/** A change named and then cleared: "the deploy is not it", "ruled out the config push". */
const CLEARED_AFTER =
  /\b(?:ruled out|not (?:it|the (?:cause|culprit|problem|issue)|related|involved|to blame)|is fine|was fine|innocent|unrelated|a red herring)\b/i;
/** "Nothing changed", "no one deployed": a subject that says the change did not happen. */
const NOBODY_BEFORE = /\b(?:nothing|nobody|no one|none)\s+(?:\S+\s+){0,2}$/i;
const CLEARED_BEFORE = /\b(?:ruled out|ruling out|rule out|excluded)\b/i;

/**
 * Whether a line rules a change out as the cause ("no deploys in the last 24h", "not the
 * 09:40 release", "ruled out the config push", "the policy change is fine"): in one clause, a
 * change (cue `lead-up-change`) under the engine's negation, or named beside a word that clears
 * it. The writer asks this so a change ruled out is never quoted as the trigger.
 */
export function rulesOutAChange(text: string): boolean {
  return splitClauses(text).some((clause) => {
    const match = CHANGE.exec(clause.text);
    if (!match) return false;
    const before = clause.text.slice(0, match.index);
    return (
      negated(before) ||
      NOBODY_BEFORE.test(before) ||
      CLEARED_BEFORE.test(before) ||
      CLEARED_AFTER.test(clause.text)
    );
  });
}

/** The hits of one clause, with the clause's own modifiers applied. */
/** The cue for servers, connections or traffic being lost (cues.ts). */
const CAPACITY_LOST = 'impact-capacity-lost';
/** Cues that read a figure falling as impact receding. */
const FIGURE_FALLS = new Set([
  'recovery-partial',
  'recovery-figure-fell',
  'recovery-figure-was',
  'recovery-figure-trend',
]);

/**
 * Whether a match that names a figure before and after (named groups `was` and `now`, "from 40%
 * to 8%", "90k → 12k") shows it falling; true for a match without them. Decimal commas read as
 * points; the unit is the same on both sides as people write them.
 */
function figureFell(groups: Record<string, string | undefined> | undefined): boolean {
  const was = groups?.['was'];
  const now = groups?.['now'];
  if (was === undefined || now === undefined) return true;
  return Number(now.replace(',', '.')) < Number(was.replace(',', '.'));
}

/** Words that put an action in progress; `DONE` words say it finished. */
const UNDERWAY =
  /\b(?:started|starting|in progress|underway|under way|kicked off|initiated|begun|beginning|began)\b/i;
const DONE = /\b(?:done|complete|completed|finished|succeeded|in place)\b/i;

/**
 * Whether an action cue's match is said to be under way rather than done: its verb in the
 * progressive ("rolling back", "draining now") or the clause says it started ("rollback
 * started"), and nothing in the clause says it finished ("rolling restart complete").
 */
function underway(matched: string, clause: string): boolean {
  if (DONE.test(clause)) return false;
  return /^\S*ing\b/i.test(matched) || UNDERWAY.test(clause);
}

function readClause(clause: Clause, index: number, compiled: Compiled): CueHit[] {
  if (clause.hypothetical) return [];
  const clauseHits: CueHit[] = [];
  for (const cueIndex of compiled.may(clause.text)) {
    const { cue, global } = compiled.cues[cueIndex] ?? {};
    if (!cue || !global || cue.on === 'state') continue;
    global.lastIndex = 0;
    for (const match of clause.text.matchAll(global)) {
      const before = clause.text.slice(0, match.index);
      if (negated(before)) continue;
      if (TOPIC_PHASES.has(cue.phase) && topic(before)) continue;
      // A log field's value (`code=killed`, `action=restart`) records a state, not an action
      // someone took.
      if (cue.phase === 'mitigate-action' && /[=]\s*$/u.test(before)) continue;
      // A cue that names a figure before and after (`was`, `now`) says it fell only if it did.
      if (!figureFell(match.groups)) continue;
      let phase = cue.phase;
      // "Most ... resolved", "partially restored": only part came back.
      if ((phase === 'recovery-full' || phase === 'resolved-declared') && partial(clause.text))
        phase = 'recovery-partial';
      // An explanation in parentheses is a weaker claim than the line itself.
      const weight = clause.aside ? Math.max(1, cue.weight - 1) : cue.weight;
      const hit = hitOf(cue, index, weight, phase);
      if (phase === 'mitigate-action' && underway(match[0], clause.text)) hit.underway = true;
      clauseHits.push(hit);
      break;
    }
  }
  // "status page -> resolved": the clause reports a public post, which follows the recovery
  // it announces; the recovery itself (or a declared end) is the better evidence.
  if (clauseHits.some((h) => h.phase === 'status-update'))
    for (const h of clauseHits)
      if (RECOVERY_OR_END.has(h.phase)) h.weight = Math.max(1, h.weight - 1);
  // 'Alarm "orders-5xx" created': a change to a monitor names what it watches, not a symptom.
  // 'change approved: raise the error alert threshold': a planned change names what it will touch.
  if (clauseHits.some((h) => h.cue === 'lead-up-monitor-config' || h.cue === 'lead-up-approval'))
    return clauseHits.filter((h) => h.phase !== 'impact' && h.phase !== 'detect');
  // "errors gone", "Resolved: checkout 5xx": the failure named in a recovery clause is over, and
  // a tool's message announcing it is its all-clear, not an alert.
  const ends = clauseHits.some((h) => RECOVERY_OR_END.has(h.phase));
  return clauseHits.filter(
    (h) => !(ends && (h.phase === 'impact' || h.cue === 'detect-monitor-message')),
  );
}

/** The cue a monitoring tool's own message is read by, from the table in use. */
function monitorMessage(cues: readonly Cue[]): Cue | null {
  return cues.find((cue) => cue.id === 'detect-monitor-message') ?? null;
}

/** Removes what a structured state contradicts: a cleared alert's failure, a change row's symptom. */
function applyState(hits: CueHit[]): CueHit[] {
  const stated = hits.filter((h) => h.clause === -1);
  // A state that says the alert cleared (`OK  Http5xx ... 5xx count below 50`) ends its failure.
  const cleared = stated.some((h) => RECOVERY_OR_END.has(h.phase));
  // A row the export types as a change (`Configuration update`) names the monitor, not a symptom.
  const change = stated.some((h) => h.phase === 'lead-up');
  return hits.filter(
    (h) =>
      !(cleared && h.phase === 'impact') &&
      !(change && (h.phase === 'impact' || h.phase === 'detect')),
  );
}

/** The kind a reader would call the line: its strongest cue's, ties by `KIND_PRIORITY`. */
function kindOf(best: Partial<Record<Phase, CueHit>>): EventKind {
  let kind: EventKind = 'note';
  let top = 0;
  for (const phase of KIND_PRIORITY) {
    const h = best[phase];
    if (h && h.weight > top) {
      top = h.weight;
      kind = h.kind;
    }
  }
  return kind;
}

/** The best hit per phase, after the line-wide modifiers (a failed action, impact going on). */
function settle(hits: readonly CueHit[], clauses: readonly Clause[]): LineReading {
  const mains = clauses.filter((c) => !c.aside);
  const failedAction = mains.some((c) => ineffective(c.text));
  const clearImpactIn = (i: number): boolean =>
    hits.some((h) => h.clause === i && h.phase === 'impact' && h.weight >= 2);
  // "US back, EU still failing", "OUTAGE ENDS, USER IMPACT CONTINUES": impact goes on elsewhere.
  const ongoingImpact = clauses.some(
    (c, i) => !c.aside && ongoing(c.text) && (/\bimpact\b/i.test(c.text) || clearImpactIn(i)),
  );
  // "index fully recovered, placement now recovering": part of it is still coming back.
  const stillRecovering = hits.some(
    (h) => h.cue === 'recovery-partial' && h.clause >= 0 && !clauses[h.clause]?.aside,
  );
  const scores = emptyScores();
  const best: Partial<Record<Phase, CueHit>> = {};
  for (const original of hits) {
    let h = original;
    if (failedAction && h.phase === 'mitigate-action') continue;
    if ((ongoingImpact || stillRecovering) && h.phase === 'recovery-full')
      h = { ...h, phase: 'recovery-partial' };
    if (h.weight > scores[h.phase]) {
      scores[h.phase] = h.weight;
      best[h.phase] = h;
    }
  }
  return { scores, best, kind: kindOf(best) };
}

/**
 * A word before a colon that labels the line rather than names who wrote it: a state or phase
 * ("Resolved:", "Impact:", "Monitoring:"), a section ("Update:", "Notes:"), who reported it
 * ("Support:", "Customers:"). Such a line is read whole.
 */
const LABEL_WORD =
  /^(?:notes?|errors?|critical|warn(?:ing)?|alerts?|alarms?|info|updates?|status|identified|resolved?|resolution|impact|fix(?:ed)?|actions?|problems?|recovery|recovered|ok|todo|investigating|monitoring|mitigated|mitigation|closed?|done|triggered|trigger|firing|ack(?:nowledged)?|detected|detection|cause|summary|timeline|support|helpdesk|cs|customers?|users?|fyi|edit|correction|result|outcome|symptoms?|context|next|then|later|now|today|start|end|degraded|down|up|outage|incident|issue|workaround)$/i;
/** A handle's shape: a lowercase login (`mia`, `kai.r`, `@noor`) or one capitalised name (`Sam`). */
const HANDLE_SHAPE = /^(?:@?\p{Ll}[\p{L}\p{N}_.-]*|\p{Lu}\p{Ll}+)$/u;

/**
 * With no author parsed (a lowercase handle outside a chat log: "ruben: resolving"), the handle
 * opening the line may be who wrote it, and the rest what they said, so cues anchored at the
 * start of a message ("resolving", "closing.") can see it (readLine reads the line both ways).
 * A label ("Resolved:", "Update:") and a tool's name ("PagerDuty:") are part of what the line
 * says, so it is read whole only.
 */
function withoutLeadingHandle(
  line: string,
  author: string | null,
): { text: string; actor: string | null } {
  if (author !== null) return { text: line, actor: author };
  const lead = LEADING_HANDLE.exec(line);
  const handle = lead?.[1];
  if (!lead || !handle || !HANDLE_SHAPE.test(handle) || LABEL_WORD.test(handle))
    return { text: line, actor: null };
  if (automatedAgent(handle)) return { text: line, actor: null };
  const rest = line.slice(lead[0].length);
  return rest.trim() ? { text: rest, actor: handle } : { text: line, actor: null };
}

/**
 * Reads one line. `state` is a structured state the paste gave (an alert's `[FIRING]`, a CSV
 * `Type` column, a status page's status word); it is strong evidence on its own. `actor` is who
 * wrote the line or did what it records (a chat author, a CSV `Agent` column), when the paste
 * names one: a bot's acknowledgement is not a person's. `source` is the tool a line came from
 * (`[Datadog] ...`), when the paste tags it: a monitoring tool's line is its alert.
 */
export function readLine(
  line: string,
  state: string | null = null,
  cues: readonly Cue[] = CUES,
  author: string | null = null,
  source: string | null = null,
): LineReading {
  const whole = readText(line, state, cues, author, source);
  const { text, actor } = withoutLeadingHandle(line, author);
  // A verdict on the whole line ("unrelated: reverted a typo fix") is not a handle to drop.
  if (text === line || unrelated(line) || disowned(line) || actionItem(line) || planned(line))
    return whole;
  // Read both ways and keep the stronger evidence per phase: "paged: ingest lag" stays an
  // alert read whole, "ruben: resolving" becomes a declared end read after the handle.
  return merged(whole, readText(text, state, cues, actor, source));
}

/** Two readings of one line as one: the stronger hit per phase, either's flags. */
function merged(a: LineReading, b: LineReading): LineReading {
  const scores = emptyScores();
  const best: Partial<Record<Phase, CueHit>> = {};
  for (const phase of PHASES) {
    const hit =
      (b.best[phase]?.weight ?? 0) > (a.best[phase]?.weight ?? 0) ? b.best[phase] : a.best[phase];
    if (hit) {
      scores[phase] = hit.weight;
      best[phase] = hit;
    }
  }
  const reading: LineReading = { scores, best, kind: kindOf(best) };
  if (a.bookkeeping || b.bookkeeping) reading.bookkeeping = true;
  if (a.watching || b.watching) reading.watching = true;
  if (a.reopens || b.reopens) reading.reopens = true;
  if (a.warning || b.warning) reading.warning = true;
  if (a.disowned || b.disowned) reading.disowned = true;
  return reading;
}

/** `readLine` on the text as given. */
function readText(
  text: string,
  state: string | null,
  cues: readonly Cue[],
  actor: string | null,
  source: string | null,
): LineReading {
  const nothing: LineReading = { scores: emptyScores(), best: {}, kind: 'note' };
  // A follow-up written down during the incident signals no phase, whatever words it uses; nor
  // does a line labelled as a plan ("plan: drain node-7, then get checkout back").
  if (actionItem(text) || (state !== null && actionItem(state)) || planned(text)) return nothing;
  const compiled = compile(cues);
  const clauses = splitClauses(text);
  const fromState = state
    ? compiled.cues.flatMap(({ cue }) =>
        cue.on === 'state' && cue.pattern.test(state.trim()) ? [hitOf(cue, -1, cue.weight)] : [],
      )
    : [];
  const read = applyState([...fromState, ...clauses.flatMap((c, i) => readClause(c, i, compiled))]);
  // "Load dropping on the app tier, servers are dying": a load or CPU falling beside lost
  // capacity is the failure growing, not impact receding.
  const hits = read.some((h) => h.cue === CAPACITY_LOST)
    ? read.filter((h) => !FIGURE_FALLS.has(h.cue))
    : read;
  // What a monitoring tool posted (a Slack message by "Datadog", a `[PagerDuty]` line) is its
  // alert reaching people, unless it announces a recovery or records someone's step.
  const speaker = LEADING_HANDLE.exec(text)?.[1] ?? null;
  const byMonitor = [actor, source, speaker].some((who) => who !== null && isMonitorAuthor(who));
  const monitorCue = byMonitor ? monitorMessage(cues) : null;
  if (
    monitorCue &&
    THRESHOLD_CROSSED.test(text) &&
    !hits.some((h) => !NOT_AN_ALERT_YET.has(h.phase))
  )
    hits.push(hitOf(monitorCue, 0, monitorCue.weight));
  // A tag in brackets (`(unrelated)`, `[not related]`) is the writer's verdict on the line, not
  // an aside about something else.
  const tag = (c: Clause) => c.aside && c.text.split(/\s+/).length <= 3;
  if (clauses.some((c) => (!c.aside || tag(c)) && unrelated(c.text))) return nothing;
  // "False alarm", "(ignore, that was the load test)": a verdict on the line wherever it stands.
  if (clauses.some((c) => disowned(c.text))) return { ...nothing, disowned: true };
  const byTool = hits.some((h) => h.phase === 'acknowledge') && acknowledgedByTool(text, actor);
  const settled = settle(byTool ? hits.filter((h) => h.phase !== 'acknowledge') : hits, clauses);
  const recovering = settled.scores['recovery-full'] > 0 || settled.scores['recovery-partial'] > 0;
  const reading =
    recovering &&
    (watchingWords(text) || settled.best['recovery-partial']?.cue === 'recovery-state-monitoring')
      ? { ...settled, watching: true }
      : settled;
  const reopening = reopenedWords(text) ? { ...reading, reopens: true } : reading;
  const alerting = reading.scores.detect >= 2 || reading.scores.impact >= 2;
  const settledReading =
    alerting && warningLevel(text) ? { ...reopening, warning: true } : reopening;
  return settledReading.scores['resolved-declared'] > 0 && bookkeeping(text)
    ? { ...settledReading, bookkeeping: true }
    : settledReading;
}
