/** Site settings for pages: the same validated config the build used. */
import { loadConfig } from '../pipeline/load/load-config.ts';
import type { SiteConfig } from '../schemas/config.ts';

let cached: SiteConfig | null = null;

export async function siteConfig(): Promise<SiteConfig> {
  if (cached) return cached;
  const { config, diagnostics } = await loadConfig(
    process.env['INCIDENTPOST_CONFIG'] ?? 'incidentpost.config.json',
  );
  if (!config)
    throw new Error(diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n'));
  cached = config.site;
  return cached;
}
