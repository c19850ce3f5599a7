/**
 * The site's feeds, whole-site and per service: RSS 2.0 (`rss.xml`) and JSON Feed 1.1
 * (`feed.json`) over the same published incidents, the newest `FEED_ITEMS` of them, newest
 * first. A service's feeds list only incidents that affected it, so a team can follow the
 * components it depends on.
 */
import rss from '@astrojs/rss';
import { JsonFeedSchema, type JsonFeed } from '../schemas/feeds.ts';
import type { SiteConfig } from '../schemas/config.ts';
import { allServices, loadPacks, type PackSummary, type Service } from './packs.ts';
import { incidentUrl, url } from './urls.ts';

/**
 * How many incidents a feed carries: the newest. Readers poll feeds for what is new, and a feed
 * of every incident would grow without bound with the history (5,000 incidents make an RSS file
 * of several MB that every reader downloads on every poll). The history pages list the rest.
 */
export const FEED_ITEMS = 50;

/** What one feed covers: its title, and the site-relative folder its page and feeds live in. */
export interface FeedScope {
  title: string;
  description: string;
  /** Site-relative folder of the page the feed follows (`''` for the home page, `services/api/`). */
  folder: string;
}

/**
 * RSS readers render `<description>` as HTML once they have parsed the XML, and many do the
 * same with `<title>`. @astrojs/rss escapes for XML only, so incident text is escaped for HTML
 * first: a reader then shows `<img onerror>` as text instead of running it.
 */
const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Titles are plain text to most readers: only the characters that would start markup. */
const escapeTitle = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

const published = (pack: PackSummary) => pack.facts.start ?? `${pack.facts.date}T00:00:00Z`;
const tags = (pack: PackSummary) => [
  ...pack.facts.services,
  ...(pack.facts.severity ? [pack.facts.severity] : []),
];

/** The whole-site feed's scope. */
export function siteScope(site: SiteConfig): FeedScope {
  return { title: site.name, description: site.description, folder: '' };
}

/** A service's feed: `<site name>: <service>`, beside the service's page. */
export function serviceScope(site: SiteConfig, service: { name: string; slug: string }): FeedScope {
  return {
    title: `${site.name}: ${service.name}`,
    description: `Incidents that affected ${service.name}.`,
    folder: `services/${service.slug}/`,
  };
}

/** An RSS 2.0 response; the channel link is the scope's page, base path included. */
export function rssResponse(
  packs: readonly PackSummary[],
  scope: FeedScope,
  origin: string,
): Promise<Response> {
  return rss({
    // A service's name is incident text: the channel's title and description are too.
    title: escapeTitle(scope.title),
    description: escapeHtml(scope.description),
    // The channel link keeps the base path (project sites live under /<repo>/).
    site: new URL(url(scope.folder), origin).href,
    items: packs.slice(0, FEED_ITEMS).map((pack) => ({
      title: escapeTitle(pack.facts.title),
      link: incidentUrl(pack.slug),
      pubDate: new Date(published(pack)),
      description: pack.postmortem.summary.paragraphs
        .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
        .join(''),
      categories: tags(pack),
    })),
  });
}

/**
 * A JSON Feed 1.1 document, validated against the format's schema (src/schemas/feeds.ts).
 * Throws a ZodError naming the field when a feed would break the format.
 */
export function jsonFeed(
  packs: readonly PackSummary[],
  scope: FeedScope,
  origin: string,
): JsonFeed {
  const absolute = (path: string) => new URL(path, origin).href;
  return JsonFeedSchema.parse({
    version: 'https://jsonfeed.org/version/1.1',
    title: scope.title,
    description: scope.description,
    home_page_url: absolute(url(scope.folder)),
    feed_url: absolute(url(`${scope.folder}feed.json`)),
    items: packs.slice(0, FEED_ITEMS).map((pack) => ({
      id: absolute(incidentUrl(pack.slug)),
      url: absolute(incidentUrl(pack.slug)),
      title: pack.facts.title,
      content_text: pack.postmortem.summary.paragraphs.join('\n\n'),
      date_published: published(pack),
      tags: tags(pack),
      image: absolute(url(`incidents/${pack.slug}/og.png`)),
      ...(pack.facts.language ? { language: pack.facts.language } : {}),
    })),
  });
}

export function jsonFeedResponse(feed: JsonFeed): Response {
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, {
    headers: { 'content-type': 'application/feed+json' },
  });
}

/** What a per-service feed route gets: the service and its published incidents. */
export type ServiceFeedProps = { service: Service };

/** The routes of a per-service feed (`services/<slug>/rss.xml`, `feed.json`): one per service. */
export function serviceFeedPaths(): { params: { service: string }; props: ServiceFeedProps }[] {
  return allServices(loadPacks()).map((service) => ({
    params: { service: service.slug },
    props: { service },
  }));
}
