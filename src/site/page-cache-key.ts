/**
 * Astro's incremental build copies an incident page from the previous build instead of
 * rendering it again when the page's code and this key are both unchanged. The key covers
 * everything the page shows that its code does not: the pack (whose key changes with any of
 * its files), the incident file's revisions, the related incidents it links to (slug and
 * title) and the site settings (name, links, base path).
 */
import { createHash } from 'node:crypto';
import type { SiteConfig } from '../schemas/config.ts';
import type { PackSummary } from './packs.ts';

export function incidentPageCacheKey(
  pack: Pick<PackSummary, 'key' | 'history'>,
  site: SiteConfig,
  related: readonly Pick<PackSummary, 'slug' | 'facts'>[] = [],
): string {
  const links = related.map((r) => [r.slug, r.facts.title, r.facts.date, r.facts.severity]);
  return createHash('sha256')
    .update(JSON.stringify([pack.key, pack.history, site, links]))
    .digest('hex');
}
