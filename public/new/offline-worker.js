/* global self, caches, fetch, URL */
/**
 * The /new/ page's service worker, so the page works offline once loaded, a reload included.
 * Served from the page's folder (<base>/new/), so its scope is that folder and nothing else of
 * the site. Plain JavaScript in public/: a service worker's URL must stay the same from one
 * deploy to the next, which a bundled, hashed file's does not.
 *
 * Network first: online, every request goes to the site as if this worker were not here, so a
 * deploy is never hidden behind a stale copy. Only when the network fails does it answer from
 * the files the page handed it (src/browser/new-page.ts, keepForOffline).
 */
const CACHE = 'incidentpost-new-page';

self.addEventListener('install', () => self.skipWaiting());

/**
 * `{ keep: urls }` from the page, with a port for the answer: the cache then holds exactly
 * these same-origin files (new ones fetched, the rest dropped, so old deploys' files go).
 * Answers `kept`, or what went wrong.
 */
self.addEventListener('message', (event) => {
  const urls = event.data && event.data.keep;
  const port = event.ports[0];
  if (!Array.isArray(urls)) return;
  event.waitUntil(
    keepOnly(urls).then(
      () => port && port.postMessage('kept'),
      (problem) => port && port.postMessage(`not kept: ${problem}`),
    ),
  );
});

async function keepOnly(urls) {
  const wanted = new Set(
    urls
      .map((url) => new URL(url, self.location.href))
      .filter((url) => url.origin === self.location.origin)
      .map((url) => url.href),
  );
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys())
    if (!wanted.has(request.url)) await cache.delete(request);
  await Promise.all(
    [...wanted].map(async (url) => {
      if (!(await cache.match(url))) await cache.add(url);
    }),
  );
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    // The page itself is refreshed at each visit, so the copy kept is the last one seen online
    // (its hashed scripts never change under the same name).
    if (request.mode === 'navigate' && response.ok && !response.redirected) {
      const page = new URL(request.url);
      page.search = '';
      const cache = await caches.open(CACHE);
      await cache.put(page.href, response.clone());
    }
    return response;
  } catch (offline) {
    const kept = await caches.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw offline;
  }
}
