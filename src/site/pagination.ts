/**
 * The history views (all incidents, a service, a year, a severity, combined filters) are split
 * into pages of the config's `site.pageSize` incidents (50 unless set), newest first, so a
 * page's size and the memory to render it stay the same however long the history grows. A
 * feed carries the newest incidents only (feeds.ts). Page 1 keeps the view's old address
 * (`services/api/`), so links made before pagination still work; page n is `<view>/<n>/`.
 * Astro's `paginate()` makes these pages where a route can end in `[...page]`; `folderPages`
 * makes the same pages for routes that cannot (`incidents/where/[...filters]`).
 */
import { url } from './urls.ts';

/** What the page links read of a page: the same fields as Astro's `Page`. */
export interface PageLinks {
  currentPage: number;
  lastPage: number;
  /** Site-relative URLs, base path included; absent on the first and last page. */
  url: { prev?: string | undefined; next?: string | undefined };
}

/** One page of a list, as `folderPages` makes it. */
export interface FolderPage<T> extends PageLinks {
  data: T[];
  /** The page's folder relative to the view's (`''` for page 1, `2/`). */
  suffix: string;
}

/** Page `n` of a view whose page 1 is at the site-relative folder `folder` (`incidents/`). */
export function pageFolder(folder: string, n: number): string {
  return n === 1 ? folder : `${folder}${n}/`;
}

/**
 * A list cut into pages of `pageSize` for the view at `folder`; an empty list still has one
 * (empty) page, so the view exists. Links carry the base path, as Astro's `paginate()` does.
 */
export function folderPages<T>(
  items: readonly T[],
  folder: string,
  pageSize: number,
): FolderPage<T>[] {
  const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: lastPage }, (_, i) => {
    const n = i + 1;
    return {
      data: items.slice(i * pageSize, n * pageSize),
      currentPage: n,
      lastPage,
      suffix: n === 1 ? '' : `${n}/`,
      url: {
        prev: n > 1 ? url(pageFolder(folder, n - 1)) : undefined,
        next: n < lastPage ? url(pageFolder(folder, n + 1)) : undefined,
      },
    };
  });
}

/** A page's title: the view's on page 1, `<view>, page 2` after. */
export function pageTitle(title: string, page: Pick<PageLinks, 'currentPage'>): string {
  return page.currentPage === 1 ? title : `${title}, page ${page.currentPage}`;
}
