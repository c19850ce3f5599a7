import { truncateTitle } from '../format/titles.js';
import { incidentTitleOf } from '../parse/document-headers.js';

/**
 * The title of an incident whose file gives none in front matter or a `#` heading: the line a
 * team writes at the top of a page before the timeline ("Incident review – Core proxy outage",
 * "INC-1874  Network: 19 MCP data centres offline"), else the first alert or impact line cut at
 * a word. Blind judges found packs titled with the file's slug, or with a raw line cut in the
 * middle of a word ("19 data centr"), where the paste opened with a perfectly good title.
 */

/** Most characters a title keeps: a page heading, a tab name and a feed entry all show it. */
export const TITLE_MAX = 80;

/**
 * Metadata ("Datum: Freitag, 19.07.2024", "Space: SRE / Post-incident reviews"), a command
 * (`$ journalctl …`, a Splunk `search index=…`), a table row and a stamped line are not titles.
 */
const NOT_A_TITLE: readonly RegExp[] = [
  /^[\p{L}][\p{L} ]{0,24}:\s/u,
  /^(?:[$>#!`]|search\s|select\s|kubectl\s|git\s)/i,
  /[=|{}<>]/,
  /^\s*[-*+]\s/,
  /^\s*\d{1,4}[-/.:]\d/,
  // A mailing-list digest's chrome: "Send netops-digest mailing list submissions to".
  /\b(?:mailing list|submissions to|unsubscribe|digest,? vol)\b/i,
];

/**
 * The first line of the first untimed block above the timeline, when it reads as a title:
 * 8 to 120 characters, three letters in a row, no metadata, command, table or stamp shape.
 * `blocks` are the file's untimed blocks with their 1-based first line; `firstTimedLine` is
 * the line of the first timed entry (Infinity when none). Returns the title or null.
 */
export function documentTitle(
  blocks: readonly { markdown: string; line: number }[],
  firstTimedLine: number,
): string | null {
  const first = [...blocks].sort((a, b) => a.line - b.line)[0];
  if (!first || first.line >= firstTimedLine) return null;
  const line = (first.markdown.split('\n')[0] ?? '').replace(/\\(?=[^\w\s])/g, '').trim();
  if (line.length < 8 || line.length > 120 || !/\p{L}{3}/u.test(line)) return null;
  const named = incidentTitleOf(line);
  if (named === null || named.length < 8) return null;
  if (NOT_A_TITLE.some((shape) => shape.test(named))) return null;
  return truncateTitle(named.replace(/\s{2,}/g, ' '), TITLE_MAX);
}

/** A reply's or forward's prefixes and a list's tag: `Re: Fwd: [netops] `. */
const SUBJECT_PREFIX = /^(?:(?:re|fwd?|fw|aw|wg|tr|sv|rv|antw)\s*:\s*|\[[^\]]{1,40}\]\s*)+/i;

/**
 * The first mail subject in the paste (`Subject: Re: [netops] Edge DNS outage - their summary`
 * → `Edge DNS outage - their summary`), for a forwarded thread or a list digest whose top lines
 * are the mail client's or the list's, not a title. `texts` are the paste's blocks and lines in
 * file order. Null when no subject of 8 or more characters is written.
 */
export function titleFromSubject(texts: readonly string[]): string | null {
  for (const text of texts) {
    const subject = /^\s*Subject:\s*(.+)$/im.exec(text)?.[1]?.replace(SUBJECT_PREFIX, '').trim();
    if (subject && subject.length >= 8) return truncateTitle(subject, TITLE_MAX);
  }
  return null;
}

/** What an alert line carries besides what happened: tags and ticket numbers anywhere, and */
const TAGS = /\[[^\]]*\]|\(#?\d+\)|#\d+\b/g;
/** leading states and tool names (`CRITICAL:`, `Triggered`, `Datadog Alert:`). */
const LEADING_NOISE =
  /^(?:triggered|firing|alert(?:ing)?|critical|warning|warn|sev-?\d|p\d|pagerduty|opsgenie|datadog|grafana|prometheus|alertmanager|cloudwatch|sentry)\b[\s:–—-]*/i;

/**
 * A headline from the first alert or impact line, for an incident whose file names no title:
 * `[Triggered] #48213 High error rate on checkout-api` → `High error rate on checkout-api`.
 * Tags, ticket numbers, a leading state or tool name go; the rest starts with a capital and is
 * cut by `truncateTitle` to at most `max` characters; `Incident` when nothing is left.
 */
export function titleFromAlert(text: string, max = TITLE_MAX): string {
  let cleaned = text
    .replace(TAGS, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  for (let before = ''; before !== cleaned;) {
    before = cleaned;
    cleaned = cleaned.replace(LEADING_NOISE, '').replace(/^[\s:–—-]+/, '');
  }
  const title = truncateTitle(cleaned.replace(/[\s:–—-]+$/, ''), max);
  return title ? title[0]!.toUpperCase() + title.slice(1) : 'Incident';
}

/**
 * A headline from the team's impact line, for an incident with no title, heading or page title:
 * its first clause (`Site search returned no results for most shoppers, and ...` → `Site search
 * returned no results for most shoppers`) when it is 12 to TITLE_MAX characters. A person's words
 * read better than a monitor's (`SearchProbe FAILED: GET /api/search?`). Null otherwise.
 */
export function titleFromImpact(markdown: string | null): string | null {
  if (!markdown) return null;
  const clause = (markdown.split('\n')[0] ?? '')
    .replace(/[*_`]/g, '')
    .split(/[.;:!?]\s|,\s|\s[-–—]\s/)[0]
    ?.trim()
    .replace(/[.;:!?]$/, '');
  if (!clause || clause.length < 12 || clause.length > TITLE_MAX) return null;
  if (NOT_A_TITLE.some((shape) => shape.test(clause))) return null;
  return clause[0]!.toUpperCase() + clause.slice(1);
}
