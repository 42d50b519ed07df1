// The one way the front end talks to the server: JSON in and out, the CSRF token echoed on
// every change, and problem+json turned into an ApiError that names the fields.
import { t, has } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** Field problems as { field: message }. */
  get fields() {
    const out = {};
    for (const e of this.problem.errors || []) out[e.field] = e.message;
    return out;
  }
}

/**
 * What kind of problem a failed request met, in the reader's language (from the problem's type); the
 * server's detail is English written for developers, so it is not what the reader is told.
 */
export function problemTitle(error) {
  if (!(error instanceof ApiError)) return t('error.network');
  const type = String(error.problem.type || '').replace(/^\/problems\//, '');
  return has(`problem.${type}`) ? t(`problem.${type}`) : t('problem.other');
}

/** The problem's title, and the fields it names with the server's words for each. */
export function errorText(error) {
  const fields = error instanceof ApiError ? (error.problem.errors || []).map((e) => `${e.field}: ${e.message}`) : [];
  return [problemTitle(error), ...fields].join(' — ');
}

export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

async function ensureCsrf() {
  if (!csrfToken()) await fetch('/api/session', { credentials: 'same-origin' });
  return csrfToken();
}

/** `init`: more fetch options, such as `keepalive` for a request that must outlive the page. */
export async function request(method, path, body, init = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = await ensureCsrf();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    ...init, method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** Answers asked for before anyone needed them (prefetch), each taken once. */
const early = new Map();
const earlyResponses = new Map();

/**
 * Starts GETs that the first screen will make, before what they would wait on (the session, the page's
 * modules) has come: on a slow link each round costs half a second. An answer nobody takes is dropped with
 * forgetPrefetched.
 */
export function prefetch(paths) {
  for (const path of paths) {
    const answer = request('GET', path);
    answer.catch(() => {});
    early.set(path, answer);
  }
}

/** A raw answer (one read with its headers, as a light view's first part) asked for early; taken once. */
export function prefetchResponse(path) {
  const answer = fetch(path, { credentials: 'same-origin' });
  answer.catch(() => {});
  earlyResponses.set(path, answer);
}

/** The early raw answer for path if there is one, else a fetch of it now. */
export function fetchOnce(path) {
  const answer = earlyResponses.get(path);
  if (!answer) return fetch(path, { credentials: 'same-origin' });
  earlyResponses.delete(path);
  return answer;
}

export function forgetPrefetched() {
  early.clear();
  earlyResponses.clear();
}

function get(path) {
  const answer = early.get(path);
  if (!answer) return request('GET', path);
  early.delete(path);
  return answer;
}

export const api = {
  get,
  post: (path, body) => request('POST', path, body ?? {}),
  put: (path, body, init) => request('PUT', path, body ?? {}, init),
  patch: (path, body) => request('PATCH', path, body ?? {}),
  del: (path) => request('DELETE', path),
};
