/**
 * Indexes the built site with Pagefind's Node API when the build is done, as Starlight does.
 * Only incident pages carry `data-pagefind-body`, so only incidents are searchable.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'incidentpost:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          const problems = [...errors, ...added.errors, ...written.errors];
          if (problems.length)
            throw new Error(`Pagefind could not index the site: ${problems.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
