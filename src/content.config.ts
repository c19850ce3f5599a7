import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { packsDir } from './site/packs-dir.ts';

/** The postmortem bodies the pipeline serialized to MDX, one per pack folder. */
const postmortems = defineCollection({
  loader: glob({
    pattern: '*/postmortem.mdx',
    base: packsDir(),
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
});

export const collections = { postmortems };
