/** How and when the incident was detected, and who responded. */
import type { Facts, TimelineEvent } from '../../../schemas/facts.js';

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
}

/** Sources and actors that are tools, not people. */
const TOOL =
  /^(?:alert|alerts|pager|pagerduty|opsgenie|datadog|grafana|prometheus|alertmanager|cloudwatch|aws[\w-]*|sentry|pingdom|statuspage|status|deploy|github|gitlab|ci|bot|system|monitoring|slack|jira|new relic|icinga|nagios|zabbix|splunk|honeycomb)$/i;

/**
 * The detected milestone's line; when the analysis marked none, the first alert or report at
 * or after the start (its time is then not used as a figure).
 */
const ALERT_SOURCE =
  /alert|pager|monitor|opsgenie|prometheus|datadog|grafana|cloudwatch|pingdom|sentry/i;

/** Words that record an alert or page having fired, not a plan to add one. */
const ALERT_FIRED =
  /\b(?:paged|paging|page (?:fired|went out|sent)|pagerduty|opsgenie|victorops|incident\.io|alarm(?:ed|s|ing)?|alert(?:ed|s|ing)?|firing|triggered(?! by)|fired)\b/i;
const PLAN =
  /\b(?:add|set up|should|need|will|todo|no alert|did ?n[o']t (?:fire|page|alert)|never (?:fired|paged))\b/i;

/** Whether a line records an alert or page that fired. */
export function recordsAlert(event: TimelineEvent): boolean {
  if (PLAN.test(event.text)) return false;
  return (
    event.kind === 'alert' ||
    ALERT_SOURCE.test(event.source ?? '') ||
    ALERT_SOURCE.test(event.actor ?? '') ||
    ALERT_FIRED.test(event.text)
  );
}

export function readDetection(facts: Facts): Detection {
  const line = facts.milestones['detected']?.line;
  const start = facts.start ? Date.parse(facts.start) : -Infinity;
  const event =
    facts.events.find((e) => e.line === line) ??
    facts.events.find(
      (e) =>
        (e.kind === 'alert' || e.kind === 'report' || ALERT_SOURCE.test(e.source ?? '')) &&
        e.time &&
        Date.parse(e.time) >= start,
    ) ??
    null;
  const alert = facts.events.find(recordsAlert) ?? null;
  const source = event?.source && !TOOL.test(event.source) ? null : event?.source;
  let how = 'a person noticing it';
  let byAlert = false;
  if (event?.kind === 'alert' || (event?.source && ALERT_SOURCE.test(event.source))) {
    byAlert = true;
    how = source && !/^alerts?$/i.test(source) ? `an alert from ${source}` : 'an alert';
  } else if (event?.kind === 'report') {
    how = event.actor ? `a report from ${event.actor}` : 'a report';
  } else if (event && recordsAlert(event)) {
    byAlert = true;
    how = 'an alert';
  }
  const responders: string[] = [];
  for (const e of facts.events) {
    const name = e.actor?.replace(/^@/, '');
    if (name && !TOOL.test(name) && !responders.includes(name)) responders.push(name);
  }
  return { event, how, byAlert, alert, responders };
}
