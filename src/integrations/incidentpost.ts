/**
 * The IncidentPost integration: the site's build hooks in one place. Pack files are served
 * beside incident pages. (Search indexing runs after Astro exits: see publish/build-site.ts.)
 */
import type { AstroIntegration } from 'astro';
import { packsDir } from '../site/packs-dir.ts';
import { packFilesIntegration } from './pack-files.ts';

export function incidentpost(): AstroIntegration[] {
  return [packFilesIntegration(packsDir)];
}
