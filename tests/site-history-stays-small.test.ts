import { describe, expect, test } from 'vitest';
import { FEED_ITEMS, jsonFeed, rssResponse } from '../src/site/feeds.js';
import type { PackFacts, PackSummary } from '../src/site/packs.js';
import { folderPages, pageTitle } from '../src/site/pagination.js';

/** Just what feeds read of a pack: incident `i` of a history, newest first. */
function summary(i: number): PackSummary {
  const day = String(28 - (i % 28)).padStart(2, '0');
  return {
    slug: `incident-${i}`,
    key: '',
    facts: {
      title: `Incident ${i}`,
      date: `2026-02-${day}`,
      start: `2026-02-${day}T10:00:00Z`,
      services: ['API'],
      severity: 'P2',
      language: null,
    } as PackFacts,
    postmortem: { summary: { paragraphs: [`Summary of incident ${i}.`] } },
    history: [],
    updates: {},
  };
}

describe('history views come in pages of a fixed size', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  const folder = 'incidents/where/service/api/year/2026/';

  test('page 1 is the view itself, page n its n/ folder, each linking to its neighbours', () => {
    const pages = folderPages(items, folder, 2);
    expect(pages.map((page) => page.data)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(pages.map((page) => page.suffix)).toEqual(['', '2/', '3/']);
    expect(pages.map((page) => page.url)).toEqual([
      { prev: undefined, next: `/${folder}2/` },
      { prev: `/${folder}`, next: `/${folder}3/` },
      { prev: `/${folder}2/`, next: undefined },
    ]);
    expect(pages.every((page) => page.lastPage === 3)).toBe(true);
  });

  test('a list that fits, or is empty, is one page without links', () => {
    for (const list of [items, []]) {
      const pages = folderPages(list, folder, 50);
      expect(pages).toHaveLength(1);
      expect(pages[0]?.url).toEqual({ prev: undefined, next: undefined });
    }
  });

  test('page 2 on says so in its title', () => {
    expect(pageTitle('Incident history', { currentPage: 1 })).toBe('Incident history');
    expect(pageTitle('Incident history', { currentPage: 2 })).toBe('Incident history, page 2');
  });
});

describe('feeds carry the newest incidents, not the whole history', () => {
  const history = Array.from({ length: FEED_ITEMS + 25 }, (_, i) => summary(i));
  const scope = { title: 'Acme status', description: 'Incidents', folder: '' };

  test('JSON Feed: the newest FEED_ITEMS, newest first', () => {
    const feed = jsonFeed(history, scope, 'https://acme.example');
    expect(feed.items).toHaveLength(FEED_ITEMS);
    expect(feed.items[0]?.title).toBe('Incident 0');
    expect(feed.items.at(-1)?.title).toBe(`Incident ${FEED_ITEMS - 1}`);
  });

  test('RSS: the same items', async () => {
    const xml = await (await rssResponse(history, scope, 'https://acme.example')).text();
    const titles = [...xml.matchAll(/<item><title>([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(history.slice(0, FEED_ITEMS).map((pack) => pack.facts.title));
  });
});
