/**
 * The cue table: every word or state that tells what a timeline line says about the incident.
 * Modelled on mdast-util-to-markdown's `unsafe` table: declarative entries, each with a reason
 * and examples that must and must not match (tests/cue-table.test.ts asserts every one), compiled
 * once and applied by a small engine (read-line.ts). To teach IncidentPost a phrasing, add an
 * entry here, with examples, rather than a special case in the rules.
 *
 * Weights are three hand-set levels, on purpose not fitted to any corpus:
 * 1 = a hint (weak), 2 = a clear statement, 3 = a strong or structured statement (an alert
 * state, a status word, "impact began", "incident resolved").
 */
import { PHASES } from '../../schemas/config.js';
import type { EventKind } from '../../schemas/facts.js';

/** What a line can signal about the incident's course (one list, shared with the config schema). */
export { PHASES };
export type Phase = (typeof PHASES)[number];

export type Weight = 1 | 2 | 3;
export type Language = 'en' | 'ja' | 'de' | 'fr' | 'es';

export interface Cue {
  /** Stable id, cited in `analyze` output as the evidence for a milestone. */
  id: string;
  phase: Phase;
  weight: Weight;
  language: Language;
  /** Matched against one clause of the line, or (`state`) the structured state the paste gave. */
  on?: 'clause' | 'state';
  pattern: RegExp;
  /** One line: why this wording signals this phase. */
  reason: string;
  /** The event kind a line gets when this is its strongest cue (default: from the phase). */
  kind?: EventKind;
  /** Clauses (or states) this cue must match, and must not. */
  examples: { match: readonly string[]; noMatch: readonly string[] };
}

/**
 * Modifiers change the cues of their own clause (or, for `ineffective`/`unrelated`/`plan`, the
 * line).
 */
export type ModifierEffect =
  | 'negate'
  | 'plan'
  | 'partial'
  | 'ongoing'
  | 'ineffective'
  | 'unrelated'
  | 'topic'
  | 'action-item'
  | 'automated'
  | 'bookkeeping'
  | 'watching'
  | 'disowned'
  | 'warning'
  | 'reopened';

export interface Modifier {
  id: string;
  effect: ModifierEffect;
  language: Language;
  /** Matched against the line (default) or the name of who wrote it or did it (`agent`). */
  on?: 'line' | 'agent';
  pattern: RegExp;
  reason: string;
  examples: { match: readonly string[]; noMatch: readonly string[] };
}

/** Whole words in Latin scripts, accents included (`\b` does not know `é`). */
function words(source: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);
}

/**
 * A clock time a recovery names at the end of its sentence ("render again from 08:56", "loading
 * again at 2:02 PM"): a mail body split into one event per stated time (parse/paste-shapes.ts)
 * keeps the time in the words, and it must not hide that the sentence ends in a recovery.
 */
const SINCE_A_TIME = String.raw`\s+(?:from|since|at|as of|by)\s+~?\d{1,2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?`;

/**
 * Monitoring, paging and error-tracking tools whose messages teams paste as they arrived. Their
 * message opening a line is an alert (`detect-monitor-message`); as a line's author they are
 * never a person acknowledging (`automated-agent`).
 */
const MONITORING_TOOLS = String.raw`pagerduty|opsgenie|datadog|grafana|prometheus|alertmanager|cloudwatch|nagios|icinga|zabbix|sentry|new ?relic|pingdom|uptime ?robot|statuscake|better ?(?:uptime|stack)|victorops|splunk(?: on-?call)?|checkly|dynatrace|honeybadger|bugsnag|rollbar|site24x7|stackdriver|azure monitor|elastalert|uptime kuma|incident\.io|firehydrant|rootly`;

/** A bot a team names for what it watches ("LB Health Bot", "uptime-checker", "db-watchdog"). */
const WATCHING_BOT =
  /(?:^|[\s_.-])(?:health|uptime|status|monitor(?:ing)?|alerts?|alerting|watchdog|probe|checker|canary|synthetics?)(?:[\s_.-]|$)[^]*\bbot\b|(?:^|[\s_.-])(?:watchdog|uptime[-_ ]?checker|healthcheck(?:er)?)\b/i;

/**
 * A figure of the failure people chart during an incident (error rate, 5xx, p99, queue depth,
 * lag): the receding-figure cues read these, so "5xx now 3% (was 28%)" and "queue depth 40k,
 * falling" say the same thing as "errors dropping".
 */
const FAILURE_FIGURE = String.raw`(?:error rates?|errors|[45]\d\ds|[45]xxs?|failures|failure rates?|time-?outs?|p\d\d|latency|lag|queue(?:[- ](?:depth|age|size|length))?|backlog|retries|declines|rejections|cpu|load|packet loss)(?: rates?| ratio| count)?`;
/** A figure as people write it, with its unit: `3%`, `400ms`, `40k`, `1.5 s`. */
const FIGURE_UNIT = String.raw`(?:\s?(?:%|ms|s|sec|k|m|min|rps|qps|/s))?`;

const MONITORING_TOOL_AUTHOR = new RegExp(`^\\W{0,2}(?:${MONITORING_TOOLS})(?:\\W|$)`, 'iu');

/**
 * Whether a line's author or source tag is a monitor: a monitoring tool ("Datadog", a Slack post
 * by "PagerDuty") or a bot named for what it watches ("LB Health Bot").
 */
export function isMonitorAuthor(name: string): boolean {
  return MONITORING_TOOL_AUTHOR.test(name) || WATCHING_BOT.test(name);
}

export const CUES: readonly Cue[] = [
  // ── impact ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'impact-began',
    phase: 'impact',
    weight: 3,
    language: 'en',
    pattern: words(
      String.raw`(?:impact|outage|incident|disruption|degradation|errors?|problems?)(?: (?:window|period|phase))? (?:starts?|started|begins?|began|beginning)|start of (?:the )?(?:impact|outage|incident)|first signs? of (?:impact|trouble|errors?)|(?:user|customer)[- ](?:visible|facing) impact (?:starts?|began|begins?)`,
    ),
    reason: 'the line says outright that impact began',
    examples: {
      match: [
        'impact began',
        'outage started for EU users',
        'first signs of impact',
        'second impact window starts in other regions',
      ],
      noMatch: ['impact assessment started', 'the outage ended'],
    },
  },
  {
    id: 'impact-persists',
    phase: 'impact',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`no change|no improvement|no effect|made (?:it|things|matters) worse|(?:got|getting|gets) worse|worsen(?:ed|ing|s)|(?:did ?n[o']t|does ?n[o']t|didn't) (?:help|fix it|change anything|work|take)|(?:cpu|load|latency|errors?|p\d\d|it)(?: is| are)? still (?:at|pegged|high|elevated|climbing|failing|down|broken|erroring|timing out|spiking)`,
    ),
    reason: 'an outcome line: the impact outlived the action before it',
    examples: {
      match: [
        'no change, CPU still at 100%',
        'did not help',
        'latency still high after the restart',
        'the revert made it worse',
        "restarted rabbit-2, didn't take",
      ],
      noMatch: ['no changes deployed today', 'CPU dropping, p99 back to 210ms'],
    },
  },
  {
    id: 'impact-failure',
    phase: 'impact',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`errors?|erroring|error rates?|fail(?:s|ing|ures?)?(?![ -]?(?:over|back))|failed(?! ?over| back)|down|outage|unavailable|unreachable|inaccessible|degraded|degradation|disrupt(?:ed|ion)|time-?outs?|timing out|timed out|5\d\d(?:s|x)|50x|5xx|(?:http|status|returns?|returning|returned|serving|throwing|got|with|answer(?:s|ing)?) 5\d\d|5\d\d (?:errors?|responses?|status|bad gateway|internal|service unavailable|gateway)|crash(?:es|ed|ing|looping)?|ooms?(?:-?kill(?:ed|s)?)?|out of memory|exhaust(?:ed|ion)|saturat(?:ed|ion)|stuck|broken|cannot|can'?t|could(?:n'?t| not)|(?:nobody|no one|no-one) (?:can|could|is able to|was able to)|unable|throttl(?:ed|ing)|refused|rejected|panic(?:s|ked)?|exceptions?|data loss|corrupt(?:ed|ion)?|dropped(?! (?:the|a|an|that|this|those|these|our)\b)|packet loss|no space left|not responding|unresponsive|partition(?:ed)?|isolated|blackhole[ds]?|withdrawn|stale|duplicat(?:e|ed|es|ion)|incorrect|wrong|missing|invalid|[45]\d\d(?:ing|ed)`,
    ),
    reason: 'names a failure users or systems suffer',
    examples: {
      match: [
        'indexer OOMs every few minutes',
        'checkout failing for all users',
        'API 5xx > 20%',
        'pods crash looping',
        'No space left on device',
        'checkout returns 502 for a third of requests',
        'build agents fail to pick up jobs',
        'Customers could not load the home feed',
        'Users start getting "invalid session" on login',
        'images 404ing on the storefront',
        'Nobody can sign in through SSO since about 5:30 PM',
        'no one could place an order',
      ],
      noMatch: [
        'failed over to the replica',
        'failing over to the standby',
        'rolled back the release',
        'raised the batch size to 500',
        'dropped the runaway reporting index',
      ],
    },
  },
  {
    id: 'impact-experienced',
    phase: 'impact',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`(?:customers?|users?|clients|merchants|requests?|visitors|tenants|developers|some|many|all) (?:[\p{L}\p{N}-]+ ){0,3}(?:experienced|experiencing|saw|were seeing|may have (?:seen|experienced|noticed)|encountered|hit|were affected|were impacted)`,
    ),
    reason:
      'a status post or write-up says what customers experienced ("some customers experienced slow searches"): the sentence is about user impact',
    examples: {
      match: [
        'some customers experienced slow searches',
        'users may have experienced errors',
        'customers saw elevated error rates',
        'customers in every region saw declines',
      ],
      noMatch: ['we experienced a quiet night', 'the team saw the alert'],
    },
  },
  {
    id: 'impact-client-error',
    phase: 'impact',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`(?:installs?|requests?|calls?|fetch(?:es)?|downloads?|pulls?|logins?|pages?|builds?|http|status|returns?|returning|returned|serving|got|getting|answer(?:s|ing)?) 4\d\ds?|4\d\ds? (?:errors?|responses?|not found|forbidden|unauthori[sz]ed|too many requests)`,
    ),
    reason:
      'requests that used to work now get a client error (404 on a package, 403 on a login, 429): users suffer it',
    examples: {
      match: [
        'babel + react-native installs 404 on left-pad',
        'logins 403 for SSO users',
        'API returning 429 to every tenant',
        'mail provider returning 421 to every send',
      ],
      noMatch: ['404s on left-pad back to zero', 'see runbook 404', 'opened PR 4041'],
    },
  },
  {
    id: 'impact-data-symptom',
    phase: 'impact',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`first (?:mismatched|failed|failing|bad|corrupt(?:ed)?|wrong|lost|dropped|missing|duplicated?|stuck|rejected|bounced|errored|erroring|invalid|late|delayed|unprocessed|timed[- ]out|broken)|(?:queues?|backlog|jobs?|messages?|events?|orders?|writes?|consumers?|replication|lag) (?:started|starts|began|begins) (?:backing up|piling up|growing|building|climbing|to (?:back|pile) up|to grow|to build|to climb|to lag|lagging)`,
    ),
    reason:
      'the first piece of bad data or work ("first mismatched row", "first failed job", "queue started backing up") is the first sign of impact, even when nobody saw it yet',
    examples: {
      match: [
        'First mismatched row written',
        'first failed transfer in the job log',
        'queue started backing up',
        'order consumers started lagging',
      ],
      noMatch: ['first responder joined', 'the queue drained', 'first we rolled back'],
    },
  },
  {
    id: 'impact-stopped',
    phase: 'impact',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`(?:stop(?:s|ped)?|ceased?) (?:going out|sending|arriving|being (?:sent|delivered|processed|written)|working|loading|processing|delivering|syncing|replicating|updating|resolving|responding|serving)|(?:is|are|was|were) not (?:arriving|loading|working|going out|being (?:sent|delivered|processed)|delivered|processing|syncing|updating|responding)|(?:(?:has|have) been |are |is )?(?:queued|waiting|pending|hanging) (?:for )?(?:over |more than |\d+\+? )\d*\+? ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)(?![\p{L}\p{N}])|nothing (?:is |gets |got |was )?(?:picked up|processed|delivered|sent|served|going out)`,
    ),
    reason:
      'something users rely on stopped happening ("e-mails stop going out", "jobs stopped processing")',
    examples: {
      match: [
        'confirmation e-mails stop going out',
        'webhooks stopped arriving',
        'several merchants say webhooks are not arriving',
        'every CI build has been queued for 20+ minutes, nothing is picked up',
        'exports pending for over 2 hours',
      ],
      noMatch: ['stopped the export job', 'stop the bleeding', 'queued the rollout for tonight'],
    },
  },
  {
    id: 'impact-user-symptom',
    phase: 'impact',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`(?:white|blank|empty) (?:[\w-]+ ){0,2}(?:screens?|pages?|pdfs?|invoices?|documents?|reports?|exports?|files?|e-?mails?|images?|thumbnails?|receipts?)|(?:returns?|returning|shows?|showing|gets?|getting) (?:nothing|no results|zero results)|(?:payments?|cards?|transactions?|charges?|orders?|logins?)(?: [\w-]+)? (?:are |is |getting |being |were |was |got )?(?:declined|bouncing|bounced)|(?:e-?mails?|mails?|messages?)(?: [\w-]+)? (?:are |is |were |keep )?bouncing|(?:getting|got|being|were|are|keep getting) (?:randomly )?logged out|not going through|(?:won'?t|doesn'?t|don'?t|didn'?t) (?:go through|load|open|start|connect)|spins? forever|spinner forever|hangs? forever|hosed|on fire|(?:hard|totally|completely) down|melt(?:ing|ed)? down|meltdown|returning garbage|(?:cpu|memory|disk|connections?|pool)(?: [\w-]+)? (?:is |are )?(?:pegged|maxed(?: out)?)|disk (?:is )?full|out of (?:disk|space|connections|file descriptors|inodes)|(?:cert(?:ificate)?s?|tls|ssl)(?: [\w.-]+)? (?:has |have |had )?expired|expired (?:tls |ssl )?cert(?:ificate)?s?|not resolving|nxdomain|servfail|(?:is |are )?backing up|(?:batch|batches|jobs?|cron(?:job)?s?|runs?|exports?|syncs?|backups?|payouts?|billing run|imports?|pipelines?)(?: [\w-]+)? (?:did not|didn'?t|never|failed to) (?:start(?:ed)?|run|ran|complete(?:d)?|finish(?:ed)?|fire(?:d)?|kick(?:ed)? off|trigger(?:ed)?)|(?:everything|dashboards?|the board|status board) (?:is |are |went |turned )?(?:all )?red|(?:deliveries|webhooks?|e-?mails?|notifications?|messages?|payouts?|payments?|orders?|jobs?|builds?|deploys?|exports?|reports?|invoices?)(?: [\w-]+)? (?:are |is |were |was |being |getting |got )?(?:delayed|late|stuck|not (?:being )?(?:delivered|sent|processed|arriving))(?! (?:by|until|to)\b)`,
    ),
    reason:
      'what users or operators see when the service fails, in plain words (a white screen, payments declined, mail bouncing, disk full, a certificate expired): it names the impact, so a later status post does not start the incident',
    examples: {
      match: [
        'customers started sending us blank invoice PDFs',
        'nightly batch did not start',
        'the payout job never ran',
        'homepage shows a white screen',
        'card payments getting declined',
        'orders are not going through',
        'emails are bouncing',
        'people are getting logged out',
        'checkout is hosed',
        'db CPU pegged at 100%',
        'disk full on db-1',
        'certificate expired on api.example.com',
        'DNS not resolving for example.com',
        'search returns nothing',
        'everything is red on the status board',
        'webhook queue depth above 50k, deliveries delayed',
        'emails stuck in the outbound queue',
        'payouts not being processed',
      ],
      noMatch: [
        'a blank line between sections',
        'we did not run the import yet',
        'the release is delayed until Monday',
        'deploys delayed by the freeze',
        'PR declined by the reviewer',
        'renewed the certificate',
        'the board is green',
        'queue is empty',
      ],
    },
  },
  {
    id: 'impact-capacity-lost',
    phase: 'impact',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`(?<!\b(?:failed|failing|errored|erroring|bad|error|5xx|timed[- ]out|slow|stuck|retried)\s)(?:servers?|nodes?|hosts?|pods?|instances?|workers?|machines?|vms?|brokers?|replicas?|containers?|boxes|connections?|requests?|packets?|calls?|sessions?)(?: \w+)?? (?:are |is |keep |kept |started |start |were )?(?:dropping|dropped|dying|died|falling over|fell over|dropping out|dropped out|going down|went down)(?! (?:the|a|an|our|their|its|to|by|from|back|below|under)\b)(?![:\s]*[~≈]?\d)|dropping like flies|(?:traffic|requests|orders|logins|throughput) (?:is |are |has |have )?(?:dropp(?:ing|ed)|fell|fall(?:ing|en)?|went) (?:to|off) (?:zero|0|nothing|a cliff)`,
    ),
    reason:
      'the service is losing what serves users (servers dying, connections dropping, traffic to zero): the failure growing, so a load or CPU falling beside it is no recovery',
    examples: {
      match: [
        'app servers are dropping like flies',
        'connections dropping everywhere',
        'nodes dropping out of the cluster',
        'traffic dropping to zero',
        'load dropping on the app tier, servers are dying',
      ],
      noMatch: [
        'dropped the stale connections',
        'workers dropped to normal',
        'failed requests dropping',
        'requests dropped to 2% errors',
        'Connection pool dropping: 78% → 45%',
      ],
    },
  },
  {
    id: 'impact-transition-pending',
    phase: 'impact',
    weight: 3,
    language: 'en',
    pattern: words(
      String.raw`(?:(?:updated|changed|went|transitioned|transition) from [\w -]{1,20}? to|→|->|=>)\s*(?:pending|warning|degraded)`,
    ),
    reason:
      "a monitor's history says a threshold was crossed but has not paged yet (Grafana's Pending, a Warning state): the first sign",
    kind: 'impact',
    examples: {
      match: [
        'Normal → Pending {instance="checkout-1"} p95=2.7s',
        'state changed from OK to Warning',
      ],
      noMatch: ['Pending → Alerting', 'payment pending review'],
    },
  },
  {
    id: 'impact-slow',
    phase: 'impact',
    weight: 1,
    language: 'en',
    pattern: words(
      String.raw`latency|response times?|slow(?:ness|er)?|elevated|spik(?:e|es|ed|ing)|backlog|queue(?:s|d)? (?:growing|building)|lag(?:ging)?|flapping|pressure|high (?:cpu|load|memory)`,
    ),
    reason: 'a symptom that may or may not be user impact yet',
    examples: {
      match: ['search p99 latency above 5s', 'elevated error rates', 'replication lagging'],
      noMatch: ['latest release'],
    },
  },
  {
    id: 'impact-ja',
    phase: 'impact',
    weight: 2,
    language: 'ja',
    pattern:
      /障害|エラー|不具合|つながりにくい|繋がりにくい|利用できない|ご利用いただけない|停止して|遅延/u,
    reason: 'Japanese status pages name the failure (障害, エラー, 不具合, 遅延)',
    examples: {
      match: ['決済APIでエラーが発生しています', 'サービスがご利用いただけない状態です'],
      noMatch: ['原因を特定しました'],
    },
  },
  {
    id: 'impact-de',
    phase: 'impact',
    weight: 2,
    language: 'de',
    pattern: words(
      String.raw`störung(?:en)?|ausfall|ausgefallen|fielen?\s.{0,40}aus|fehler(?:n|rate)?|nicht erreichbar|(?:antwortet|antworten|reagiert|reagieren|läuft|laufen|lädt|laden) nicht(?: mehr)?|(?:server|dienste?|systeme?|vms?|pods?|knoten|datenbank|db)\s+(?:hängen|hängt)|zeitüberschreitung(?:en)?|beeinträchtig\p{L}*`,
    ),
    reason: 'German updates name the failure (Störung, Ausfall, Fehler, nicht erreichbar)',
    examples: {
      match: [
        'Störung im Bestellsystem',
        'die API ist nicht erreichbar',
        'Bestellungen fielen mit Zeitüberschreitungen aus',
        'API antwortet nicht mehr. Alle Server hängen.',
        'Checkout lädt nicht',
      ],
      noMatch: ['die Störung wurde behoben und alles läuft', 'das hängt vom Anbieter ab'],
    },
  },
  {
    id: 'impact-fr',
    phase: 'impact',
    weight: 2,
    language: 'fr',
    pattern: words(
      String.raw`panne|erreurs?|indisponibles?|perturbations?|dégradée?s?|incident en cours|inaccessibles?`,
    ),
    reason: 'French updates name the failure (panne, erreurs, indisponible, perturbation)',
    examples: {
      match: ['le service est indisponible', 'panne du paiement'],
      noMatch: ['incident résolu'],
    },
  },
  {
    id: 'impact-es',
    phase: 'impact',
    weight: 2,
    language: 'es',
    pattern: words(
      String.raw`caída|errores?|interrupción|no disponible|fallos?|degradad[oa]s?|incidencia`,
    ),
    reason: 'Spanish updates name the failure (caída, errores, interrupción, no disponible)',
    examples: {
      match: ['interrupción del servicio de pagos', 'la API no disponible'],
      noMatch: ['problema resuelto'],
    },
  },
  // ── detect ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'detect-state-firing',
    phase: 'detect',
    weight: 3,
    language: 'en',
    on: 'state',
    pattern: /^(?:firing|alerting|triggered|trigger|alarm|problem|critical|down)$/i,
    reason: "a monitor's own state column says the alert fired",
    kind: 'alert',
    examples: { match: ['FIRING', 'trigger', 'ALARM'], noMatch: ['RESOLVED', 'OK', 'acknowledge'] },
  },
  {
    id: 'detect-alert',
    phase: 'detect',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`alerts?|alarms?|alerting|paged|paging|page (?:fired|sent|went out)|(?<!\b(?:cached|static|web|slow|error|landing|product|login|checkout|some|the|all|many|our|blank|broken|stale|html|status) )pages(?! (?:load(?:ed|ing)?|render(?:ed|ing)?|are|were|show(?:ed|ing)?|again|from|for)\b)|firing|fired|triggered|monitor(?:ing)? (?:fired|triggered|went off)|went off|pager`,
    ),
    reason: 'an alert or page reached people',
    kind: 'alert',
    examples: {
      match: [
        '[FIRING:1] CheckoutErrorRate',
        'on-call paged',
        'Triggered: #4711 checkout 5xx',
        'on-call pages the DB team',
      ],
      noMatch: ['set up alerting next week?', 'serving cached pages', 'some still see slow pages'],
    },
  },
  {
    id: 'detect-monitor-down',
    phase: 'detect',
    weight: 3,
    language: 'en',
    pattern: words(
      String.raw`monitor\b[^;]{0,60}?\b(?:is|went|has gone|was) (?:currently |now )?down|\[(?:alert|alarm|down|critical|problem)\]`,
    ),
    reason:
      'an uptime monitor says the thing it watches is down (UptimeRobot\'s "Monitor is DOWN", a "[Alert]" subject): the monitor detected it',
    kind: 'alert',
    examples: {
      match: [
        'Monitor is DOWN: Checkout API',
        'The monitor shop.example.com is currently DOWN',
        '[Alert] api.example.com unreachable',
      ],
      noMatch: ['monitor is UP: Checkout API', 'took the monitor down for maintenance? no'],
    },
  },
  {
    id: 'detect-check-failing',
    phase: 'detect',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`(?:synthetic|health|uptime|canary|smoke|blackbox|black-box|external)[- ]?(?:checks?|tests?|probes?|monitors?)\b[^;]{0,50}?\b(?:fail(?:s|ing|ed)?|red|down|alerting|firing|timing out|timed out)`,
    ),
    reason:
      'a synthetic, health or uptime check that fails is a monitor noticing the problem, whether or not it paged anyone',
    kind: 'alert',
    examples: {
      match: [
        'synthetic check search-results-nonempty failing',
        'health checks on lb-2 failed',
        'Canary probe eu-login down',
        'homepage health check timing out on all web nodes',
      ],
      noMatch: ['added a synthetic check for search', 'health checks passing again'],
    },
  },
  {
    id: 'detect-chat-alarm-emoji',
    phase: 'detect',
    weight: 2,
    language: 'en',
    pattern: /^\s*:(?:rotating_light|red_circle|rotating-light|sos|alert|siren|fire):/i,
    reason: "a chat bot's alarm emoji at the start of its message is how Slack alerts arrive",
    kind: 'alert',
    examples: {
      match: [':rotating_light: BGP updates spike from AS32934', ':red_circle: [P1] checkout 5xx'],
      noMatch: [':white_check_mark: prefixes announced again', 'the :fire: emoji is overused'],
    },
  },
  {
    id: 'detect-monitor-message',
    phase: 'detect',
    weight: 2,
    language: 'en',
    // Only where the tool opens the line as its author ("PagerDuty: ...", "[Datadog] ..."): a
    // person naming the tool in a sentence ("checked grafana, fine") is not an alert.
    pattern: new RegExp(
      String.raw`^\W{0,3}(?:${MONITORING_TOOLS})(?:\s*[\])]|\s*(?::|>|\||-\s|–|—)|\s+(?:alert|alarm|monitor|notification|incident)s?\s*(?::|>|\||-\s|–|—|$))`,
      'iu',
    ),
    reason: 'a monitoring tool posted the failure: its alert reached people',
    kind: 'alert',
    examples: {
      match: [
        'PagerDuty: search-api error rate critical',
        '[Datadog] p99 latency on checkout above 2s',
        'CloudWatch Alarm - orders-5xx',
        'Grafana | Disk usage 96% on db-3',
      ],
      noMatch: [
        'checked grafana, nothing odd',
        'Datadog dashboard link in the channel',
        'the pagerduty schedule was wrong',
      ],
    },
  },
  {
    id: 'detect-transition',
    phase: 'detect',
    weight: 3,
    language: 'en',
    pattern: words(
      String.raw`(?:(?:updated|changed|went|transitioned|transition) from [\w -]{1,20}? to|→|->|=>)\s*(?:alarm|alerting|firing|critical|triggered|down|unhealthy|red)`,
    ),
    reason:
      "a monitor's history says its state went into alarm (in words, or `Pending → Alerting`)",
    kind: 'alert',
    examples: {
      match: [
        'Alarm updated from OK to ALARM',
        'state changed from Normal to Alerting',
        'Pending → Alerting {instance="checkout-1"}',
      ],
      noMatch: ['Alarm updated from ALARM to OK', 'Alerting → Normal'],
    },
  },
  {
    id: 'detect-notification-word',
    phase: 'detect',
    weight: 3,
    language: 'en',
    // Case-sensitive on purpose: the monitor's capitalised state word opening a notification,
    // not the word "critical" in a sentence.
    pattern: /^(?:PROBLEM|CRITICAL)(?:\s*[-:–]|$)/u,
    reason:
      'a Nagios/Icinga-style notification opens with its state word ("PROBLEM - host ...", "CRITICAL - reduced availability"): the monitor fired',
    kind: 'alert',
    examples: {
      match: ['CRITICAL', 'PROBLEM', 'CRITICAL: disk 97% full'],
      noMatch: ['critical path analysis', 'Severity critical', 'the problem is the cache'],
    },
  },
  {
    id: 'detect-understood',
    phase: 'detect',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`(?:scope|extent|scale|severity|size) (?:of (?:the )?(?:problem|issue|impact|outage|incident) )?(?:is |was |now |became |becomes )*(?:understood|clear|apparent)|(?:it )?(?:became|becomes) (?:clear|apparent|obvious) that`,
    ),
    reason:
      'the moment the problem became clear to the team ("scope understood", "it became clear that") is when it was detected',
    kind: 'investigate',
    examples: {
      match: [
        'Scope understood',
        'it became clear that logins were failing',
        'scope of the outage is clear',
      ],
      noMatch: ['unclear scope', 'the scope of the follow-ups'],
    },
  },
  {
    id: 'detect-explicit',
    phase: 'detect',
    weight: 3,
    language: 'en',
    pattern: words(
      String.raw`detected|detects|first alert|we were alerted|got paged|(?:automated )?monitoring (?:detected|detects|caught|flagged)|our monitoring`,
    ),
    reason: 'the line says when the problem was detected',
    kind: 'alert',
    examples: {
      match: [
        'issue detected by synthetic checks',
        'first alert',
        'MS monitoring detects DNS and WAN issues',
      ],
      noMatch: ['undetected for weeks'],
    },
  },
  {
    id: 'detect-report',
    phase: 'detect',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`^(?:the )?(?:hr|people ops|payroll|finance|accounting|legal|support|sales|billing|marketing|ops|operations|compliance|customer success|cs|cx|qa|(?:a |our )?partners?|(?:a |one |our )?(?:customers?|clients?|merchants?|tenants?))(?: team| desk)? (?:reports?|flags?|flagged|raises?|raised|tells us|told us|says|said)\b|reported|reporting(?! (?:index|indexes|job|jobs|db|database|service|pipeline|api|tool|dashboards?|query|queries|cluster|replica|table|stack|period|line|chain|structure)\b)|reports? (?:of|from|that)|(?:flood|wave|influx|surge|stream) of (?:[\w-]+ ){0,2}(?:issues|tickets|reports|complaints|emails)|(?:customers?|users?|people|merchants|editors) (?:are |have )?report(?:s|ing|ed)?|complain(?:ts?|ing|ed)|noticed|spotted|support tickets?|(?:first|new|another|several|many|\d+) tickets?\b|tickets? (?:about|saying|that|re:?|complaining)|(?:customers?|users?|merchants|clients|tenants|partners|sellers|stores|shops) (?:say|says|see|saw|confirm|(?:are |were |keep )?(?:asking|writing in|calling in|chasing))|(?:fail\p{L}*|broken|down|erroring|timing out|timed out|slow|hanging|stuck|blank|empty|5\d\d(?:s|ing)?) (?:for me|on my end|here too)|(?:i'?m|i am) (?:also |now )?(?:seeing|getting)|(?:i |we )?just (?:hit|got|saw|ran into)(?! (?:paged|the (?:page|alert))\b)|anyone (?:else )?(?:seeing|getting)|^(?:also |now )?seeing (?!(?:fewer|less|lower|better|some recovery|recovery|improvement|a drop|no |the (?:fix|recovery|rollback|revert))\b)[\w-]+|(?:\p{L}+n'?t|not) [\w-]+(?: [\w:.-]+){0,5} (?:for me|on my end|here either)|escalat(?:es|ed|ing|ion)|^(?:customer )?(?:support|success|care|help ?desk|service ?desk|cs|finance|accounting|sales|marketing|account management|cx)(?: team| desk| agent| lead| ops)?:|^(?:\[?(?:zendesk|freshdesk|intercom|help ?scout|service ?now|jira service (?:desk|management))\b[^\]]{0,30}\]?\s*)?(?:a |the |one )?(?:customers?|clients?|merchants?|tenants?|shoppers?):`,
    ),
    reason: 'a person reported the problem',
    kind: 'report',
    examples: {
      match: [
        'HR reports the export file is missing from the SFTP drop',
        'Finance team flagged duplicate charges',

        'customers report checkout failing',
        'SRE noticed errors',
        'seeing a flood of github issues',
        'several merchants say webhooks are not arriving',
        'search is timing out for me on the shop',
        "I'm getting 502s on login",
        "Support: customers can't upload images",
        'Finance: customers asking where their invoices are',
        'just hit a fatal DBQueryError loading a page',
        'Customer Success team: two tenants say exports are empty',
        'first ticket, an invoice PDF is blank',
        'Finance: invoices for yesterday are missing',
        'seeing 502s on the public API',
        "home feed hasn't updated since about 13:30 for me",
        'Zendesk: tickets about empty search results',
        '[zendesk #48213] customer: "every CSV export since this morning is an empty file"',
        "merchant: our invoices show yesterday's prices",
      ],
      noMatch: [
        'users: none affected',
        'opened a ticket with the vendor',
        'seeing fewer 502s now',
        'ticket closed',
        'reportedly fine',
        'report generation',
        'just got paged',
        'dropped the runaway reporting index',
      ],
    },
  },
  {
    id: 'detect-investigating',
    phase: 'detect',
    weight: 1,
    language: 'en',
    pattern: words(
      String.raw`investigat(?:e|es|ed|ing|ion)|looking (?:into|at)|digging|debugging|diagnos(?:e|ing|is)|triag(?:e|ing)`,
    ),
    reason: 'someone is investigating, so the problem is known',
    kind: 'investigate',
    examples: {
      match: ['We are investigating elevated API errors', 'looking into it'],
      noMatch: ['looking good'],
    },
  },
  {
    id: 'detect-state-investigating',
    phase: 'detect',
    weight: 2,
    language: 'en',
    on: 'state',
    pattern: /^(?:investigating|update|notify|triggered)$/i,
    reason: "a status page's 'Investigating' state: the provider knows",
    kind: 'status-update',
    examples: { match: ['Investigating'], noMatch: ['Resolved', 'Monitoring'] },
  },
  {
    id: 'detect-ja',
    phase: 'detect',
    weight: 2,
    language: 'ja',
    pattern: /調査中|調査しています|確認中|確認しています|検知/u,
    reason: 'Japanese "investigating" (調査中, 確認中) or "detected" (検知)',
    kind: 'investigate',
    examples: { match: ['現在調査中です', '現在確認しています'], noMatch: ['原因を特定しました'] },
  },
  {
    id: 'detect-de',
    phase: 'detect',
    weight: 2,
    language: 'de',
    pattern: words(
      String.raw`untersuch\p{L}*|alarm(?:iert)?|schlug .{0,20}alarm|festgestellt|gemeldet(?! .{0,10}behoben)`,
    ),
    reason: 'German "we are investigating" (untersuchen), an alarm, or "detected" (festgestellt)',
    kind: 'investigate',
    examples: {
      match: ['Wir untersuchen das Problem', 'das Monitoring schlug um 14:26 Uhr Alarm'],
      noMatch: ['behoben'],
    },
  },
  {
    id: 'detect-fr',
    phase: 'detect',
    weight: 2,
    language: 'fr',
    pattern: words(
      String.raw`nous enquêtons|enquête en cours|en cours d'investigation|nous analysons|investigation en cours|détecté`,
    ),
    reason: 'French "investigating" (nous enquêtons, investigation en cours)',
    kind: 'investigate',
    examples: {
      match: ['Nous enquêtons sur des erreurs', 'investigation en cours'],
      noMatch: ['incident résolu'],
    },
  },
  {
    id: 'detect-es',
    phase: 'detect',
    weight: 2,
    language: 'es',
    pattern: words(String.raw`investigando|estamos investigando|en investigación|detectado`),
    reason: 'Spanish "investigating" (investigando)',
    kind: 'investigate',
    examples: { match: ['Estamos investigando errores en la API'], noMatch: ['problema resuelto'] },
  },
  // ── acknowledge ─────────────────────────────────────────────────────────────────────────
  {
    id: 'ack-state',
    phase: 'acknowledge',
    weight: 3,
    language: 'en',
    on: 'state',
    pattern: /^(?:acknowledged?|ack)$/i,
    reason: "the paging tool's acknowledge state",
    examples: { match: ['acknowledge', 'ACKNOWLEDGED'], noMatch: ['resolve', 'trigger'] },
  },
  {
    id: 'ack-explicit',
    phase: 'acknowledge',
    weight: 3,
    language: 'en',
    // Not a menu of replies or buttons offered with the page ('Reply 1=ACK 2=ESC', 'View alert |
    // Acknowledge | Close'): that is the alert itself, not someone taking it.
    pattern: words(
      String.raw`(?<!\d\s?=\s?)(?<!\b(?:please|pls|plz|to|can (?:someone|anyone|you|somebody)|could (?:someone|anyone|you|somebody)|waiting (?:for|on)(?: an?)?|awaiting|needs?(?: to| an?)?|no one|nobody|reminder:?(?: please)?) )ack(?:nowledged?|nowledges|'d|ed|ing|s)?(?!\s?=|\s?\|\s?(?:close|resolve|escalate|snooze|assign)\b)`,
    ),
    reason: 'someone acknowledged the page',
    examples: {
      match: [
        'Acknowledged by Jane Doe',
        'acking, looking now',
        'on-call acks',
        "ack'd, looking",
        'id 5531 ACKED by jdoe',
        '28/02/2023 21:15:48  | Acknowledge       | meera.iyer                 |',
      ],
      noMatch: [
        'back to normal',
        'ALERT disk 98% full. Reply 1=ACK 2=ESC',
        'View alert | Acknowledge | Close',
        'View Incident | Acknowledge | Resolve',
        'Reminder: please acknowledge the page',
        'can someone ack?',
        'still waiting for an ack',
      ],
    },
  },
  {
    id: 'ack-ja',
    phase: 'acknowledge',
    weight: 3,
    language: 'ja',
    // Japanese notes write the English word glued to the kana ("山田さんがACK"), where a word
    // boundary never falls, so ack-explicit cannot see it.
    pattern:
      /(?<=[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}ー（(])(?:ACK|Ack|ack)(?![A-Za-z0-9])(?!を待|待ち|なし|無し|が(?:ない|無い|来ない))|対応(?:を)?開始/u,
    reason: 'Japanese: someone took the page ("さんがACK", "ACKしました", 対応開始)',
    examples: {
      match: ['山田さんがACK', '当番がACKしました', '佐藤が対応開始'],
      noMatch: ['まだACKなし', 'ACK待ち', 'アラート発報'],
    },
  },
  {
    id: 'ack-ownership',
    phase: 'acknowledge',
    weight: 3,
    language: 'en',
    pattern: words(
      String.raw`(?<!(?:back|reads|traffic|load|writes|running|depends?|built|based|work(?:ing)?|sleep|eye|eyes|tabs|lid) )on it(?! (?:is|was|are|were|runs?|ran)\b)|(?:i'?m|i am|i'?ll be) (?:the )?(?:ic|incident commander|incident lead)|(?:i'?ll|i will|i'?m) tak(?:e|ing) (?:it|this|ic|command|the pager|the lead)|taking (?:over )?(?:as )?(?:ic|incident commander|command)|ic here|(?:i'?ve|i have) got (?:it|this)|(?:took|takes|taking|picked up|picks up|grabbed|grabs) the (?:page|pager|alert|incident)|^(?:[\p{L}\p{N}_.@-]{1,32}: )?(?:got it|mine|taking it)$|(?:is|am) (?:now )?(?:the )?(?:ic|incident commander|incident lead)\b|(?:i'?m|i am|is|are) (?:now )?responding|^(?:[\p{L}\p{N}_.@-]{1,32}: )?responding$`,
    ),
    reason: 'a responder takes ownership of the incident in so many words',
    examples: {
      match: [
        "I'm IC. Marcus you have db",
        "I'm on it, looking at the logs",
        'on it, investigating',
        "I'll take it",
        'IC here',
        'Priya took the page',
        'picked up the page',
        'jane: got it',
        'Jane Doe is now the incident commander',
        "I'm responding",
        'jane is responding',
      ],
      noMatch: [
        'Marcus can you take a look?',
        'the IC joined the bridge',
        'reads are back on it',
        'spot checks look right, keeping an eye on it',
      ],
    },
  },
  {
    id: 'ack-responding',
    phase: 'acknowledge',
    weight: 2,
    language: 'en',
    // Joining a bridge or replying is not taking the page: those lines are no acknowledgement.
    pattern: words(
      String.raw`incident (?:declared|opened|created|started)|declared (?:an? )?(?:sev\d? ?)?incident|taking (?:this|a look)|(?:i'?m|i am|we'?re|we are) (?:now )?(?:looking|investigating|checking)|looking into (?:it|this)|^(?:[\p{L}\p{N}_.@-]{1,32}: )?(?:(?:ok|okay|yes|yep|here|ack|on call|oncall),? )?looking(?: now| at (?:it|this)| into (?:it|this))?$|^(?:[\p{L}\p{N}_.@-]{1,32}: )?(?:👀|:eyes:)$|^(?:[\p{L}\p{N}_.@-]{1,32}: )?(?:(?:omw|checking(?: now| it| this)?|investigating(?: now)?|having a look(?: now)?|(?:i'?ll|i will|let me) (?:take a )?look(?: now)?|eyes on (?:it|this))$|on my way\b|looking at (?:it|this|grafana|datadog|the (?:logs|graphs|dashboards?|alert|metrics))\b)`,
    ),
    reason: 'a responder took the incident: declared it, or says they are looking into it',
    examples: {
      match: [
        'incident declared',
        "Erik: I'm looking",
        'looking into it',
        'looking',
        'looking now',
        'Lars: looking',
        'jo: looking',
        '👀',
        'Zoe: :eyes:',
        'jane: omw',
        'checking now',
        'jane: investigating',
        'having a look now',
        "I'll look",
        'eyes on it',
        'looking at grafana',
        'jane: on my way to a laptop',
      ],
      noMatch: [
        'joined the bridge',
        'Anna joining the call',
        'the ongoing migration',
        'anyone seeing this?',
        'escalated to database on-call',
        'looking good',
        'dashboards looking healthy now',
        'Checking the replica lag showed 40 minutes',
        'investigating the logs showed a spike at 09:50',
        'looking better now',
      ],
    },
  },
  // ── identify ────────────────────────────────────────────────────────────────────────────
  {
    id: 'identify-state',
    phase: 'identify',
    weight: 3,
    language: 'en',
    on: 'state',
    pattern: /^identified$/i,
    reason: "a status page's 'Identified' state",
    examples: { match: ['Identified'], noMatch: ['Investigating'] },
  },
  {
    id: 'identify-explicit',
    phase: 'identify',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`identified|root[- ]cause(?:d)?|cause (?:is|was|found|confirmed|identified)|culprit|traced (?:to|it|back)|narrowed (?:it )?down|found (?:the|that|it|a)|turns out|turned out|the (?:problem|issue) (?:is|was)|caused by|due to|(?:errors?|5xx|failures?|timeouts?|crash(?:es)?|it) (?:all )?(?:comes?|came|coming) from|smoking gun|(?:yes|yep|yup|yeah|bingo|confirmed),? that'?s it|(?:we|i) (?:now )?know (?:what|why|which)|confirmed (?:as )?(?:the |it(?:'s| is| was) (?:the )?)?(?:root )?(?:cause|culprit|trigger)|(?:this|that|it)(?:'s| is| was) (?:the|our) (?:root )?(?:cause|culprit|trigger)|figured (?:it )?out|pinned (?:it )?down|mystery solved`,
    ),
    reason: 'the line names the cause, or says the team now knows it',
    examples: {
      match: [
        'The issue has been identified',
        'Root cause found: cert rotated',
        'traced to a bad config push',
        '5xx come from the new release',
        "found it: code path in the new minor version's election protocol",
        'smoking gun: the JWKS cache holds the old key',
        'we know what it is - the upload certificate expired',
        'confirmed the cause: the consumer group rebalanced',
        'tax service confirmed as the cause, it rounds before summing',
        "that's the culprit, the 09:40 flag flip",
        'figured it out, the cron job locks the table',
        "yes that's it, envoy 1.31 drops keepalive on upstream",
      ],
      noMatch: [
        'might be the bucket policy change',
        'we know users are affected?',
        'unidentified flying object',
        'traffic coming from the EU',
        'keeping the bridge open for root cause',
      ],
    },
  },
  {
    id: 'identify-suspect',
    phase: 'identify',
    weight: 1,
    language: 'en',
    pattern: words(
      String.raw`suspect(?:s|ed|ing)?|looks like|seems (?:to be|like)|theory|hypothes[ie]s|probably`,
    ),
    reason: 'a suspicion, not yet a confirmed cause',
    examples: { match: ['looks like the new index settings'], noMatch: ['looking at it'] },
  },
  {
    id: 'identify-ja',
    phase: 'identify',
    weight: 2,
    language: 'ja',
    pattern: /原因を特定|特定しました|原因が判明|判明しました/u,
    reason: 'Japanese "identified the cause" (原因を特定, 判明)',
    examples: { match: ['原因を特定しました'], noMatch: ['現在調査中です'] },
  },
  {
    id: 'identify-de',
    phase: 'identify',
    weight: 2,
    language: 'de',
    pattern: words(
      String.raw`identifiziert|ursache (?:gefunden|gefunden|ermittelt|ist|war)|als ursache|gefunden`,
    ),
    reason: 'German "identified" (identifiziert, Ursache gefunden)',
    examples: {
      match: ['Die Ursache wurde identifiziert', 'als Ursache identifiziert'],
      noMatch: ['Wir untersuchen'],
    },
  },
  {
    id: 'identify-fr',
    phase: 'identify',
    weight: 2,
    language: 'fr',
    pattern: words(String.raw`identifiée?s?|cause (?:trouvée|identifiée)|origine du problème`),
    reason: 'French "identified" (identifié, cause identifiée)',
    examples: { match: ['Le problème a été identifié'], noMatch: ['nous enquêtons'] },
  },
  {
    id: 'identify-es',
    phase: 'identify',
    weight: 2,
    language: 'es',
    pattern: words(String.raw`identificad[oa]s?|causa (?:encontrada|identificada)`),
    reason: 'Spanish "identified" (identificado)',
    examples: { match: ['Hemos identificado el problema'], noMatch: ['estamos investigando'] },
  },
  // ── mitigate-action ────────────────────────────────────────────────────────────────────
  {
    id: 'action-rollback',
    phase: 'mitigate-action',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`roll(?:ed|ing)?[ -]?back|(?:pinn(?:ed|ing)|downgrad(?:ed|ing)|went) (?:[\w.-]+ ){1,4}back to v?\d|roll(?:ed|ing) (?:the |a |an )?[\w.-]+(?: [\w.-]+)? back(?! up)|rollback|revert(?:ed|ing|s)?|failed over|(?:fail(?:ing)?[ -]?over|failover)(?! (?:drills?|tests?|exercises?|rehearsals?|game ?days?)\b)|failed back|fail[ -]?back|restor(?:ing)? (?:from|the) backup|restor(?:e|ed|ing) (?:[\w.-]+ ){0,3}from (?:the |a |an |last night's |yesterday's )?(?:[\w-]+ )?(?:backup|snapshot|replica|copy)|restor(?:ed|ing) (?:the |a )?(?:previous|prior|old|last known[- ]good|earlier)|redeploy(?:ed)?|(?:switch|rout|mov|shift)(?:ed|ing) (?:[\w-]+ ){0,4}(?:to|over to) (?:the |a |our )?(?:secondary|backup|standby|fallback|spare|failover)|(?:shift|drain|mov|steer|divert|redirect|rout)(?:ed|ing) (?:\S+ ){0,4}?traffic (?:away|off|out|from|to|over|around)|traffic (?:was |is |has been |got )?(?:shifted|drained|moved|steered|diverted|redirected) (?:away|off|out|from|to)`,
    ),
    reason: 'undoing a change or moving to a standby is the usual mitigation',
    examples: {
      match: [
        'pinned the pdf renderer back to 2.8',
        'downgraded libvips back to 8.14',
        'rolled back to v6',
        'Rolled the gateway back to v2.3',
        "rolled the alias back to yesterday's index",
        'reverted the index settings',
        'failed over to the replica',
        'restored the previous configuration',
        'Switched the mail relay to the secondary provider',
        'Routed card traffic to the backup acquirer',
        'restored the reports database from the snapshot',
        'Traffic shifted away from eu-west-1 to the other two regions',
        'drained EU traffic to us-east',
        'shifted 50% of producer traffic to the kafka bridge',
      ],
      noMatch: [
        'snapshot taken before the restore',
        'no rollback needed',
        'should we roll back?',
        'rolled the dice back up',
        'switched the dashboard to dark mode',
        'maintenance window opened: DB failover drill',
        'the traffic mix shifted overnight',
      ],
    },
  },
  {
    id: 'action-fix',
    phase: 'mitigate-action',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`restart(?:ed|ing)|reboot(?:ed|ing)|disabl(?:ed|ing)|shut (?:off|down)|turned off|scal(?:ed|ing) (?:up|out)|(?:uploaded|installed|rotated in|swapped in|deployed) (?:a |the )?(?:new|fresh|replacement) (?:[\w-]+ ){0,2}(?:keys?|cert(?:ificate)?s?|config(?:uration)?|credentials?|tokens?|secrets?)|scal(?:ed|ing) (?:[\w-]+ ){1,3}(?:up|out|(?:from \d+ )?to \d+)|add(?:ed|ing) capacity|hotfix(?:ed)?|patch(?:ed|ing)|(?:deployed|applied|shipped|pushed) (?:a |the )?(?:fix|patch|new|config)|fix (?:has been |was |is |is being )?(?:deployed|applied|implemented|rolled out)|blocked|rate[- ]limit(?:ed|ing)?|re-?rout(?:ed|ing)|drain(?:ed|ing)|depool(?:ed)?|purg(?:ed|ing)|flush(?:ed|ing)|killed|paused|terminat(?:ed|ing)|cleared (?:the )?cache|mitigat(?:e|ing|ion)|workaround|(?<!\b(?:problems?|issues?|bugs?|it|incident|outage|not|isn'?t|wasn'?t|be|being|get|gets|got) )fixed(?! (?:in|by|at|on|for)\b)|renewed|reissued|(?:enabled|enabling|turned on|switched on|flipped on|activated) (?:the |a |an |our )?(?:[\w-]+ ){0,3}(?:fallback|failover|kill[- ]?switch|circuit[- ]breakers?|maintenance page|rate[- ]limit(?:er|s)?|load[- ]shedding)|restor(?:ed|ing) (?:the |a |an )(?!(?:service|site|access|connectivity)\b)[\w-]+`,
    ),
    reason: 'an action taken to stop the impact',
    examples: {
      match: [
        'restarted the workers',
        'A fix has been implemented',
        'restored the origin bucket policy',
        'enabled the password fallback for SSO tenants',
        'password fixed, rerunning the failed jobs',
        'we uploaded a new APNs key',
        'renewed the certificate',
        'scaled webhook workers from 4 to 16',
        'scaled the api deployment to 12 replicas',
      ],
      noMatch: [
        'the workers scale to 16 on their own',
        'restart is scheduled for Monday?',
        'not fixed yet',
        'fixed in 3.2.1',
        'Auto Scaling problem fixed',
      ],
    },
  },
  {
    id: 'action-generic',
    phase: 'mitigate-action',
    weight: 1,
    language: 'en',
    pattern: words(
      String.raw`increased|raised|bumped|freed|vacuum(?:ed)?|deleted|removed|replaced|by hand|manually|moved|switched|added|provisioned|applied`,
    ),
    reason: 'a change that may or may not be the mitigation',
    examples: {
      match: ['pushed pool size 50 -> 200 by hand', 'moved traffic to eu-west'],
      noMatch: ['the pool size is 50'],
    },
  },
  {
    id: 'action-ja',
    phase: 'mitigate-action',
    weight: 2,
    language: 'ja',
    pattern: /切り戻|ロールバック|再起動|暫定対応|対応を実施|修正を適用|修正を反映/u,
    reason: 'Japanese actions: roll back (切り戻し), restart (再起動), workaround (暫定対応)',
    examples: {
      match: ['設定変更を切り戻しています', 'サーバーを再起動しました'],
      noMatch: ['障害は解消されました'],
    },
  },
  {
    id: 'action-de',
    phase: 'mitigate-action',
    weight: 2,
    language: 'de',
    pattern: words(
      String.raw`zurückgesetzt|zurückgerollt|neu gestartet|entfernt|deaktiviert|korrektur (?:wurde )?(?:eingespielt|ausgerollt)|behebung (?:wird )?(?:eingespielt|umgesetzt)`,
    ),
    reason: 'German actions: rolled back, restarted, removed, disabled',
    examples: { match: ['und entfernt', 'Server neu gestartet'], noMatch: ['behoben'] },
  },
  {
    id: 'action-fr',
    phase: 'mitigate-action',
    weight: 2,
    language: 'fr',
    pattern: words(
      String.raw`correctif (?:a été )?(?:déployé|appliqué)|retour arrière|redémarr\p{L}*|annul\p{L}* (?:le|la) (?:déploiement|modification)`,
    ),
    reason: 'French actions: fix deployed (correctif déployé), rollback (retour arrière), restart',
    examples: { match: ['un correctif a été déployé'], noMatch: ['incident résolu'] },
  },
  {
    id: 'action-es',
    phase: 'mitigate-action',
    weight: 2,
    language: 'es',
    pattern: words(
      String.raw`(?:hemos )?(?:implementado|aplicado|desplegado) (?:una|la) (?:solución|corrección)|revertid[oa]|reiniciad[oa]`,
    ),
    reason: 'Spanish actions: fix implemented (implementado una solución), reverted, restarted',
    examples: { match: ['Hemos implementado una solución'], noMatch: ['problema resuelto'] },
  },
  // ── recovery ────────────────────────────────────────────────────────────────────────────
  {
    id: 'recovery-state-monitoring',
    phase: 'recovery-partial',
    weight: 3,
    language: 'en',
    on: 'state',
    pattern: /^monitoring$/i,
    reason: "a status page's 'Monitoring' state: a fix is in and impact has stopped",
    kind: 'recover',
    examples: { match: ['Monitoring'], noMatch: ['Investigating', 'Resolved'] },
  },
  {
    id: 'recovery-partial',
    phase: 'recovery-partial',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`catching up|recovering|(?:starts?|started|starting|begins?|began|beginning) to recover|partial(?:ly)? (?:recover(?:ed|y)|restored|back)|improving|improved|(?:error rates?|errors|latency|[45]\d\ds|[45]xxs?|failures|time-?outs?|cpu|load|p\d\d|lag|queue(?:[- ](?:depth|age|size|length|wait))?|backlog|declines|rejections|retries|delays?|wait(?:ing)? times?|response times?|crash(?:es|[- ]rates?)?)(?: rates?| ratio| count)? (?:(?:are|were|is|was|now|have|has|been|steadily|slowly|quickly|started|starting|began|begins) ){0,3}(?:dropping|dropped|dropped off|decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|going down|coming down|came down|falling|fell|fallen|receding|subsiding|halved|cut in half|(?:down|reduced) (?:to|from|by) \d+(?:[.,]\d+)?${FIGURE_UNIT})|errors dropping|(?:backlog|queue|lag)s? (?:is |are )?(?:shrinking|draining|clearing)|(?:success(?: rates?)?|throughput|availability|traffic|conversion(?: rate)?|orders?|logins?|signups?)(?: rate)? (?:is |are |now )?(?:climbing|rising|increasing|recovering|(?:back )?up (?:to|from|by) \d+(?:[.,]\d+)?|at \d+(?:[.,]\d+)?\s?% and (?:climbing|rising))(?: again| back)?|trending (?:down|back)|looking better|stabili[sz](?:ing|es)|(?:succeed(?:s|ed|ing)?|work(?:s|ed|ing)?|go(?:es)? through|went through|load(?:s|ed|ing)?) (?:again )?for (?:most|many|some|half|part|a (?:third|quarter|few)|(?:about |around |roughly |~)?\d{1,2}(?:[.,]\d+)?\s?%)(?= \S)|(?<!\b(?:only|just|barely|not even) )(?:most|many|some|half|a (?:third|quarter|few)|(?:about |around |roughly |~)?\d{1,2}(?:[.,]\d+)?\s?%) (?:of (?:the |our )?)?(?:[\w-]+ ){1,2}(?:(?:succeed(?:s|ing)?|work(?:s|ing)?|go(?:es)? through|load(?:s|ing)?|(?:are |is )?back)(?=[^.;]*\b(?:again|now)\b)|can (?:[\w-]+ ){1,3}?again)|(?:first )?signs of recovery|seeing (?:some |a )?recovery|(?:enough )?capacity back|back to serv(?:e|ing)|(?<!(?:fully|completely|entirely) )mitigated|contained|stopped getting worse|bleeding (?:has )?stopped|stopped the bleeding|impact (?:is )?(?:mitigated|reduced)|(?:we are |are )?monitoring (?:the results|the fix|recovery|closely)`,
    ),
    reason: 'impact stopped growing or a part came back',
    kind: 'recover',
    examples: {
      match: [
        'errors dropping',
        'by 23:45 delivery errors were dropping',
        'CPU dropping, p99 back to 210ms',
        'lag started dropping right away',
        'p99 coming down',
        'skipped the batch, indexer catching up',
        'impact mitigated',
        'we are monitoring the results',
        'index has enough capacity back to serve GET and LIST',
        'errors down to 2% from 30%',
        '5xx rate halved',
        '401s down to 2% from 30%',
        'timeout rate halved',
        'are seeing push latency decrease',
        'backlog shrinking',
        'success rate climbing',
        'things are looking better',
        "we're seeing recovery",
        '5xx rate trending down',
        "we've stopped the bleeding",
        'queue age down from 18 min to 6 min since the pause',
        'about 60% of requests succeed now',
        'most customers can check out again',
        'from 10:24 exports succeeded for most tenants',
        'logins work again for about 80% of users',
        'success rate up to 85%',
        'availability at 92% and climbing',
        'login success at 92% and climbing',
        'things are stabilizing',
        'delivery delays are decreasing',
        'crash rate is dropping already',
        'response times coming down',
        'p99 down to 400ms',
      ],
      noMatch: [
        'monitoring detected errors',
        'packet loss fully mitigated',
        'queue age climbing past 20 min',
        'only 40% of requests succeed now',
        'most requests fail again',
        'half of the checkouts succeed',
      ],
    },
  },
  {
    id: 'recovery-improving',
    phase: 'recovery-partial',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`(?<!\b(?:would|could|might|should|be|had|no|not|any)\s)(?:looks?|looking|is|are|getting|got|much|slightly|a bit|way) better(?! (?:to|than|if|off)\b)|(?:seeing |far |much )?fewer (?:errors|[45]\d\ds|[45]xxs?|failures|time-?outs?|timeouts|exceptions|alerts|complaints|tickets|crashes|retries)|(?:error rates?|errors|[45]\d\ds|[45]xxs?|failures|time-?outs?|latency|p\d\d|lag|backlog|queue(?: depth)?)(?: rates?)? (?:is |are |has |have )?(?:way|much|well|significantly|sharply|mostly|largely) (?:down|lower|stopped|gone|cleared|subsided)|(?:big|sharp|large|significant|steep|clear) (?:drop|decrease|decline|fall|reduction) in (?:the )?(?:errors|error rates?|[45]\d\ds|[45]xxs?|failures|time-?outs?|latency|p\d\d|lag|backlog)|(?:error rates?|errors|[45]xxs?|failures|time-?outs?) halving|(?:seeing |some |an? )(?:improvement|relief)|improvement in (?:the )?(?:errors|error rates?|latency|p\d\d|success rates?|availability|lag)|(?:that|it|this|the (?:fix|change|rollback|restart|failover|revert|flag|block)) (?:helped|did the trick)|recovery (?:is )?(?:underway|under way|in progress)|bleeding (?:has )?(?:slowed|stopped)|(?:queue|backlog|lag)s? (?:started |starting |began |is |are )?(?:shrinking|draining|clearing)`,
    ),
    reason:
      'the impact is receding, said without a figure (fewer errors, looks better, way down, that helped): the first such line after an action is where the mitigation took',
    kind: 'recover',
    examples: {
      match: [
        'things look better after the failover',
        'seeing fewer 500s',
        'that helped, error rate is way down',
        'timeouts have mostly stopped',
        'big drop in errors since the restart',
        'we are seeing improvement',
        'some relief on the DB',
        'recovery underway in EU',
        'queue started draining',
        'the bleeding has slowed',
      ],
      noMatch: [
        'it would be better to roll back',
        'no better after the restart',
        'errors getting worse',
        'it is better than yesterday',
        'fewer than half of requests succeed',
      ],
    },
  },
  {
    id: 'recovery-figure-fell',
    phase: 'recovery-partial',
    weight: 2,
    language: 'en',
    // `was` and `now` are read as numbers by read-line.ts: the cue fires only when `now` is the
    // smaller, so "errors went from 8% to 40%" is no recovery.
    pattern: words(
      String.raw`${FAILURE_FIGURE}(?: (?:went|dropped|fell|is|are|was|were|now|moved|changed|down))*(?: from)? (?<was>\d+(?:[.,]\d+)?)\s?(?:%|ms|s|k|m|min)?\s?(?:to|->|→|=>)\s?(?<now>\d+(?:[.,]\d+)?)${FIGURE_UNIT}`,
    ),
    reason: 'a figure of the failure fell (from 40% to 8%): impact receded, though not gone',
    kind: 'recover',
    examples: {
      match: [
        'error rate went from 40% to 8% after the failover',
        'p99 2400ms -> 600ms',
        'queue depth 90k → 12k',
      ],
      noMatch: ['error rate went from 8% to 40%', 'p99 600ms -> 2400ms'],
    },
  },
  {
    id: 'recovery-figure-was',
    phase: 'recovery-partial',
    weight: 2,
    language: 'en',
    // The figure now, then the one before ("5xx now 3% (was 28%)", "error rate 2%, down from
    // 12%"): splitClauses keeps a parenthesised earlier figure in its clause, and read-line.ts
    // fires the cue only when `now` is the smaller, so "5xx now 30% (was 3%)" stays impact.
    pattern: words(
      String.raw`${FAILURE_FIGURE}(?: (?:is|are|now|at|down to|back to|=|:))* ~?(?<now>\d+(?:[.,]\d+)?)${FIGURE_UNIT},?\s+(?:(?:it |they )?was|were|down from|from|vs\.?|previously|before:?|prev\.?|peak(?:ed at)?:?) ~?(?<was>\d+(?:[.,]\d+)?)${FIGURE_UNIT}`,
    ),
    reason:
      'a figure of the failure given with the larger one it had before (now 3%, was 28%): the impact is receding, though not gone, so an error word and a figure are not impact here',
    kind: 'recover',
    examples: {
      match: [
        '5xx now 3% (was 28%)',
        'error rate 2% (down from 12%)',
        'p99 at 450ms, was 3.2s',
        'queue depth 4k vs 90k at peak',
      ],
      noMatch: ['5xx now 30% (was 3%)', 'error rate 12% (from 2% an hour ago)'],
    },
  },
  {
    id: 'recovery-figure-trend',
    phase: 'recovery-partial',
    weight: 2,
    language: 'en',
    // splitClauses keeps a trend word after a comma in the figure's clause ("40k, falling").
    pattern: words(
      String.raw`${FAILURE_FIGURE}(?: (?:is|are|now|at|=|:))* ~?\d+(?:[.,]\d+)?${FIGURE_UNIT},? (?:and )?(?:still |steadily |slowly )?(?:falling|dropping|decreasing|declining|shrinking|receding|draining|coming down|going down|trending down)`,
    ),
    reason:
      'a figure of the failure said to be falling ("queue depth 40k, falling", "lag 300s and dropping"): impact receding, not impact',
    kind: 'recover',
    examples: {
      match: [
        'queue depth 40k, falling',
        'replication lag 300s and dropping',
        'p99 2.1s, coming down',
      ],
      noMatch: ['queue depth 120k and growing', 'error rate 8%, climbing'],
    },
  },
  {
    id: 'mitigated-declared',
    phase: 'recovery-partial',
    weight: 3,
    language: 'en',
    pattern: words(
      String.raw`(?:incident|outage|impact|issue|problem|window|staleness|errors?) (?:is |was |has been |now |declared |considered )*(?:mitigated|contained)|(?:declared?|declaring|marked) (?:the )?(?:incident |outage )?(?:as )?mitigated|impact downgrade|(?:outage|impact|problem) contained|mitigation (?:is )?(?:complete|in place|effective)`,
    ),
    reason: 'the line says outright that the impact was mitigated or contained',
    kind: 'recover',
    examples: {
      match: [
        'Declared the incident mitigated.',
        'Second impact window mitigated.',
        'Outage contained to the one AZ',
        'IMPACT DOWNGRADE',
      ],
      noMatch: ['mitigation options discussed', 'not yet mitigated'],
    },
  },
  {
    id: 'mitigation-reduced-mode',
    phase: 'recovery-partial',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`(?:enabled|enabling|turned on|turning on|switched (?:on|to)|switching to|flipped (?:on|to)|put (?:\S+ ){0,3}?in(?:to)?|went (?:in)?to|(?:is |are |now )?(?:running|serving) (?:in|from)) (?:the )?(?:degraded|read-only|maintenance|safe|fallback|static|cache-only|limp) mode|serving (?:from (?:the )?cache|cached (?:\S+ ){0,2}?(?:pages|responses|results|content))`,
    ),
    reason:
      'a reduced mode switched on (degraded, read-only, serving from cache) trades errors for a smaller service: the first action that reduced user impact, so a mitigation even before the fix',
    kind: 'mitigate',
    examples: {
      match: [
        'enabled degraded mode, serving cached product pages',
        'put the wiki into read-only mode to stop further corruption',
        'storefront now serving from cache',
      ],
      noMatch: [
        'read-only mode blocked every checkout',
        'degraded mode off, checkout normal',
        'cached pages are stale',
      ],
    },
  },
  {
    id: 'recovery-transition',
    phase: 'recovery-full',
    weight: 3,
    language: 'en',
    pattern: words(
      String.raw`(?:updated|changed|went|moved|transitioned|transition) from [\w -]{1,20}? to (?:ok|normal|healthy|resolved|recovered|green|operational)|[\w-]+\s*(?:→|->|=>)\s*(?:ok|normal|healthy|green)`,
    ),
    reason:
      "a monitor's history says its state went back to OK (in words, or `Alerting → Normal`): the failure it watched cleared",
    kind: 'recover',
    examples: {
      match: [
        'Alarm updated from ALARM to OK',
        'state changed from Alerting to Normal',
        'Alerting → Normal {instance="checkout-1"}',
      ],
      noMatch: [
        'Alarm updated from OK to ALARM',
        'moved from staging to production',
        'Normal → Pending',
        'status page -> resolved',
      ],
    },
  },
  {
    id: 'impact-ended',
    phase: 'recovery-full',
    weight: 3,
    language: 'en',
    pattern: words(
      String.raw`(?:impact|outage|disruption|incident) (?:has |had )?(?:ends|ended|is over|was over|over|stops|stopped)|end of (?:the )?(?:customer |user )?(?:impact|outage)|^\s*(?:customer |user )?impact end\s*$|fully (?:recovered|restored|operational)|full recovery|all (?:services|systems) (?:recovered|restored|operational)`,
    ),
    reason: 'the line says outright that the impact ended or recovery is complete',
    kind: 'recover',
    examples: {
      // An incident tool's milestone names (Rootly, FireHydrant, incident.io) are labels, not verbs.
      match: [
        'IMPACT ENDS',
        'All services fully recovered',
        'impact has ended',
        'Customer Impact End',
        'end of customer impact',
      ],
      noMatch: ['impact assessment'],
    },
  },
  {
    id: 'recovery-full',
    phase: 'recovery-full',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`(?<!\b(?:not|never|only|n't|partly|partially) )back for (?:all|every(?:one|body)?|all (?:[\w-]+ ){0,2}(?:users|customers|tenants|merchants|regions|accounts|shops|stores))\b|(?<!\b(?:not|never|only|n't) )succeed(?:s|ed|ing)? again|(?:deliver(?:y|ies)|traffic|service|processing|payments?|payouts?|replication|syncing|sync|uploads?|downloads?|builds?|jobs?|notifications?|e-?mails?|webhooks?|writes?|ingestion|checkouts?|orders?|logins?|sign-?ins?) (?:have |has |had )?(?:now |fully )?resumed(?! (?:failing|erroring|timing out)\b)|resumed (?:normal )?(?:service|operations?|processing|deliver(?:y|ies)|traffic)|all (?:[\w-]+ ){0,2}(?:exports?|jobs?|messages?|e-?mails?|orders?|invoices?|payments?|payouts?|deliveries|webhooks?|reports?|files?|builds?|notifications?|data|backlog|events|records|queues?) (?:are |were |was |is |have been |has been |got )?(?:(?:now |finally )?(?:delivered|processed|reprocessed|sent|through|caught up|out))(?! (?:to the wrong|twice)\b)|recovered|recovery complete|(?:go(?:es|ing)?|went|gets?|got|getting|com(?:e|es|ing)|came) through again|(?:renders?|rendering|loads?|loading|opens?|opening) (?:fine |normally )?again|back to (?:normal|baseline)|returned to (?:normal|baseline)|(?:at|within) baseline|normal again|operational(?: again)?|healthy(?: again)?|restored(?! (?:the|a|an|from|to) )|working (?:normally )?again|works again|succeed(?:s|ing)? again|(?<!\b(?:roll(?:s|ed|ing)?|revert(?:s|ed|ing)?|go(?:es|ing)?|went|downgrad(?:e|ed|ing)) )(?:is |are )?back (?:up|online|in service)|(?<=[\p{L}\p{N}%)]\s+)(?<!\b(?:bumped|set|sets|raised|lowered|reduced|increased|dialed|dialled|turned|put|changed|reset|configured|pinned|pinning|downgraded|downgrading)\b.*)(?<!\b(?:rollouts?|canary|canaries|flags?|releases?|deploy(?:ment)?s?|weights?|dials?|percentages?|splits?|roll(?:s|ed|ing)?|revert(?:s|ed|ing)?|go(?:es|ing)?|went|downgrad(?:e|ed|ing)|set|dialed|dialled|turned|straight|right|shot|jumped|climbed|spiked)\s+)(?:is |are )?back to \d+(?:[.,]\d+)?\s?(?:%|ms|s|m|k)?|up again|fully back|(?:errors?|failures?|alerts?|symptoms?|stale [\w-]+) (?:are |is )?(?:gone|cleared|stopped|ended|subsided)|(?:(?:requests?|errors?|failures?|time-?outs?|5xxs?|5\d\ds)(?:\s+\w+)?|fail(?:ed|ing)(?:\s+[\w-]+){1,3})\s+(?:stop(?:s|ped)?|end(?:s|ed)?|recover(?:s|ed)?|clear(?:s|ed)?)(?!\s+(?:being|\w+ing|at|with|from|on|in|for)\b)|(?:latency|error rates?|traffic|everything|all systems|p\d\d|cpu|load|lag|queue(?: depth)?|response times?|success rates?|throughput) (?:is |are |back |now |looks? |looking )?(?:normal|nominal)(?! (?:for|to|at)\b)|no (?:more|further|new) (?:errors|failures|alerts|impact)|no longer (?:failing|erroring|affected|seeing errors)|status green|green again|(?:apis?|services?|consumers?|workers?|nodes?|servers?|pods?|sites?|hosts?|instances?|systems?|clusters?|everything|all|checkout|login|search|traffic|link) (?:is |are |were |was |came |comes |coming )?back(?! to the drawing| off| to (?:the|a) | from v?\d)|under \d+\s?m?s again|(?<!\b(?:fail(?:ed|ing|s)?|down|broke(?:n)?|crash(?:ed|ing)?|memory|error(?:s|ing|ed)?|out|timed out|stuck|lagging|slow|fir(?:ing|ed|es)|alerting|paging|spik(?:ing|ed|es)|climbing|rising|burst(?:ing)?)\s)(?<!\b(?:missing|regress(?:ion|ed)|oom|stuck|lost|errors?|erroring|failing)\b.*)again\b(?=(?:${SINCE_A_TIME}[.;]?)?\s*$)|\[?recovered\]?|ok again|resolved|back (?:above|below|under|over|within) (?:\d+(?:[.,]\d+)?\s?(?:%|ms|s|m)?|normal|threshold|slo|target)|(?:fine|good|ok|normal|healthy) (?:since|now|again)|(?:look(?:s|ing)?|render(?:s|ing)?|show(?:s|ing)?) (?:right|correct(?:ly)?) again|(?<=[\p{L}\p{N}] )(?<!\b(?:he|she|they|i|we|you|who|[\p{L}]+'s)\s)(?:is|are) (?:fully |now |finally )?back(?: (?:up|online))?(?=[.!]?\s*$)|(?<=[\p{L}\p{N}] )(?<!\b(?:we|i|they|you|team|people|engineers?|still|not|stopped|keep|kept|nothing|none|no one|nobody|what|which|who)(?: (?:are|is|were|was|'re|am))? )(?:(?:is|are|now) )?(?:working|succeeding|flowing|passing|render(?:s|ing)?|loading)(?: (?:fine|normally|ok|again|now|as expected))?(?=(?:${SINCE_A_TIME})?[.!;]?\s*$)|(?:checks?|probes?|monitors?|canar(?:y|ies)|synthetics?|dashboards?|alerts?|board) (?:is |are |back |now |all |turned |went )*green|all good(?: now)?|caught up|fully mitigated|(?:completing|processing|working|running|loading|flowing|serving|succeeding) normally|(?<!\b(?:nothing|none|no one|nobody|what|which|who|how|if|whether) )(?:it'?s|is) working(?: now| again| fine)?$|(?:the )?(?:fix|mitigation|rollback|revert) (?:is )?(?:confirmed|worked|is working|held|verified)(?! (?:broken|bad|wrong|not|failing|to (?:be|fail|break)))|looks fixed|green across the board|dashboards? (?:are |is |look |looks )?(?:all )?green|(?<!\b(?:not|un|in))stable (?:for|since|again)|(?:errors?|error rates?|failures?|5xxs?|4xxs?|5\d\ds|4\d\ds|time-?outs?|exceptions)(?: rate)? (?:is |are |was |were |has |have )?(?:back|down|dropped|fell|fallen) to (?:zero|0)(?![\p{L}\p{N}%.])`,
    ),
    reason: 'the line says the service works again',
    kind: 'recover',
    examples: {
      match: [
        'search results back for all EU tenants',

        'All backlogged data processed',

        'receipts look right again for new orders',

        'uploads succeeded again about twelve minutes later',

        'deliveries resumed ten minutes later',
        'traffic has resumed on all edges',

        'all exports delivered, done',
        'all queued emails have been sent',

        'checkout back to normal',
        'PUT errors at baseline',
        'errors gone',
        'APIs back.',
        'login p95 under 300ms again',
        'logins succeed again',
        'Lambda errors were resolved',
        'Success rate back above 98%',
        'p99 back under 300ms',
        'EU checkout fine since 14:38 CET',
        'all good now',
        'Replica caught up at 10:02',
        'Packet loss fully mitigated',
        'stale balances gone for customers',
        'p99 back to 210ms',
        'failed session requests stop',
        'failed session writes stop',
        'instance creation errors end',
        'latency and timeouts recovered',
        'image error rate back to zero',
        '5xx down to 0 after the failover',
        'p99 normal',
        'queue depth looks normal now',
        'stable for 40 minutes',
        'checkouts completing normally',
        "customers confirm it's working",
        'the fix worked',
        'fix confirmed',
        'green across the board',
        'dashboards are green',
        'new cert deployed, logins working',
        'payments are succeeding',
        'the site is back',
        'Stack Exchange is finally back!',
        'Stable since 08:29',
        'synthetic check green',
        'pages render',
        'the status board went green',
        'Imports went through again from 11:05',
        'homepage renders again on the phones I have',
        'New invoices render again from 08:56;',
        'exports loading again at 2:02 PM.',
      ],
      noMatch: [
        'partly back for all tenants, EU still failing',

        "Right now we're sending only ~80% of queued email",

        'retries never succeeded again',

        'resumed the rollout after lunch',
        'payments resumed failing at 10:02',

        'all exports delivered twice',
        'all jobs are stuck',

        'ack, looking. export node ran out of memory again',
        'checkout failing again',
        'recovery plan drafted',
        'rolled basket-api back from 4.18 to 4.17',
        'back to the drawing board',
        'we are working',
        "we're still working",
        'team working',
        'pages still loading',
        'green light from the CAB',
        'each retry adds load',
        'CPU straight back to 100%',
        'she is back',
        'fine-tuning the alert',
        'pushed the release back over the weekend',
        'pinned the pdf renderer back to 2.8',
        'rolling back to 5.1',
        'canary back to 0%',
        'back to 0%',
        'exceptions per minute firing again',
        'requests stop being processed',
        'p99 normal for a Monday, still erroring',
        'bumped the token cache TTL back to 10m',
        'nothing is working',
        'the fix is confirmed broken',
        'regression - new products missing from search again',
      ],
    },
  },
  {
    id: 'recovery-error-metric-zero',
    phase: 'recovery-full',
    weight: 2,
    language: 'en',
    // The failure's own measure read at nothing: the number says users are fine whether or not a
    // word like "recovered" is there ("5xx rate 0.0%", "404 rate back to zero").
    pattern: words(
      String.raw`(?:errors?|error rates?|failures?|failure rates?|time-?outs?|exceptions?|5xxs?|4xxs?|[45]\d\ds?)(?![\p{L}\p{N}])(?: (?:rate|ratio|count|percentage))?(?: (?:is|are|was|were|now|back|down|dropped|fell|at))*(?: to| at)?\s*[:=]?\s*(?:zero|nil|0(?:[.,]0+)?\s?%?)(?![\p{L}\p{N}%.,]|\s*(?:->|→|=>|to \d))`,
    ),
    reason: "the failure's own metric reads zero: the thing that was failing no longer fails",
    kind: 'recover',
    examples: {
      match: [
        'health: db pool ok, 5xx rate 0.0%',
        '404 rate back to zero, thumbnails loading',
        'errors: 0 since the restart',
        'timeouts now 0',
      ],
      noMatch: [
        'error rate 0.5%',
        '5xx rate 0% -> 14% after the deploy',
        'errors 0 to 4000 in a minute',
        'error budget at 0',
      ],
    },
  },
  {
    id: 'recovery-monitor-up',
    phase: 'recovery-full',
    weight: 2,
    language: 'en',
    pattern: words(String.raw`monitor\b[^;]{0,60}?\bis (?:back |now )*up|\[(?:up|ok|recovered)\]`),
    reason: 'an uptime monitor says the thing it watches is up again ("Monitor is UP")',
    kind: 'recover',
    examples: {
      match: ['Monitor is UP: Checkout API', 'The monitor shop.example.com is back UP'],
      noMatch: ['Monitor is DOWN: Checkout API', 'set up the monitor'],
    },
  },
  {
    id: 'recovery-cleanup',
    phase: 'recovery-full',
    weight: 1,
    language: 'en',
    pattern: words(
      String.raw`caught up|backlog (?:cleared|drained|processed)|drained|backfill(?:ed)? (?:done|complete)|started .{0,40}service|service started`,
    ),
    reason: 'clean-up finished: usually after users are fine, so weak',
    kind: 'recover',
    examples: {
      match: ['backlog drained', 'Started postgresql@15-main.service'],
      noMatch: ['backlog growing'],
    },
  },
  {
    id: 'recovery-state-ok',
    phase: 'recovery-full',
    weight: 3,
    language: 'en',
    on: 'state',
    pattern: /^(?:ok|recovered|resolved|resolve|closed|up)$/i,
    reason:
      "a monitor's or paging tool's state says the problem cleared (an uptime monitor's event log says Up)",
    kind: 'recover',
    examples: {
      match: ['OK', 'RESOLVED', 'resolve', 'Up'],
      noMatch: ['FIRING', 'acknowledge', 'Down'],
    },
  },
  {
    id: 'recovery-pager-notification',
    phase: 'recovery-full',
    weight: 3,
    language: 'en',
    // Case-sensitive: a pager's or Nagios' notification type in capitals ('RECOVERY mq-broker-2
    // disk 71%', '** RECOVERY Service Alert'), not 'disaster recovery' or 'recovery in progress'.
    pattern: words(String.raw`RECOVERY(?= \S)(?! (?:PLAN|IN PROGRESS|STARTED|MODE)\b)`, 'u'),
    reason: "the pager's RECOVERY notification: the alert's check is passing again",
    kind: 'recover',
    examples: {
      match: [
        'FROM 80020 RECOVERY mq-broker-2 disk 71% (id 5531)',
        '** RECOVERY Service Alert: web-1/HTTP is OK **',
      ],
      noMatch: ['recovery plan drafted', 'disaster recovery drill', 'RECOVERY IN PROGRESS'],
    },
  },
  {
    id: 'recovery-ja',
    phase: 'recovery-full',
    weight: 2,
    language: 'ja',
    pattern:
      /復旧しました|復旧いたしました|復旧(?:を)?確認|正常(?:値)?に(?:動作|戻|稼働)|通常(?:値|通り)?\s*に戻|回復しました/u,
    reason:
      'Japanese "recovered" (復旧しました, 正常に戻りました, 通常値に戻る: back to the usual value)',
    kind: 'recover',
    examples: {
      match: [
        'サービスは復旧しました',
        '正常に動作しています',
        'エラー率が通常値（0.1%未満）に戻る',
        'レイテンシが通常に戻った',
      ],
      noMatch: ['復旧作業中です'],
    },
  },
  {
    id: 'recovery-partial-ja',
    phase: 'recovery-partial',
    weight: 2,
    language: 'ja',
    pattern: /低下しています|改善|回復傾向|監視しています|経過観察|様子を見て/u,
    reason: 'Japanese partial recovery or monitoring (改善, 低下, 監視しています)',
    kind: 'recover',
    examples: {
      match: ['エラー率は低下しています', '引き続き監視しています'],
      noMatch: ['エラーが発生しています'],
    },
  },
  {
    id: 'recovery-de',
    phase: 'recovery-full',
    weight: 2,
    language: 'de',
    pattern: words(
      String.raw`wiederhergestellt|(?:läuft|laufen|liefen|funktionier\p{L}*) (?:\p{L}+ )*wieder(?: normal)?|wieder (?:normal|verfügbar|erreichbar)`,
    ),
    reason: 'German "restored" (wiederhergestellt, läuft wieder normal)',
    kind: 'recover',
    examples: {
      match: ['liefen alle Bestellungen wieder normal', 'Dienst wiederhergestellt'],
      noMatch: ['Wir untersuchen'],
    },
  },
  {
    id: 'recovery-partial-de',
    phase: 'recovery-partial',
    weight: 2,
    language: 'de',
    pattern: words(String.raw`wir beobachten|überwach\p{L}*|stabilisiert|verbessert`),
    reason: 'German "monitoring" (wir beobachten, überwachen) or improving',
    kind: 'recover',
    examples: { match: ['Wir beobachten die Lage'], noMatch: ['Störung'] },
  },
  {
    id: 'recovery-fr',
    phase: 'recovery-full',
    weight: 2,
    language: 'fr',
    pattern: words(
      String.raw`rétabli(?:e|s|es)?|fonctionne(?:nt)? (?:à nouveau|normalement)|de nouveau (?:disponible|opérationnel)`,
    ),
    reason: 'French "restored" (rétabli, fonctionne à nouveau)',
    kind: 'recover',
    examples: { match: ['le service est rétabli'], noMatch: ['panne en cours'] },
  },
  {
    id: 'recovery-partial-fr',
    phase: 'recovery-partial',
    weight: 2,
    language: 'fr',
    pattern: words(
      String.raw`nous surveillons|sous surveillance|surveillance en cours|amélioration`,
    ),
    reason: 'French "monitoring" (nous surveillons, sous surveillance)',
    kind: 'recover',
    examples: { match: ['Nous surveillons la situation'], noMatch: ['résolu'] },
  },
  {
    id: 'recovery-es',
    phase: 'recovery-full',
    weight: 2,
    language: 'es',
    pattern: words(
      String.raw`restablecid[oa]s?|funciona(?:ndo)? (?:con )?normal(?:idad|mente)|vuelve a funcionar`,
    ),
    reason: 'Spanish "restored" (restablecido, funciona con normalidad)',
    kind: 'recover',
    examples: { match: ['el servicio ha sido restablecido'], noMatch: ['estamos investigando'] },
  },
  {
    id: 'recovery-partial-es',
    phase: 'recovery-partial',
    weight: 2,
    language: 'es',
    pattern: words(String.raw`monitoreando|supervisando|monitorizando|mejorando`),
    reason: 'Spanish "monitoring" (monitoreando, supervisando)',
    kind: 'recover',
    examples: { match: ['Estamos monitoreando los resultados'], noMatch: ['resuelto'] },
  },
  // ── resolved-declared ──────────────────────────────────────────────────────────────────
  {
    id: 'resolved-state',
    phase: 'resolved-declared',
    weight: 3,
    language: 'en',
    on: 'state',
    pattern: /^(?:resolved|resolve|closed|completed|postmortem)$/i,
    reason: "a status page's 'Resolved' state or the paging tool's resolve entry",
    kind: 'resolve',
    examples: { match: ['Resolved', 'resolve'], noMatch: ['Monitoring', 'RECOVERED', 'OK'] },
  },
  {
    id: 'resolved-status-closed',
    phase: 'resolved-declared',
    weight: 3,
    language: 'en',
    pattern: words(
      String.raw`(?:(?:investigating|identified|monitoring|fixing|mitigated|mitigating|open|acknowledged|triggered|active|stable) ?(?:->|→|=>)|(?:status|incident|state) (?:changed|set|moved) to) ?(?:resolved|closed|completed)`,
    ),
    reason:
      'an incident tool records the incident moving to Resolved or Closed ("Monitoring -> Closed"): the declared end, later than the recovery it followed',
    examples: {
      match: [
        'Status change Monitoring -> Closed (error rates watched for an hour, all clean)',
        'Status changed to Resolved',
      ],
      noMatch: [
        'Investigating -> Fixing',
        'closed the old ticket -> new one',
        'status page -> resolved',
      ],
    },
  },
  {
    id: 'resolved-tracker-closed',
    phase: 'resolved-declared',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`changed (?:the )?status (?:from [\w -]{1,20}? )?to (?:resolved|closed|done|completed)|closed this(?: issue)?(?: as (?:completed|resolved|fixed))?|marked (?:this|it) as (?:resolved|done|fixed)|(?:moved|transitioned) (?:\p{L}+ )?(?:to|into) (?:done|resolved|closed)`,
    ),
    reason:
      'an issue tracker records the ticket closing (Jira\'s "changed the Status to Resolved", GitHub\'s "closed this as completed"): a declared end, and paperwork (see the bookkeeping modifier)',
    examples: {
      match: [
        'changed the Status from In Progress to Resolved',
        'octocat closed this as completed',
        'INC-88 moved to Done',
      ],
      noMatch: ['closed the connection pool', 'moved traffic to eu-west', 'changed the batch size'],
    },
  },
  {
    id: 'resolved-declared',
    phase: 'resolved-declared',
    weight: 3,
    language: 'en',
    pattern: words(
      String.raw`(?:incident|outage|issue|event) (?:is |was |has been |now |marked |declared |considered )*(?:resolved|over|closed|ended|mitigated and resolved)|(?:mark(?:ed|ing)|declared?|declaring|calling (?:this|it)|considered?) (?:it |this |the incident )?(?:as )?(?:resolved|over|closed|done)|declaring it over|we(?:'re|’re| are) (?:all )?done(?: here)?(?=[.!]?\s*$)|all[- ]clear|all systems (?:nominal|operational|go)|clos(?:ing|ed|e) (?:the |this |out )?(?:incident|bridge|ticket|one|out|[a-z]{2,8}-\d+)(?![\p{L}\p{N}-])|done for (?:tonight|the night|today|the day)(?! (?:with|on)\b)|^\s*closing(?: (?:it|this|up|it out|for (?:real|good|now|today)))?\.?\s*$|^\s*closed\.?\s*$|status changed to resolved|(?:status|state) (?:set to |changed to |→ |-> )?resolved|resolving the incident|this incident has been resolved|^\s*resolved\b|^\s*resolving\s*$|(?:alert|alarm|page|ticket) (?:was |has been |is )?(?:closed|resolved)|(?:#\d+|id \d+|alert)(?: [^.!?]{0,80}?)? (?:was |has been |is |got )?(?:auto-?)?(?:closed|resolved) by|^\s*(?:closed|resolved) at\s*:|^\s*(?:closed|resolved)\s+by\s+\p{L}+|auto-?resolved|stand(?:ing)? down|^\s*(?:incident|outage) end\s*$`,
    ),
    reason: 'the incident is declared over',
    kind: 'resolve',
    examples: {
      match: [
        'incident resolved',
        'Incident End',
        'dana: declaring it over',
        'Status changed to Resolved',
        'Closing the incident.',
        "files reprocessed by 11:40, we're done.",
        'Closing this one.',
        'Closing.',
        'closing for real',
        'Closed.',
        'confirmed stable, marking resolved',
        'This incident has been resolved.',
        'Resolving',
        'Alert closed by Jane Doe',
        'id 5531 CLOSED by jdoe',
        '[Opsgenie] #4211 closed by Tomasz Nowak',
        'Alert #4211 "[P1] orders-db replica lag > 300s" has been closed by Tomasz Nowak.',
        'Closed              by dmitri',
        'Resolved by Priya Shah',
        'Closed At: Apr 09, 2026 01:02 (UTC)',
        'alert auto-resolved after 10m',
        'p99 normal, closing INC-88',
        'closed OPS-4417, dashboards clean',
        'billing run finished, all invoices out. done for tonight',
        'all green, done for the day',
      ],
      noMatch: [
        'we are done with the rollback, watching errors',
        'the incident is not resolved',
        'Lambda errors were resolved',
        'resolving DNS names',
        'closing the loop with finance tomorrow',
        'Connection closed by 10.0.4.7 port 22',
        'disclosing INC-88 details to the customer',
        'done for the day with the rollout',
      ],
    },
  },
  {
    id: 'resolved-ja',
    phase: 'resolved-declared',
    weight: 3,
    language: 'ja',
    pattern:
      /解消(?:されました|しました|いたしました)|解決(?:しました|いたしました)|(?:対応(?:を)?(?:完了|終了)|障害(?:対応)?(?:は)?終了|クローズ)(?!の?(?:目処|見込み|予定))|収束しました/u,
    reason:
      'Japanese "resolved" (障害は解消されました, 解決しました, 収束しました, 対応終了, クローズ)',
    kind: 'resolve',
    examples: {
      match: [
        '障害は解消されました',
        '本件は解決しました',
        '経過観察を終えて障害対応終了（クローズ）',
        'インシデントをクローズしました',
      ],
      noMatch: ['解消に向けて対応中です', '対応終了の目処は未定', 'チケットはクローズ予定'],
    },
  },
  {
    id: 'resolved-de',
    phase: 'resolved-declared',
    weight: 3,
    language: 'de',
    pattern: words(String.raw`behoben|gelöst|abgeschlossen|beendet`),
    reason: 'German "resolved" (behoben, gelöst)',
    kind: 'resolve',
    examples: {
      match: ['Die Störung ist behoben', 'als behoben gemeldet'],
      noMatch: ['Behebung läuft'],
    },
  },
  {
    id: 'resolved-fr',
    phase: 'resolved-declared',
    weight: 3,
    language: 'fr',
    pattern: words(String.raw`résolue?s?|incident (?:est )?clos|terminée?`),
    reason: 'French "resolved" (résolu, incident clos)',
    kind: 'resolve',
    examples: {
      match: ['Cet incident est résolu', "l'incident a été résolu"],
      noMatch: ['en cours de résolution'],
    },
  },
  {
    id: 'resolved-es',
    phase: 'resolved-declared',
    weight: 3,
    language: 'es',
    pattern: words(String.raw`resuelt[oa]s?|solucionad[oa]s?|incidencia cerrada`),
    reason: 'Spanish "resolved" (resuelto, solucionado)',
    kind: 'resolve',
    examples: { match: ['El incidente ha sido resuelto'], noMatch: ['estamos investigando'] },
  },
  // ── status updates and lead-up ─────────────────────────────────────────────────────────
  {
    id: 'status-update',
    phase: 'status-update',
    weight: 1,
    language: 'en',
    pattern: words(
      String.raw`status ?page|statuspage|status\.\S+|status (?:set|updated|yellow|red|green)|(?:per-service |public |customer )?status updates?|service health dashboard|post(?:ed|ing) (?:an? |the )?(?:public )?updates?|banner|announc(?:ed|ement)|customer comms?|tweeted|(?:status )?tweet|posted (?:to|on) @[\w.-]+`,
    ),
    reason: 'a public update, not itself a change in the incident',
    kind: 'status-update',
    examples: {
      match: [
        'status page updated to yellow',
        'posted an update',
        'per-service status updates on the dashboard working again',
        'posting updates again',
        'posted to @acmestatus: "We are investigating reports of login issues."',
        'status tweet sent',
      ],
      noMatch: ['the status of the job'],
    },
  },
  {
    id: 'lead-up-change',
    phase: 'lead-up',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`deploy(?:ed|s|ing|ment)?|releas(?:ed|ing)|rolled out|rollout|shipped|merged|PR #?\d+|upgrad(?:e|ed|ing)|migrat(?:e|ed|ion|ing)|config(?:uration)? (?:change|push|update)s?|maintenance|ships`,
    ),
    reason: 'a change that may have triggered the incident',
    kind: 'deploy',
    examples: {
      match: [
        'v7 ships with a latent parser bug',
        'deployed 2024.03.05-2',
        'config update: batch size',
        'lin: no config changes or releases since yesterday evening',
        'anyone deploy? we see nothing in the build log since this morning, no deploy',
      ],
      noMatch: ['deploy freeze lifted?'],
    },
  },
  {
    id: 'lead-up-monitor-config',
    phase: 'lead-up',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`(?:alarm|alert(?:ing)? rule|alert policy|monitor|health ?check|uptime check|synthetic(?: check)?)s?\b[^.;!?]{0,60}? (?:was |has been |got )?(?:created|updated|edited|modified|deleted|renamed|configured|reconfigured|muted|unmuted|enabled|disabled)(?! (?:from|to|state)\b)(?![\p{L}\p{N}])`,
    ),
    reason:
      "a monitor's own configuration changed (an alarm created, a rule edited): the failure it names is what it watches, not a symptom, so the line is no alert and no impact",
    kind: 'deploy',
    examples: {
      match: [
        'Alarm "orders-alb-5xx" created',
        'alert rule CheckoutErrors updated',
        'monitor checkout-5xx muted for 1h',
      ],
      noMatch: [
        'Alarm updated from OK to ALARM',
        'Alarm updated from ALARM to OK',
        'alarm fired: checkout 5xx',
        'monitor detected errors on checkout',
      ],
    },
  },
  {
    id: 'lead-up-approval',
    phase: 'lead-up',
    weight: 2,
    language: 'en',
    pattern: words(
      String.raw`(?:change|chg-?\d+|cr-?\d+|rfc-?\d*|change request|ticket)\s*(?:#?\d+\s*)?(?:was |has been |got )?approved|(?:cab|change board|change advisory board|\w+) approved (?:the |a |an )?(?:\S+ ){0,2}?(?:change|chg|deploy(?:ment)?|rollout|release|rotation|migration|upgrade|maintenance)|(?:maintenance|change) window (?:opened|opens|starts|started|begins|began)|(?:planned|scheduled) (?:maintenance|downtime|work|change|failover|migration)(?: window)? (?:begins|began|starts|started|opens|opened|is underway|underway|in progress)|(?:deploy(?:ment)?|release|rollout|change|maintenance) (?:is |was )?(?:scheduled|queued|planned|booked)`,
    ),
    reason:
      'a change approved, scheduled or its window opened is lead-up, not impact: whatever failure it names ("raise the error budget alert threshold") is the plan, not a symptom',
    kind: 'deploy',
    examples: {
      match: [
        'change approved: raise the error budget alert threshold',
        'CHG-1142 approved: rotate TLS certificates on the edge',
        'CAB approved the certificate rotation',
        'maintenance window opened: DB failover drill',
        'deploy scheduled for 08:20',
        'planned maintenance begins: checkout may be unavailable',
      ],
      noMatch: ['the approval service is down', 'deploy failed with 500s', 'approved the rollback'],
    },
  },
  {
    id: 'lead-up-state',
    phase: 'lead-up',
    weight: 3,
    language: 'en',
    on: 'state',
    pattern: /^(?:configuration|config|deployment|deploy|change)(?: update| change)?$/i,
    reason:
      "an export's type column says the row is a change to the monitor or system, not a symptom",
    kind: 'deploy',
    examples: {
      match: ['Configuration update', 'Deployment'],
      noMatch: ['State update', 'Action'],
    },
  },
];

export const MODIFIERS: readonly Modifier[] = [
  {
    id: 'action-item',
    effect: 'action-item',
    language: 'en',
    pattern:
      /^\s*(?:[-*+•]\s*)?(?:\[[ xX✓✔]?\](?:\s|$)|(?:todo|fixme|action items?|AI|follow[- ]?ups?|next time|going forward|in (?:the )?future)(?![\p{L}\p{N}]))/iu,
    reason:
      'a task-list item or a line that opens as a follow-up ("- [ ] alert when ...", "TODO:", "next time we should ...") is work for later, not an event of the incident (applies to the whole line, and to the state the paste gave it)',
    examples: {
      match: [
        '- [ ] alert when a package is unpublished',
        '[x] write the blog post',
        'TODO: page the DB team sooner',
        'next time we should roll back first',
        'action item',
        'Follow-up: add a canary',
      ],
      noMatch: [
        'rolled back; todo list cleared',
        'alert fired: checkout 5xx',
        'AIOps alert fired',
        'the next time it failed, the pager went off',
      ],
    },
  },
  {
    id: 'topic',
    effect: 'topic',
    language: 'en',
    pattern:
      /(?:\b(?:for|into|about|regarding|re|pending|awaiting|towards?|until|(?:wait|waiting|work|working) on)\s+(?:the\s+|a\s+|an\s+)?)$/i,
    reason:
      'a finding or recovery cue right after "for", "into", "pending" names a topic still open ("keeping the bridge open for root cause", "waiting for recovery"), not something that happened',
    examples: {
      match: ['keeping the bridge open for ', 'dig into the ', 'waiting on '],
      noMatch: ['found it: ', 'checkout is ', 'rolled back the '],
    },
  },
  {
    id: 'negation',
    effect: 'negate',
    language: 'en',
    pattern:
      /(?:\b(?:not|never|no|without|isn'?t|aren'?t|wasn'?t|weren'?t|hasn'?t|haven'?t|didn'?t|doesn'?t|don'?t|nor)\b|n't)\s+(?:\S+\s+){0,2}$/i,
    reason: 'a negation just before a cue cancels it (only within its clause)',
    examples: {
      match: ['not yet ', 'the incident is not '],
      noMatch: ['now ', 'nothing else was '],
    },
  },
  {
    id: 'hypothetical',
    effect: 'negate',
    language: 'en',
    pattern: words(
      String.raw`will|would|should|might|(?:we|you|i|they) could|could (?:we|you|it be|be)|plan(?:s|ned|ning)? to|(?:^|(?:we|i|you|they)(?:'re|'m| are| am| were)? |(?:are|am|is|'re|'m) )(?:going|about|ready|preparing) to (?!(?:the|a|an|our|their|its|this|that|be fine|normal)\b)\p{L}+|(?:^|(?:we|i|you|they) )(?:need|want) to \p{L}+|gonna|let'?s|propos(?:e|ed|ing) (?:to|we)|checking (?:whether|if)|discussing|debating|considering|(?:is|are|as|be) (?:an? |one |the )?(?:option|possibility|fallback plan|plan b)\b|scheduled|next week|tomorrow|todo|follow[- ]?up|freeze|if|(?:brief |some |short |minor |a few )?(?:errors?|latency|downtime|blips?|impact|5xxs?|timeouts?|disruption) (?:is |are )?(?:to be )?expected|expect(?:ing)? (?:some |brief |elevated |a few |a |short )?(?:errors?|latency|downtime|blips?|impact|5xxs?|timeouts?|disruption)`,
    ),
    reason: 'a plan, question or condition is not something that happened (cancels its clause)',
    examples: {
      match: [
        'restart is scheduled for Monday',
        'deploy freeze lifted',
        'brief errors expected',
        'deploying v5, expect elevated latency for 2 minutes',
        'going to roll back to 4.18.2',
        "let's drain eu-central",
        'we could fail over to the replica',
        'checking whether the cert rotated',
        'need to restart the consumers',
        "we're about to fail over",
        'reverting the ranking model is an option',
        'discussing a failover to the dr cluster',
      ],
      noMatch: [
        'restarted the workers',
        'errors dropped as expected',
        'traffic going to the standby now',
        'users need to log in again',
        'requests going to eu-west fail',
        'drained eu-central',
      ],
    },
  },
  {
    id: 'plan-label',
    effect: 'plan',
    language: 'en',
    pattern:
      /^\W{0,3}(?:[\p{L}\p{N}_.@-]{1,32}:\s+)?(?:(?:the |our |my )?plan(?: [a-c])?|(?:the |my )?proposal|proposed (?:fix|plan|steps?)|suggestion|next steps?|to[- ]?do|idea|options?(?: \d+| [a-c])?|nächste schritte|vorschlag|idee|prochaines? étapes?|proposition|idée|próximos pasos|propuesta)\s*:(?!\/)/iu,
    // A clause's own plan words ("going to", "let's") reach only that clause, so "plan: drain
    // node-7, then get checkout back" read its second clause as a recovery. A leading label
    // names what the whole line is; it may follow a handle ("sam: plan: ...").
    reason:
      'a line labelled as a plan, a proposal or next steps ("plan: drain node-7, then get checkout back", "Nächste Schritte: ...") says what the team means to do, not what happened (applies to the whole line)',
    examples: {
      match: [
        'plan: drain node-7, then get checkout back on the healthy pool',
        'sam: Proposal: fail over to eu-west, which restores service',
        'Next steps: restart the consumers and confirm the backlog drains',
        'to do: flush the CDN once the fix is out',
        'Option 2: roll back the ranking model',
        'Nächste Schritte: Pods neu starten, danach läuft der Dienst wieder',
        'Prochaines étapes : basculer sur le réplica',
      ],
      noMatch: [
        'drained node-7 as planned',
        'the plan worked: checkout back to normal',
        'planned maintenance begins: checkout may be unavailable',
        'options page back to normal',
        'rolled back, next step is the postmortem',
      ],
    },
  },
  {
    id: 'partial',
    effect: 'partial',
    language: 'en',
    pattern: words(
      String.raw`partial(?:ly)?|partly|some|several|a few|a handful of|many|most(?:ly)?|largely|starts? to|starting to|begins? to|beginning to|slowly|except|not (?:yet |all|fully)|in (?:us|eu|asia|one|some) ?|first signs|for (?:some|most)|(?:nearly|almost|virtually) (?:all|every|fully)|(?:the )?(?:vast )?majority`,
    ),
    reason: 'a recovery in a clause that says only part recovered is a partial recovery',
    examples: {
      match: [
        'partially restored',
        'most consumers back',
        'nearly all network devices recovered',
        'vast majority of regions recovered',
        'several clusters restored in US East',
      ],
      noMatch: ['back to normal', 'all devices recovered', 'success rate back to 99.9%'],
    },
  },
  {
    id: 'ongoing',
    effect: 'ongoing',
    language: 'en',
    pattern: words(
      String.raw`still|continu(?:e|es|ed|ing)|remain(?:s|ed|ing)?|ongoing|persist(?:s|ed|ing)?|stays? elevated|引き続き|weiterhin|toujours|todavía|aún`,
    ),
    reason: 'impact that goes on in another clause makes a recovery partial',
    examples: { match: ['EU still failing', 'errors continue'], noMatch: ['EU back'] },
  },
  {
    id: 'ineffective',
    effect: 'ineffective',
    language: 'en',
    pattern: words(
      String.raw`no (?:change|effect|improvement)|didn'?t (?:help|work|fix)|did not (?:help|work|fix)|made (?:it|things) worse|without effect|(?:job|attempt|rollback|roll-?back|deploy|restart|revert|failover|command|script)s? (?:failed|errored(?: out)?|timed out|hung|did not|didn'?t)|failed to (?:roll|restart|apply|deploy|start|complete|revert|fail over)|(?:errors?|failures?|problems?|issues?|latency|impact|timeouts?|crash(?:es|ing)?|5xxs?) (?:continue[sd]?|persist(?:s|ed)?|remain(?:s|ed)?|came back|return(?:s|ed)?)(?! (?:to|at) (?:drop|fall|decline|decrease|improve|recede|normal|baseline|zero))|still (?:failing|down|broken|erroring|seeing|high|elevated|pegged|timing out|crash\w*|(?:at )?\d+(?:[.,]\d+)?)|same (?:errors?|result|problem)|(?:it )?came back after|failed (?:on|with|to|because)|tried|attempted|unsuccessful|(?:but|yet) (?:the )?(?:errors?|impact|failures?|latency|timeouts?|5xxs?|problems?|issues?) (?:still )?(?:persists?|persisted|remains?|remained|continues?|continued)|nope|no luck|no dice|no better|didn'?t stick|too late|refus(?:es|ed) to start|\bhangs\b|(?:getting|got|even) worse|worsened|(?:came|went|shot|jumped) (?:straight |right )?back (?:up|to)|(?:straight|right) back (?:up )?to`,
    ),
    reason: 'an action that failed or did nothing is not a mitigation (applies to the whole line)',
    examples: {
      match: [
        'rollback job failed on permissions',
        'restart did not help',
        'rollback completed but errors persist',
        'restarted IIS on web03 - nope, CPU straight back to 100%',
        'bounced the pods, no luck',
        'restarted the pods, errors continue',
        'rolled back, still failing',
        'restarted nginx, same errors',
        'rollback timed out',
        'failed to restart the broker',
        'restarted redis, still at 100% cpu',
        'tried rolling back the auth service to v41, errors continue',
        'CPU still at 100%',
        'Removal terminated, too late: only 4.5 GB left',
        'raised max_connections -> PG refuses to start, reverted',
        'the rollback job timed out after 20 minutes',
        'flushed the CDN, same errors',
        'tried asking the CDN to serve a stale tarball - no good, cache already purged, still 404',
      ],
      noMatch: [
        'failed over to the replica',
        'rolled back',
        'rolled back, errors continue to drop',
        'restarted the workers, errors back to normal',
        'errors drop',
        'still investigating',
      ],
    },
  },
  {
    id: 'automated',
    effect: 'automated',
    language: 'en',
    pattern: words(
      String.raw`automatic(?:ally)?|auto-?ack(?:ed|nowledged?|nowledgement)?|auto[- ]acknowledg\p{L}*|(?:by|via) (?:an? |the )?(?:integration|rule|automation|escalation polic(?:y|ies)|system|bot|api|webhook|workflow)`,
    ),
    reason:
      'an acknowledgement a tool makes on its own ("Acknowledged by Auto-Ack rule", "acknowledged by integration Datadog", "acknowledged automatically") is not a person taking the page (removes the line\'s acknowledge cues)',
    examples: {
      match: [
        'Acknowledged by Auto-Ack rule',
        'Alert acknowledged by integration Datadog',
        'Incident #231 opened and acknowledged automatically',
        'auto-acknowledged after 30s',
      ],
      noMatch: ['Acknowledged by Ravi Shah', 'acking, looking now', 'alert rule fired'],
    },
  },
  {
    id: 'automated-agent',
    effect: 'automated',
    language: 'en',
    on: 'agent',
    pattern: words(
      String.raw`[\p{L}\p{N}_.-]*bot|app|rule|integration|automation|automated|system|escalation polic(?:y|ies)|workflow|webhook|api|${MONITORING_TOOLS}|jira|servicenow`,
    ),
    reason:
      'who acknowledged (the line\'s author, or the name after "acknowledged by") is a bot, a rule or an integration, not a responder',
    examples: {
      match: [
        'incident-bot',
        'Auto-Ack rule',
        'Jira Automation',
        'integration Datadog',
        'APP',
        'Grafana',
      ],
      noMatch: ['Ravi Shah', 'luis', 'Abbott', 'Tomasz Nowak'],
    },
  },
  {
    id: 'bookkeeping',
    effect: 'bookkeeping',
    language: 'en',
    pattern: words(
      String.raw`tickets?|issues? tracker|post-?mortems?|retro(?:spective)?s?|incident reviews?|status ?page|statuspage|[a-z][a-z0-9]+-\d+|closed this|changed (?:the )?status|moved (?:\p{L}+ )?to done|jira|github|(?:posted|tweeted|sent) (?:to|from|on) @[\w.-]+|(?:status )?tweet(?:ed|s)?`,
    ),
    reason:
      'a declared end that records paperwork (a ticket resolved, a postmortem scheduled, the status page set to Resolved) says when the record closed, not when users were fine again (a full recovery before it is the resolution)',
    examples: {
      match: [
        'Postmortem scheduled, incident ticket resolved',
        'status page set to Resolved',
        'OPS-4411 status changed to Resolved',
        'octocat closed this as completed',
        'changed the Status from In Progress to Resolved',
        'posted to @paystatus: "This incident has been resolved."',
        'status tweet: all systems resolved',
      ],
      noMatch: ['incident resolved', 'Monitoring -> Closed', 'checkout back to normal'],
    },
  },
  {
    id: 'watching',
    effect: 'watching',
    language: 'en',
    pattern: words(
      String.raw`(?:continue|continuing|keep|keeping|will|we'?ll|are|still) (?:to )?(?:monitor(?:ing)?|watch(?:ing)?)|monitoring (?:overnight|for (?:a |an |another |the next )?(?:\d+|few|bit|while|hours?|day|night|peak)|closely|before|until|the (?:fix|results|recovery))|keep(?:ing)? an eye|under observation|on watch|watching (?:it|closely|for)|(?<=^|, |\. )monitoring\.?$`,
    ),
    reason:
      'a recovery line that says the team keeps watching ("back to normal. We will continue to monitor") is not yet the end: the "resolved" or "all clear" that follows within the watch is (used by the late-declaration rule in choose-milestones)',
    examples: {
      match: [
        'Latency has returned to normal levels. We will continue to monitor.',
        'error rate back to baseline, monitoring',
        'back to normal, keeping an eye on it overnight',
        'Monitoring overnight before we call it',
      ],
      noMatch: [
        'monitoring detected errors on checkout',
        'error rate back to baseline',
        'added monitoring for the queue',
      ],
    },
  },
  {
    id: 'reopened',
    effect: 'reopened',
    language: 'en',
    pattern: words(
      String.raw`re-?open(?:ed|ing|s)?|regress(?:ion|ed)(?! tests?| suite)|(?:errors?|failures?|issues?|problems?|impact|symptoms?|(?:5|4)xxs?|timeouts?) (?:are |is |have |has )?(?:come |coming )?back(?! (?:to|down|under|below|within)\b)|came back|(?<!no )recurr(?:ed|ing|ence)|relapsed?|(?:failing|broken|down|missing|erroring|timing out) again`,
    ),
    reason:
      'the incident is reopened or the failure returned ("errors are back, incident reopened", "regression - missing again"): a resolution declared before it did not end the incident (used by choose-milestones)',
    examples: {
      match: [
        'Errors are back on iOS, incident reopened',
        'regression - new products missing from search again',
        'reopening INC-881',
        'the 5xx came back after 20 minutes',
      ],
      noMatch: [
        'errors back to zero',
        'No recurrence overnight',
        'regression tests passed',
        'checkout back to normal',
      ],
    },
  },
  {
    id: 'unrelated',
    effect: 'unrelated',
    language: 'en',
    pattern: words(
      String.raw`unrelated|not related|separately|side note|irrelevant|nothing to do with`,
    ),
    // Not "fyi": it opens news about the incident as often as news beside it ("fyi gateway fine
    // again"); "fyi unrelated: ..." is still caught by its own word.
    reason: 'the line says it is not about this incident (applies to the whole line)',
    examples: {
      match: ['unrelated: reverted a typo fix', 'fyi unrelated: the nightly export is late'],
      noMatch: ['related alerts', 'fyi gateway fine again, restarting the pool fixed it'],
    },
  },
  {
    id: 'warning-level',
    effect: 'warning',
    language: 'en',
    pattern: words(
      String.raw`warn(?:ing)?|sev(?:erity)?[- ]?[345]|p[345]|minor|low[- ](?:priority|urgency|severity)|avertissement|warnung`,
    ),
    reason:
      'an alert at a warning level ("WARN: p95 latency 900ms", "[Datadog] Warning: CPU above 70%", "SEV4") says a threshold short of the incident was crossed: when it settles on its own long before the impact, it is lead-up, not the start (choose-milestones\' settled warnings)',
    examples: {
      match: [
        '[Datadog] Warning: checkout-db CPU above 70%',
        'WARN: auth-svc p95 latency 900ms',
        'SEV4 opened: disk 80% on db-2',
        'low-urgency page: queue depth 5k',
      ],
      noMatch: [
        'Critical: checkout-api 5xx rate 35%',
        'forewarned the support team',
        'P1 declared, checkout down',
      ],
    },
  },
  {
    id: 'disowned',
    effect: 'disowned',
    language: 'en',
    pattern: words(
      String.raw`not (?:part of |related to |from |caused by )?(?:this|the|our) (?:incident|outage|issue|problem)|false (?:alarm|positive)|red herring|(?:turned out to be|was just|just|only|looks like|probably|likely|prob) (?:noise|a blip|a fluke)|known[- ]flaky|one-off|test (?:alert|page|notification|message)s?|please ignore|safe to ignore|(?:could ?n[o']t|can ?n[o']t|unable to) reproduce|not reproducible|not (?:related|relevant)$|^ignore\b|(?:was|is|from|by|during) (?:the |a |our )?(?:scheduled |planned )?(?:load[- ]test|chaos (?:test|experiment)|game ?day|fire drill|drill)|expected (?:during|for|from|because of|as part of|with) (?:the |a |our )?(?:planned |scheduled )?(?:maintenance|load[- ]test|test|drill|failover|change|migration)`,
    ),
    reason:
      'the team disowns the line as no part of the incident: a false alarm, noise, the load test, an alert expected during planned maintenance. A precursor blip is not the start (applies to the whole line, in brackets too: "(ignore, that was the load test)")',
    examples: {
      match: [
        'a brief spike at 08:10 that was not this incident',
        'False alarm: the probe host was rebooting',
        'latency spike on search, turned out to be noise',
        'acked, looks like noise from the nightly batch',
        'login-eu check failed, known flaky probe',
        'ignore, that was the scheduled load test',
        'primary unreachable - expected during the maintenance, silenced',
        'one-off timeout, could not reproduce',
        'test alert, please ignore',
        'self-resolved in 30s, not related',
      ],
      noMatch: [
        'this incident was not caught by an alert',
        'noise in the logs hid the first errors',
        "don't ignore the disk alerts",
        'the load test next week will cover this',
        'errors expected to drop once the cache warms',
      ],
    },
  },
];

/** Cues a team adds in `incidentpost.config.json` (their own bot names, their own phrasings). */
export interface CueConfigEntry {
  id: string;
  phase: Phase;
  weight: Weight;
  /** A regular expression source, matched case-insensitively. */
  pattern: string;
  reason: string;
  examples?: { match: readonly string[]; noMatch: readonly string[] };
}

const tables = new WeakMap<readonly CueConfigEntry[], readonly Cue[]>();

/**
 * The built-in table plus a team's own entries (`analysis.cues` in the config), built once per
 * config. A team's cue is whole-word, like the built-in ones.
 */
export function cueTable(extra: readonly CueConfigEntry[] = []): readonly Cue[] {
  if (extra.length === 0) return CUES;
  const known = tables.get(extra);
  if (known) return known;
  const table = [
    ...CUES,
    ...extra.map((entry): Cue => ({
      ...entry,
      language: 'en',
      pattern: words(entry.pattern),
      examples: entry.examples ?? { match: [], noMatch: [] },
    })),
  ];
  tables.set(extra, table);
  return table;
}
