/**
 * The IncidentPost integration: the site's hooks in one place. `astro dev` serves pack files
 * beside incident pages. (A build places them, and indexes the site for search, after Astro
 * exits: see publish/build-site.ts.)
 */
import type { AstroIntegration } from 'astro';
import { packsDir } from '../site/packs-dir.ts';
import { packFilesIntegration } from './pack-files.ts';

export function incidentpost(): AstroIntegration[] {
  return [packFilesIntegration(packsDir)];
}
