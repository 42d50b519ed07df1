// Builds DOM nodes. Text always goes in as text nodes: nothing here ever parses HTML.
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * A place in a page for a part that comes from a module loaded on first use: {@code load} resolves to
 * the part's node (or null), which then takes the placeholder's place.
 */
export function deferred(load) {
  const slot = h('div', { class: 'deferred' });
  load().then((node) => (node ? slot.replaceWith(node) : slot.remove()), (error) => {
    console.error(error);
    slot.remove();
  });
  return slot;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function mount(el, ...children) {
  // A page's view (router.js) takes the page's place when something is first put in it.
  el.beforeMount?.();
  clear(el);
  append(el, children);
  return el;
}

/** Formats a byte count for people on metered links, with the unit and digits of the page's language. */
export function formatBytes(bytes) {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / 1024 / 1024, 'megabyte'];
  return new Intl.NumberFormat(document.documentElement.lang || 'en', {
    style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1,
  }).format(value);
}
