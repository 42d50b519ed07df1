// The service worker, registered only once someone keeps a meeting for offline reading (offline.js):
// until then nobody pays for it. It answers from Cache Storage only what was kept (the page, its hashed
// files, the kept meetings' API answers and light views) and only when the network fails; a kept answer
// that comes from the network refreshes the copy, so a kept meeting follows the link whenever it is up.
const KEPT = 'rapporteur-kept-v1';
const HASHED = /^\/(app|i18n)\/.+\.[0-9a-f]{12}\.(js|css|json)$/;

/** The kept URLs (path and query), read once from the cache after each start of the worker. */
let kept = null;

async function keptUrls() {
  if (!kept) {
    const cache = await caches.open(KEPT);
    kept = new Set((await cache.keys()).map((request) => pathOf(request.url)));
  }
  return kept;
}

function pathOf(url) {
  const u = new URL(url, self.location.origin);
  return u.pathname + u.search;
}

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === 'navigate' && url.pathname === '/') {
    event.respondWith(networkFirst(request, '/'));
  } else if (url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirst(request, pathOf(request.url)));
  }
});

/** Hashed files never change: the kept copy is as good as the network's. */
async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: KEPT });
  return cached || fetch(request);
}

async function networkFirst(request, key) {
  const urls = await keptUrls();
  if (!urls.has(key)) return fetch(request);
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(KEPT)).put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(key, { cacheName: KEPT });
    if (cached) return cached;
    throw error;
  }
}

/** Stores what the page asks to keep; 'refresh' fetches every kept answer again (the link is back). */
self.addEventListener('message', (event) => {
  const { type, urls } = event.data || {};
  if (type === 'keep') event.waitUntil(keep(urls).then((result) => event.ports[0]?.postMessage(result)));
  else if (type === 'refresh') event.waitUntil(refresh().then((result) => event.ports[0]?.postMessage(result)));
});

async function keep(urls) {
  const cache = await caches.open(KEPT);
  let failed = 0;
  for (const url of urls) {
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (response.ok) await cache.put(pathOf(url), response);
      else failed += 1;
    } catch {
      failed += 1;
    }
  }
  kept = null;
  return { kept: urls.length - failed, failed };
}

async function refresh() {
  const cache = await caches.open(KEPT);
  const requests = await cache.keys();
  let refreshed = 0;
  for (const request of requests) {
    if (HASHED.test(new URL(request.url).pathname)) continue;
    try {
      const response = await fetch(request.url, { credentials: 'same-origin', cache: 'no-cache' });
      if (response.ok) {
        await cache.put(request, response);
        refreshed += 1;
      }
    } catch {
      // Still offline: the kept copy stays.
    }
  }
  return { refreshed };
}
