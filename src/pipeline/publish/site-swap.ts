/**
 * The output folder is a symbolic link to one finished site beside it:
 *
 *     dist -> dist.versions/<id>/
 *
 * Publishing a new site is one rename(2) of a new link over the old one, which POSIX makes
 * atomic: at every instant `dist` is the whole old site or the whole new one, never missing
 * and never half-written, whenever the build is killed. Anything that follows links sees a
 * plain folder: `astro preview`, `tar --dereference` (GitHub's upload-pages-artifact),
 * upload-artifact, any web server.
 */
import { existsSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { mkdir, rename, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { exchangePaths } from './exchange-paths.js';
import { swapFolder } from './swap-folder.js';

/** Where finished sites wait to be (or stay) linked: `dist.versions/`. */
export function versionsDir(out: string): string {
  return `${resolve(out)}.versions`;
}

/** A new, empty-named place for a finished site; the folder itself is not created. */
export async function newVersionPath(out: string, suffix: string): Promise<string> {
  await mkdir(versionsDir(out), { recursive: true });
  return join(versionsDir(out), suffix);
}

/** The version `out` links to, or null when it is not a link into its versions folder. */
export function currentVersion(out: string): string | null {
  try {
    const target = resolve(dirname(resolve(out)), readlinkSync(out));
    return dirname(target) === versionsDir(out) ? basename(target) : null;
  } catch {
    return null;
  }
}

/**
 * Points `out` at a finished site (a folder in versionsDir(out)) with one rename, then
 * removes the versions nothing links to. An `out` that is still a plain folder (sites built
 * before links) is swapped with the link in one step (exchange-paths.ts); only where the
 * machine cannot swap is it moved into the versions folder first, a moment without `out`
 * that the next build repairs (removeStaleOutput).
 */
export async function publishVersion(version: string, out: string, suffix: string): Promise<void> {
  const target = resolve(out);
  const link = `${target}.link-${suffix}`;
  // Relative, so the checkout can move; Windows needs a junction, which must be absolute.
  if (process.platform === 'win32') await symlink(resolve(version), link, 'junction');
  else await symlink(relative(dirname(target), resolve(version)), link);
  try {
    await rename(link, target);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM')
      throw cause;
    const plain = join(versionsDir(out), `plain-${suffix}`);
    if (await exchangePaths(link, target)) {
      // `out` is the link now; the plain folder sits under the link's name until it goes.
      await rename(link, plain);
    } else {
      await swapFolder(link, target, plain);
    }
  }
  removeUnlinkedVersions(out);
}

/** Deletes every version but the one `out` links to. */
export function removeUnlinkedVersions(out: string): void {
  const keep = currentVersion(out);
  const dir = versionsDir(out);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    // rmSync is native; the promise version walks the tree in JS, about 3x slower on big sites.
    if (name !== keep) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * What a killed build leaves behind: links not yet renamed, versions never linked, and the
 * `.tmp-*` / `.old-*` folders of the swap used before links. A `.old-*` folder is the only
 * copy of the site when the kill fell between that swap's two renames: it is put back.
 */
export async function removeStaleOutput(out: string): Promise<void> {
  const target = resolve(out);
  const parent = dirname(target);
  const name = basename(target);
  if (!existsSync(parent)) return;
  const leftovers = readdirSync(parent).filter((entry) =>
    [`${name}.link-`, `${name}.tmp-`, `${name}.old-`].some((prefix) => entry.startsWith(prefix)),
  );
  const old = leftovers.find((entry) => entry.startsWith(`${name}.old-`));
  if (old && !existsSync(target)) await rename(join(parent, old), target);
  // A plain folder moved aside by a migration that could not swap (publishVersion).
  const versions = versionsDir(out);
  const plain = existsSync(versions)
    ? readdirSync(versions).find((entry) => entry.startsWith('plain-'))
    : undefined;
  if (plain && !existsSync(target)) await rename(join(versions, plain), target);
  for (const entry of leftovers)
    if (entry !== old || existsSync(join(parent, entry)))
      rmSync(join(parent, entry), { recursive: true, force: true });
  removeUnlinkedVersions(out);
}
