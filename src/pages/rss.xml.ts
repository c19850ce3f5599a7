import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadPacks } from '../site/packs.ts';
import { siteConfig } from '../site/site-config.ts';
import { incidentUrl } from '../site/urls.ts';

export const GET: APIRoute = async (context) => {
  const site = await siteConfig();
  return rss({
    title: site.name,
    description: site.description,
    site: context.site ?? site.url,
    items: loadPacks().map((pack) => ({
      title: pack.facts.title,
      link: incidentUrl(pack.slug),
      pubDate: new Date(pack.facts.start ?? `${pack.facts.date}T00:00:00Z`),
      description: pack.postmortem.summary.paragraphs.join('\n\n'),
      categories: [...pack.facts.services, ...(pack.facts.severity ? [pack.facts.severity] : [])],
    })),
  });
};
