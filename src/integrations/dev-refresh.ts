/**
 * `astro dev` as an author expects it: saving an incident file regenerates its pack and reloads
 * the browser, and search works, from a Pagefind index built in memory from the dev server's
 * own incident pages (a build indexes the finished site instead: publish/build-site.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
// Imported here, not on first use: Astro loads this file through a Vite module runner that is
// closed by the time the dev server starts. Loading it starts nothing.
import * as pagefind from 'pagefind';
import { PACK_INDEX, PackIndexSchema } from '../schemas/pack.ts';

/** The built CLI, as `npm run dev` leaves it (it runs `build:cli` first). */
const CLI = resolve('build/src/cli/main.js');

function regenerate(incidents: string, packs: string): Promise<number> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [CLI, 'generate', '--incidents', incidents, '--out', packs],
      {
        stdio: 'inherit',
      },
    );
    child.on('close', (code) => done(code ?? 1));
  });
}

export function devRefreshIntegration(
  packsDir: () => string,
  incidents = 'incidents',
): AstroIntegration {
  let base = '/';
  let files = new Map<string, Uint8Array>();
  let origin = '';

  const indexPages = async (log: (message: string) => void) => {
    const indexFile = join(packsDir(), PACK_INDEX);
    if (!origin || !existsSync(indexFile)) return;
    const slugs = PackIndexSchema.parse(JSON.parse(readFileSync(indexFile, 'utf8'))).packs;
    const { index } = await pagefind.createIndex({});
    if (!index) return;
    for (const slug of slugs) {
      const url = `${base}incidents/${slug}/`;
      const response = await fetch(new URL(url, origin)).catch(() => null);
      // Drafts have no page (404): they stay out of the index, as in a build.
      if (!response?.ok) continue;
      await index.addHTMLFile({ url, content: await response.text() });
    }
    const written = await index.getFiles();
    files = new Map(written.files.map((file) => [file.path, file.content]));
    log(`search index: ${slugs.length} incidents`);
  };

  return {
    name: 'incidentpost:dev-refresh',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split('?')[0] ?? '';
          if (!path.startsWith(`${base}pagefind/`)) return next();
          const body = files.get(path.slice(`${base}pagefind/`.length));
          if (!body) return next();
          const type = path.endsWith('.js')
            ? 'text/javascript'
            : path.endsWith('.css')
              ? 'text/css'
              : 'application/octet-stream';
          res.writeHead(200, { 'content-type': type }).end(body);
        });
        const dir = resolve(incidents);
        server.watcher.add(dir);
        let running: Promise<unknown> = Promise.resolve();
        let timer: NodeJS.Timeout | undefined;
        const changed = (file: string) => {
          if (!file.startsWith(dir) || !file.endsWith('.md')) return;
          clearTimeout(timer);
          // Editors write a file in several steps: wait for the last one.
          timer = setTimeout(() => {
            running = running.then(async () => {
              logger.info(`${file.slice(dir.length + 1)} changed: regenerating`);
              if ((await regenerate(incidents, packsDir())) !== 0) return;
              server.ws.send({ type: 'full-reload' });
              await indexPages((message) => logger.info(message));
            });
          }, 200);
        };
        server.watcher.on('change', changed);
        server.watcher.on('add', changed);
        server.watcher.on('unlink', changed);
      },
      'astro:server:start': ({ address, logger }) => {
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        origin = `http://${host === '::' || host === '[::]' ? 'localhost' : host}:${address.port}`;
        // After the server answers: the index is built from its own pages.
        setTimeout(() => {
          indexPages((message) => logger.info(message)).catch((cause: unknown) =>
            logger.warn(`search index not built: ${String(cause)}`),
          );
        }, 500);
      },
    },
  };
}
