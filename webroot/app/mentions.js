import { h, clear } from './dom.js';
import { t } from './i18n.js';

// Suggests people while "@" is typed in a chat message and remembers whom the writer picked, so that
// the message carries their ids: the server notifies each of them in their own room. People are the
// room's group members (asked once, at the first "@") and everyone who wrote in the loaded history.

const MAX_SUGGESTIONS = 6;
const QUERY = /(^|\s)@([^\s@]{0,40})$/u;

/** Lower case without accents, so that "@aich" finds "Aïcha". */
function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export class MentionPicker {
  constructor(input, { loadPeople, me, knownAuthors }) {
    this.input = input;
    this.loadPeople = loadPeople;
    this.me = me;
    this.knownAuthors = knownAuthors;
    this.people = null;
    this.picked = new Map(); // name as inserted -> user id
    this.matches = [];
    this.active = 0;
    this.element = h('ul', { class: 'mention-list', id: 'mention-list', role: 'listbox', hidden: true,
      'aria-label': t('chat.mentionHint') });
    input.setAttribute('aria-controls', 'mention-list');
    input.setAttribute('aria-autocomplete', 'list');
    input.addEventListener('input', () => this.update());
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  /** Handles a key while suggestions show; true when the key was the picker's. */
  handleKey(e) {
    if (this.element.hidden || !this.matches.length) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : this.matches.length - 1)) % this.matches.length;
      this.draw();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      this.pick(this.matches[this.active]);
    } else if (e.key === 'Escape') {
      this.close();
    } else {
      return false;
    }
    e.preventDefault();
    return true;
  }

  /** The ids of the people picked whose "@name" is still in the text. */
  mentionsIn(text) {
    const ids = new Set();
    for (const [name, id] of this.picked) if (text.includes(`@${name}`)) ids.add(id);
    return [...ids];
  }

  reset() {
    this.picked.clear();
    this.close();
  }

  async update() {
    const query = QUERY.exec(this.input.value.slice(0, this.input.selectionStart));
    if (!query) {
      this.close();
      return;
    }
    const people = await this.candidates();
    const folded = fold(query[2]);
    this.matches = people
      .filter((p) => fold(p.name).split(/\s+/).some((word) => word.startsWith(folded)) || fold(p.name).startsWith(folded))
      .slice(0, MAX_SUGGESTIONS);
    this.active = 0;
    this.draw();
  }

  async candidates() {
    if (!this.people) {
      this.people = this.loadPeople().catch(() => []);
    }
    const byId = new Map();
    for (const p of [...await this.people, ...this.knownAuthors()]) {
      if (p.id && p.name && p.id !== this.me?.id) byId.set(p.id, p);
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  pick(person) {
    const caret = this.input.selectionStart;
    const before = this.input.value.slice(0, caret).replace(QUERY, (all, space) => `${space}@${person.name} `);
    this.input.value = before + this.input.value.slice(caret);
    this.input.setSelectionRange(before.length, before.length);
    this.picked.set(person.name, person.id);
    this.close();
    this.input.focus();
  }

  draw() {
    clear(this.element);
    this.element.hidden = this.matches.length === 0;
    this.input.setAttribute('aria-expanded', String(!this.element.hidden));
    this.matches.forEach((person, i) => {
      this.element.append(h('li', {
        id: `mention-option-${i}`, role: 'option', 'aria-selected': String(i === this.active),
        class: i === this.active ? 'active' : '', dir: 'auto',
        onmousedown: (e) => { e.preventDefault(); this.pick(person); },
      }, person.name));
    });
    if (!this.element.hidden) this.input.setAttribute('aria-activedescendant', `mention-option-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  close() {
    this.matches = [];
    this.draw();
  }
}
