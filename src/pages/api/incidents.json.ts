import type { APIRoute } from 'astro';
import { ApiIncidentsSchema, type ApiIncidents } from '../../schemas/api.ts';
import { DOWNLOADS, loadPacks } from '../../site/packs.ts';
import { siteConfig } from '../../site/site-config.ts';
import { incidentUrl, url } from '../../site/urls.ts';

export const GET: APIRoute = async (context) => {
  const site = await siteConfig();
  const absolute = (path: string) => new URL(path, context.site ?? site.url).href;
  const body: ApiIncidents = ApiIncidentsSchema.parse({
    version: 1,
    site: site.name,
    incidents: loadPacks().map(({ slug, facts, postmortem }) => ({
      slug,
      title: facts.title,
      url: absolute(incidentUrl(slug)),
      date: facts.date,
      status: facts.status,
      severity: facts.severity,
      services: facts.services,
      start: facts.start,
      detected: facts.detected,
      acknowledged: facts.acknowledged,
      identified: facts.identified,
      mitigated: facts.mitigated,
      resolved: facts.resolved,
      durationMinutes: facts.durationMinutes,
      timeToDetectMinutes: facts.timeToDetectMinutes,
      timeToAcknowledgeMinutes: facts.timeToAcknowledgeMinutes,
      timeToMitigateMinutes: facts.timeToMitigateMinutes,
      timeToResolveMinutes: facts.timeToResolveMinutes,
      usersAffected: facts.usersAffected,
      summary: postmortem.summary.paragraphs.join('\n\n'),
      files: Object.fromEntries(
        DOWNLOADS.map((name) => [name, absolute(url(`incidents/${slug}/${name}`))]),
      ),
    })),
  });
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'content-type': 'application/json' },
  });
};
