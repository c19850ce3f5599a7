/**
 * What a tool leaves in a line that no reader outside the team should see in a sentence: alert
 * state and severity tags, emoji, a chat app's APP/BOT badge, a paging tool's name and incident
 * number, ticket keys, @handles, log fields, a table's pipes and an "(owner: …)" aside. Each cue
 * is taken out of a line before it becomes a public sentence (`public-sentence.ts`); the Timeline
 * section keeps the line as written. Patterns are stateless; the stripper makes a global copy.
 */
import type { Cue } from './cue.js';

export interface ArtefactCue extends Cue<'artefact'> {
  /**
   * What the match becomes ('' when absent), or a function of the match, its offset and the
   * whole line (the pattern has no capture groups then).
   */
  replace?: string | ((match: string, offset: number, whole: string) => string);
  /**
   * Taken out of a sentence the writer builds (publicSentence) but kept where a line is shown
   * as a line (the Timeline, a quote): there it tells how the tool said it.
   */
  sentenceOnly?: boolean;
}

/**
 * A handle in words: one that opens a line ("@lena.k: on it") or a broadcast ("@here") goes; one
 * inside a sentence ("escalated to @db-team") is said as who it is, so the sentence still reads.
 */
function handleInWords(handle: string, offset: number, whole: string): string {
  if (/^\W*$/.test(whole.slice(0, offset)) || /^@(?:here|channel|everyone|all)$/i.test(handle))
    return '';
  const before = whole.slice(0, offset);
  if (/\bcc\W*$/i.test(before)) return '';
  // "posting on @AWSCloud": an account the public follows, not a colleague.
  if (/\b(?:on|via|at|from|follow(?:ing)?)\s+$/i.test(before)) return handle;
  const name = handle.slice(1).replace(/[-_.]+/g, ' ');
  if (/\b(?:on-?call|oncall)\b/i.test(name)) return 'the on-call engineer';
  // "deploy 812 by @renovate-bot": a bot or a pipeline is no teammate; saying so would blame one.
  if (/\b(?:bot|ci|automation|actions|renovate|dependabot|deployer)\b|bot$/i.test(name))
    return 'a bot';
  return /\b(?:team|sre|ops|squad|crew|group|infra|platform)\b/i.test(name)
    ? `the ${name.replace(/\s*team$/i, '')} team`
    : 'a teammate';
}

/** Incident tools whose name opens a line they posted. */
const TOOLS = String.raw`pagerduty|opsgenie|alertmanager|datadog|grafana|new ?relic|splunk on-?call|victorops|incident\.io|firehydrant|rootly|statuspage|sentry|cloudwatch|prometheus|zabbix|nagios|icinga|uptime ?robot|pingdom|jira|servicenow`;

/** Keys of a log line's fields ("env=prod-eu", "severity=critical"): the record's, not the story's. */
const LOG_KEYS = String.raw`level|lvl|severity|sev|priority|status|state|env|environment|cluster|service|svc|host|hostname|pod|namespace|ns|region|zone|dc|team|owner|trace_?id|request_?id|req_?id|span_?id|alertname|job|instance|source|component|app|container|node|tags?`;

/** The characters a pasted page's entities stand for. */
const HTML_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#34;': '"',
  '&apos;': "'",
  '&#39;': "'",
  '&#x27;': "'",
  '&nbsp;': ' ',
  '&lt;': '<',
  '&gt;': '>',
};

export const SOURCE_ARTEFACT_CUES: readonly ArtefactCue[] = [
  {
    id: 'alert-state-tag',
    signal: 'artefact',
    weight: 3,
    reason:
      "Alertmanager's and monitors' state in brackets ([FIRING:1], [RESOLVED]): the line's own words say what happened. One inside a line starts the next alert Slack joined onto it, so it becomes a full stop; one that opens the line, or its quoted alert title (\"[FIRING] X\"), just goes.",
    replace: (_match, offset, whole) => (/^[\s"'“‘(]*$/.test(whole.slice(0, offset)) ? '' : '. '),
    pattern:
      /\[\s*(?:FIRING|RESOLVED|ALERT(?:ING)?|ALARM|OK|TRIGGERED|WARN(?:ING)?|CRIT(?:ICAL)?|INFO|RECOVERED|NODATA|NO DATA)(?:\s*:\s*\d+)?\s*\]/i,
    examples: {
      match: [
        '[FIRING:1] EdgeErrorRateHigh',
        '[RESOLVED] CheckoutErrorRate',
        'Alarm [ALARM] high 5xx',
      ],
      noMatch: ['the alert was firing', '[docs] link fixed'],
    },
  },
  {
    id: 'severity-tag',
    signal: 'artefact',
    weight: 3,
    reason:
      'A severity label ([SEV1], (P2), "SEV-2:") is triage bookkeeping; the header states the severity.',
    pattern:
      /\[\s*(?:SEV|P|S)[\s-]?[0-5]\s*\]|\(\s*(?:SEV|P)[\s-]?[0-5]\s*\)|^\s*(?:SEV|P)[\s-]?[0-5]\s*[:|–—-]\s*/i,
    examples: {
      match: ['[SEV1] Login failures', 'Checkout down (P2)', 'SEV-2: slow search'],
      noMatch: ['p95 latency 2s', 'we declared a SEV1'],
    },
  },
  {
    id: 'chat-reaction',
    signal: 'artefact',
    weight: 3,
    reason:
      'A chat reaction joined onto a line ("rolled back, marta reacted with ✅") is who clicked what, not what happened; left behind once its emoji goes, "reacted with" would read as a sentence cut off.',
    pattern:
      /(?:[,;]\s*|\s+[-–—]\s+|^\W*)(?:[\p{L}@.' -]{0,40}?\s)?(?:reacted (?:with\b(?=\s*(?::[a-z0-9_+-]+:|\p{Extended_Pictographic}|$))|to (?:a |the |this |your )?(?:message|post|comment)\b)|added (?:a |the )?reaction|removed (?:a |the |their )?reaction)[^,;]*$/iu,
    examples: {
      match: [
        'rolled back, marta reacted with ✅',
        'dana reacted with :eyes:',
        'Alex added a reaction 👍',
      ],
      noMatch: ['the service reacted slowly to the load', 'we reacted within minutes'],
    },
  },
  {
    id: 'arrow-emoji',
    signal: 'artefact',
    weight: 2,
    reason:
      'An arrow emoji stands for a word ("latency ⬆️ 300%" is latency up 300%): dropped like other emoji it would change the figure\'s meaning, so it is said in words.',
    replace: (arrow: string) =>
      /[⬆↑↗📈]/u.test(arrow) ? ' up ' : /[⬇↓↘📉]/u.test(arrow) ? ' down ' : ' to ',
    // Only before a figure or "to": "back to normal 📉✨" is decoration, dropped with the rest.
    pattern: /\s*(?:[⬆⬇➡↗↘]\u{FE0F}?|[📈📉])\s*(?=\d|to\b)/u,
    examples: {
      match: ['latency ⬆️ 300%', 'errors ⬇️ to 0', 'traffic 📈 40%'],
      noMatch: ['latency up 300%', 'pool 50 -> 200', 'Upload errors back to normal 📉✨'],
    },
  },
  {
    id: 'thanks-to-a-handle',
    signal: 'artefact',
    weight: 2,
    reason:
      'Thanks to a colleague by handle ("thanks @lena.k,") is chat between the team; said as "thanks a teammate" it reads as a slip.',
    pattern:
      /(?:^|(?<=[,;.!]\s*)|\s+)(?:thanks|thank you|thx|ty|kudos(?: to)?|h\/t)\s+@[\w.-]*\w\b[,;.!]*\s*/i,
    examples: {
      match: ['thanks @lena.k, rolling back now', 'rolled back, ty @sam'],
      noMatch: ['thanks to the cache', 'escalated to @dana'],
    },
  },
  {
    id: 'emoji-code',
    signal: 'artefact',
    weight: 3,
    reason:
      "A chat emoji code (:rotating_light:, :eyes:) is a reaction, not words; a reaction's count after one at the end of a line goes with it.",
    pattern: /(?<![\w:/]):[a-z0-9_+-]*[a-z][a-z0-9_+-]*:(?![\w/])(?:\s+\d{1,3}(?=\s*$))?/i,
    examples: {
      match: [
        ':rotating_light: errors',
        'back to normal :white_check_mark:',
        'users see 503s :fire:.',
        'all hit :rotating_light: 4',
      ],
      noMatch: ['at 10:27:05', 'std::vector', 'https://status.example.com'],
    },
  },
  {
    id: 'emoji',
    signal: 'artefact',
    weight: 3,
    reason: 'An emoji (🔥, 🚨, ✅) says a mood or a state the sentence must say in words.',
    pattern:
      /(?![©®™])(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\u{FE0F}|\u{200D}|\p{Emoji_Modifier}|\p{Extended_Pictographic}|\p{Regional_Indicator})*/u,
    examples: {
      match: ['🚨 checkout down', 'rollback done ✅', '🔥🔥 errors', 'thanks 👍🏽', 'EU 🇪🇺 only'],
      noMatch: ['Acme® CDN', 'errors at 40%'],
    },
  },
  {
    id: 'paging-tool-prefix',
    signal: 'artefact',
    weight: 3,
    reason:
      'The tool that posted a line ("[Opsgenie]", "PagerDuty APP", "Statuspage:") is its sender, not its subject.',
    pattern: new RegExp(
      String.raw`^\s*(?:\[(?:${TOOLS})\]|(?:${TOOLS})(?:\s+(?:APP|BOT))?\s*[:|–—-]|(?:${TOOLS})\s+(?:APP|BOT)\b|(?:${TOOLS})\s+(?=alert\b))\s*`,
      'i',
    ),
    examples: {
      match: [
        '[Opsgenie] Alert P1 #Q1ABCD2',
        'PagerDuty: Triggered #4711',
        'Statuspage APP posted',
        'Opsgenie alert "SAML login errors"',
      ],
      noMatch: ['Grafana dashboards were slow', 'we moved paging to Opsgenie'],
    },
  },
  {
    id: 'tool-tag',
    signal: 'artefact',
    weight: 2,
    reason:
      'A monitoring tool\'s name in brackets inside a line ("Triggered: [Datadog] MailQueueDepthHigh") says which tool relayed it.',
    pattern: new RegExp(String.raw`\s*\[(?:${TOOLS})\]`, 'i'),
    examples: {
      match: ['Triggered: [Datadog] MailQueueDepthHigh', '[Grafana] disk full'],
      noMatch: ['Datadog showed the spike', '[docs] link fixed'],
    },
  },
  {
    id: 'chat-app-badge',
    signal: 'artefact',
    weight: 3,
    reason:
      'Slack marks an integration with APP or BOT after its name ("BOT deploy-bot:"): the name and badge are the sender.',
    pattern: /^\s*(?:[\w.-]+\s+){0,2}?(?:APP|BOT)\s+(?:[\w.-]+\s*:\s+)?/,
    examples: {
      match: ['BOT deploy-bot: rollback complete', 'ci-notifier APP build 481 failed'],
      noMatch: ['the app crashed', 'Mobile app logins fail'],
    },
  },
  {
    id: 'log-level-label',
    signal: 'artefact',
    weight: 2,
    sentenceOnly: true,
    reason:
      'A log or monitor level in capitals before the message ("CRITICAL: API response time > 5000ms") is the tool\'s format; the words say how bad.',
    pattern: /^\s*(?:CRITICAL|CRIT|WARNING|WARN|ERROR|ERR|INFO|NOTICE|FATAL)\s*[:|–—-]\s*/,
    examples: {
      match: ['CRITICAL: API response time > 5000ms', 'WARN - disk 91% full'],
      noMatch: ['Critical: the pool was exhausted', 'ERRORS rose at 10:02'],
    },
  },
  {
    id: 'alert-priority-label',
    signal: 'artefact',
    weight: 2,
    reason:
      'An alert\'s priority label ("Alert P1", "Incident SEV2") before its message is triage, not news.',
    pattern: /^\s*(?:alert|alarm|incident|page)\s+(?:P|SEV)[\s-]?[0-5]\b\s*[:–—-]?\s*/i,
    examples: {
      match: ['Alert P1 auth-svc errors', 'Incident SEV2: slow search'],
      noMatch: ['Alert fired on p99', 'incident declared'],
    },
  },
  {
    id: 'incident-number',
    signal: 'artefact',
    weight: 3,
    reason:
      'A paging tool\'s incident or alert number (#P8ZK3Q1, Q1ABCD2, "Triggered #4711") means nothing outside the tool.',
    pattern:
      /#(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,10}\b|(?<=\b(?:[Tt]riggered|[Rr]esolved|[Aa]cknowledged|[Aa]cked|[Ee]scalated|[Ii]ncident|[Aa]lert|[Pp]age|[Rr]eopened)\s*:?\s*)#\d{2,7}\b|\b(?!(?:ISO|UTF|RFC|SHA|AES|HTTP|TLS|IPV|X509|MD5)\w*)(?=[A-Z0-9]{7}\b)(?=(?:[A-Z]*\d){2})(?=(?:\d*[A-Z]){3})[A-Z0-9]{7}\b/,
    examples: {
      match: [
        'Triggered #P8ZK3Q1: EdgeErrorRateHigh',
        'alert Q1ABCD2 closed',
        'Resolved: #4711 checkout',
      ],
      noMatch: ['PR #12 merged', 'ISO8601 stamps', 'UTF8MB4 columns', 'EC2 and S3'],
    },
  },
  {
    id: 'ticket-key',
    signal: 'artefact',
    weight: 2,
    reason:
      'A ticket key (INC-1234, OPS-88) beside a sentence is the tracker\'s reference; it stays only where the sentence is about the ticket ("tracked in OPS-88").',
    pattern:
      /(?:\s*[,;(]\s*|\s+[–—-]\s+|\s+)?(?<!\b(?:in|as|under|ticket|see|filed|opened|created|raised|tracking|tracked|issue|bug)\s+)(?<![\w-])(?!(?:CVE|CWE|GHSA|ISO|RFC|IEEE|ECMA|UTC|GMT|SEV|TLS|SSL|SHA|AES|RSA|UTF|HTTP|IPV|MP|PHP|GPT|COVID|ES)-)[A-Z][A-Z0-9]{1,9}-\d{1,6}\b(?!-\d|\.\d)(?:\s*\))?/,
    examples: {
      match: [
        'disabled that config, INC-4412',
        'INC-1234: checkout errors',
        'rolled back (OPS-88)',
      ],
      noMatch: [
        'follow-up tracked in OPS-88',
        'CVE-2021-44228 patched',
        'us-east-1 errors',
        'S3 in US-EAST-1',
        'AES-256 keys',
        'COVID-19 traffic',
      ],
    },
  },
  {
    id: 'chat-handle',
    signal: 'artefact',
    weight: 3,
    reason:
      'An @handle (@here, @lena.k) addresses colleagues in chat; a public text names nobody, and says a handle inside a sentence as who it is ("the db team").',
    pattern: /(?<![\w.])@[\w.-]*\w(?::[a-z][\w-]*(?:\.[\w-]+)+)?/,
    replace: handleInWords,
    examples: {
      match: [
        '@here acking',
        'thanks @lena.k',
        '@edge-oncall paged',
        'posting on @AWSCloud',
        '@noc-bot:matrix.example.org: [FIRING] link down',
      ],
      noMatch: ['mail ops@example.com', 'at 10:00'],
    },
  },
  {
    id: 'log-fields',
    signal: 'artefact',
    weight: 2,
    reason:
      "A log record's fields (env=prod-eu status=success) are the record's metadata; a single setting the team changed (max_connections=200) is kept.",
    pattern: new RegExp(
      String.raw`(?:\s*\b[a-z_][\w.-]*=(?:"[^"]*"|[^\s,;]+)){2,}|\s*\b(?:${LOG_KEYS})=(?:"[^"]*"|[^\s,;]+)`,
      'i',
    ),
    examples: {
      match: ['rollback complete status=success env=prod-eu', 'OriginShieldDown severity=critical'],
      noMatch: ['raised max_connections=200 by hand', 'pool 50 -> 200'],
    },
  },
  {
    id: 'owner-aside',
    signal: 'artefact',
    weight: 2,
    reason:
      'A trailing "(owner: team-identity)" or "(assignee: …)" routes the alert inside the team; it is not what happened.',
    pattern:
      /\s*\(\s*(?:owners?|assignee|assigned to|team|ticket|on-?call|runbook|dashboard|escalation(?: policy)?|service|via)\b\s*[:=]?[^()]*\)|\s*[,;–—-]?\s*\b(?:owner|assignee)\s*:\s*[\w@.-]+\s*$/i,
    examples: {
      match: [
        'login errors > 40% (owner: team-identity)',
        'disk full (runbook: RB-12)',
        'fix cache owner: @sam',
      ],
      noMatch: ['the owner of the cache was paged', 'errors (about 40%)'],
    },
  },
  {
    id: 'chat-edited',
    signal: 'artefact',
    weight: 1,
    reason: 'Slack marks a changed message "(edited)"; the change is already in the words.',
    pattern: /\s*\(edited\)/i,
    examples: { match: ['rolled back (edited)'], noMatch: ['the edited config'] },
  },
  {
    id: 'export-type-column',
    signal: 'artefact',
    weight: 3,
    reason:
      'An incident tool\'s export puts each entry\'s type between middle dots after its stamp ("· Event ·", "· Mitigation ·", "· Note ·"): the column says how the tool filed it, the words after it say what happened.',
    pattern: /^\s*·\s*[A-Z][\w-]*(?:\s[A-Za-z][\w-]*)?\s*·\s*/,
    examples: {
      match: [
        '· Event · forms-api v5.2 deployed',
        '· Action · Key removal identified as root cause.',
        '  ·  Status update  ·  Resolved',
      ],
      noMatch: ['deploy · rollback · deploy', 'v2 · v3 migration', 'Rolled back · done'],
    },
  },
  {
    id: 'html-markup',
    signal: 'artefact',
    weight: 3,
    reason:
      'A status feed or web page pasted as it was served keeps its HTML tags, escaped or not ("&lt;p&gt;&lt;small&gt;", "<strong>"): markup is how the page looked, never words for a reader.',
    replace: ' ',
    pattern:
      /&lt;\/?[a-z][a-z0-9]*\b(?:(?!&lt;)[^&])*?(?:&gt;?|$)|<\/?(?:p|br|small|strong|em|b|i|u|var|div|span|li|ul|ol|a|h[1-6]|code|pre|table|tr|td|th|tbody|thead|blockquote|hr|img|sup|sub)\b[^<>]*>/i,
    examples: {
      match: [
        '&lt;/p&gt;&lt;p&gt;&lt;small&gt;Mar 8',
        "&lt;var data-var='time'&gt;12:19&lt;/var&gt;",
        '<strong>Resolved</strong> - service is working',
        '<br/>Update',
      ],
      noMatch: ['latency < 200ms and errors > 1%', 'p99 <= 2s', 'a -> b'],
    },
  },
  {
    id: 'html-entity',
    signal: 'artefact',
    weight: 1,
    reason:
      'An HTML entity left by a pasted page ("&amp;", "&quot;", "&#39;") is a character the page meant: said as that character.',
    replace: (entity: string) => HTML_ENTITIES[entity.toLowerCase()] ?? ' ',
    pattern: /&(?:amp|quot|apos|nbsp|lt|gt|#39|#x27|#34);/i,
    examples: {
      match: ['Exchange &amp; Teams', '&quot;Traffic Director&quot;', 'don&#39;t'],
      noMatch: ['R&D team', 'AT&T links', 'a && b'],
    },
  },
  {
    id: 'tracker-activity',
    signal: 'artefact',
    weight: 2,
    reason:
      'A tracker\'s activity stream opens each entry with who did what to the ticket ("jlee added a comment.", "Ana created this task.", "mpatel closed this task as \\"Resolved\\"."): the words below it are the entry.',
    pattern:
      /^\s*(?!(?:we|i|they|he|she|you|it)\b)[\w.-]+(?:\s[A-Z][\w.-]*)?\s+(?:added a comment|commented|created this (?:task|issue|ticket)|(?:closed|reopened|resolved) this (?:task|issue|ticket)(?: as "[^"]*")?|changed the status(?: of this \w+)?(?: from "?[\w ]+"? to "?[\w ]+"?)?|made changes|updated the (?:task|issue) description)(?:\s*[.:]\s*|\s*$)/i,
    examples: {
      match: [
        'jlee added a comment. Reindex job swapped the alias',
        'Ana Silva created this task. Checkout fails',
        'mpatel closed this task as "Resolved". Reindex finished',
        'kwame commented: rolled back',
      ],
      noMatch: ['We added a comment to the runbook', 'the bot commented on the PR later'],
    },
  },
  {
    id: 'status-page-state',
    signal: 'artefact',
    weight: 2,
    reason:
      'A status page opens each update with its state and a dash ("Identified - ", "Monitoring – "): the state is the page\'s bookkeeping, the sentence after it is the update.',
    pattern:
      /^\s*(?:investigating|identified|monitoring|resolved|update|postmortem|scheduled|in progress|completed)\s+[-–—]\s+(?=\S)/i,
    examples: {
      match: [
        'Identified - A queue consumer was scaled to zero',
        'Monitoring – Consumers scaled back up',
        'Resolved - This incident has been resolved.',
      ],
      noMatch: [
        'Identified the bad deploy - rolling back',
        'monitoring shows 5xx - paging',
        'Update the runbook',
      ],
    },
  },
  {
    id: 'link',
    signal: 'artefact',
    weight: 2,
    reason:
      'A link to a dashboard, a log query or a chat thread is internal; the sentence says what it showed.',
    pattern: /\s*<?\bhttps?:\/\/[^\s>]+>?/i,
    examples: {
      match: ['graph: https://grafana.internal/d/abc', 'see <https://acme.slack.com/archives/C1>'],
      noMatch: ['the http server', 'status page updated'],
    },
  },
];
