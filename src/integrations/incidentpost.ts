/**
 * The IncidentPost integration: the site's build hooks in one place. Pack files are served
 * beside incident pages, and the finished site is indexed for search.
 */
import type { AstroIntegration } from 'astro';
import { packsDir } from '../site/packs-dir.ts';
import { packFilesIntegration } from './pack-files.ts';
import { pagefindIntegration } from './pagefind.ts';

export function incidentpost(): AstroIntegration[] {
  return [packFilesIntegration(packsDir), pagefindIntegration()];
}
