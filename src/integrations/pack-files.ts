/**
 * `astro dev` serves each pack's files beside its incident page (`/incidents/<slug>/<file>`)
 * straight from the packs folder. `incidentpost build` places them in the built site itself
 * (publish/place-pack-files.ts), while Pagefind indexes the pages.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { packFiles } from '../schemas/pack.ts';

const TYPES: Record<string, string> = {
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

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
    },
  };
}
