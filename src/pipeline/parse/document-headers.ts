/**
 * The header a tool or a person puts on a pasted page is not the incident's title: blind judges
 * found packs titled "Running notes - ...", "Mattermost - Infra / ~channel", "Activity Log
 * (exported)" or a file's path. This reads such a header down to the incident's name, or to
 * nothing when it names only the document.
 */

/** What kind of page it is: notes, a log, an export, a chat tool and its channel. */
const DOCUMENT_KIND =
  /^(?:(?:running|meeting|incident|bridge|call|war[\s-]?room|scribe'?s?|shared|raw)\s+(?:notes|log|doc(?:ument)?)|notes|scratch\s?pad|activity(?:\s+log|\s+feed|\s+stream)?|audit\s+log|incident\s+log|event\s+log|chat\s+(?:log|export|history)|transcript|export(?:ed)?|slack|mattermost|microsoft\s+teams|teams|discord|zulip|rocket\.?chat|google\s+docs?|confluence)\b/i;
/** A tool's or export's words around the name: `(exported)`, `[copy]`, `- Google Docs`. */
const TOOL_WORDS =
  /\((?:exported|export|copy|draft|read[\s-]only|archived)\)|\[(?:exported|copy|draft)\]|\s[-–—|]\s*(?:google docs|confluence|notion|mattermost|slack)\s*$/gi;
/** A channel or a space path: `Infra / ~incident-search`, `#inc-2231`, `Ops > Incidents`. */
const CHANNEL = /(?:^|\s)[~#][\w.-]+|\s[/>]\s/;
/** A date as a heading writes it: `2026-10-03`, `03.10.2026`, `10/03/2026`. */
const DATE = /(?<!\d)(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?!\d)/g;
/** A path or a file name: segments joined by `/` with no spaces, or a document extension. */
const PATH = /^\S*\/\S+$|^\S+\.(?:md|markdown|txt|log|docx?|pdf|html?)$/i;

/**
 * `heading` read as an incident title: the incident's own words with the document's kind, dates,
 * tool words and separators dropped (`Running notes - 2026-10-03 - checkout errors` → `Checkout
 * errors`; a path's file name `…/2026-08-30-upload-failures.md` → `Upload failures`); the heading
 * unchanged when it is not a document header; null when nothing but the document is named
 * (`Activity Log (exported)`, `Mattermost - Infra / ~incident-search`).
 */
export function incidentTitleOf(heading: string): string | null {
  const trimmed = heading.trim();
  if (PATH.test(trimmed)) {
    const file = (trimmed.split('/').pop() ?? '').replace(/\.[a-z]{1,8}$/i, '');
    return named(file.replace(DATE, ' ').replace(/[-_]+/g, ' '));
  }
  const tool = trimmed.replace(TOOL_WORDS, ' ');
  const kind = DOCUMENT_KIND.exec(tool);
  if (!kind && tool === trimmed) return heading;
  if (kind && CHANNEL.test(tool)) return null;
  return named(tool.slice(kind ? kind[0].length : 0).replace(DATE, ' '));
}

/** What is left once separators go, with a capital, or null when fewer than three letters in a row remain. */
function named(rest: string): string | null {
  const words = rest
    .replace(/^[\s:–—|,.-]+|[\s:–—|,.-]+$/g, '')
    .replace(/\s+[-–—|:]\s+(?=[-–—|:]|\s|$)/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s:–—|,.-]+|[\s:–—|,.-]+$/g, '');
  if (!/\p{L}{3}/u.test(words)) return null;
  return words[0]!.toUpperCase() + words.slice(1);
}
