/**
 * The model cache: one JSON file per reply in a committed folder (`incidents/.drafts/` by
 * default), keyed by a sha256 of the normalized input and everything else that decides the
 * reply. Reviewers see model output in pull requests and CI builds need no key. Entries are
 * written atomically; a corrupt entry is reported and ignored, never fatal. Postmortem drafts and
 * milestone answers share it, each with its own entry schema.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomically } from '../format/atomic-write.js';

/** Line endings and trailing blanks do not change what the model is asked. */
export function normalizeInput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** sha256 (hex) of the normalized `text` and the `parts`, in name order. */
export function cacheKey(text: string, parts: Record<string, string | number>): string {
  const hash = createHash('sha256').update(normalizeInput(text));
  for (const [name, value] of Object.entries(parts).sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`\0${name}=${value}`);
  return hash.digest('hex');
}

export type CacheRead<Entry> =
  { status: 'hit'; entry: Entry } | { status: 'miss' } | { status: 'corrupt'; reason: string };

/** Reads `DIR/KEY.json` against `schema`; an entry whose `key` differs from its name is corrupt. */
export async function readCacheEntry<Schema extends z.ZodType<{ key: string }>>(
  dir: string,
  key: string,
  schema: Schema,
  describe = 'the entry schema',
): Promise<CacheRead<z.infer<Schema>>> {
  let text: string;
  try {
    text = await readFile(join(dir, `${key}.json`), 'utf8');
  } catch {
    return { status: 'miss' };
  }
  try {
    const entry = schema.parse(JSON.parse(text));
    if (entry.key !== key)
      return { status: 'corrupt', reason: 'its key does not match its file name' };
    return { status: 'hit', entry };
  } catch (cause) {
    return {
      status: 'corrupt',
      reason: cause instanceof SyntaxError ? 'not valid JSON' : `does not match ${describe}`,
    };
  }
}

/** Writes `DIR/KEY.json` atomically (a temporary file renamed into place). */
export async function writeCacheEntry<Entry extends { key: string }>(
  dir: string,
  entry: Entry,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomically(join(dir, `${entry.key}.json`), `${JSON.stringify(entry, null, 2)}\n`);
}

/** Removes entries whose key is not in `keep`. Returns the removed file names. */
export async function pruneCache(dir: string, keep: ReadonlySet<string>): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.json') || keep.has(name.replace(/\.json$/, ''))) continue;
    await rm(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
