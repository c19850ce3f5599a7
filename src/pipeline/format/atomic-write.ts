/**
 * Writing a file so a reader, or a run killed halfway, never sees it half-written: the data goes
 * to a sibling temporary file that is then renamed over the target, which POSIX makes atomic.
 * Used by every stage that keeps a file between runs (the pack index, the model cache, the scan
 * cache, the revision history).
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { withPath } from '../io-errors.js';

/**
 * Writes `data` to `path` through `<path>.tmp-<pid>-<random>`, renamed into place. On failure the
 * temporary file is removed and the target is left as it was.
 * @throws the write's or rename's error, carrying `path` when the system gave none (ENOSPC), so
 *   io-errors.ts can name the file.
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true });
    throw withPath(cause, path);
  }
}
