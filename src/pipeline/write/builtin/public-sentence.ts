/**
 * The one step every public sentence goes through (message to users, HN post, thread, summary):
 * a timeline line loses what its source tool left in it (SOURCE_ARTEFACT_CUES: alert and severity
 * tags, emoji, APP/BOT badges, paging tools' names and numbers, ticket keys, @handles, log fields,
 * table pipes, "(owner: …)"), an alert's machine name is said in words, and what remains becomes a
 * sentence with a subject and a full stop, or nothing when no readable words remain.
 */
import type { TimelineEvent } from '../../../schemas/facts.js';
import { withoutArtefacts } from './source-artefacts.js';
import { publicLine } from './public-line.js';
import { asSentence, lowerFirst } from './sentences.js';
import { isForeign } from './foreign-text.js';
import { formatDate } from '../../format/format-figures.js';

/** What marks a line as a monitor's alert: a state tag, a monitor's prefix, a paging verb. */
const ALERT_LINE =
  /^\W*(?:\[\s*(?:FIRING|ALERT(?:ING)?|ALARM|TRIGGERED|CRIT\w*|WARN\w*)\b|(?:\[?(?:pagerduty|opsgenie|alertmanager|datadog|grafana|new ?relic|victorops|cloudwatch|prometheus|zabbix|nagios|icinga|pingdom|sentry)\]?\s*(?:APP|BOT)?\s*[:|–—-]?\s*)?(?:triggered|firing|(?:alert|alarm)\s*(?:[:#"“]|(?:P|SEV)[\s-]?\d)))/i;
/** A monitor's machine name opening a line: "UploadFailureRatio alert", "KubePodCrashLooping". */
const ALERT_NAME = /^\W*[A-Z][a-z]+(?:[A-Z][a-z0-9]*){2,}\b/;
/** A monitor's level in capitals opening its message: "CRITICAL: API response time > 5000ms". */
const LEVEL = /^\s*(?:CRITICAL|CRIT|WARNING|WARN|ERROR|FATAL)\s*[:|–—-]/;
/** What marks a monitor's line as the alert clearing: "[RESOLVED] …", "Resolved #P8ZK3Q1: …". */
const CLEARED_LINE =
  /^\W*(?:\[\s*(?:RESOLVED|OK|RECOVERED)\b|(?:\[?(?:pagerduty|opsgenie|alertmanager|datadog|grafana|cloudwatch)\]?\s*(?:APP|BOT)?\s*[:|–—-]?\s*)?resolved\s*:?\s*#)/i;
/** A paging verb left at the start once the tool and number are gone: "Triggered: …". */
const PAGING_VERB =
  /^[^\w"“]*(?:(?:triggered|firing|resolved)\b\s*[:–—-]?|(?:alert|alarm)\s*(?::|(?=["“])))\s*/i;
/** A severity word a monitor appends: "EdgeErrorRateHigh edge-pop-errors critical". */
const TRAILING_SEVERITY = /[\s,;]+(?:critical|crit|warning|warn|info|page)$/i;
/** An alert's labels in brackets after its name: "EdgeErrorRateHigh (edge critical)". */
const LABEL_GROUP = /\s*\((?:\s*[a-z0-9][\w.:/-]*){1,4}\s*\)/g;
/** Label values after an alert's name ("EdgeErrorRateHigh edge-pop-errors critical"): the name says it. */
const ALERT_LABELS =
  /^([A-Z][a-z]+(?:[A-Z][a-z0-9]*){2,})(?:\s+(?:[\w]*[-_.\d][\w.-]*|critical|warning|info|page))+$/;
/** A second alert in the same message: Slack joins an integration's lines into one. */
const NEXT_ALERT = /\s+(?=\[\s*(?:FIRING|RESOLVED|ALERT(?:ING)?|ALARM|TRIGGERED|OK)\b)/i;

/**
 * A monitor's names in words: "EdgeErrorRateHigh" → "edge error rate high", "login_error_rate >
 * 40%" → "login error rate above 40%". Only for an alert's line: elsewhere a CamelCase or
 * snake_case name (a class, a table) is a name the team wrote on purpose.
 */
function alertInWords(text: string): string {
  return (
    text
      .replace(LABEL_GROUP, '')
      .replace(ALERT_LABELS, '$1')
      // A product's name ends in capitals ("MySQL", "PostgreSQL", "GraphQL"): no words to split.
      // An acronym inside a name is a word of its own ("AuthDBConnections" → "auth db connections").
      .replace(/\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*){2,}\b/g, (name) =>
        /^[A-Z][a-z]+[A-Z]{2,}[a-z]?$/.test(name)
          ? name
          : name.replace(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g, ' ').toLowerCase(),
      )
      .replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b(?!=)/g, (name) => name.replace(/_/g, ' '))
      .replace(/\s*>=\s*(?=\d)/g, ' at or above ')
      .replace(/\s*<=\s*(?=\d)/g, ' at or below ')
      .replace(/\s*>\s*(?=\d)/g, ' above ')
      .replace(/\s*<\s*(?=\d)/g, ' below ')
      .replace(TRAILING_SEVERITY, '')
      .replace(/\s+alert$/i, '')
      .trim()
  );
}

/** Each alert of a message that holds several, in words, joined: "edge error rate high; origin fetch failures". */
function alertsInWords(text: string): string {
  return text
    .split(NEXT_ALERT)
    .map((part) => alertInWords(withoutArtefacts(part, true).replace(PAGING_VERB, '')))
    .filter(Boolean)
    .join('; ');
}

/** Chat that says a person is on it or watching, not what happened: ", monitoring", "acking". */
const CHAT_TAIL =
  /(?:[,;]\s*|\s+[-–—]\s+)(?:monitoring|watching(?: it)?|looking(?: now| into it)?|on it|will update|more soon|stand ?by|brb|thanks?|ty)\W*$/i;
/** Chat before what happened: "@here acking. ~85% of POPs …", "on it, customers report …". */
const CHAT_LEAD =
  /^\W*(?:ack(?:ing|ed)?|on it|looking(?: now)?|joining|here|ok(?:ay)?|yep|yes)\s*[.!,:;—–-]+\s*(?=\S)/i;
const CHAT_ONLY =
  /^\W*(?:ack(?:ing|ed|nowledged)?|on it|looking(?: now| into it)?|investigating|monitoring|resolved|mitigated|closed|done|fixed|ok(?:ay)?|thanks?|ty|\+1|lgtm|yes|no|same|here|joining|joined)\W*$/i;

/** Verbs of what responders did: a line that opens with one ("rolled back …") is said as "We …". */
const ACTION_VERB =
  /^(?:rolled|restarted|reverted|disabled|enabled|deployed|redeployed|re-?deployed|failed over|drained|scaled|raised|lowered|bumped|pushed|applied|removed|deleted|added|blocked|unblocked|paused|resumed|killed|rebooted|flushed|purged|cleared|rotated|renewed|replaced|moved|migrated|switched|patched|updated|upgraded|downgraded|isolated|declared|posted|paged|escalated|stopped|ran|re-?ran|throttled|rate-limited|routed|rerouted|re-?pointed|promoted|restored|reverted|rebuilt|recreated|reconfigured|shifted|turned (?:on|off)|issued|cordoned|evicted|backfilled|replayed|reprocessed|notified|contacted|opened|filed|froze|unfroze|halted|renamed|re-?sent|sent|rebalanced|resized|reindexed|re-?enabled|extended)\b(?!\s+\w+ing\b)/i;

/**
 * Any verb in the past tense before what it was done to ("uploaded the new certificate", "tried
 * rolling back"): a responder's bare action, said as "We …". "Affected services …" has no object.
 */
const DONE_TO =
  /^(?!turned out\b)[a-z]+(?:ed|ent|ew|ook|an|ought)\s+(?:the|a|an|our|all|every|it|them|back|off|over|up|down|\w+ing)\b/;

/** Words a reader can read: two or more of at least two letters. */
function readable(text: string): boolean {
  return (text.match(/\p{L}{2,}/gu) ?? []).length >= 2 && !CHAT_ONLY.test(text);
}

/**
 * A timeline line as a public sentence: its source artefacts taken out (withoutArtefacts), its
 * tags, labels, host names and first person as publicLine tells them, an alert said as "Our
 * monitoring alerted: …" (or "… cleared: …"), a bare action given "We" as its subject, with a
 * capital and a full stop. `kind` is the event's, when the parser took the alert's tag away.
 * Null when no readable words remain (a bare "Resolved #P8ZK3Q1", an
 * "@here acking"): the caller leaves the line out.
 */
export function publicSentence(text: string, kind?: TimelineEvent['kind']): string | null {
  const cleared = CLEARED_LINE.test(text);
  // A parser that read "[Alerting]" as the line's kind leaves the monitor's name to open it.
  const alert =
    !cleared &&
    (ALERT_LINE.test(text) || (kind === 'alert' && (ALERT_NAME.test(text) || LEVEL.test(text))));
  let line =
    alert || cleared
      ? alertsInWords(text)
      : withoutArtefacts(text, true)
          .replace(CHAT_LEAD, '')
          // "resolved. No user data was lost": a status word said alone is chat.
          .split(/(?<=[.!?])\s+/)
          .filter((piece) => !CHAT_ONLY.test(piece))
          .join(' ');
  line = line.replace(CHAT_TAIL, '').trim();
  if (!readable(line)) return null;
  line = publicLine(line).replace(CHAT_TAIL, '').trim();
  if (!readable(line)) return null;
  // Another language is quoted as written: no English verb or label is put around it.
  if (isForeign(line)) {
    // "Ursache: das Zertifikat ...": the label is the team's heading for the finding.
    const rest = line.replace(/^[\p{L}-]+\s*[:：]\s*/u, '');
    const told = rest.length >= 12 ? rest : line;
    const bare = `${told.charAt(0).toUpperCase()}${told.slice(1).replace(/[.\s]+$/, '')}`;
    // "…調査中です。" ends with its own full stop.
    return `"${bare}${/[。！？!?]$/.test(bare) ? '' : '.'}"`;
  }
  if (alert) return asSentence(`Our monitoring alerted: ${line}`);
  if (cleared) return asSentence(`The alert cleared: ${line}`);
  const done = ACTION_VERB.test(line) || DONE_TO.test(line);
  return asSentence(done ? `We ${line.charAt(0).toLowerCase()}${line.slice(1)}` : line);
}

/**
 * The title inside one of the writer's sentences ("we had an incident: order history pages time
 * out"): publicTitle without its closing stop, lower-cased where it opens in sentence case; a
 * title in another language is quoted as written ("Bestellungen hängen im Checkout" in quotes).
 */
export function titleInSentence(title: string, date?: string): string {
  const told = publicTitle(title, date).replace(/[.!]+$/, '');
  if (isForeign(told)) return `"${told}"`;
  // "Invoice PDFs blank for EU accounts": acronyms are no names, so the title opens in lower
  // case; "Okta login broken after Traefik v2" opens with a name and keeps it.
  const [first = '', ...rest] = told.split(/\s+/);
  const onlyAcronyms = rest.every(
    (word) => !/[A-Z]/.test(word) || /^[A-Z0-9]{2,}s?\W*$/.test(word),
  );
  return /^[A-Z][a-z'-]*$/.test(first) && onlyAcronyms
    ? told.charAt(0).toLowerCase() + told.slice(1)
    : lowerFirst(told);
}

/**
 * A title as a reader outside the team should see it: "[SEV1] Login failures for EU customers 🔥"
 * reads "Login failures for EU customers". The title as written when nothing readable remains.
 */
export function publicTitle(title: string, date?: string): string {
  const header = withoutPasteHeader(title);
  // "Pasted from https://…": a header with no words of the incident names it by its day.
  if (header === null) return date ? `Incident on ${formatDate(date)}` : title.trim();
  const clean = withoutArtefacts(header, true).replace(/\s+/g, ' ').trim();
  // "checkout 502s" is a title; a title of tags and emoji alone stays as written.
  if (!/\p{L}{3,}/u.test(clean)) return title.trim();
  // "queda do login Google": a header's lower-case description opens the title with a capital.
  return /^\p{Ll}\p{Ll}/u.test(clean) && !/^\S*[\d.-]/.test(clean)
    ? `${clean.charAt(0).toUpperCase()}${clean.slice(1)}`
    : clean;
}

/**
 * Whether the title names the incident: false for a paste's header with no words of its own
 * ("Pasted from https://… (entry for the incident)"), which publicTitle names by its day.
 */
export function titleNamesIncident(title: string): boolean {
  return withoutPasteHeader(title) !== null;
}

/** Where a paste's header parts one field from the next: " · ", " - ", " | ", " — ". */
const HEADER_SEPARATOR = /\s+[·|–—-]\s+|\s*·\s*/;

/**
 * A header field that is the paste's bookkeeping, not the incident: the tool or page it came
 * from ("FireHydrant", "Phabricator", "Pasted from https://…"), what kind of document it is
 * ("Ops log", "Notas", "Post-incident review", "Timeline export"), a ticket or incident key
 * ("INC-412", "T48213"), a date with or without its weekday ("seg 14/12/2020", "Wed 25 Jan 2023").
 */
const HEADER_FIELD = new RegExp(
  [
    String.raw`(?:pasted|copied|exported|forwarded|relayed)\b.*`,
    String.raw`(?:${[
      'firehydrant',
      'rootly',
      'incident\\.io',
      'pagerduty',
      'opsgenie',
      'jira',
      'phabricator',
      'servicenow',
      'zendesk',
      'confluence',
      'notion',
      'statuspage',
      'slack',
      'teams',
      'linear',
      'github',
      'gitlab',
      'trello',
    ].join('|')})(?:\s+(?:export|ticket|task|issue|card|page|thread|incident))?`,
    String.raw`(?:(?:ops|incident|on-?call|shift|war[\s-]?room|bridge|call|sre|noc)\s+)?(?:logs?|notes?|journal|diary|timeline(?:\s+export)?|minutes|transcript|handover|write-?up)`,
    String.raw`(?:post[\s-]?incident|post[\s-]?mortem|incident)\s+(?:review|report|retro(?:spective)?|analysis)`,
    String.raw`(?:notas?|notizen|anteckningar|aantekeningen|apuntes|journal de bord|protokoll)`,
    String.raw`(?:inc(?:ident)?[\s#-]*|#)?[A-Z]{0,10}-?\d{2,7}`,
    String.raw`(?:\p{L}{2,10}\.?,?\s+)?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.?\s+\p{L}{3,9}\.?\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4})`,
  ]
    .map((field) => `(?:${field})`)
    .join('|'),
  'iu',
);

/** A field made only of bookkeeping: "Incident log 2026-03-04", "FireHydrant INC-412". */
const BOOKKEEPING = new RegExp(
  String.raw`^(?:${HEADER_FIELD.source})(?:[\s,:]+(?:${HEADER_FIELD.source}))*\W*$`,
  'iu',
);
/** A date in brackets after the title: "(04.03.2026)", "(Mar 4, 2026)". */
const DATE_ASIDE =
  /\s*\(\s*(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.?\s+\p{L}{3,9}\.?\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4})\s*\)/gu;

/**
 * The title without a paste's header fields (HEADER_FIELD): "Ops log - Wed 25 Jan 2023 -
 * "Teams unreachable" (Joburg NOC)" reads "Teams unreachable". A field in quotes is the
 * incident's own name and wins; an aside after it ("(Joburg NOC)") and a bracket the paste cut
 * open ("failures (Teams") go. Null when every field is bookkeeping.
 */
function withoutPasteHeader(title: string): string | null {
  const fields = title
    .replace(DATE_ASIDE, '')
    .split(HEADER_SEPARATOR)
    .map((field) => field.trim());
  const kept = fields.filter((field) => field && !BOOKKEEPING.test(field));
  if (!kept.length) return null;
  if (fields.length < 2 && !/["“]/.test(title)) return withoutOpenBracket(kept.join(' '));
  const quoted = kept
    .map((field) => /^(?:[A-Z]{1,10}-?\d{2,7}\s+)?["“]([^"“”]{8,})["”]/.exec(field)?.[1])
    .find(Boolean);
  if (quoted) return quoted;
  return kept.length ? withoutOpenBracket(kept.join(' - ')) : title;
}

/** A bracket the paste opened and never closed ("Azure AD failures (Teams") goes with its words. */
function withoutOpenBracket(title: string): string {
  return title.replace(/\s*\([^()]*$/, '').trim() || title;
}

/**
 * A sentence continued after a label ("What caused it: …"): its first word lower-cased when it is
 * sentence case (lowerFirst) or an article or pronoun ("The mail relay's TLS …" → "the mail …").
 */
export function continued(sentence: string): string {
  return lowerFirst(sentence).replace(/^(?:The|A|An|Our|Its|This|It)\b/, (word) =>
    word.toLowerCase(),
  );
}
