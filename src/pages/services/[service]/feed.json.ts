import type { APIRoute, GetStaticPaths } from 'astro';
import {
  jsonFeed,
  jsonFeedResponse,
  serviceFeedPaths,
  serviceScope,
  type ServiceFeedProps,
} from '../../../site/feeds.ts';
import { siteConfig } from '../../../site/site-config.ts';

/** JSON Feed 1.1 of the incidents that affected one service: for teams that depend on it. */
export const getStaticPaths = serviceFeedPaths satisfies GetStaticPaths;

export const GET: APIRoute<ServiceFeedProps> = async ({ props: { service }, site }) => {
  const config = await siteConfig();
  return jsonFeedResponse(
    jsonFeed(service.packs, serviceScope(config, service), String(site ?? config.url)),
  );
};
