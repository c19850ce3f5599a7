/**
 * The site's only data source: the packs the pipeline wrote. Each file is validated with the
 * same zod schemas the pipeline used, so a stale or hand-edited pack fails the build loudly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { FactsSchema, type Facts } from '../schemas/facts.ts';
import { PostmortemSchema, type Postmortem } from '../schemas/postmortem.ts';
import {
  PACK_FACTS,
  PACK_FILES,
  PACK_HISTORY,
  PACK_INDEX,
  PACK_MANIFEST,
  PACK_POSTMORTEM,
  PackHistorySchema,
  PackIndexSchema,
  PackManifestSchema,
  type Revision,
} from '../schemas/pack.ts';
import { parseOrThrow, yamlLocator } from '../pipeline/schema-diagnostics.ts';
import { isPublished } from './incident-status.ts';
import { packsDir } from './packs-dir.ts';

/** The milestones Statuspage reports as incident updates (statuspage.ts). */
export const UPDATE_MILESTONES = ['detected', 'identified', 'mitigated', 'resolved'] as const;
type UpdateMilestone = (typeof UPDATE_MILESTONES)[number];

/** Facts only an incident's own page shows: the bulk of facts.json. */
const PAGE_ONLY = [
  'events',
  'milestones',
  'evidence',
  'settled',
  'impact',
  'notes',
  'human',
] as const;
const PAGE_ONLY_FACTS: ReadonlySet<string> = new Set(PAGE_ONLY);

/**
 * The parts of facts.json every list, feed and API reads: its scalars, without the timeline,
 * evidence, impact figures and human sections.
 */
export type PackFacts = Omit<Facts, (typeof PAGE_ONLY)[number]>;

/**
 * What the site keeps in memory of every published pack for the whole build: a few hundred
 * bytes, so 5,000 incidents cost a few MB. A page that shows one incident in full reads its
 * pack itself (`loadPack`).
 */
export interface PackSummary {
  slug: string;
  /** The pack's content key (pack.json): changes whenever anything in the pack does. */
  key: string;
  facts: PackFacts;
  /** The postmortem's executive summary, for feeds and the API. */
  postmortem: { summary: { paragraphs: string[] } };
  /** Revisions of the incident file, oldest first (history.json). */
  history: Revision[];
  /** The timeline line behind each Statuspage update, by milestone; absent when not stated. */
  updates: Partial<Record<UpdateMilestone, string>>;
}

/** One pack in full: what an incident page shows. */
export interface Pack extends PackSummary {
  facts: Facts;
  postmortem: Postmortem;
  /** Files offered for download, in the order the page lists them. */
  files: readonly string[];
}

/** The files offered for download: the pack as the pipeline defines it. */
export const DOWNLOADS = PACK_FILES;

/**
 * A file of the packs folder, validated by its schema. A stale or hand-edited file stops the
 * build with an error at the field that does not match, printed as the CLI prints diagnostics.
 */
function readPackJson<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  const text = readFileSync(file, 'utf8');
  return parseOrThrow(schema, JSON.parse(text), {
    code: 'pack/invalid',
    file,
    subject: basename(file),
    locate: yamlLocator(text),
    hint: `delete ${packsDir()} and build again to regenerate every pack`,
  });
}

function readHistory(dir: string): Record<string, Revision[]> {
  const historyFile = join(dir, PACK_HISTORY);
  return existsSync(historyFile) ? readPackJson(historyFile, PackHistorySchema) : {};
}

/** history.json is keyed by the incident file's path from the repository root. */
const historyKey = (facts: Pick<Facts, 'file'>) =>
  facts.file.replace(/^.*?incidents\//, 'incidents/');

/** One pack read and validated in full; `history` is history.json's content, when read. */
function readPack(dir: string, slug: string, history: Record<string, Revision[]>): Pack {
  const facts = readPackJson(join(dir, slug, PACK_FACTS), FactsSchema);
  const postmortem = readPackJson(join(dir, slug, PACK_POSTMORTEM), PostmortemSchema);
  return {
    slug,
    key: readPackJson(join(dir, slug, PACK_MANIFEST), PackManifestSchema).key,
    facts,
    postmortem,
    history: history[historyKey(facts)] ?? [],
    updates: Object.fromEntries(
      UPDATE_MILESTONES.flatMap((milestone) => {
        const line = facts.milestones[milestone]?.line;
        const text = facts.events.find((event) => event.line === line)?.text;
        return text === undefined ? [] : [[milestone, text]];
      }),
    ),
    files: DOWNLOADS,
  };
}

/** A full pack cut down to what stays in memory; nothing of the rest stays reachable. */
function summarise(pack: Pack): PackSummary {
  const facts = Object.fromEntries(
    Object.entries(pack.facts).filter(([field]) => !PAGE_ONLY_FACTS.has(field)),
  ) as PackFacts;
  return {
    slug: pack.slug,
    key: pack.key,
    facts,
    postmortem: { summary: { paragraphs: pack.postmortem.summary.paragraphs } },
    history: pack.history,
    updates: pack.updates,
  };
}

let cache: PackSummary[] | null = null;
// Every incident page looks its summary up: by slug, once per list of packs.
const slugIndex = new WeakMap<readonly PackSummary[], Map<string, PackSummary>>();

/**
 * Every published pack (drafts are left out), newest incident first, as summaries. Each pack
 * is read and validated in full, one at a time, and only its summary is kept: memory grows by
 * the summary per incident, not by the pack.
 */
export function loadPacks(): PackSummary[] {
  // `astro dev` regenerates packs while it runs (integrations/dev-refresh.ts): read them afresh.
  if (cache && !import.meta.env.DEV) return cache;
  const dir = packsDir();
  const index = readPackJson(join(dir, PACK_INDEX), PackIndexSchema);
  const history = readHistory(dir);
  const summaries: PackSummary[] = [];
  for (const slug of index.packs) {
    const pack = summarise(readPack(dir, slug, history));
    if (isPublished(pack.facts)) summaries.push(pack);
  }
  cache = summaries.sort(
    (a, b) => incidentInstant(b.facts) - incidentInstant(a.facts) || a.slug.localeCompare(b.slug),
  );
  return cache;
}

/**
 * One published pack in full, read when its page renders and dropped after: the incident page
 * needs the timeline and the whole postmortem, which no other page does. Throws when the slug
 * is not a published pack.
 */
export function loadPack(slug: string): Pack {
  const packs = loadPacks();
  let bySlug = slugIndex.get(packs);
  if (!bySlug) slugIndex.set(packs, (bySlug = new Map(packs.map((pack) => [pack.slug, pack]))));
  const summary = bySlug.get(slug);
  if (!summary) throw new Error(`${slug} is not a published pack in ${packsDir()}`);
  const dir = packsDir();
  return { ...readPack(dir, slug, {}), history: summary.history };
}

/**
 * When an incident began, in epoch milliseconds: its start, else the start of its day in its
 * zone. Instants, not text: `2026-03-01T10:00:00-08:00` is later than `2026-03-01T12:00:00Z`.
 */
export function incidentInstant(facts: Pick<Facts, 'start' | 'date' | 'timezone'>): number {
  const instant = facts.start
    ? DateTime.fromISO(facts.start, { setZone: true })
    : DateTime.fromISO(facts.date, { zone: facts.timezone });
  return instant.isValid ? instant.toMillis() : Date.parse(facts.date) || 0;
}

export function readPackFile(slug: string, name: string): Buffer {
  return readFileSync(join(packsDir(), slug, name));
}

/** `api` → `api`; `Amazon EC2 (us-east-1)` → `amazon-ec2-us-east-1`. */
export function serviceSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'service'
  );
}

export function severitySlug(severity: string): string {
  return serviceSlug(severity);
}

/** A service named in the incidents, and its incidents in the order given. */
export interface Service<P extends PackSummary = PackSummary> {
  name: string;
  slug: string;
  packs: P[];
}

export function allServices<P extends PackSummary>(packs: readonly P[]): Service<P>[] {
  const bySlug = new Map<string, Service<P>>();
  for (const pack of packs) {
    for (const name of pack.facts.services) {
      const slug = serviceSlug(name);
      const entry = bySlug.get(slug) ?? { name, slug, packs: [] };
      entry.packs.push(pack);
      bySlug.set(slug, entry);
    }
  }
  return [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Other published incidents that share a service with `pack`, newest first, at most `limit`:
 * what a reader of one postmortem wants next ("has this happened before?").
 */
export function relatedPacks<P extends PackSummary>(
  pack: PackSummary,
  packs: readonly P[],
  limit = 5,
): P[] {
  const services = new Set(pack.facts.services.map(serviceSlug));
  if (services.size === 0) return [];
  // Stops at `limit`: every incident page asks, so a full pass each would be quadratic.
  const related: P[] = [];
  for (const other of packs) {
    if (related.length === limit) break;
    if (
      other.slug !== pack.slug &&
      other.facts.services.some((name) => services.has(serviceSlug(name)))
    )
      related.push(other);
  }
  return related;
}
