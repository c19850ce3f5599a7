/**
 * Astro's incremental build copies an incident page from the previous build instead of
 * rendering it again when the page's code and this key are both unchanged. The key covers
 * everything the page shows that its code does not: the pack (whose key changes with any of
 * its files), the incident file's revisions and the site settings (name, links, base path).
 */
import { createHash } from 'node:crypto';
import type { SiteConfig } from '../schemas/config.ts';
import type { Pack } from './packs.ts';

export function incidentPageCacheKey(
  pack: Pick<Pack, 'key' | 'history'>,
  site: SiteConfig,
): string {
  return createHash('sha256')
    .update(JSON.stringify([pack.key, pack.history, site]))
    .digest('hex');
}
