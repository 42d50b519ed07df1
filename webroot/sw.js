// The service worker, registered by every visitor once the page is usable (app/worker.js): a repeat visit
// gets the page at once from here, revalidated behind it, and the hashed files (which never change) too.
// Versions never mix: a page with new file names is adopted only once the files of its first screen, and the
// new names of the files this visitor has kept, are kept beside it; it takes effect on the next visit. A file
// goes only when no kept page names it (the current one, the one before, the one kept for offline reading).
// Offline reading keeps one person's API answers: served only when the network fails, dropped at sign-out.
const SHELL = 'rapporteur-shell-v1';
const FILES = 'rapporteur-files-v1';
const KEPT = 'rapporteur-kept-v1';
const CURRENT = '/';
const PREVIOUS = '/previous';
const HASHED = /^\/(app|i18n)\/.+\.[0-9a-f]{12}\.(js|css|json)$/;

/** The kept URLs (path and query), read once from the cache after each start of the worker; null until then. */
let kept = null;
/** Pages are adopted one at a time: two revalidations at once must not interleave their files. */
let adopting = Promise.resolve();

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

// Installed while the page that registered it is open: it and its files come from the HTTP cache.
self.addEventListener('install', (event) => event.waitUntil(
  fetch(CURRENT, { cache: 'force-cache', credentials: 'same-origin' })
    .then((page) => (page.ok ? adopt(page, { cache: 'force-cache', notify: false }) : null))
    .catch(() => null)
    .then(() => self.skipWaiting())));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
keptUrls().catch(() => null);

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (HASHED.test(url.pathname)) {
    event.respondWith(hashedFile(request));
  } else if (request.mode === 'navigate' && url.pathname === '/') {
    event.respondWith(page(event));
  } else if (url.pathname.startsWith('/api/') && (kept === null || kept.has(pathOf(request.url)))) {
    // Only what was kept goes through here: anything else goes straight out, with no hop through the worker.
    event.respondWith(networkFirst(request, pathOf(request.url)));
  }
});

/** The kept page at once, revalidated behind it; the network's when none is kept yet. */
async function page(event) {
  const shells = await caches.open(SHELL);
  const cached = await shells.match(CURRENT);
  const fresh = revalidate(cached, event);
  if (cached) {
    event.waitUntil(fresh.catch(() => null));
    return cached;
  }
  try {
    return await fresh;
  } catch (error) {
    const offline = await caches.match(CURRENT, { cacheName: KEPT });
    if (offline) return offline;
    throw error;
  }
}

async function revalidate(cached, event) {
  // no-cache: a conditional request, a 304 when nothing changed (the HTTP cache then answers the body).
  const response = await fetch(CURRENT, { cache: 'no-cache', credentials: 'same-origin' });
  if (response.ok && (!cached || cached.headers.get('ETag') !== response.headers.get('ETag'))) {
    event.waitUntil(adopt(response.clone(), { cache: 'default', notify: !!cached }).catch(() => null));
  }
  return response;
}

function adopt(response, options) {
  adopting = adopting.catch(() => null).then(() => adoptNow(response, options));
  return adopting;
}

async function adoptNow(response, { cache, notify }) {
  const html = await response.clone().text();
  const files = await caches.open(FILES);
  for (const url of await filesOf(html, files)) {
    if (await caches.match(url)) continue;
    const file = await fetch(url, { cache, credentials: 'same-origin' });
    // A page whose files cannot all be had is not adopted: the kept one stays, whole.
    if (!file.ok) throw new Error(`${url}: ${file.status}`);
    await files.put(url, file);
  }
  const shells = await caches.open(SHELL);
  const before = await shells.match(CURRENT);
  if (before && before.headers.get('ETag') === response.headers.get('ETag')) return;
  if (before) await shells.put(PREVIOUS, before);
  await shells.put(CURRENT, response);
  await dropUnnamedFiles();
  if (notify) {
    for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'updated' });
  }
}

/** The page's first screen (what it links and preloads), and the new name of every file this visitor has kept. */
async function filesOf(html, files) {
  const wanted = new Set([...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]).filter((p) => HASHED.test(p)));
  const names = importMap(html);
  for (const request of await files.keys()) {
    const renamed = names[plainName(new URL(request.url).pathname)];
    if (renamed) wanted.add(renamed);
  }
  return wanted;
}

function importMap(html) {
  const match = html.match(/<script type="importmap">([^<]*)<\/script>/);
  return match ? JSON.parse(match[1]).imports || {} : {};
}

function plainName(path) {
  return path.replace(/\.[0-9a-f]{12}(\.[a-z]+)$/, '$1');
}

async function dropUnnamedFiles() {
  const named = new Set();
  const pages = [await caches.match(CURRENT, { cacheName: SHELL }), await caches.match(PREVIOUS, { cacheName: SHELL }),
    await caches.match(CURRENT, { cacheName: KEPT })];
  for (const kept of pages.filter(Boolean)) {
    const html = await kept.text();
    Object.values(importMap(html)).forEach((path) => named.add(path));
  }
  const files = await caches.open(FILES);
  for (const request of await files.keys()) {
    if (!named.has(new URL(request.url).pathname)) await files.delete(request);
  }
}

/** Hashed files never change: a kept copy is as good as the network's, and one fetched is kept. */
async function hashedFile(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(FILES).then((files) => files.put(request, copy)).catch(() => null);
  }
  return response;
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

/**
 * 'keep' stores what the page asks to keep; 'refresh' fetches every kept answer again (the link is back);
 * 'forget' drops them (sign-out).
 */
self.addEventListener('message', (event) => {
  const { type, urls } = event.data || {};
  const reply = (result) => event.ports[0]?.postMessage(result);
  if (type === 'keep') event.waitUntil(keep(urls).then(reply));
  else if (type === 'refresh') event.waitUntil(refresh().then(reply));
  else if (type === 'forget') event.waitUntil(forget().then(reply));
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

async function forget() {
  await caches.delete(KEPT);
  kept = new Set();
  return { forgotten: true };
}
