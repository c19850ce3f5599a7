/** The language and direction a page declares in `<html lang dir>`. */
import { languageDirection } from '../pipeline/format/text-direction.ts';
import type { SiteConfig } from '../schemas/config.ts';
import type { Facts } from '../schemas/facts.ts';

export interface PageLanguage {
  lang: string;
  dir: 'ltr' | 'rtl';
}

/**
 * An incident page is in the incident's `language`, else the site's; Pagefind indexes each page
 * in the language its `<html lang>` names (word segmentation for Japanese and Chinese, stemming).
 */
export function pageLanguage(site: SiteConfig, facts?: Pick<Facts, 'language'>): PageLanguage {
  const lang = facts?.language ?? site.language;
  return { lang, dir: languageDirection(lang) };
}

/**
 * The languages of the site's incident pages other than the site's own, lowercased as Pagefind
 * names its indexes: search pages merge these indexes into their own.
 */
export function otherIndexLanguages(
  site: SiteConfig,
  facts: readonly Pick<Facts, 'language'>[],
): string[] {
  const own = site.language.toLowerCase();
  return [...new Set(facts.map((f) => (f.language ?? site.language).toLowerCase()))]
    .filter((lang) => lang !== own)
    .sort();
}
