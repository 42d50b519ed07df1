// A small tus 1.0 client (creation + core + termination): uploads in chunks with XMLHttpRequest so
// progress shows, and after a dropped link asks the server where it stopped (HEAD) and goes on from
// there. The upload's address is remembered per file, so reloading the page resumes too.
import { csrfToken } from './api.js';

const CHUNK = 256 * 1024;
const STORE = 'rapporteur.tus.';
const TUS = { 'Tus-Resumable': '1.0.0' };

function encodeMetadata(metadata) {
  return Object.entries(metadata)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k} ${btoa(String.fromCharCode(...new TextEncoder().encode(String(v))))}`)
    .join(',');
}

function fingerprint(file, metadata) {
  return STORE + [file.name, file.size, file.lastModified, metadata.groupId, metadata.revisionOf || ''].join('|');
}

function xhr(method, url, { headers = {}, body = null, onProgress } = {}) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    request.withCredentials = true;
    for (const [k, v] of Object.entries({ ...TUS, ...headers })) request.setRequestHeader(k, v);
    if (onProgress) request.upload.onprogress = (e) => onProgress(e.loaded);
    request.onload = () => resolve(request);
    request.onerror = () => reject(new Error('network'));
    request.ontimeout = () => reject(new Error('network'));
    request.send(body);
  });
}

async function ensureCsrf() {
  if (!csrfToken()) await fetch('/api/session', { credentials: 'same-origin' });
  return csrfToken();
}

function problemOf(request) {
  try {
    return JSON.parse(request.responseText);
  } catch {
    return { status: request.status, title: request.statusText };
  }
}

/**
 * Uploads a file; resolves with { contributionId, number }. onProgress(sent, total) is called as
 * bytes leave; onRetry(attempt) when the link dropped and a retry is scheduled.
 */
export async function tusUpload(file, metadata, { onProgress = () => {}, onRetry = () => {} } = {}) {
  const key = fingerprint(file, metadata);
  const token = await ensureCsrf();
  let location = localStorage.getItem(key);
  let offset = location ? await currentOffset(location) : null;
  if (offset === null) {
    location = await create(file, metadata, token);
    localStorage.setItem(key, location);
    offset = 0;
  }
  let failures = 0;
  while (true) {
    try {
      const result = await patchFrom(location, file, offset, token, onProgress);
      if (result.done) {
        localStorage.removeItem(key);
        return result;
      }
      offset = result.offset;
      failures = 0;
    } catch (error) {
      if (error.problem) throw error;
      failures += 1;
      onRetry(failures);
      await new Promise((r) => setTimeout(r, Math.min(30000, 1000 * 2 ** Math.min(failures, 5))));
      const known = await currentOffset(location).catch(() => undefined);
      if (known === null) throw Object.assign(new Error('expired'), { problem: { title: 'expired', status: 404 } });
      if (known !== undefined) offset = known;
    }
  }
}

async function create(file, metadata, token) {
  const request = await xhr('POST', '/api/uploads', {
    headers: {
      'X-XSRF-TOKEN': token,
      'Upload-Length': String(file.size),
      'Upload-Metadata': encodeMetadata({ ...metadata, filename: file.name, filetype: file.type }),
    },
  });
  if (request.status !== 201) throw Object.assign(new Error('refused'), { problem: problemOf(request) });
  return request.getResponseHeader('Location');
}

/** The server's offset, or null when the upload is gone. */
async function currentOffset(location) {
  const request = await xhr('HEAD', location);
  if (request.status === 404 || request.status === 410) return null;
  if (request.status !== 200) throw new Error('network');
  return Number(request.getResponseHeader('Upload-Offset'));
}

async function patchFrom(location, file, offset, token, onProgress) {
  const end = Math.min(file.size, offset + CHUNK);
  const request = await xhr('PATCH', location, {
    headers: {
      'X-XSRF-TOKEN': token,
      'Upload-Offset': String(offset),
      'Content-Type': 'application/offset+octet-stream',
    },
    body: file.slice(offset, end),
    onProgress: (loaded) => onProgress(offset + loaded, file.size),
  });
  if (request.status === 409) {
    const known = await currentOffset(location);
    // Another PATCH holds the upload (one whose node died holds it until its lease ends): wait, do not hammer.
    if (known === offset) await new Promise((r) => setTimeout(r, 2000));
    return { offset: known };
  }
  if (request.status !== 204) {
    if (request.status >= 500 || request.status === 0) throw new Error('network');
    throw Object.assign(new Error('refused'), { problem: problemOf(request) });
  }
  const next = Number(request.getResponseHeader('Upload-Offset'));
  onProgress(next, file.size);
  const contributionId = request.getResponseHeader('Contribution-Id');
  return contributionId
    ? { done: true, contributionId, number: request.getResponseHeader('Contribution-Number') }
    : { offset: next };
}
