import type { APIRoute, GetStaticPaths } from 'astro';
import { rssResponse, serviceScope } from '../../../site/feeds.ts';
import { allServices, loadPacks, type Pack } from '../../../site/packs.ts';
import { siteConfig } from '../../../site/site-config.ts';

/** RSS 2.0 of the incidents that affected one service: for teams that depend on it. */
export const getStaticPaths = (() =>
  allServices(loadPacks()).map((service) => ({
    params: { service: service.slug },
    props: { service },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ service: { name: string; slug: string; packs: Pack[] } }> = async ({
  props: { service },
  site,
}) => {
  const config = await siteConfig();
  return rssResponse(service.packs, serviceScope(config, service), String(site ?? config.url));
};
