// "People here": who has the chat open now, on any device or server. Asked for only while the list is
// shown (then every 30 s), so a delegate on a slow link pays for it only when they want to know.
import { h, mount } from './dom.js';
import { t, plural } from './i18n.js';
import { dataSaver } from './saver.js';
import { api, errorText } from './api.js';

const REFRESH_MS = 30000;

export class PeopleHere {
  constructor(room) {
    this.room = room;
    this.timer = 0;
    this.list = h('ul', { class: 'chat-people-list', id: 'chat-people-list', hidden: true });
    this.toggle = h('button', { type: 'button', class: 'link', id: 'chat-people', 'aria-expanded': 'false',
      'aria-controls': 'chat-people-list', onclick: () => (this.list.hidden ? this.open() : this.close()) }, t('chat.people'));
  }

  open() {
    this.list.hidden = false;
    this.toggle.setAttribute('aria-expanded', 'true');
    this.refresh();
  }

  close() {
    this.list.hidden = true;
    this.toggle.setAttribute('aria-expanded', 'false');
    clearTimeout(this.timer);
  }

  async refresh() {
    clearTimeout(this.timer);
    try {
      const { count, items } = await api.get(`/api/rooms/${encodeURIComponent(this.room)}/presence`);
      this.toggle.textContent = t('chat.peopleCount', { n: count });
      mount(this.list, items.map((p) => h('li', { dir: 'auto' }, p.name)),
        count > items.length ? h('li', { class: 'muted' }, plural('chat.peopleMore', count - items.length)) : null);
    } catch (e) {
      mount(this.list, h('li', { class: 'muted' }, errorText(e)));
    }
    // With data saver on, the list is fetched when opened, never polled.
    if (!this.list.hidden && !dataSaver()) this.timer = setTimeout(() => this.refresh(), REFRESH_MS);
  }
}
