/**
 * A pasted timeline → an incident file, `<date>-<slug>.md`, with its front matter filled in
 * from what analysis finds. `incidentpost new` writes it to disk; the /new/ page offers it for
 * download and generates the pack from exactly these bytes, so the CLI makes the same pack.
 */
import { isMap, parseDocument, stringify } from 'yaml';
import type { Facts } from '../../schemas/facts.js';
import { analyzeSource } from '../analyze-source.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SourceFile } from './source-file.js';
import { TEMPLATE_PROMPTS } from '../parse/template-prompts.js';

/** What a person may state beside the paste; each one set wins over the paste's own. */
export interface PasteFields {
  title?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  /** IANA zone, abbreviation or offset, as front matter accepts. */
  timezone?: string;
  severity?: string;
  /** A count, or a sentence when no count is known. */
  usersAffected?: number | string;
}

/** A title → the file name's slug: ASCII letters and digits joined by dashes, at most 60. */
export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'incident'
  );
}

const FRONT_MATTER = /^---\n([\s\S]*?\n)?---(?:\n|$)/;

const SERVICE_NAME =
  /\b([a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:api|service|svc|worker|web|app|db|gateway|proxy|cache|queue|sync|server))\b|\b([a-z][a-z0-9-]{2,}) service\b/gi;

/**
 * Service names the paste mentions: kebab-case names with a service suffix (`checkout-api`,
 * `user-sync-worker`) and `X service` phrases, in order of first mention.
 */
export function servicesMentioned(facts: Pick<Facts, 'events'>): string[] {
  const found = new Set<string>();
  for (const event of facts.events) {
    for (const match of event.text.matchAll(SERVICE_NAME)) {
      const name = (match[1] ?? match[2] ?? '').toLowerCase();
      if (name && !['the', 'our', 'this', 'that', 'new', 'web'].includes(name)) found.add(name);
    }
  }
  return [...found];
}

/** The sections a reviewer fills in, with the prompts of incidents/_template.md. */
const SKELETON = `## Root cause

${TEMPLATE_PROMPTS.rootCause}

## Mitigations

- ${TEMPLATE_PROMPTS.mitigations}

## Action items

${TEMPLATE_PROMPTS.actionItems.map((prompt) => `- ${prompt}`).join('\n')}
`;

/** How `incidentFromPaste` lays out a paste without front matter. */
export interface PasteLayout {
  /**
   * A draft to fill in (what `incidentpost new` writes): `status: draft`, so nothing is
   * published before someone has read it, the paste under `## Timeline`, and the Root cause,
   * Mitigations and Action items sections of incidents/_template.md with their prompts.
   * Otherwise (the /new/ page, which shows the postmortem at once) the status follows the
   * timeline and the paste is kept as it is.
   */
  draft?: boolean;
}

/** The fields that were given, under their front-matter names. */
function givenFields(fields: PasteFields): Record<string, string | number> {
  const front: Record<string, string | number> = {};
  const set = (key: string, value: string | number | undefined) => {
    const trimmed = typeof value === 'string' ? value.trim() : value;
    if (trimmed !== undefined && trimmed !== '') front[key] = trimmed;
  };
  set('title', fields.title);
  set('date', fields.date);
  set('timezone', fields.timezone);
  set('severity', fields.severity);
  set('users_affected', fields.usersAffected);
  return front;
}

/**
 * A paste that has front matter is an incident file already: the given fields are set in it
 * and nothing else changes (with none given, its bytes are kept). Null when it has none.
 */
function withFieldsSet(text: string, front: Record<string, string | number>): string | null {
  const match = FRONT_MATTER.exec(text);
  if (!match) return null;
  if (Object.keys(front).length === 0) return text;
  const rest = text.slice(match[0].length);
  const doc = parseDocument(match[1] ?? '');
  // Broken YAML is left for parse to report at its line.
  if (doc.errors.length > 0) return text;
  if (doc.contents === null) return `---\n${stringify(front)}---\n${rest}`;
  if (!isMap(doc.contents)) return text;
  // Set on the parsed document, so the paste's comments and key order survive.
  for (const [key, value] of Object.entries(front)) doc.set(key, value);
  return `---\n${doc.toString()}---\n${rest}`;
}

/** A paste without front matter gets the fields analysis finds, as `incidentpost new` writes them. */
function withFrontMatterFilled(
  paste: SourceFile,
  front: Record<string, string | number>,
  layout: PasteLayout,
): { text: string | null; diagnostics: Diagnostic[] } {
  const probe = {
    ...paste,
    text: Object.keys(front).length ? `---\n${stringify(front)}---\n${paste.text}` : paste.text,
  };
  const { facts, diagnostics } = analyzeSource(probe);
  if (!facts) return { text: null, diagnostics };
  const frontMatter = {
    title: facts.title,
    date: facts.date,
    timezone: facts.timezone,
    severity: front['severity'] ?? facts.severity ?? 'unknown',
    status: layout.draft ? 'draft' : facts.resolved ? 'resolved' : 'investigating',
    services: facts.services.length ? facts.services : servicesMentioned(facts),
    ...(front['users_affected'] !== undefined
      ? { users_affected: front['users_affected'] }
      : facts.usersAffected !== null
        ? { users_affected: facts.usersAffected }
        : {}),
  };
  const body = paste.text.trim();
  if (!layout.draft) return { text: `---\n${stringify(frontMatter)}---\n\n${body}\n`, diagnostics };
  // The paste becomes the Timeline section, unless it already has headings of its own.
  const timeline = /^#{1,6}\s/m.test(body) ? body : `## Timeline\n\n${body}`;
  const skeleton = /^#{1,6}\s+root[\s-]*cause/im.test(body) ? '' : `\n${SKELETON}`;
  return { text: `---\n${stringify(frontMatter)}---\n\n${timeline}\n${skeleton}`, diagnostics };
}

/**
 * The incident file for a paste, and its facts analyzed from that file's own bytes (so line
 * numbers are the file's): `<dir>/<date>-<slug of the title>.md`. When the paste has errors,
 * there is no file, and the problems are reported under the paste's own path.
 */
export function incidentFromPaste(
  paste: SourceFile,
  fields: PasteFields,
  dir = 'incidents',
  layout: PasteLayout = {},
): { incident: SourceFile | null; facts: Facts | null; diagnostics: Diagnostic[] } {
  const front = givenFields(fields);
  const filled = withFieldsSet(paste.text, front) ?? withFrontMatterFilled(paste, front, layout);
  const text = typeof filled === 'string' ? filled : filled.text;
  if (text === null)
    return {
      incident: null,
      facts: null,
      diagnostics: typeof filled === 'string' ? [] : filled.diagnostics,
    };
  // Named after the facts of the finished file: its title and the day its timeline starts.
  const named = analyzeSource({ ...paste, text });
  if (!named.facts) return { incident: null, facts: null, diagnostics: named.diagnostics };
  const slug = `${named.facts.date}-${slugify(named.facts.title)}`;
  const incident: SourceFile = {
    path: `${dir}/${slug}.md`,
    slug,
    bytes: new TextEncoder().encode(text),
    text,
  };
  const { facts, diagnostics } = analyzeSource(incident);
  return {
    incident: facts ? incident : null,
    facts,
    diagnostics: [...diagnostics, ...settledByFilling(filled, diagnostics, incident)],
  };
}

/**
 * A warning about the paste as a whole that the filled-in front matter settles (no time zone
 * stated: UTC was assumed, and is now written down) would vanish from the file's diagnostics.
 * It is kept, under the file's name, so the person still sees what was assumed. Warnings about
 * a line need no carrying: the body is unchanged, so the file's own analysis repeats them.
 */
function settledByFilling(
  filled: string | { text: string | null; diagnostics: Diagnostic[] },
  remaining: readonly Diagnostic[],
  incident: SourceFile,
): Diagnostic[] {
  if (typeof filled === 'string') return [];
  const codes = new Set(remaining.map((d) => d.code));
  return filled.diagnostics
    .filter((d) => d.severity === 'warning' && d.line === 1 && !codes.has(d.code))
    .map((d) => ({ ...d, file: incident.path }));
}
