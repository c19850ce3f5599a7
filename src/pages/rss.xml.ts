import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadPacks } from '../site/packs.ts';
import { siteConfig } from '../site/site-config.ts';
import { incidentUrl, url } from '../site/urls.ts';

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

export const GET: APIRoute = async (context) => {
  const site = await siteConfig();
  return rss({
    title: site.name,
    description: site.description,
    // The channel link is the home page, base path included (project sites live under /<repo>/).
    site: new URL(url('/'), context.site ?? site.url).href,
    items: loadPacks().map((pack) => ({
      title: escapeTitle(pack.facts.title),
      link: incidentUrl(pack.slug),
      pubDate: new Date(pack.facts.start ?? `${pack.facts.date}T00:00:00Z`),
      description: pack.postmortem.summary.paragraphs
        .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
        .join(''),
      categories: [...pack.facts.services, ...(pack.facts.severity ? [pack.facts.severity] : [])],
    })),
  });
};
