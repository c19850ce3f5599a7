/** How and when the incident was detected, and who responded. */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';
import { milestoneEvent } from './milestone-event.js';
import { isNoise } from './sentences.js';

export interface Detection {
  /** The line the detected milestone came from. */
  event: TimelineEvent | null;
  /** "an alert from PagerDuty", "a report", "a person". */
  how: string;
  byAlert: boolean;
  /**
   * The first line that records an alert or page firing (PagerDuty, Opsgenie, an alarm, "paged"),
   * whether or not it was how the incident was detected: a page after a customer report still
   * means the team has alerting, and "no alert recorded" would be false.
   */
  alert: TimelineEvent | null;
  /** People named as actors in the timeline, in order of first appearance. */
  responders: string[];
  /**
   * Minutes from the start of impact to `event`: the analysis's time to detect when `event` is its
   * milestone, else computed; null when either time is unknown or the start comes after it.
   */
  minutesToDetect: number | null;
}

/** Sources and actors that are tools, not people. */
const TOOL =
  /^(?:alert|alerts|pager|pagerduty|opsgenie|victorops|datadog|grafana|prometheus|alertmanager|cloudwatch|aws[\w-]*|sentry|pingdom|statuspage|status|deploy|github|gitlab|ci|bot|system|monitoring|slack|jira|new relic|icinga|nagios|zabbix|splunk|honeycomb|zendesk|freshdesk|servicenow|intercom|helpdesk|incident\.io|rootly|firehydrant|argocd|argo|jenkins|spinnaker|flux|kubernetes|k8s|uptimerobot|statuscake|betterstack|checkly|webhook|workflow|automation|monitor)$/i;

/** A tool's name, or a bot named after one ("icinga-wm", "grafana_alerts"). */
const isTool = (name: string): boolean => TOOL.test(name) || TOOL.test(name.split(/[-_]/)[0] ?? '');

/**
 * The detected milestone's line; when the analysis marked none, the first alert or report at
 * or after the start (its time is then not used as a figure).
 */
const ALERT_SOURCE =
  /alert|pager|monitor|opsgenie|prometheus|datadog|grafana|cloudwatch|pingdom|sentry|icinga|nagios|zabbix/i;

/**
 * A monitoring check's own state line, as Nagios and Icinga bots write it into chat
 * ("PROBLEM - MediaWiki exceptions ... is CRITICAL", "CRITICAL - reduced availability for ...").
 * Upper case is the tool's; a person writing "problem - " in chat is not an alert.
 */
const CHECK_STATE = /^\W*(?:PROBLEM|CRITICAL|WARNING|DOWN)\b\s*[-:–—]|\bis (?:CRITICAL|DOWN)\b/;

/** Words that record an alert or page having fired, not a plan to add one. */
const ALERT_FIRED =
  /\b(?:paged|paging|page (?:fired|went out|sent)|pagerduty|opsgenie|victorops|incident\.io|alarm(?:ed|s|ing)?|alert(?:ed|s|ing)?|firing|triggered(?! by)|fired)\b/i;
const PLAN =
  /\b(?:add|set up|should|need|will|todo|no alert|did ?n[o']t (?:fire|page|alert)|never (?:fired|paged))\b/i;

/**
 * An alert that was there but did not tell anyone: muted, silenced, snoozed, missed. The line
 * records why detection was late, not how it happened.
 */
const SILENCED =
  /\b(?:muted|silenced|snoozed|suppressed|disabled|missed|ignored|unacknowledged|went unnoticed|(?:was|were) (?:off|turned off)|did ?n[o']t (?:fire|page|trigger)|never (?:fired|paged|triggered)|failed to (?:fire|page))\b/i;

/**
 * Whether a line was written by a monitor (an alerting tool's actor or source, or a check's own
 * state line): a monitor reports, it does not mitigate.
 */
export function fromMonitor(event: TimelineEvent): boolean {
  return (
    CHECK_STATE.test(event.text) ||
    [event.actor, event.source].some((name) => ALERT_SOURCE.test(name ?? ''))
  );
}

/** Whether a line tells of an alert that was muted, silenced or missed. */
export function silencedAlert(event: TimelineEvent): boolean {
  return SILENCED.test(event.text);
}

/**
 * An alert's own record that it cleared: "[RESOLVED] HighErrorRate", "[Recovered] API 5xx",
 * "RECOVERY - web01 is OK", "ALARM -> OK", "alert auto-resolved". Tags in capitals are the tool's;
 * a person writing "ok - looking" is not one.
 */
const ALERT_CLEARED_TAG = /^\W*\[(?:resolved|recovered|ok|recovery|cleared)(?::\d+)?\]/i;
const ALERT_CLEARED_WORDS =
  /^\W*(?:RECOVERY|OK|RESOLVED)\s*[-:–—]\s*\S.*\b(?:is|are) (?:OK|UP)\b|^\W*RECOVERY\s*[-:–—]|\b(?:is|are) (?:OK|UP)\b|\b(?:ALARM|ALERT|CRITICAL|FIRING)\s*(?:->|→)\s*OK\b|\b[Aa]l(?:ert|arm)s? (?:(?:has |have |was |were |is |are )?(?:auto-?)?(?:resolved|cleared|recovered)|closed)\b/;

/**
 * Whether a line records an alert clearing: service recovered as the monitor saw it. It is a
 * recovery, never the alert firing, and it detected nothing.
 */
export function alertCleared(text: string): boolean {
  return ALERT_CLEARED_TAG.test(text) || ALERT_CLEARED_WORDS.test(text);
}

/** Whether a line records an alert or page that fired. */
export function recordsAlert(event: TimelineEvent): boolean {
  if (PLAN.test(event.text) || SILENCED.test(event.text) || alertCleared(event.text)) return false;
  return (
    event.kind === 'alert' ||
    CHECK_STATE.test(event.text) ||
    ALERT_SOURCE.test(event.source ?? '') ||
    ALERT_SOURCE.test(event.actor ?? '') ||
    ALERT_FIRED.test(event.text)
  );
}

/** Words that say someone outside the team told us: a ticket, a support case, users reporting. */
export const REPORTED =
  /\b(?:customer|client|merchant|user|player|shopper|seller)s? (?:ticket|report\w*|complain\w*|email\w*|tweet\w*|call\w*|writes? in|wrote in|contact\w*|reach(?:ed|es)? out)|\b(?:support|zendesk|helpdesk|help desk) (?:ticket|case|escalat\w*)|\bticket\s*:|\b(?:customers?|users?|players?|merchants?) (?:report|are reporting|reported|complain|can'?t|cannot|could ?n[o']t)\b/i;
/**
 * Someone inside the company telling the responders: "A developer reports lots of 307s",
 * "Business tells us online booking is down", "support flagged failed logins".
 */
const TOLD_BY_A_COLLEAGUE =
  /\b(?:developer|engineer|colleague|teammate|someone|dev|devs|support|sales|business|ops|product|qa|team)s?\b.{0,25}\b(?:reports?|reported|tells? us|told us|flag(?:s|ged)|escalat(?:es|ed))\b/i;
/** Words that say an automated check caught it: a synthetic test, a probe, a canary. */
const AUTOMATED_CHECK =
  /\b(?:synthetic\w*|automated (?:test|check)\w*|(?:health|uptime) ?checks?|probes?|canary|canaries|smoke tests?)\b/i;

/** How a line tells of detection, or null when it does not: "a customer report", "an alert". */
function detectionKind(event: TimelineEvent): 'report' | 'check' | 'alert' | 'person' | null {
  if (SILENCED.test(event.text) || CLEARED.test(event.text) || alertCleared(event.text))
    return null;
  const where = `${event.actor ?? ''} ${event.source ?? ''} ${event.text}`;
  if (AUTOMATED_CHECK.test(where) && !PLAN.test(event.text)) return 'check';
  const told =
    (REPORTED.test(event.text) || TOLD_BY_A_COLLEAGUE.test(event.text)) && !PLAN.test(event.text);
  // "Working from logs; first thing spotted is elevated DNS errors": the analysis may call it a
  // report, but the line says a responder saw it.
  if (!told && NOTICED.test(event.text) && !PLAN.test(event.text)) return 'person';
  if (event.kind === 'report' || told) return 'report';
  if (recordsAlert(event)) return 'alert';
  if (NOTICED.test(event.text) && !PLAN.test(event.text)) return 'person';
  return null;
}

/**
 * A line that is only a milestone's name ("Impact started", "Reported"), as an incident tool's
 * summary fields are read: it says when, and nothing a reader can quote.
 */
export const isLabelOnly = (text: string): boolean =>
  /^\W*(?:impact (?:started|began|ended)|reported|detected|declared|acknowledged|identified|mitigated|fixed)\W*$/i.test(
    text,
  );

/**
 * A person seeing it: "Pardot SRE notices our domains failing to resolve", "just hit a fatal
 * DBQueryError loading a page".
 */
const NOTICED =
  /\b(?:notic(?:es|ed)|spott(?:s|ed))\b(?! (?:no|nothing)\b)|\b(?:just hit|hitting|just got) (?:an? |the )?(?:[\w-]+ ){0,2}(?:[\w-]*errors?|[\w-]*exceptions?|timeouts?|failures?|5\d\d|5xx)\b/i;
/**
 * A line that records an alert clearing or a check passing ("Alert closed by system: cert
 * rotation check passed", "[Recovered] Disk usage"): it detected nothing.
 */
export const CLEARED = /\bcheck passed\b|\bprevious alert\b|^\W*\[?recovered\]/i;

const timeOf = (event: TimelineEvent | null | undefined): number =>
  event?.time ? Date.parse(event.time) : NaN;

/**
 * The detected milestone's line, unless an earlier line after the trigger records an alert, an
 * automated check or a report from outside: the team learnt of it then (a customer ticket at
 * 11:40 before the 11:52 diagnosis). Lines before the trigger cannot have detected it.
 */
export function readDetection(facts: Facts, trigger: TimelineEvent | null = null): Detection {
  // A line that says the alert was muted or missed did not detect anything: the next signal did.
  const found = milestoneEvent(facts, 'detected');
  const milestone = found && (SILENCED.test(found.text) || CLEARED.test(found.text)) ? null : found;
  const after = trigger ? timeOf(trigger) : -Infinity;
  const signal = facts.events.find(
    (e) => e !== trigger && e.time && timeOf(e) > after && detectionKind(e) !== null,
  );
  // The analysis's detection time stands unless a line records an earlier signal.
  const detectedAt =
    facts.detected && !(found && !milestone) ? Date.parse(facts.detected) : timeOf(milestone);
  const earlier = signal && !(timeOf(signal) >= detectedAt) ? signal : null;
  const chosen = earlier ?? milestone ?? signal ?? null;
  // An incident tool's field ("Reported at 04:53") says when, not how: the line at that time
  // that records the alert or report tells how.
  // The same goes for a line that says only what responders did next ("Cloud Engineering start
  // investigating" beside "A developer reports lots of 307s" at 09:26).
  const event =
    chosen && (isLabelOnly(chosen.text) || detectionKind(chosen) === null)
      ? (facts.events.find(
          (e) =>
            e !== chosen &&
            e.time === chosen.time &&
            !isLabelOnly(e.text) &&
            detectionKind(e) !== null,
        ) ?? chosen)
      : chosen;
  const alert = facts.events.find(recordsAlert) ?? null;
  const source =
    event?.source && !isTool(event.source)
      ? null
      : (event?.source ?? (event?.actor && isTool(event.actor) ? event.actor : null));
  let how = 'a person noticing it';
  let byAlert = false;
  const kind = event ? detectionKind(event) : null;
  if (kind === 'check') {
    byAlert = true;
    how = 'an automated test';
  } else if (
    event &&
    !SILENCED.test(event.text) &&
    (event.kind === 'alert' ||
      CHECK_STATE.test(event.text) ||
      ALERT_SOURCE.test(`${event.source ?? ''} ${event.actor ?? ''}`))
  ) {
    byAlert = true;
    how = source && !/^alerts?$/i.test(source) ? `an alert from ${source}` : 'an alert';
  } else if (kind === 'report') {
    how = /\b(?:customer|client|merchant|shopper|ticket|support)s?\b/i.test(
      `${event?.source ?? ''} ${event?.actor ?? ''} ${event?.text ?? ''}`,
    )
      ? 'a customer report'
      : event?.actor
        ? `a report from ${event.actor}`
        : 'a report';
  } else if (kind === 'alert') {
    byAlert = true;
    how = 'an alert';
  }
  const responders: string[] = [];
  // Someone who only posted asides ("reminder: demo moved", "(unrelated) ...") did not respond.
  for (const e of facts.events.filter((event) => !isNoise(event.text))) {
    const name = e.actor?.replace(/^@/, '');
    if (name && !isTool(name) && !BOT.test(name) && !responders.includes(name))
      responders.push(name);
  }
  const lag = (timeOf(event) - (facts.start ? Date.parse(facts.start) : NaN)) / 60_000;
  const silenced = found !== null && milestone === null;
  const minutesToDetect =
    !earlier && !silenced ? facts.timeToDetectMinutes : lag >= 0 ? Math.round(lag) : null;
  return { event, how, byAlert, alert, responders, minutesToDetect };
}

/**
 * Actors that are bots, generic teams or the paste's own annotations, not responders: "CI bot",
 * "random-bot", "team", and "<logs>", "(graphs)", "-- decision:" in an annotated chat log.
 */
const BOT =
  /\bbot\b|[-_.]bot$|^app$|^(?:team|everyone|all|here|channel|system|automation|synthetic[\w-]*|logs?|graphs?|decision|notes?|updates?|context|summary|annotation)$/i;
