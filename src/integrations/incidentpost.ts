/**
 * The IncidentPost integration: the site's hooks in one place. `astro dev` serves pack files
 * beside incident pages, regenerates a pack when its incident file is saved and serves a search
 * index of its own pages. (A build places the files, and indexes the site for search, after
 * Astro exits: see publish/build-site.ts.)
 */
import type { AstroIntegration } from 'astro';
import { packsDir } from '../site/packs-dir.ts';
import { devRefreshIntegration } from './dev-refresh.ts';
import { packFilesIntegration } from './pack-files.ts';

/**
 * The incident files `astro dev` watches and regenerates from: `incidents/`, or the folder in
 * `INCIDENTPOST_INCIDENTS` (a path, relative to where the dev server runs or absolute), so a
 * test can drive the dev server over a throwaway folder.
 */
function incidentsDir(): string {
  return process.env['INCIDENTPOST_INCIDENTS'] || 'incidents';
}

export function incidentpost(): AstroIntegration[] {
  return [packFilesIntegration(packsDir), devRefreshIntegration(packsDir, incidentsDir())];
}
