/**
 * The site's search index: Pagefind over the finished incident pages, written into the site's
 * `pagefind/` folder. (`astro dev` builds its own index in memory: integrations/dev-refresh.ts.)
 */
import { error, type Diagnostic } from '../diagnostics.js';
import { runPackageBin } from './run-package.js';

/**
 * Indexes the built site in `site` for search.
 *
 * Pagefind runs after Astro has exited, not in Astro's build:done hook: Astro's heap is then
 * gone, which keeps the build's peak memory down by a few hundred MB. Its command line is used
 * rather than its Node API, which indexes the same pages about 30% slower (2.7 s against 1.9 s
 * at 1,000 incidents).
 * @returns null when the index was written; a `build/pagefind` error with Pagefind's output
 *   otherwise.
 */
export async function indexSearch(site: string): Promise<Diagnostic | null> {
  const indexing = await runPackageBin(
    'pagefind',
    'lib/runner/bin.cjs',
    // Only incident pages carry data-pagefind-body; the history and filter pages (the largest
    // files) would be parsed only to be skipped.
    ['--site', site, '--glob', 'incidents/*/index.html', '--silent'],
    { stdio: 'pipe' },
  );
  if (indexing.code === 0) return null;
  return error(
    'build/pagefind',
    'astro.config.mjs',
    { line: 1 },
    `Pagefind could not index the site (exit ${indexing.code}):\n${indexing.output.trim()}`,
    'the previous site was left as it was',
  );
}
