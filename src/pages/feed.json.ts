import type { APIRoute } from 'astro';
import { jsonFeed, jsonFeedResponse, siteScope } from '../site/feeds.ts';
import { loadPacks } from '../site/packs.ts';
import { siteConfig } from '../site/site-config.ts';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of every published incident, newest first. */
export const GET: APIRoute = async (context) => {
  const site = await siteConfig();
  return jsonFeedResponse(jsonFeed(loadPacks(), siteScope(site), String(context.site ?? site.url)));
};
