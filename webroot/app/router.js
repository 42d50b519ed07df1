// Hash routes (#/groups/42): no server round trip to change page, and links work offline-first.
import { t } from './i18n.js';

const routes = [];
let outlet;
/** Renders started so far; the latest one owns the page. */
let renders = 0;
const renderOfView = new WeakMap();

/** route('/groups/:id', (main, params) => ...) */
export function route(pattern, render) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; }) + '$');
  routes.push({ regex, names, render });
}

export function navigate(path) {
  if (location.hash === '#' + path) renderCurrent();
  else location.hash = path;
}

export function currentPath() {
  return location.hash.replace(/^#/, '').split('?')[0] || '/';
}

export function queryParams() {
  const query = location.hash.split('?')[1] || '';
  return new URLSearchParams(query);
}

/**
 * Each render draws into a view of its own, which takes the page's place when the render first mounts
 * something in it (dom.js), unless a newer render started meanwhile. On a slow link the answer for a
 * page the reader already left can come last: it must not replace the page they went to.
 */
export async function renderCurrent() {
  // In-page anchors such as the skip link (#main) are not routes.
  if (location.hash && !location.hash.startsWith('#/')) return;
  const number = ++renders;
  const view = document.createElement('div');
  view.className = 'view';
  renderOfView.set(view, number);
  view.beforeMount = () => {
    if (number === renders && view.parentNode !== outlet) outlet.replaceChildren(view);
  };
  const path = currentPath();
  const found = routes.find(({ regex }) => regex.test(path)) || routes.find((r) => r.regex.test('/404'));
  if (!found) return;
  const match = path.match(found.regex);
  const params = match ? Object.fromEntries(found.names.map((n, i) => [n, decodeURIComponent(match[i + 1])])) : {};
  document.title = t('app.title');
  await found.render(view, params);
  view.beforeMount();
  if (number === renders) nameTab(view);
  // Move focus to the new page for screen readers, unless the page put it somewhere itself.
  if (number === renders && !outlet.contains(document.activeElement)) outlet.focus({ preventScroll: true });
}

/**
 * Every tab says which page it holds: a page that did not name itself (pages with data do, such as a
 * meeting's) is named after its heading, which is already in the reader's language.
 */
function nameTab(view) {
  if (document.title !== t('app.title')) return;
  const heading = view.querySelector('h1')?.textContent.trim();
  if (heading) document.title = `${heading} — ${t('app.title')}`;
}

/** Whether a page's view is still the latest one: a page left behind must not start following a room. */
export function isCurrentView(view) {
  return renderOfView.get(view) === renders;
}

export function startRouter(main) {
  outlet = main;
  window.addEventListener('hashchange', renderCurrent);
  return renderCurrent();
}
