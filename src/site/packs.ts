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

export interface Pack {
  slug: string;
  /** The pack's content key (pack.json): changes whenever anything in the pack does. */
  key: string;
  facts: Facts;
  postmortem: Postmortem;
  history: Revision[];
  /** Files offered for download, in the order the page lists them. */
  files: readonly string[];
}

/** The files offered for download: the pack as the pipeline defines it. */
export const DOWNLOADS = PACK_FILES;

let cache: Pack[] | null = null;

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

/** Every published pack (drafts are left out), newest incident first. */
export function loadPacks(): Pack[] {
  // `astro dev` regenerates packs while it runs (integrations/dev-refresh.ts): read them afresh.
  if (cache && !import.meta.env.DEV) return cache;
  const dir = packsDir();
  const index = readPackJson(join(dir, PACK_INDEX), PackIndexSchema);
  const historyFile = join(dir, PACK_HISTORY);
  const history = existsSync(historyFile) ? readPackJson(historyFile, PackHistorySchema) : {};
  cache = index.packs
    .map((slug) => {
      const facts = readPackJson(join(dir, slug, PACK_FACTS), FactsSchema);
      return {
        slug,
        key: readPackJson(join(dir, slug, PACK_MANIFEST), PackManifestSchema).key,
        facts,
        postmortem: readPackJson(join(dir, slug, PACK_POSTMORTEM), PostmortemSchema),
        history: history[facts.file.replace(/^.*?incidents\//, 'incidents/')] ?? [],
        files: DOWNLOADS,
      };
    })
    .filter((pack) => isPublished(pack.facts))
    .sort(
      (a, b) => incidentInstant(b.facts) - incidentInstant(a.facts) || a.slug.localeCompare(b.slug),
    );
  return cache;
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

export function allServices(
  packs: readonly Pack[],
): { name: string; slug: string; packs: Pack[] }[] {
  const bySlug = new Map<string, { name: string; slug: string; packs: Pack[] }>();
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
export function relatedPacks(pack: Pack, packs: readonly Pack[], limit = 5): Pack[] {
  const services = new Set(pack.facts.services.map(serviceSlug));
  if (services.size === 0) return [];
  return packs
    .filter(
      (other) =>
        other.slug !== pack.slug &&
        other.facts.services.some((name) => services.has(serviceSlug(name))),
    )
    .slice(0, limit);
}
