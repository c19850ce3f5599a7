import type { APIRoute } from 'astro';
import { rssResponse, siteScope } from '../site/feeds.ts';
import { loadPacks } from '../site/packs.ts';
import { siteConfig } from '../site/site-config.ts';

/** RSS 2.0 of every published incident, newest first. */
export const GET: APIRoute = async (context) => {
  const site = await siteConfig();
  return rssResponse(loadPacks(), siteScope(site), String(context.site ?? site.url));
};
