// Turns the server's light-view HTML into DOM nodes through an allow-list: the markup is parsed in
// an inert document, and only allowed elements (without any attribute) and text are copied over.
import { h } from './dom.js';

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
