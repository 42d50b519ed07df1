import { h, mount, formatBytes } from './dom.js';
import { t, language } from './i18n.js';
import { dataSaverControl } from './saver.js';

// "Keep this meeting for offline reading": the sizes of the allocated documents' light views first (asked
// with HEAD, nothing downloaded), then on confirmation the service worker (/sw.js) stores the page, its
// files, the meeting, its agenda and queue and those light views. They open with no network, and are
// fetched again when the link returns. Signing out forgets them (worker.js): they are one person's.
const CACHE = 'rapporteur-kept-v1';

function supported() {
  return 'serviceWorker' in navigator && 'caches' in window;
}

/** Every document allocated anywhere in the agenda, sub-items included, once each. */
export function allocatedDocuments(items, out = new Map()) {
  for (const item of items) {
    for (const a of item.allocations || []) {
      if (!out.has(a.contributionId)) out.set(a.contributionId, { id: a.contributionId, number: a.number, title: a.title });
    }
    allocatedDocuments(item.children || [], out);
  }
  return [...out.values()];
}

async function lightViewSize(id) {
  try {
    const response = await fetch(`/api/contributions/${encodeURIComponent(id)}/text`, { method: 'HEAD', credentials: 'same-origin' });
    return response.ok ? Number(response.headers.get('Content-Length')) || 0 : null;
  } catch {
    return null;
  }
}

/**
 * Modules loaded on first use that reading a kept meeting needs: the document page and what it imports,
 * and the meeting page's own deferred parts.
 */
const READING_MODULES = ['./pages/contribution.js', './lightview.js', './filetypes.js', './saver.js', './download.js',
  './meeting-admin.js', './offline.js'];

/** The files the page runs on now: its hashed modules, style sheet and message files. */
function pageFiles() {
  const links = [...document.querySelectorAll('link[rel=modulepreload], link[rel=stylesheet], link[rel=preload], script[src]')]
    .map((el) => el.getAttribute('href') || el.getAttribute('src'));
  const lazy = READING_MODULES.map((path) => import.meta.resolve(path));
  return [...new Set([...links, ...lazy, import.meta.resolve(`/i18n/${language()}.json`)]
    .map((url) => new URL(url, location.href).pathname))];
}

function meetingUrls(meetingId) {
  return ['/api/session', `/api/meetings/${meetingId}`, `/api/meetings/${meetingId}/agenda`, `/api/meetings/${meetingId}/queue`];
}

async function tellWorker(message) {
  await navigator.serviceWorker.register('/sw.js');
  const registration = await navigator.serviceWorker.ready;
  const channel = new MessageChannel();
  const answer = new Promise((resolve) => { channel.port1.onmessage = (event) => resolve(event.data); });
  registration.active.postMessage(message, [channel.port2]);
  return answer;
}

async function keptAt(meetingId) {
  const cache = await caches.open(CACHE);
  const response = await cache.match(`/api/meetings/${meetingId}`);
  return response ? response.headers.get('Date') : null;
}

/** The meeting page's offline section; null where the browser has no service workers. */
export function offlineReading(meeting, agenda) {
  if (!supported()) return null;
  const box = h('section', { class: 'card offline', id: 'offline', 'aria-labelledby': 'offline-h' });
  const heading = () => h('h2', { id: 'offline-h' }, t('offline.title'));
  const status = (key, vars) => h('p', { role: 'status', id: 'offline-status' }, t(key, vars));

  const offer = async () => {
    const date = await keptAt(meeting.id).catch(() => null);
    mount(box, heading(), date ? status('offline.kept') : null,
      h('button', { type: 'button', id: 'keep-offline', onclick: ask }, t(date ? 'offline.update' : 'offline.keep')),
      h('p', {}, dataSaverControl()));
  };

  const ask = async () => {
    const documents = allocatedDocuments(agenda.items);
    mount(box, heading(), status('offline.measuring'));
    const sizes = await Promise.all(documents.map((d) => lightViewSize(d.id)));
    const readable = documents.filter((d, i) => sizes[i] !== null);
    const total = sizes.reduce((sum, size) => sum + (size || 0), 0);
    mount(box, heading(),
      h('p', {}, t('offline.sizes', { n: readable.length, size: formatBytes(total) })),
      h('ul', { id: 'offline-sizes' }, documents.map((d, i) => h('li', {},
        h('span', { class: 'code' }, d.number || d.id), ' ', h('span', { dir: 'auto' }, d.title || ''), ' — ',
        sizes[i] === null ? t('offline.noLightView') : formatBytes(sizes[i])))),
      h('button', { type: 'button', class: 'primary', id: 'keep-confirm', onclick: () => save(readable) }, t('offline.save')), ' ',
      h('button', { type: 'button', class: 'link', onclick: offer }, t('offline.cancel')));
  };

  const save = async (documents) => {
    mount(box, heading(), status('offline.saving'));
    const urls = ['/', ...pageFiles(), ...meetingUrls(meeting.id),
      ...documents.flatMap((d) => [`/api/contributions/${d.id}`, `/api/contributions/${d.id}/text`])];
    try {
      const { failed } = await tellWorker({ type: 'keep', urls });
      mount(box, heading(), status(failed ? 'offline.partly' : 'offline.kept', { n: failed }),
        h('button', { type: 'button', id: 'keep-offline', onclick: ask }, t('offline.update')));
    } catch {
      mount(box, heading(), status('offline.failed'), h('button', { type: 'button', onclick: ask }, t('offline.keep')));
    }
  };

  offer();
  return box;
}

if (supported()) {
  // The link is back: the worker fetches every kept answer again, so what is read offline next is current.
  window.addEventListener('online', () => {
    if (navigator.serviceWorker.controller) tellWorker({ type: 'refresh' }).catch(() => {});
  });
}
