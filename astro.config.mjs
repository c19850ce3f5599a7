// The Astro site reads only what the pipeline produced (generated/ by default). Site settings
// come from incidentpost.config.json, validated once; SITE_URL and BASE_PATH override them.
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { incidentpost } from './src/integrations/incidentpost.ts';
import { formatDiagnostic } from './src/pipeline/diagnostics.ts';
import { loadConfig } from './src/pipeline/load/load-config.ts';

const { config, diagnostics } = await loadConfig(
  process.env.INCIDENTPOST_CONFIG ?? 'incidentpost.config.json',
);
// Plain, as the CLI prints to a pipe: Astro shows the message in its own overlay and log.
if (!config) throw new Error(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));

export default defineConfig({
  site: config.site.url,
  base: config.site.base,
  trailingSlash: 'always',
  outDir: process.env.INCIDENTPOST_SITE_OUT ?? 'dist',
  // Each packs folder gets its own content cache, so builds of different sites never mix.
  ...(process.env.INCIDENTPOST_ASTRO_CACHE
    ? { cacheDir: process.env.INCIDENTPOST_ASTRO_CACHE }
    : {}),
  integrations: [mdx(), sitemap(), ...incidentpost()],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Incident pages return a cacheKey (src/site/page-cache-key.ts): on a rebuild Astro copies
  // the HTML of every incident whose pack, revisions and page code are unchanged, and renders
  // only the rest. At 1,000 incidents that is most of the page-rendering time.
  experimental: { incrementalBuild: true },
  vite: { build: { chunkSizeWarningLimit: 2000 } },
});
