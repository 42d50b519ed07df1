import { h, mount, clear } from './dom.js';
import { t, formatDateTime } from './i18n.js';
import { api, errorText } from './api.js';
import { currentUser, isStaff } from './session.js';
import { addGroupPanel } from './panels.js';
import { subscribe, usingFallback } from './live.js';

// The chat panel of a room (a group's workspace channel now, a meeting's later). What it promises
// on a bad link: messages typed offline wait in an outbox kept in localStorage (it survives a
// reload) and are sent when the link returns; their clientIds make every resend idempotent; after
// any drop it resumes from the last sequence number seen, and says how many messages were missed.
// When the WebSocket cannot connect it falls back to Server-Sent Events plus POST.
// Message text is only ever put in text nodes; links become <a> elements built here.

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;
const FINAL_ERRORS = new Set(['muted', 'forbidden', 'too-long', 'invalid', 'not-found', 'unprocessable']);

addGroupPanel(async (main, ws) => {
  const me = currentUser();
  if (!me) return null;
  const canSend = (!!ws.myRole && ws.myRole !== 'observer') || isStaff();
  return chatPanel(`group:${ws.id}`, { canSend, canModerate: !!ws.canManage });
});

const openRooms = new Set();

/** A chat panel for one room; the returned section closes its connection once it leaves the page. */
export async function chatPanel(room, { canSend, canModerate }) {
  for (const old of openRooms) {
    if (!old.element.isConnected) old.close();
  }
  const chat = new ChatRoom(room, { canSend, canModerate, me: currentUser() });
  openRooms.add(chat);
  await chat.loadHistory();
  chat.connect();
  return chat.element;
}

function newClientId() {
  const random = globalThis.crypto?.randomUUID ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  return `c-${random}`;
}

function storageKey(kind, room) {
  return `rapporteur.chat.${kind}.${room}`;
}

function readJson(key, fallback) {
  try {
    const value = localStorage.getItem(key);
    return value ? JSON.parse(value) : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the outbox then lives only as long as the page
  }
}

/** Text as text nodes, with http(s) links as anchors; never parsed as HTML. */
export function linkify(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    const url = match[0];
    nodes.push(h('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow' }, url));
    last = match.index + url.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

class ChatRoom {
  constructor(room, { canSend, canModerate, me }) {
    this.room = room;
    this.canSend = canSend;
    this.canModerate = canModerate;
    this.me = me;
    this.since = null;
    this.messages = new Map(); // seq -> event
    this.outbox = readJson(storageKey('outbox', room), []);
    this.subscription = null;
    this.closed = false;
    this.missed = null; // { from, until, count } while a replay after a drop is counted
    this.replyTo = null;
    this.buildElement();
    window.addEventListener('hashchange', this.onLeave = () => {
      setTimeout(() => { if (!this.element.isConnected) this.close(); }, 0);
    });
    // Over the fallback, sends are plain POSTs: when the network returns, the outbox goes out at once
    // instead of waiting for the event stream to notice (over a WebSocket this waits for the reconnect).
    window.addEventListener('online', this.onOnline = () => this.flushOutbox());
  }

  buildElement() {
    this.list = h('ol', { class: 'chat-messages', 'aria-live': 'polite', id: 'chat-messages' });
    this.status = h('p', { class: 'chat-status muted', id: 'chat-status', role: 'status' });
    this.input = h('textarea', { id: 'chat-input', rows: 2, dir: 'auto', placeholder: t('chat.placeholder'),
      'aria-label': t('chat.placeholder'), maxlength: 4000 });
    this.replyNote = h('div', { class: 'chat-reply-note muted' });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        this.submit();
      }
    });
    const form = h('form', { class: 'chat-form', id: 'chat-form', onsubmit: (e) => { e.preventDefault(); this.submit(); } },
      this.replyNote, this.input, h('button', { type: 'submit', class: 'primary', id: 'chat-send' }, t('chat.send')));
    this.element = h('section', { class: 'chat', 'aria-labelledby': 'chat-h', id: 'chat', dataset: { room: this.room } },
      h('h2', { id: 'chat-h' }, t('chat.title')),
      this.status,
      this.list,
      this.canSend ? form : h('p', { class: 'muted' }, t('chat.readOnly')));
  }

  async loadHistory() {
    try {
      const page = await api.get(`/api/rooms/${encodeURIComponent(this.room)}/events?limit=100`);
      const lastSeen = readJson(storageKey('seen', this.room), null);
      for (const frame of page.items) this.apply(frame.seq, frame.event, false);
      this.since = page.head;
      const unseen = lastSeen === null ? 0
        : page.items.filter((f) => f.seq > lastSeen && f.event.kind === 'message' && !this.isMine(f.event)).length;
      this.render();
      if (unseen > 0) this.showMissed(lastSeen + 1, unseen);
      this.remember();
    } catch {
      this.since = null;
    }
    this.renderOutbox();
  }

  connect() {
    if (this.closed) return;
    this.subscription = subscribe(this.room, {
      since: () => this.since,
      onFrame: (frame) => this.onFrame(frame),
      onStatus: (state) => this.setStatus(state === 'offline' ? t('chat.offline')
        : state === 'fallback' ? t('chat.fallback') : ''),
    });
  }

  onFrame(frame) {
    switch (frame.type) {
      case 'subscribed':
        this.onSubscribed(frame);
        break;
      case 'event':
        if (frame.room === this.room) this.onEvent(frame);
        break;
      case 'ack':
        this.dropFromOutbox(frame.clientId);
        break;
      case 'error':
        this.onError(frame);
        break;
      default:
    }
  }

  onSubscribed(frame) {
    this.setStatus(usingFallback() ? t('chat.fallback') : '');
    if (this.since !== null && frame.head > this.since) {
      this.missed = { from: this.since + 1, until: frame.head, count: 0 };
    } else if (this.since === null) {
      this.since = frame.head;
    }
    this.flushOutbox();
  }

  onEvent(frame) {
    if (this.since !== null && frame.seq <= this.since) return;
    this.since = frame.seq;
    this.apply(frame.seq, frame.event, true);
    if (this.missed && frame.event.kind === 'message' && !this.isMine(frame.event)) this.missed.count += 1;
    if (this.missed && frame.seq >= this.missed.until) {
      const { from, count } = this.missed;
      this.missed = null;
      if (count > 0) this.showMissed(from, count);
    }
    this.remember();
  }

  apply(seq, event, live) {
    if (event.kind === 'message') {
      this.messages.set(seq, { ...event, seq });
      if (event.clientId) this.dropFromOutbox(event.clientId, false);
    } else if (event.kind === 'edit' && this.messages.has(event.target)) {
      const target = this.messages.get(event.target);
      this.messages.set(event.target, { ...target, text: event.text, editedAt: event.at });
    } else if (event.kind === 'delete' && this.messages.has(event.target)) {
      const target = this.messages.get(event.target);
      this.messages.set(event.target, { ...target, text: undefined, deleted: true });
    }
    if (live) this.render();
  }

  isMine(event) {
    return !!this.me && !!event.author && event.author.id === this.me.id;
  }

  remember() {
    if (this.since !== null && document.visibilityState !== 'hidden') writeJson(storageKey('seen', this.room), this.since);
  }

  showMissed(fromSeq, count) {
    const marker = h('li', { class: 'chat-missed', id: 'chat-missed', role: 'note' }, t('chat.missed', { n: count }));
    document.getElementById('chat-missed')?.remove();
    const first = [...this.list.querySelectorAll('li[data-seq]')].find((li) => Number(li.dataset.seq) >= fromSeq);
    this.list.insertBefore(marker, first || null);
  }

  submit() {
    const text = this.input.value.trim();
    if (!text) return;
    const item = { clientId: newClientId(), text };
    if (this.replyTo) item.replyTo = this.replyTo;
    this.outbox.push(item);
    writeJson(storageKey('outbox', this.room), this.outbox);
    this.input.value = '';
    this.setReply(null);
    this.renderOutbox();
    this.sendItem(item);
  }

  flushOutbox() {
    this.outbox.forEach((item) => this.sendItem(item));
  }

  async sendItem(item) {
    const frame = { room: this.room, clientId: item.clientId, text: item.text };
    if (item.replyTo) frame.replyTo = item.replyTo;
    if (this.subscription?.send({ type: 'send', ...frame })) {
      return;
    }
    if (usingFallback()) {
      try {
        const ack = await api.post('/api/realtime/send', frame);
        this.dropFromOutbox(ack.clientId);
      } catch (e) {
        this.onError({ clientId: item.clientId, code: e.problem?.type?.replace('/problems/', '') || 'unavailable',
          detail: e.message, http: e.status });
      }
    }
  }

  onError(frame) {
    const item = this.outbox.find((o) => o.clientId === frame.clientId);
    const code = frame.http === 403 ? 'forbidden' : frame.http === 429 ? 'rate-limited' : frame.code;
    if (item && (FINAL_ERRORS.has(code) || frame.http === 400 || frame.http === 413)) {
      this.dropFromOutbox(item.clientId);
      this.setStatus(t(`chat.error.${code}`) === `chat.error.${code}` ? t('chat.error.generic') : t(`chat.error.${code}`));
    } else if (item && code === 'unavailable') {
      // Not sent: it stays in the outbox, which is sent again when the stream is back.
      this.setStatus(t('chat.error.unavailable'));
    } else if (item && code === 'rate-limited') {
      this.setStatus(t('chat.error.rate-limited'));
      setTimeout(() => this.sendItem(item), 2000);
    } else if (!item) {
      this.setStatus(t('chat.error.generic'));
    }
  }

  dropFromOutbox(clientId, rerender = true) {
    const before = this.outbox.length;
    this.outbox = this.outbox.filter((o) => o.clientId !== clientId);
    if (this.outbox.length !== before) {
      writeJson(storageKey('outbox', this.room), this.outbox);
      if (rerender) this.renderOutbox();
    }
  }

  send(frame, fallbackPath) {
    if (!this.subscription?.send(frame)) {
      const { type, ...body } = frame;
      api.post(fallbackPath, body).catch((e) => this.setStatus(errorText(e)));
    }
  }

  edit(message) {
    const text = window.prompt(t('chat.edit'), message.text || '');
    if (text === null || !text.trim()) return;
    this.send({ type: 'edit', room: this.room, clientId: newClientId(), target: message.seq, text: text.trim() },
      '/api/realtime/edit');
  }

  remove(message) {
    if (!window.confirm(t('chat.confirmDelete'))) return;
    this.send({ type: 'delete', room: this.room, clientId: newClientId(), target: message.seq }, '/api/realtime/delete');
  }

  setReply(message) {
    this.replyTo = message ? message.seq : null;
    mount(this.replyNote, message
      ? [t('chat.replyingTo', { seq: message.seq }), ' ',
        h('button', { type: 'button', class: 'link', onclick: () => this.setReply(null) }, t('chat.cancel'))]
      : []);
    if (message) this.input.focus();
  }

  render() {
    const marker = document.getElementById('chat-missed');
    const keep = marker && this.list.contains(marker) ? marker : null;
    const fromSeq = keep ? Number(keep.nextElementSibling?.dataset.seq || Infinity) : null;
    clear(this.list);
    const seqs = [...this.messages.keys()].sort((a, b) => a - b);
    if (!seqs.length && !this.outbox.length) this.list.append(h('li', { class: 'muted chat-empty' }, t('chat.empty')));
    for (const seq of seqs) {
      if (keep && seq === fromSeq) this.list.append(keep);
      this.list.append(this.renderMessage(this.messages.get(seq)));
    }
    this.renderOutbox();
    this.list.scrollTop = this.list.scrollHeight;
  }

  renderMessage(m) {
    const mine = this.isMine(m);
    const actions = [];
    if (!m.deleted && this.canSend) {
      actions.push(h('button', { type: 'button', class: 'link', onclick: () => this.setReply(m) }, t('chat.reply')));
    }
    if (!m.deleted && mine) {
      actions.push(h('button', { type: 'button', class: 'link', onclick: () => this.edit(m) }, t('chat.edit')));
    }
    if (!m.deleted && (mine || this.canModerate)) {
      actions.push(h('button', { type: 'button', class: 'link', onclick: () => this.remove(m) }, t('chat.delete')));
    }
    return h('li', { class: mine ? 'chat-message mine' : 'chat-message', dataset: { seq: String(m.seq) } },
      h('div', { class: 'chat-meta muted' },
        h('span', { class: 'chat-author', dir: 'auto' }, m.author ? m.author.name : ''), ' · ',
        h('time', { datetime: m.at }, formatDateTime(m.at, { timeStyle: 'short' })),
        m.replyTo ? [' · ', h('span', { class: 'chat-reply-to' }, t('chat.inReplyTo', { seq: m.replyTo }))] : null,
        m.editedAt && !m.deleted ? [' · ', t('chat.edited')] : null),
      m.deleted
        ? h('p', { class: 'chat-text muted' }, t('chat.deleted'))
        : h('p', { class: 'chat-text', dir: 'auto' }, linkify(m.text || '')),
      actions.length ? h('div', { class: 'chat-actions' }, actions) : null);
  }

  renderOutbox() {
    this.list.querySelectorAll('li.chat-pending').forEach((li) => li.remove());
    if (this.outbox.length) this.list.querySelector('.chat-empty')?.remove();
    for (const item of this.outbox) {
      this.list.append(h('li', { class: 'chat-message mine chat-pending', dataset: { clientId: item.clientId } },
        h('div', { class: 'chat-meta muted' }, t('chat.sending')),
        h('p', { class: 'chat-text', dir: 'auto' }, linkify(item.text))));
    }
  }

  setStatus(text) {
    this.status.textContent = text;
  }

  close() {
    openRooms.delete(this);
    this.closed = true;
    window.removeEventListener('hashchange', this.onLeave);
    window.removeEventListener('online', this.onOnline);
    this.subscription?.close();
  }
}
