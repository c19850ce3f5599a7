/**
 * Serves each pack's files beside its incident page (`/incidents/<slug>/<file>`): linked (or
 * copied) into the output when the build is done, served from the packs folder in `astro dev`.
 * Placing files is an order of magnitude faster than rendering hundreds of endpoints.
 */
import { copyFile, link, mkdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PACK_FILES } from '../pipeline/render/pack-files.ts';
import { PACK_INDEX, PackIndexSchema } from '../pipeline/publish/write-pack.ts';

/** Everything copied beside a page: the pack's downloads, the link-preview image and the zip. */
const PACK_DOWNLOADS = [...PACK_FILES, 'og.png'];

const TYPES: Record<string, string> = {
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

export function packFiles(slug: string): string[] {
  return [...PACK_DOWNLOADS, `${slug}-pack.zip`];
}

/**
 * A hard link where the file system allows one: at 1,000 incidents the packs hold about
 * 300 MB, and copying them (then deleting the previous site's copies) costs seconds. Packs
 * are replaced by rename, never rewritten in place, so a link never sees a later pack.
 */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

async function slugs(packsDir: string): Promise<string[]> {
  return PackIndexSchema.parse(JSON.parse(await readFile(join(packsDir, PACK_INDEX), 'utf8')))
    .packs;
}

export function packFilesIntegration(packsDir: () => string): AstroIntegration {
  let base = '/';
  return {
    name: 'incidentpost:pack-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const match = new RegExp(`^${base}incidents/([^/]+)/([^/?]+)$`).exec(
            req.url?.split('?')[0] ?? '',
          );
          if (!match?.[1] || !match[2] || !packFiles(match[1]).includes(match[2])) return next();
          readFile(join(packsDir(), match[1], match[2])).then(
            (body) =>
              res
                .writeHead(200, {
                  'content-type': TYPES[extname(match[2] ?? '')] ?? 'application/octet-stream',
                })
                .end(body),
            () => next(),
          );
        });
      },
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        for (const slug of await slugs(packsDir())) {
          const target = join(out, 'incidents', slug);
          await mkdir(target, { recursive: true });
          await Promise.all(
            packFiles(slug).map((name) =>
              linkOrCopy(join(packsDir(), slug, name), join(target, name)),
            ),
          );
        }
      },
    },
  };
}
