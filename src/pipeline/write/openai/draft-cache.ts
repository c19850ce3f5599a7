/**
 * Postmortem drafts in the model cache (`src/pipeline/llm/model-cache.ts`): one file per draft,
 * validated against the draft schema when read.
 */
import { z } from 'zod';
import { PostmortemDraftSchema } from '../../../schemas/postmortem.js';
import {
  cacheKey,
  pruneCache,
  readCacheEntry,
  writeCacheEntry,
  type CacheRead as CacheReadOf,
} from '../../llm/model-cache.js';

export { normalizeInput } from '../../llm/model-cache.js';

export const DraftEntrySchema = z.strictObject({
  key: z.string(),
  slug: z.string(),
  model: z.string(),
  draft: PostmortemDraftSchema,
  usage: z.strictObject({ promptTokens: z.number(), completionTokens: z.number() }),
});
export type DraftEntry = z.infer<typeof DraftEntrySchema>;

export const draftKey = cacheKey;

export type CacheRead = CacheReadOf<DraftEntry>;

export function readDraft(dir: string, key: string): Promise<CacheRead> {
  return readCacheEntry(dir, key, DraftEntrySchema, 'the draft schema');
}

export function writeDraft(dir: string, entry: DraftEntry): Promise<void> {
  return writeCacheEntry(dir, entry);
}

/** Removes entries no current incident uses. Returns the removed file names. */
export const pruneDrafts = pruneCache;
