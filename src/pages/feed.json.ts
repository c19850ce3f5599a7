import type { APIRoute } from 'astro';
import { loadPacks } from '../site/packs.ts';
import { siteConfig } from '../site/site-config.ts';
import { incidentUrl, url } from '../site/urls.ts';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export const GET: APIRoute = async (context) => {
  const site = await siteConfig();
  const absolute = (path: string) => new URL(path, context.site ?? site.url).href;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.name,
    description: site.description,
    home_page_url: absolute(url('/')),
    feed_url: absolute(url('feed.json')),
    items: loadPacks().map((pack) => ({
      id: absolute(incidentUrl(pack.slug)),
      url: absolute(incidentUrl(pack.slug)),
      title: pack.facts.title,
      content_text: pack.postmortem.summary.paragraphs.join('\n\n'),
      date_published: pack.facts.start ?? `${pack.facts.date}T00:00:00Z`,
      tags: [...pack.facts.services, ...(pack.facts.severity ? [pack.facts.severity] : [])],
      image: absolute(url(`incidents/${pack.slug}/og.png`)),
    })),
  };
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, {
    headers: { 'content-type': 'application/feed+json' },
  });
};
