/** The Statuspage v2 files' data for this build, shared by the three endpoints. */
import { loadPacks } from '../../../site/packs.ts';
import { siteConfig } from '../../../site/site-config.ts';
import { statuspageData } from '../../../site/statuspage.ts';
import { incidentUrl, url } from '../../../site/urls.ts';

export async function statuspageForBuild(site: URL | undefined) {
  const config = await siteConfig();
  const absolute = (path: string) => new URL(path, site ?? config.url).href;
  return statuspageData(loadPacks(), {
    name: config.name,
    home: absolute(url('/')),
    incidentUrl: (slug) => absolute(incidentUrl(slug)),
  });
}

export function json(body: unknown): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'content-type': 'application/json' },
  });
}
