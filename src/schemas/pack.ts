/**
 * The pack contract: what `generate` writes under `OUT/` and the site reads. A pack is a folder
 * `OUT/<slug>/` with its files and a manifest; `OUT/index.json` lists the packs the site shows;
 * `OUT/history.json` holds each incident file's git revisions. The pipeline writes these files
 * and the site validates them with the same schemas, so neither side can drift from the other.
 */
import { z } from 'zod';

/** The files every pack offers for download, in the order the site lists them. */
export const PACK_FILES = [
  'postmortem.md',
  'timeline.svg',
  'timeline.png',
  'hn-post.txt',
  'twitter-thread.txt',
] as const;

/**
 * Everything placed beside an incident's page (`/incidents/<slug>/<file>`): the downloads, the
 * link-preview image and the zip of the downloads.
 */
export function packFiles(slug: string): string[] {
  return [...PACK_FILES, 'og.png', `${slug}-pack.zip`];
}

/** The facts the site shows, as `analyze --json` prints them (src/schemas/facts.ts). */
export const PACK_FACTS = 'facts.json';

/** The written postmortem (src/schemas/postmortem.ts). */
export const PACK_POSTMORTEM = 'postmortem.json';

/** The manifest in each pack folder, written last: a folder with a manifest is a complete pack. */
export const PACK_MANIFEST = 'pack.json';

export const PackManifestSchema = z.object({
  /** The incident's file name without `.md`: its page address. */
  slug: z.string(),
  /** A hash of the input, the writer and FORMAT_VERSION: unchanged key, unchanged pack. */
  key: z.string(),
  /** The incident file the pack was generated from. */
  source: z.string(),
  /** Which writer wrote it: `builtin` or `openai`. */
  writer: z.string(),
  /** Every file in the pack folder but the manifest, sorted. */
  files: z.array(z.string()),
});
export type PackManifest = z.infer<typeof PackManifestSchema>;

/** The list of packs the site shows, in `OUT/index.json`. */
export const PACK_INDEX = 'index.json';

export const PackIndexSchema = z.object({
  /** Slugs of the packs in the folder, sorted; drafts included (the site leaves them out). */
  packs: z.array(z.string()),
});
export type PackIndex = z.infer<typeof PackIndexSchema>;

/** Each incident file's git revisions, in `OUT/history.json` (written by the site build). */
export const PACK_HISTORY = 'history.json';

/** One commit that changed an incident file. */
export const RevisionSchema = z.object({
  /** The full commit hash. */
  commit: z.string(),
  /** The author date, ISO 8601 with offset (`git log --format=%aI`). */
  date: z.string(),
  /** The commit subject, as the site shows it. */
  subject: z.string(),
});
export type Revision = z.infer<typeof RevisionSchema>;

/** `{ "incidents/x.md": [newest revision first] }`. */
export const PackHistorySchema = z.record(z.string(), z.array(RevisionSchema));
export type PackHistory = z.infer<typeof PackHistorySchema>;
