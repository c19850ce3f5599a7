import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { packsDir } from './site/packs-dir.ts';

const BODY = 'postmortem.mdx';

/**
 * The postmortem bodies the pipeline serialized (`<slug>/postmortem.mdx`), rendered to HTML
 * when they change and kept in Astro's content store, whose cache outlives a build.
 *
 * Not `glob()`: it makes each .mdx file a module of the Vite build, and at 1,000 incidents
 * that bundle was most of the build's memory (a peak of about 1.3 GB, against 0.9 GB rendered
 * here; npm run bench:site), growing with every incident. The files use one MDX construct,
 * the timeline's self-links (`<a id href title>`, render/postmortem-tree.ts), which Markdown
 * reads as inline HTML; everything else is escaped by the serializer for MDX and Markdown
 * alike (`\{`, `\<`), so incident text stays text (tests/site-build-and-browse.test.ts).
 */
function postmortemLoader(): Loader {
  return {
    name: 'incidentpost:postmortems',
    load: async ({ store, renderMarkdown, generateDigest, watcher }: LoaderContext) => {
      const dir = packsDir();
      /** Renders one pack's body unless the store has it unchanged; false when it has none. */
      const sync = async (slug: string): Promise<boolean> => {
        let text: string;
        try {
          text = readFileSync(join(dir, slug, BODY), 'utf8');
        } catch {
          return false;
        }
        const digest = generateDigest(text);
        if (store.get(slug)?.digest !== digest)
          store.set({ id: slug, data: {}, digest, rendered: await renderMarkdown(text) });
        return true;
      };
      const present = new Set<string>();
      // No packs yet (a fresh clone's `astro sync` or `astro check`): an empty collection.
      const entries = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : [];
      for (const entry of entries)
        if (entry.isDirectory() && (await sync(entry.name))) present.add(entry.name);
      for (const slug of store.keys()) if (!present.has(slug)) store.delete(slug);

      // `astro dev` (integrations/dev-refresh.ts) regenerates packs while it runs.
      if (!watcher) return;
      watcher.add(dir);
      const slugOf = (path: string) => {
        const parts = relative(dir, path).split(sep);
        return parts.length === 2 && parts[1] === BODY ? parts[0] : undefined;
      };
      const changed = (path: string) => {
        const slug = slugOf(path);
        if (slug) void sync(slug);
      };
      watcher.on('add', changed);
      watcher.on('change', changed);
      watcher.on('unlink', (path) => {
        const slug = slugOf(path);
        if (slug) store.delete(slug);
      });
    },
  };
}

export const collections = { postmortems: defineCollection({ loader: postmortemLoader() }) };
