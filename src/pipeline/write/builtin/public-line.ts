/**
 * A timeline line as a reader outside the team should see it quoted: without the paste's tool
 * tags ("[alert]", "[pager]"), a chat bot's doubled label ("Escalated Escalated"), a note
 * label ("Note Name:", "Found it:", "RCA:") or an internal host name (es-prod-eu-3,
 * db1.cluster.local). The Timeline section keeps the line as written; this is for the sentences
 * the writer builds around a quote (summary, sections, HN post, thread).
 */

import type { Facts } from '../../../schemas/facts.js';
import { withoutArtefacts } from './source-artefacts.js';

/** Leading tags in brackets: "[alert] ", "[grafana][prod] ". */
const TAGS = /^\s*(?:\[[^\]\n]{1,40}\]\s*)+/;

/** Labels a responder or a tool puts before what it says. */
const LABEL =
  /^\s*(?:found it|confirmed|note(?: name)?|(?:work )?note added(?: by [A-Z][\w'-]+(?: [A-Z][\w'-]+)?)?|update|fyi|rca|root[\s-]*cause(?: (?:identified|found|confirmed))?|cause|on-?call|identified|escalat(?:ed|ion)|(?:(?:vendor|provider|upstream|their) )?status(?: update| page)?|comment|message)\s*[:\-–—]\s+(?=\S)/i;

/**
 * What a responder says before the finding itself: "found it, the cert ...", "ok I see it.",
 * "aha, got it -". The finding is the sentence; the exclamation is chat.
 */
const FINDING_LEAD =
  /^\s*(?:(?:ok(?:ay)?|so|right|yeah|yep|ah+|aha)[,!.]?\s+)?(?:(?:i|we)\s+(?:see|found|got|have)\s+it|found it|got it|there it is)\s*[,:.!\-–—]+\s*(?=\S)/i;

/** An export's event-type column left in the text: "Event credential rotation started", "Action deleted ...". */
const EVENT_TYPE = /^\s*(?:Event|Action)\s+(?!items?\b)(?=[a-z])/;

/** A chat reply before the finding: "on it. looks like the provider ...", "ack, seems like ...". */
const CHAT_OPENER =
  /^\s*(?:on it\b[.!,]*|(?:looking|checking|ack(?:ed)?|will do|ok(?:ay)?)[.!,]+)\s+(?:(?:looks like|seems like|seems|i think|it seems)\s+)?(?=\S)/i;

/** Tags a tool appends: "... #monitor", "#team:ci-infra (unrelated)". */
const TRAILING_TAGS = /(?:\s+#[\w:./-]+)+(?=\s*(?:\([^)]*\))?\s*$)/;

/** A whole line in quotes ('"ACL rollback complete"'), or a quote never closed: the marks go. */
function unquoted(text: string): string {
  const whole = /^\s*["“]([^"“”]*)["”]\s*$/.exec(text);
  if (whole?.[1] !== undefined) return whole[1];
  return (text.match(/["“”]/g) ?? []).length === 1 ? text.replace(/["“”]/, '') : text;
}

/**
 * Chat emoji codes (":white_check_mark:", ":eyes:"): said in words elsewhere, or left out; a
 * reaction's count after one at the end of a line (":rotating_light: 4") goes with it.
 */
const EMOJI_CODE = /(?:^|\s):[a-z0-9_+-]{2,40}:(?:\s+\d{1,3}(?=\s*$))?(?=\s|$|[.,;!?])/g;

/**
 * A responder's first person said as the team: a postmortem is blameless and speaks as "we"
 * ("which I deleted" becomes "which we deleted"). "I/O" is no pronoun.
 */
export function inOurVoice(text: string): string {
  return text
    .replace(/\bI was\b/g, 'we were')
    .replace(/\bI am\b|\bI'm\b/g, 'we are')
    .replace(/\bI've\b/g, "we've")
    .replace(/\bI'll\b/g, "we'll")
    .replace(/\bI'd\b/g, "we'd")
    .replace(/\bI\b(?![/.-]\w)/g, 'we')
    .replace(/\bmy\b/g, 'our')
    .replace(/\bMy\b/g, 'Our')
    .replace(/\bmyself\b/g, 'ourselves');
}

/** A word said twice by a tool that prints its label and then the message ("Escalated Escalated"). */
const DOUBLED = /\b([A-Za-z]{3,})(?:\s+\1\b)+/gi;

/**
 * An internal host name: a dotted name with a numbered first label ("db1.cluster.gitlab.com"),
 * a name under a private suffix ("payments-gw-7.internal", "db.corp"), or hyphenated segments
 * with a number and an infrastructure word ("es-prod-eu-3", "k8s-node-12"). Cloud regions ("us-east-1"), versions ("v2.3.1") and people's placeholders
 * ("team-member-1") are not hosts.
 */
const INFRA = String.raw`(?:prod|production|stg|staging|dev|db|es|node|host|srv|server|web|app|api|worker|cache|redis|pg|psql|mysql|k8s|kube|cluster|shard|replica|primary|master|lb|proxy|edge|vm|ip|rack|pod|broker|kafka|mongo|elastic|search|nfs|ceph)`;
const HOST = new RegExp(
  String.raw`(?<!\bid\s)(?<![\w.-])(?![a-z]{2}-[a-z]+-\d\b(?!\.[a-z]))(?![\w-]*(?:\.[\w-]+)*\.(?:errors?|count|rate|latency|total|sum|avg|max|min|p\d\d)\b)(?:[a-z][a-z0-9-]*\d[a-z0-9-]*(?:\.[a-z0-9-]*[a-z][a-z0-9-]*){2,}|[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:internal|local|lan|corp|intra|intranet|localdomain)|(?=[a-z0-9-]*\d)(?=(?:[a-z0-9]+-)*${INFRA}(?:-|\b))[a-z][a-z0-9]*(?:-[a-z0-9]+){2,})\b`,
);
const HOST_G = new RegExp(HOST.source, 'g');
const ON_HOST = new RegExp(
  String.raw`\s*(?:\((?:on )?${HOST.source}\)|\s(?:on|at|from|via)\s+(?:(?:the )?(?:host|server|node|instance|box)\s+)?${HOST.source}(?![\w.-]*\w)(?=\s*(?:$|[,;:)]|\.(?:\s|$))))`,
  'g',
);

/** publicLine's answers: the writer asks about the same ~15 lines of an incident ~230 times. */
const publicLines = new Map<string, string>();
/** Enough for the lines of any batch of incidents in flight; then it starts again. */
const PUBLIC_LINES_KEPT = 10_000;

/**
 * The line without its source tool's artefacts (withoutArtefacts: alert tags, emoji, badges,
 * incident numbers, ticket keys, handles, log fields, "(owner: …)"), tags, labels, doubled words
 * and host names; the rest as written. A host at
 * the end of a clause ("restarted the worker on es-prod-eu-3") goes; mid-sentence it becomes
 * "a server", so a cause that turns on which machine ("on db1... instead of db2") keeps its sense.
 * A function of the text alone, so each answer is kept (publicLines).
 */
export function publicLine(text: string): string {
  let line = publicLines.get(text);
  if (line === undefined) {
    if (publicLines.size >= PUBLIC_LINES_KEPT) publicLines.clear();
    line = withoutChatAndHosts(text);
    publicLines.set(text, line);
  }
  return line;
}

function withoutChatAndHosts(text: string): string {
  let line = unquoted(withoutArtefacts(text))
    .replace(TAGS, '')
    .replace(EVENT_TYPE, '')
    .replace(EMOJI_CODE, '')
    .replace(TRAILING_TAGS, '');
  for (
    let i = 0;
    i < 3 && (LABEL.test(line) || FINDING_LEAD.test(line) || CHAT_OPENER.test(line));
    i++
  )
    // "Vendor status: Identified - …": what the label hid may open with an artefact of its own.
    line = unquoted(
      withoutArtefacts(line.replace(LABEL, '').replace(FINDING_LEAD, '').replace(CHAT_OPENER, '')),
    );
  line = unquoted(line);
  // "just deployed the new credentials": chat's "just" before what was done.
  line = inOurVoice(line.replace(/^\s*(?:just|then|ok(?:ay)?,?|so,?)\s+(?=[a-z]+ed\b)/i, ''))
    .replace(DOUBLED, '$1')
    // "paged on api-5xx-rate": a metric's name after "on" says what fired, so it stays.
    .replace(ON_HOST, (clause: string) =>
      isMetricName(clause.trim().split(/\s+/).at(-1)?.replace(/[()]/g, '') ?? '') ? clause : '',
    );
  line = serversInWords(line).replace(/\s+/g, ' ').trim();
  return line || text.trim();
}

/**
 * A word that makes a dashed or dotted name a metric, not a machine: "api-5xx-rate",
 * "worker-queue-depth-v2", "k8s.pod.restarts". A host's name has none of these.
 */
const METRIC_WORD =
  /^(?:rate|ratio|latency|latencies|count|errors?|depth|lag|restarts?|duration|time|p\d{2,3}|[1-5]xx|hits?|miss(?:es)?|usage|bytes|total|seconds?|sec|ms|qps|rps|throughput|utili[sz]ation|saturation|evictions?|timeouts?|failures?|pct|percent|avg|max|min|sum|active|inflight|size|streams)$/i;

/** Whether a name HOST matched is a metric's ("api-5xx-rate"): then it is no server. */
function isMetricName(name: string): boolean {
  return name.split(/[-._]+/).some((part) => METRIC_WORD.test(part));
}

/**
 * Each host name in words: the first machine "a server", every other one "another server", so
 * "failing on pg-main-01 → failed over to pg-main-02" keeps its two machines apart; a metric's
 * name ("api-5xx-rate above 12%") is said in words ("api 5xx rate"), never as a server.
 */
function serversInWords(line: string): string {
  const machines: string[] = [];
  return line.replace(HOST_G, (name) => {
    if (isMetricName(name)) return name.replace(/[-._]+/g, ' ');
    if (!machines.includes(name)) machines.push(name);
    return machines.indexOf(name) === 0 ? 'a server' : 'another server';
  });
}

/** "Name Surname" or "Name": a capitalised word or two. */
const NAME = String.raw`[A-Z][a-z][\w'-]{0,20}(?: [A-Z][a-z][\w'-]{0,20})?`;
/** What only a person does: a tool or a vendor does not feel, acknowledge or join ("AWS said" does). */
const PERSON_VERB = new RegExp(
  String.raw`\b(${NAME}) (?:acknowledged|acked|feels|felt|thinks|thought|joined|took over|is (?:on it|fixing|looking into it))\b`,
  'g',
);
/** "Note added by Devin Osei:", "comment by Marta": a ticket's author label. */
const NOTE_BY = new RegExp(
  String.raw`\b(?:(?:work )?notes?|comments?|updates?)(?: added)? by (${NAME})\s*:?`,
  'gi',
);
/** `Name:` opening a line, before what they said. */
const SPEAKER = new RegExp(String.raw`^\s*(?:\[[^\]\n]{1,40}\]\s*)*@?(${NAME})\s*:\s+(?=\S)`);
/** Words shaped like a name that are tools, teams or roles, never a person to leave out. */
const NOT_A_PERSON =
  /^(?:pagerduty|opsgenie|statuspage|datadog|grafana|prometheus|slack|jira|github|gitlab|jenkins|argo|terraform|support|customers?|users?|vendor|provider|team|everyone|someone|nobody|the|we|it|this|that|on-call|oncall|alert|alerts|status|update|note|notes|cause|impact|action|next|resolved|monitoring|investigating|identified|follow-ups?|todo|fyi|root cause|trigger|summary|remediation)$/i;

/** Words that make a name a team, a role or a tool ("Pardot SRE", "Nightly Jobs Bot"). */
const TEAM_WORD =
  /\b(?:sre|team|commander|incident|bot|alerts?|ops|jobs?|e-?mail|support|engineering|network|platform|infra\w*|security|status|on-?call|global|analytics|monitor\w*|graphs?|statuspage|actions?|unrelated|service|provider|system|admin|customer|users?)\b/i;

/**
 * The people the input names: first-and-last-name actors, ticket note authors, the subjects of
 * what only a person does ("Tomas feels terrible", "Dana Whitfield acknowledged") and speakers
 * ("Dana: ...") one of those confirms, each full name with its first and last word. A blameless
 * public text names none of them.
 */
export function peopleIn(facts: Facts): string[] {
  const known = peopleRead.get(facts.events);
  if (known) return known;
  const found = readPeople(facts);
  peopleRead.set(facts.events, found);
  return found;
}

/** peopleIn per events list: the message, the HN post, the thread and the figure each ask. */
const peopleRead = new WeakMap<readonly Facts['events'][number][], string[]>();

function readPeople(facts: Facts): string[] {
  const people = new Set<string>();
  const add = (name: string | undefined) => {
    const clean = name?.replace(/^@/, '').trim();
    if (!clean || NOT_A_PERSON.test(clean) || TEAM_WORD.test(clean)) return;
    if (!new RegExp(`^${NAME}$`).test(clean)) return;
    people.add(clean);
    for (const word of clean.split(' ')) if (!NOT_A_PERSON.test(word)) people.add(word);
  };
  const texts = [
    ...facts.events.map((event) => event.text),
    ...facts.notes.map((note) => note.markdown),
  ];
  // An actor column names teams and vendors as often as people ("Dyn", "Pardot SRE"): only a
  // first and last name ("Dana Whitfield") counts on its own.
  for (const event of facts.events)
    if (event.actor && /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(event.actor)) add(event.actor);
  for (const text of texts) {
    for (const match of text.matchAll(PERSON_VERB)) add(match[1]);
    for (const match of text.matchAll(NOTE_BY)) add(match[1]);
  }
  // "Description:", "Subject:", "Handover:" open lines as a speaker does: a speaker counts only
  // when a person-only sign above names them too, or a first and last name speaks twice.
  const speakers = new Map<string, number>();
  for (const text of texts) {
    const name = SPEAKER.exec(text)?.[1];
    if (name) speakers.set(name, (speakers.get(name) ?? 0) + 1);
  }
  for (const [name, count] of speakers)
    if (people.has(name) || (name.includes(' ') && count >= 2)) add(name);
  // Longest first, so "Lena Hoffmann" goes before "Lena".
  return [...people].sort((a, b) => b.length - a.length);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text with the people the input names left out: a speaker's or a note's label goes, a
 * name elsewhere becomes "an engineer" ("Tomas ran the tool" → "An engineer ran the tool").
 */
export function withoutPeople(text: string, people: readonly string[]): string {
  if (!people.length) return text;
  const names = people.map(escape).join('|');
  // "What caused it: dana: Marco ran ...": a speaker's label lower-cased after a label still
  // names them; inside a sentence only the name as written counts ("price" is no Price).
  const labels = people
    .map(
      (name) =>
        `[${name.charAt(0).toUpperCase()}${name.charAt(0).toLowerCase()}]${escape(name.slice(1))}`,
    )
    .join('|');
  return text
    .replace(NOTE_BY, '')
    .replace(new RegExp(String.raw`(^|\n|[.!?:]\s+|"\s*)@?(?:${labels})\s*:\s+`, 'g'), '$1')
    .replace(new RegExp(String.raw`@?\b(?:${names})\b(?!['’]s\b)`, 'g'), 'an engineer')
    .replace(new RegExp(String.raw`@?\b(?:${names})['’]s\b`, 'g'), "an engineer's")
    .replace(/(^|\n|[.!?:]\s+|^- )an engineer/g, (_, lead: string) => `${lead}An engineer`)
    .replace(/[ \t]{2,}/g, ' ');
}

/**
 * A line the team tagged as not part of the incident ("(unrelated) the disk is full again,
 * I'll clean it tomorrow", "fyi unrelated: ..."): its plans are no follow-ups of this one.
 */
const UNRELATED =
  /\(\s*(?:unrelated|not related)\s*\)|\b(?:unrelated|not related)\s*:|[,;(]\s*(?:unrelated|not related)\W*$|^\W*(?:unrelated|not related)\b/i;

/** Whether the team tagged the line as not part of this incident. */
export function taggedUnrelated(text: string): boolean {
  return UNRELATED.test(text);
}
