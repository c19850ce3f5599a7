/**
 * A timeline line as a reader outside the team should see it quoted: without the paste's tool
 * tags ("[alert]", "[pager]"), a chat bot's doubled label ("Escalated Escalated"), a note
 * label ("Note Name:", "Found it:", "RCA:") or an internal host name (es-prod-eu-3,
 * db1.cluster.local). The Timeline section keeps the line as written; this is for the sentences
 * the writer builds around a quote (summary, sections, HN post, thread).
 */

/** Leading tags in brackets: "[alert] ", "[grafana][prod] ". */
const TAGS = /^\s*(?:\[[^\]\n]{1,40}\]\s*)+/;

/** Labels a responder or a tool puts before what it says. */
const LABEL =
  /^\s*(?:found it|confirmed|note(?: name)?|update|fyi|rca|root[\s-]*cause(?: (?:identified|found|confirmed))?|identified|escalat(?:ed|ion)|status(?: update)?|comment|message)\s*[:\-–—]\s+(?=\S)/i;

/**
 * What a responder says before the finding itself: "found it, the cert ...", "ok I see it.",
 * "aha, got it -". The finding is the sentence; the exclamation is chat.
 */
const FINDING_LEAD =
  /^\s*(?:(?:ok(?:ay)?|so|right|yeah|yep|ah+|aha)[,!.]?\s+)?(?:(?:i|we)\s+(?:see|found|got|have)\s+it|found it|got it|there it is)\s*[,:.!\-–—]+\s*(?=\S)/i;

/** An export's event-type column left in the text: "Event credential rotation started", "Action deleted ...". */
const EVENT_TYPE = /^\s*(?:Event|Action)\s+(?!items?\b)(?=[a-z])/;

/** Chat emoji codes (":white_check_mark:", ":eyes:"): said in words elsewhere, or left out. */
const EMOJI_CODE = /(?:^|\s):[a-z0-9_+-]{2,40}:(?=\s|$|[.,;!?])/g;

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
 * or hyphenated segments with a number and an infrastructure word ("es-prod-eu-3",
 * "k8s-node-12"). Cloud regions ("us-east-1"), versions ("v2.3.1") and people's placeholders
 * ("team-member-1") are not hosts.
 */
const INFRA = String.raw`(?:prod|production|stg|staging|dev|db|es|node|host|srv|server|web|app|api|worker|cache|redis|pg|psql|mysql|k8s|kube|cluster|shard|replica|primary|master|lb|proxy|edge|vm|ip|rack|pod|broker|kafka|mongo|elastic|search|nfs|ceph)`;
const HOST = new RegExp(
  String.raw`(?<!\bid\s)(?<![\w.-])(?![a-z]{2}-[a-z]+-\d\b(?!\.[a-z]))(?![\w-]*(?:\.[\w-]+)*\.(?:errors?|count|rate|latency|total|sum|avg|max|min|p\d\d)\b)(?:[a-z][a-z0-9-]*\d[a-z0-9-]*(?:\.[a-z0-9-]*[a-z][a-z0-9-]*){2,}|(?=[a-z0-9-]*\d)(?=(?:[a-z0-9]+-)*${INFRA}(?:-|\b))[a-z][a-z0-9]*(?:-[a-z0-9]+){2,})\b`,
);
const HOST_G = new RegExp(HOST.source, 'g');
const ON_HOST = new RegExp(
  String.raw`\s*(?:\((?:on )?${HOST.source}\)|\s(?:on|at|from|via)\s+(?:(?:the )?(?:host|server|node|instance|box)\s+)?${HOST.source}(?![\w.-]*\w)(?=\s*(?:$|[,;:)]|\.(?:\s|$))))`,
  'g',
);

/**
 * The line without tags, labels, doubled words and host names; the rest as written. A host at
 * the end of a clause ("restarted the worker on es-prod-eu-3") goes; mid-sentence it becomes
 * "a server", so a cause that turns on which machine ("on db1... instead of db2") keeps its sense.
 */
export function publicLine(text: string): string {
  let line = text.replace(TAGS, '').replace(EVENT_TYPE, '').replace(EMOJI_CODE, '');
  for (let i = 0; i < 2 && (LABEL.test(line) || FINDING_LEAD.test(line)); i++)
    line = line.replace(LABEL, '').replace(FINDING_LEAD, '');
  // "just deployed the new credentials": chat's "just" before what was done.
  line = inOurVoice(line.replace(/^\s*(?:just|then|ok(?:ay)?,?|so,?)\s+(?=[a-z]+ed\b)/i, ''))
    .replace(DOUBLED, '$1')
    .replace(ON_HOST, '')
    .replace(HOST_G, 'a server')
    .replace(/\s+/g, ' ')
    .trim();
  return line || text.trim();
}
