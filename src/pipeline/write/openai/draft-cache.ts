/**
 * One file per draft in a committed folder, so reviewers see model output in pull requests and
 * CI builds need no key. Entries are written atomically; a corrupt entry is reported and
 * ignored, never fatal.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PostmortemDraftSchema } from '../../../schemas/postmortem.js';
import { writeFileAtomically } from '../../publish/write-pack.js';

export const DraftEntrySchema = z.strictObject({
  key: z.string(),
  slug: z.string(),
  model: z.string(),
  draft: PostmortemDraftSchema,
  usage: z.strictObject({ promptTokens: z.number(), completionTokens: z.number() }),
});
export type DraftEntry = z.infer<typeof DraftEntrySchema>;

/** Line endings and trailing blanks do not change what the model is asked. */
export function normalizeInput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

export function draftKey(text: string, parts: Record<string, string | number>): string {
  const hash = createHash('sha256').update(normalizeInput(text));
  for (const [name, value] of Object.entries(parts).sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`\0${name}=${value}`);
  return hash.digest('hex');
}

export type CacheRead =
  { status: 'hit'; entry: DraftEntry } | { status: 'miss' } | { status: 'corrupt'; reason: string };

export async function readDraft(dir: string, key: string): Promise<CacheRead> {
  let text: string;
  try {
    text = await readFile(join(dir, `${key}.json`), 'utf8');
  } catch {
    return { status: 'miss' };
  }
  try {
    const entry = DraftEntrySchema.parse(JSON.parse(text));
    if (entry.key !== key)
      return { status: 'corrupt', reason: 'its key does not match its file name' };
    return { status: 'hit', entry };
  } catch (cause) {
    return {
      status: 'corrupt',
      reason: cause instanceof SyntaxError ? 'not valid JSON' : 'does not match the draft schema',
    };
  }
}

export async function writeDraft(dir: string, entry: DraftEntry): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomically(join(dir, `${entry.key}.json`), `${JSON.stringify(entry, null, 2)}\n`);
}

/** Removes entries no current incident uses. Returns the removed file names. */
export async function pruneDrafts(dir: string, keep: ReadonlySet<string>): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.json') || keep.has(name.replace(/\.json$/, ''))) continue;
    await rm(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
