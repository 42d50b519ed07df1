// Turns the server's light-view HTML into DOM nodes through an allow-list: the markup is parsed in
// an inert document, and only allowed elements (without any attribute) and text are copied over.
import { h, mount } from './dom.js';
import { fetchOnce } from './api.js';

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th',
  'b', 'i', 'em', 'strong', 'br', 'mark']);

function copy(source, target, allowed) {
  for (const node of source.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      target.append(document.createTextNode(node.textContent));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const tag = node.tagName.toLowerCase();
      if (tag === 'script' || tag === 'style') continue;
      if (allowed.has(tag)) {
        const el = document.createElement(tag);
        copy(node, el, allowed);
        target.append(el);
      } else {
        copy(node, target, allowed);
      }
    }
  }
  return target;
}

/** The light view as a node: dir comes from the server's wrapper (rtl or ltr), nothing else. */
export function lightView(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const wrapper = doc.body.firstElementChild;
  const dir = wrapper?.getAttribute('dir') === 'rtl' ? 'rtl' : 'ltr';
  return copy(wrapper || doc.body, h('div', { class: 'light-view', dir }), BLOCK);
}

/** A search snippet: escaped text with <mark> around the matches. */
export function snippet(html) {
  const doc = new DOMParser().parseFromString(`<div>${html || ''}</div>`, 'text/html');
  return copy(doc.body.firstElementChild, h('span', { class: 'snippet', dir: 'auto' }), new Set(['mark']));
}

/** Resolves once el is on screen (or near it): the next part of a light view is fetched when the reader gets there. */
function reached(el) {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        resolve();
      }
    }, { rootMargin: '400px' });
    observer.observe(el);
  });
}

/**
 * A light view fetched part by part (?part=n), the first screen first; the other parts follow at once, or,
 * with onDemand (data saver), each as the reader scrolls near the end. Where parts cannot be had (a view
 * kept for offline reading is whole), the whole view. Answers false when there is no view to show.
 */
export async function pagedLightView(box, url, { onDemand = false } = {}) {
  let first;
  try {
    first = await fetchOnce(`${url}?part=0`);
  } catch {
    first = await fetch(url, { credentials: 'same-origin' }).catch(() => null);
  }
  if (!first?.ok) return false;
  const parts = Number(first.headers.get('X-Light-View-Parts')) || 1;
  const view = lightView(await first.text());
  mount(box, view);
  for (let part = 1; part < parts; part++) {
    if (onDemand) await reached(view.lastElementChild || view);
    const response = await fetch(`${url}?part=${part}`, { credentials: 'same-origin' }).catch(() => null);
    if (!response?.ok) break;
    view.append(...lightView(await response.text()).childNodes);
  }
  return true;
}
