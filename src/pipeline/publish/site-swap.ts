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
import { Worker } from 'node:worker_threads';
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
 * What a killed build leaves behind: links not yet renamed, versions never linked, the
 * `.tmp-*` / `.old-*` folders of the swap used before links, and `.trash-*` folders a build
 * was still deleting. A `.old-*` folder is the only copy of the site when the kill fell
 * between that swap's two renames: it is put back.
 */
export async function removeStaleOutput(out: string): Promise<void> {
  const trash = await setAsideStaleOutput(out, `${process.pid}-now`);
  if (trash) rmSync(trash, { recursive: true, force: true });
}

/**
 * removeStaleOutput in two halves: repairs `out` and moves everything stale into one folder
 * beside it (`dist.trash-<suffix>`, renames only), so a build can delete that folder while
 * Astro runs instead of before (removeInBackground). The trash folder, or null when nothing
 * was stale.
 */
export async function setAsideStaleOutput(out: string, suffix: string): Promise<string | null> {
  const target = resolve(out);
  const parent = dirname(target);
  const name = basename(target);
  if (!existsSync(parent)) return null;
  const leftovers = readdirSync(parent).filter((entry) =>
    [`${name}.link-`, `${name}.tmp-`, `${name}.old-`, `${name}.trash-`].some((prefix) =>
      entry.startsWith(prefix),
    ),
  );
  const old = leftovers.find((entry) => entry.startsWith(`${name}.old-`));
  if (old && !existsSync(target)) await rename(join(parent, old), target);
  // A plain folder moved aside by a migration that could not swap (publishVersion).
  const versions = versionsDir(out);
  const plain = existsSync(versions)
    ? readdirSync(versions).find((entry) => entry.startsWith('plain-'))
    : undefined;
  if (plain && !existsSync(target)) await rename(join(versions, plain), target);
  const stale = leftovers
    .filter((entry) => entry !== old || existsSync(join(parent, entry)))
    .map((entry) => join(parent, entry));
  const keep = currentVersion(out);
  if (existsSync(versions))
    for (const entry of readdirSync(versions))
      if (entry !== keep) stale.push(join(versions, entry));
  if (stale.length === 0) return null;
  const trash = `${target}.trash-${suffix}`;
  await mkdir(trash, { recursive: true });
  await Promise.all(stale.map((path, i) => rename(path, join(trash, String(i)))));
  return trash;
}

/**
 * Deletes a folder on a worker thread, so the build goes on meanwhile: a previous site of
 * 1,000 incidents is about 9,000 files, and deleting them held up the start of the Astro build
 * by several seconds (npm run bench:site). rmSync is native; the promise version walks the
 * tree in JavaScript, about 3x slower on big sites.
 */
export function removeInBackground(path: string): Promise<void> {
  return new Promise((done, failed) => {
    const worker = new Worker(
      // Read as a module or a script depending on the caller's package: builtins only.
      "process.getBuiltinModule('node:fs').rmSync(process.getBuiltinModule('node:worker_threads').workerData, { recursive: true, force: true });",
      { eval: true, workerData: path },
    );
    worker.once('error', failed);
    worker.once('exit', () => done());
  });
}
