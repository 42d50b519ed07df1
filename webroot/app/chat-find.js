// "Find in this chat": the server reads the room back a few thousand messages per request and says where
// to go on, so a long meeting's chat is searched step by step instead of sent to the browser. Matches are
// marked in each result; matching ignores case, accents and Arabic vowel marks, as the server does.
import { h, mount } from './dom.js';
import { t, plural, formatDateTime } from './i18n.js';
import { api, errorText } from './api.js';

const MIN_CHARS = 2;
const MAX_CHARS = 200;
const MARKS = /[\p{M}\u0640]/gu;

/** Each code point of the text folded as the server folds it, with where each folded character came from. */
function foldWithOrigins(text) {
  let folded = '';
  const origins = []; // index in text of each UTF-16 unit of folded
  let at = 0;
  for (const ch of text) {
    const f = ch.normalize('NFKD').replace(MARKS, '').toLowerCase();
    for (let i = 0; i < f.length; i += 1) origins.push(at);
    folded += f;
    at += ch.length;
  }
  origins.push(at);
  return { folded, origins };
}

function fold(text) {
  return foldWithOrigins(text).folded;
}

/** The text as nodes, each stretch holding one of the words in a <mark>. */
export function highlighted(text, words) {
  const { folded, origins } = foldWithOrigins(text);
  const ranges = [];
  for (const word of words) {
    for (let i = folded.indexOf(word); i >= 0 && word; i = folded.indexOf(word, i + word.length)) {
      ranges.push([origins[i], origins[i + word.length]]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const nodes = [];
  let from = 0;
  for (const [start, end] of ranges) {
    if (start < from) continue; // overlaps a stretch already marked
    if (start > from) nodes.push(text.slice(from, start));
    nodes.push(h('mark', {}, text.slice(start, end)));
    from = end;
  }
  nodes.push(text.slice(from));
  return nodes;
}

export class ChatFinder {
  /** reveal(seq): shows the message in the chat's list, loading earlier pages if need be. */
  constructor(room, { reveal }) {
    this.room = room;
    this.reveal = reveal;
    this.query = '';
    this.words = [];
    this.found = 0;
    this.next = null;
    this.input = h('input', { type: 'search', id: 'chat-find-input', dir: 'auto', maxlength: MAX_CHARS,
      'aria-label': t('chat.find'), placeholder: t('chat.findPlaceholder') });
    this.status = h('p', { class: 'muted', id: 'chat-find-status', role: 'status' });
    this.results = h('ol', { class: 'chat-find-results', id: 'chat-find-results' });
    this.more = h('button', { type: 'button', class: 'link', id: 'chat-find-more', hidden: true,
      onclick: () => this.search(this.next) }, t('chat.findMore'));
    this.form = h('form', { class: 'chat-find', id: 'chat-find', role: 'search', hidden: true,
      onsubmit: (e) => { e.preventDefault(); this.search(null); } },
    h('div', { class: 'chat-find-bar' }, this.input,
      h('button', { type: 'submit', id: 'chat-find-go' }, t('chat.findGo')),
      h('button', { type: 'button', class: 'link', onclick: () => this.close() }, t('chat.findClose'))),
    this.status, this.results, this.more);
    this.toggle = h('button', { type: 'button', class: 'link', id: 'chat-find-open', 'aria-expanded': 'false',
      'aria-controls': 'chat-find', onclick: () => (this.form.hidden ? this.open() : this.close()) }, t('chat.find'));
  }

  open() {
    this.form.hidden = false;
    this.toggle.setAttribute('aria-expanded', 'true');
    this.input.focus();
  }

  close() {
    this.form.hidden = true;
    this.toggle.setAttribute('aria-expanded', 'false');
    mount(this.results);
    this.status.textContent = '';
    this.more.hidden = true;
    this.toggle.focus();
  }

  /** A new search (before null) or the next step back of the current one. */
  async search(before) {
    if (before === null) {
      const query = this.input.value.trim();
      if ([...query].length < MIN_CHARS) {
        this.status.textContent = plural('chat.findTooShort', MIN_CHARS);
        return;
      }
      this.query = query;
      this.words = [...new Set(fold(query).split(/\s+/).filter(Boolean))];
      this.found = 0;
      mount(this.results);
    }
    this.more.hidden = true;
    this.status.textContent = t('chat.finding');
    let page;
    try {
      page = await api.get(`/api/rooms/${encodeURIComponent(this.room)}/search?q=${encodeURIComponent(this.query)}`
        + (before === null ? '' : `&before=${before}`));
    } catch (e) {
      this.status.textContent = errorText(e);
      if (before !== null) this.more.hidden = false;
      return;
    }
    for (const { seq, event } of page.items) this.results.append(this.result(seq, event));
    this.found += page.items.length;
    this.next = page.next;
    this.status.textContent = t(page.next === null ? 'chat.findDone' : 'chat.findSoFar', { n: this.found });
    this.more.hidden = page.next === null;
  }

  result(seq, event) {
    return h('li', {},
      // Focusing a result on mousedown may scroll the page (Chromium does when the search box had focus),
      // and a click whose mouseup lands elsewhere is lost; the keyboard still focuses and presses it.
      h('button', { type: 'button', class: 'chat-find-result', dataset: { seq }, onclick: () => this.reveal(seq),
        onmousedown: (e) => e.preventDefault() },
        // Names and dates isolated, or a Latin name and a date run into each other in an Arabic page.
        h('span', { class: 'chat-meta muted' }, h('bdi', {}, event.author ? event.author.name : ''), ' · ',
          h('bdi', {}, h('time', { datetime: event.at }, formatDateTime(event.at)))),
        h('span', { class: 'chat-find-text', dir: 'auto' }, highlighted(event.text || '', this.words))));
  }
}
