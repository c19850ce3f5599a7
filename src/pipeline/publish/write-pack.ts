/**
 * Packs are written to a temporary folder beside their final place and swapped in with
 * renames, so a crash or a bad input never leaves a half-written pack: readers see the old
 * pack or the new one, whole.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  PACK_INDEX,
  PACK_MANIFEST,
  PackIndexSchema,
  PackManifestSchema,
  type PackManifest,
} from '../../schemas/pack.js';
import { withPath } from '../io-errors.js';
import type { PackFiles } from '../render/render-pack.js';
import { swapFolder } from './swap-folder.js';

// Its home is io-errors.ts; tests that check a failed pack write names its file import it here.
export { withPath };

/** The manifest of pack OUT/<slug>, or null when it is missing or not a manifest. */
export async function readManifest(outDir: string, slug: string): Promise<PackManifest | null> {
  try {
    const parsed = PackManifestSchema.safeParse(
      JSON.parse(await readFile(join(outDir, slug, PACK_MANIFEST), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The slugs the index lists, or null when there is no readable index. */
export async function readPackIndex(outDir: string): Promise<string[] | null> {
  try {
    const parsed = PackIndexSchema.safeParse(
      JSON.parse(await readFile(join(outDir, PACK_INDEX), 'utf8')),
    );
    return parsed.success ? parsed.data.packs : null;
  } catch {
    return null;
  }
}

/**
 * In a pack folder, the mark of a pack whose last files (its images) are still to be written
 * (completePack removes it). A pack with it is not current, whatever its manifest says, so a
 * run killed before its images were drawn makes the pack again. Hidden, so no reader takes it
 * for a pack file.
 */
export const FILES_PENDING = '.files-pending';

/** Whether pack OUT/<slug> still waits for files (FILES_PENDING). */
export function hasPendingFiles(outDir: string, slug: string): boolean {
  return existsSync(join(outDir, slug, FILES_PENDING));
}

/**
 * Writes `files` as the pack OUT/<slug>: into a temporary folder beside it, the manifest last,
 * then swapped in (swap-folder.ts). A failure leaves the previous pack, or none, as it was.
 * @param later names of files that completePack writes afterwards: the manifest lists them
 *   already (it is final, so a reader of its key never sees a provisional one), and the pack
 *   is marked FILES_PENDING until they are written.
 * @throws the file system's error, carrying the path of the pack file that failed.
 */
export async function writePackAtomically(
  outDir: string,
  manifest: Omit<PackManifest, 'files'>,
  files: PackFiles,
  later: readonly string[] = [],
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = join(outDir, `.${manifest.slug}.tmp-${suffix}`);
  const final = join(outDir, manifest.slug);
  const old = join(outDir, `.${manifest.slug}.old-${suffix}`);
  try {
    // Written synchronously: a dozen small files into the page cache take well under a
    // millisecond, while fs/promises' open, write and close round trips through the thread
    // pool cost the main thread ten times the CPU (5 ms a pack, 3% of a cold build).
    mkdirSync(temp);
    for (const [name, data] of Object.entries(files)) {
      try {
        writeFileSync(join(temp, name), data);
      } catch (cause) {
        throw withPath(cause, join(final, name));
      }
    }
    if (later.length > 0) writeFileSync(join(temp, FILES_PENDING), `${later.join('\n')}\n`);
    // The manifest goes last: a folder with a manifest and no FILES_PENDING is a complete pack.
    const complete: PackManifest = {
      ...manifest,
      files: [...Object.keys(files), ...later].sort(),
    };
    writeFileSync(join(temp, PACK_MANIFEST), `${JSON.stringify(complete, null, 2)}\n`);
    if (await swapFolder(temp, final, old)) await rm(old, { recursive: true, force: true });
  } catch (cause) {
    await rm(temp, { recursive: true, force: true });
    throw cause;
  }
}

/**
 * Writes the files a pack was waiting for (writePackAtomically's `later`) into OUT/<slug>, then
 * removes FILES_PENDING: the pack is complete. Written in place, not through temporary files:
 * the folder was swapped in new without them, so no reader (nor a hard link into a published
 * site, place-pack-files.ts) can hold an older version, and a file cut short by a killed run
 * sits in a pack still marked, which the next run makes again. Synchronous for the reason
 * writePackAtomically gives.
 * @throws the file system's error, carrying the path of the pack file that failed; the pack
 *   stays marked.
 */
export function completePack(outDir: string, slug: string, files: PackFiles): void {
  const folder = join(outDir, slug);
  for (const [name, data] of Object.entries(files)) {
    try {
      writeFileSync(join(folder, name), data);
    } catch (cause) {
      throw withPath(cause, join(folder, name));
    }
  }
  rmSync(join(folder, FILES_PENDING), { force: true });
}
