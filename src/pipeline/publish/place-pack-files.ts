/**
 * Each pack's downloads go beside its incident page (`/incidents/<slug>/<file>`): placing
 * files is an order of magnitude faster than rendering hundreds of endpoints.
 */
import { existsSync } from 'node:fs';
import { copyFile, link } from 'node:fs/promises';
import { join } from 'node:path';
import { PACK_INDEX, packFiles } from '../../schemas/pack.js';
import { readPackIndex } from './write-pack.js';

/**
 * A hard link where the file system allows one: at 1,000 incidents the packs hold about
 * 300 MB, and copying them (then deleting the previous site's copies) costs seconds. Packs
 * are replaced by rename, never rewritten in place, so a link never sees a later pack.
 */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/**
 * Places the files of every pack listed in the packs folder's index beside its page in the
 * site folder `site`. A pack without a page (a draft: the site decides what is published) gets
 * no files, so nothing of it can be downloaded.
 */
export async function placePackFiles(packsDir: string, site: string): Promise<void> {
  const packs = await readPackIndex(packsDir);
  if (!packs) throw new Error(`${join(packsDir, PACK_INDEX)} is missing or not a pack index`);
  await Promise.all(
    packs.map(async (slug) => {
      const target = join(site, 'incidents', slug);
      if (!existsSync(join(target, 'index.html'))) return;
      await Promise.all(
        packFiles(slug).map((name) => linkOrCopy(join(packsDir, slug, name), join(target, name))),
      );
    }),
  );
}
