// Hash routes (#/groups/42): no server round trip to change page, and links work offline-first.
const routes = [];
let outlet;

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

export async function renderCurrent() {
  // In-page anchors such as the skip link (#main) are not routes.
  if (location.hash && !location.hash.startsWith('#/')) return;
  const path = currentPath();
  for (const { regex, names, render } of routes) {
    const match = path.match(regex);
    if (!match) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
    await render(outlet, params);
    // Move focus to the new page for screen readers, unless the page put it somewhere itself.
    if (!outlet.contains(document.activeElement)) outlet.focus({ preventScroll: true });
    return;
  }
  await routes.find((r) => r.regex.test('/404'))?.render(outlet, {});
}

export function startRouter(main) {
  outlet = main;
  window.addEventListener('hashchange', renderCurrent);
  return renderCurrent();
}
