import type { APIRoute, GetStaticPaths } from 'astro';
import {
  rssResponse,
  serviceFeedPaths,
  serviceScope,
  type ServiceFeedProps,
} from '../../../site/feeds.ts';
import { siteConfig } from '../../../site/site-config.ts';

/** RSS 2.0 of the incidents that affected one service: for teams that depend on it. */
export const getStaticPaths = serviceFeedPaths satisfies GetStaticPaths;

export const GET: APIRoute<ServiceFeedProps> = async ({ props: { service }, site }) => {
  const config = await siteConfig();
  return rssResponse(service.packs, serviceScope(config, service), String(site ?? config.url));
};
