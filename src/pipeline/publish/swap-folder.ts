/**
 * Replacing a folder with a finished one in two renames: the old one is moved aside, the new one
 * takes its name. The target is never a half-written folder: a run killed between the two
 * renames leaves it missing with the old folder aside, which the next run repairs (the site
 * build puts the old site back, site-swap.ts removeStaleOutput; generate rewrites a missing pack).
 */
import { rename } from 'node:fs/promises';

/**
 * Moves `next` to `target`, first moving whatever is at `target` to `aside`. The caller removes
 * `aside` when it is done with it.
 * @returns whether there was something at `target` (now at `aside`).
 * @throws the rename's error; when the second rename fails the old folder is at `aside`.
 */
export async function swapFolder(next: string, target: string, aside: string): Promise<boolean> {
  let hadOld = true;
  try {
    await rename(target, aside);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
    hadOld = false;
  }
  await rename(next, target);
  return hadOld;
}
