import { formatBytes } from './dom.js';
import { t } from './i18n.js';

// Originals above a size come in Range requests of CHUNK bytes, each kept in Cache Storage as it arrives:
// a dropped link loses at most one chunk, and the download goes on from there when the link returns
// (or the reader clicks again, even after a reload). If-Range with the file's ETag makes sure the chunks
// are all of one file: a new revision meanwhile answers 200 with the whole file, and the chunks restart.
const CACHE = 'rapporteur-downloads-v1';
const CHUNK = 256 * 1024;
const RESUMABLE_FROM = 1024 * 1024;
const MAX_RETRIES = 8;

function chunkKey(url, etag, index) {
  return `/downloads/${encodeURIComponent(url)}/${encodeURIComponent(etag)}/${index}`;
}

async function fileTag(url) {
  const response = await fetch(url, { method: 'GET', headers: { Range: 'bytes=0-0' }, credentials: 'same-origin' });
  const range = response.headers.get('Content-Range');
  return { etag: response.headers.get('ETag') || '', size: range ? Number(range.split('/')[1]) : null };
}

async function fetchChunk(url, etag, from, to) {
  const response = await fetch(url, { headers: { Range: `bytes=${from}-${to}`, 'If-Range': etag }, credentials: 'same-origin' });
  if (response.status !== 206 || (etag && response.headers.get('ETag') !== etag)) throw new Error(`HTTP ${response.status}`);
  return response;
}

/** Downloads url (size bytes) chunk by chunk, resuming from what the cache holds; calls progress(bytes). */
export async function resumableFetch(url, size, progress = () => {}) {
  const cache = await caches.open(CACHE);
  const { etag } = await fileTag(url);
  const count = Math.ceil(size / CHUNK);
  const parts = [];
  for (let index = 0; index < count; index++) {
    const key = chunkKey(url, etag, index);
    let chunk = await cache.match(key);
    for (let attempt = 0; !chunk; attempt++) {
      try {
        const response = await fetchChunk(url, etag, index * CHUNK, Math.min(size, (index + 1) * CHUNK) - 1);
        await cache.put(key, response);
        chunk = await cache.match(key);
      } catch (error) {
        if (attempt >= MAX_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 1000 * 2 ** attempt)));
      }
    }
    parts.push(await chunk.blob());
    progress(Math.min(size, (index + 1) * CHUNK));
  }
  for (let index = 0; index < count; index++) await cache.delete(chunkKey(url, etag, index));
  return new Blob(parts);
}

/** Makes a download link of a large file resumable; small files keep the plain link. */
export function resumableDownload(link, size, filename) {
  if (!link || size < RESUMABLE_FROM || !('caches' in window)) return;
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    if (link.dataset.busy) return;
    link.dataset.busy = 'true';
    const label = link.textContent;
    try {
      const blob = await resumableFetch(link.href, size,
        (done) => { link.textContent = t('download.progress', { done: formatBytes(done), size: formatBytes(size) }); });
      const save = document.createElement('a');
      save.href = URL.createObjectURL(blob);
      save.download = filename || '';
      save.click();
      setTimeout(() => URL.revokeObjectURL(save.href), 60000);
      link.textContent = label;
    } catch {
      link.textContent = t('download.resume');
    } finally {
      delete link.dataset.busy;
    }
  });
}
