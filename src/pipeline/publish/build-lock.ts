/**
 * One build at a time per output folder. Two builds swapping the same site would race; the
 * second one now stops at once with a message naming the first.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';

interface LockOwner {
  pid: number;
  started: string;
}

/**
 * Whether process `pid` is still running on this machine: a lock holder, or a build whose
 * staging folder is named by its pid.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    // EPERM: the process exists but belongs to someone else.
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `dist.lock` for `dist`. */
export function lockPath(out: string): string {
  return `${resolve(out)}.lock`;
}

/**
 * Takes the lock for `out` (a `<out>.lock` file created exclusively, holding the pid). A lock
 * whose process is gone (a killed build) is taken over. Returns a release function, or the
 * `build/locked` diagnostic when a live build holds it.
 */
export async function acquireBuildLock(
  out: string,
  shown: string = out,
): Promise<{ release: () => Promise<void> } | { diagnostic: Diagnostic }> {
  const path = lockPath(out);
  const owner: LockOwner = { pid: process.pid, started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
      return { release: () => rm(path, { force: true }) };
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
    }
    const holder = await readFile(path, 'utf8')
      .then((text) => JSON.parse(text) as Partial<LockOwner>)
      .catch(() => null);
    if (
      holder &&
      typeof holder.pid === 'number' &&
      holder.pid !== process.pid &&
      isAlive(holder.pid)
    ) {
      return {
        diagnostic: error(
          'build/locked',
          `${shown}.lock`,
          { line: 1 },
          `another build (process ${holder.pid}, started ${holder.started ?? 'at an unknown time'}) is writing ${shown}`,
          `wait for it to finish; if no build is running, delete ${shown}.lock`,
        ),
      };
    }
    // The holder is gone (killed) or the file is unreadable: take it over.
    await rm(path, { force: true });
  }
  return {
    diagnostic: error(
      'build/locked',
      `${shown}.lock`,
      { line: 1 },
      `could not take the build lock for ${shown}`,
      `if no build is running, delete ${shown}.lock`,
    ),
  };
}
