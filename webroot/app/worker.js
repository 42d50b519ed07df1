import { h } from './dom.js';
import { t } from './i18n.js';
import { onSessionChange } from './session.js';

// The page's side of the service worker (/sw.js): registered for every visitor once the page has loaded, so
// that the next visit opens from the kept page and files without waiting for the network; told when a new
// version has been kept (it takes effect on the next visit, or now with "Reload"); told to forget what was
// kept for offline reading when nobody is signed in any more.
const KEPT = 'rapporteur-kept-v1';
const SHELL = 'rapporteur-shell-v1';
const supported = 'serviceWorker' in navigator && 'caches' in window;
let started = false;
let updated = false;

// Listening from the start: the worker may have kept a new version before the page has drawn itself, and
// a message that arrives with nobody listening once the document is parsed is lost.
if (supported) {
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type !== 'updated') return;
    updated = true;
    if (started) offerReload();
  });
}

export function startWorker() {
  if (!supported) return;
  started = true;
  if (updated) offerReload();
  else if (navigator.serviceWorker.controller) keptNewerVersion().then((newer) => newer && offerReload(), () => {});
  onSessionChange((me) => {
    if (!me) forgetKept();
  });
  // After load: the page and its files are in the HTTP cache by then, and the worker keeps them from there.
  const register = () => navigator.serviceWorker.register('/sw.js').catch(() => {});
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/**
 * The worker tells the open pages when it keeps a new version, but a page still starting may not hear it:
 * so the page also compares its own import map with the kept page's.
 */
async function keptNewerVersion() {
  const kept = await caches.match('/', { cacheName: SHELL });
  const mine = document.querySelector('script[type=importmap]')?.textContent;
  const theirs = kept && (await kept.text()).match(/<script type="importmap">([^<]*)<\/script>/)?.[1];
  return !!(mine && theirs && mine !== theirs);
}

/** Offline copies are one person's: the page drops them, and the worker its list of them. */
function forgetKept() {
  caches.delete(KEPT).catch(() => {});
  navigator.serviceWorker.controller?.postMessage({ type: 'forget' });
}

function offerReload() {
  if (document.getElementById('update-ready')) return;
  document.body.append(h('div', { class: 'toast', id: 'update-ready', role: 'status' },
    h('span', {}, t('update.ready')),
    h('button', { type: 'button', class: 'primary', id: 'update-reload', onclick: () => location.reload() }, t('update.reload'))));
}
