import { h, mount } from './dom.js';
import { t, plural } from './i18n.js';
import { api, errorText } from './api.js';
import { currentUser, isStaff } from './session.js';
import { addGroupPanel } from './panels.js';
import { subscribe, usingFallback } from './live.js';
import { isCurrentView } from './router.js';
import { MentionPicker } from './mentions.js';
import { RoomMessages } from './chat-messages.js';
import { MAX_TEXT_CHARS, messageRow, pendingRow, rowEditor } from './chat-row.js';
import { readJson, writeJson } from './storage.js';
import { markRead, readMarkOf } from './read-marks.js';
import { ChatFinder } from './chat-find.js';
import { PeopleHere } from './chat-people.js';

// The chat panel of a room (a group's or a meeting's). What it promises on a bad link: messages typed
// offline wait in an outbox kept in localStorage (it survives a reload) and are sent when the link
// returns; their clientIds make every resend idempotent; after any drop it resumes from the last
// sequence number seen, and says how many messages were missed. The transport (WebSocket, or the
// Server-Sent Events + POST fallback) is live.js's. Each event changes one row of the list, never the
// whole list: a replay of thousands of missed events stays linear, and a reader scrolled up to older
// messages is not pulled down by new ones.

const FINAL_ERRORS = new Set(['muted', 'forbidden', 'too-long', 'invalid', 'not-found', 'unprocessable']);
const PAGE = 100;
/** Rows kept while the reader follows the end; older ones come back with "earlier messages". */
const MAX_ROWS = 500;
/** How far a search result may take the list back: as far as "Earlier messages" clicked this many times. */
const MAX_PAGES_BACK = 50;
const NEAR_BOTTOM_PX = 48;
const ANNOUNCED_CHARS = 300;

addGroupPanel(async (main, ws) => {
  const me = currentUser();
  if (!me) return null;
  const canSend = (!!ws.myRole && ws.myRole !== 'observer') || isStaff();
  return chatPanel(`group:${ws.id}`, { canSend, canModerate: !!ws.canManage, groupId: ws.id, view: main });
});

const openRooms = new Set();

/**
 * A chat panel for one room; the returned section closes its connection once it leaves the page.
 * groupId: whose members are offered after "@"; view: the page's view (router.js). Null when the reader
 * left the page while its history loaded.
 */
export async function chatPanel(room, { canSend, canModerate, groupId, view }) {
  const loadPeople = async () => (await api.get(`/api/groups/${encodeURIComponent(groupId)}/members`)).items
    .map((m) => ({ id: m.userId, name: m.name }));
  const chat = new ChatRoom(room, { canSend, canModerate, me: currentUser(), loadPeople });
  await chat.loadHistory();
  if (!isCurrentView(view)) {
    chat.close();
    return null;
  }
  // A page has one chat panel: a new one means the page is drawn again (another language, a change the
  // page shows), and the panel it replaces must stop following its room now, not when it is detached.
  for (const old of openRooms) old.close();
  openRooms.add(chat);
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

class ChatRoom {
  constructor(room, { canSend, canModerate, me, loadPeople }) {
    this.room = room;
    this.canSend = canSend;
    this.canModerate = canModerate;
    this.me = me;
    this.since = null;
    this.messages = new RoomMessages();
    this.rows = new Map(); // seq -> its <li>
    this.muted = new Set(); // user ids, known to moderators only
    this.view = {
      me, canSend, canModerate, muted: this.muted, quoted: (seq) => this.messages.get(seq),
      pinned: () => this.pinned?.seq ?? null,
      on: { reply: (m) => this.setReply(m), edit: (m) => this.edit(m), remove: (m) => this.remove(m),
        mute: (author) => this.toggleMute(author), reveal: (seq) => this.reveal(seq), pin: (m) => this.pin(m) },
    };
    this.newBelow = 0;
    this.batch = null; // what the events of the frame being applied did, until it is settled
    this.editing = null; // seq of the message being edited in its row
    this.mutedHere = false; // as the server last said: history, a refusal, or a message of ours it took
    this.unseenInTitle = 0; // messages that came while the tab was hidden
    this.outbox = readJson(storageKey('outbox', room), []);
    this.subscription = null;
    this.closed = false;
    this.missed = null; // { from, until, count } while a replay after a drop is counted
    this.replyTo = null;
    this.pinned = null; // the message pinned at the top of the room: { seq, text, author }
    this.buildElement(loadPeople);
    // Any new route renders a new page (the next page may take a while to replace this one, and until
    // then this panel would go on following the room and marking it seen for a reader who left).
    window.addEventListener('hashchange', this.onLeave = () => {
      if (location.hash.startsWith('#/')) this.close();
    });
    // A delegate following the meeting in another tab sees in the tab's title how many messages came.
    document.addEventListener('visibilitychange', this.onVisible = () => {
      if (document.visibilityState === 'visible') this.countInTitle(0);
    });
    // Over the fallback, sends are plain POSTs: when the network returns, the outbox goes out at once
    // instead of waiting for the event stream to notice (over a WebSocket this waits for the reconnect).
    window.addEventListener('online', this.onOnline = () => this.flushOutbox());
    // Read to the end on another device (the phone, while this laptop tab waits in the background): what
    // this tab still calls new is not new to the reader any more.
    window.addEventListener('rapporteur:read', this.onReadElsewhere = ({ detail }) => {
      if (detail.room !== this.room || this.since === null || detail.seq < this.since) return;
      document.getElementById('chat-missed')?.remove();
      this.countInTitle(0);
    });
  }

  buildElement(loadPeople) {
    this.list = h('ol', { class: 'chat-messages', id: 'chat-messages',
      onscroll: () => { if (this.nearBottom()) this.showNewBelow(0); } });
    this.status = h('p', { class: 'chat-status muted', id: 'chat-status', role: 'status' });
    // What a screen reader says of new messages: each one as it comes, a count for a replay (the list
    // itself is not live, or a replay of hundreds would be read out one by one).
    this.announcer = h('p', { class: 'visually-hidden', id: 'chat-announcer', 'aria-live': 'polite' });
    this.pinBar = h('div', { class: 'chat-pinned', id: 'chat-pinned', hidden: true });
    this.finder = new ChatFinder(this.room, { reveal: (seq) => this.revealFar(seq) });
    this.people = new PeopleHere(this.room);
    this.earlier = h('button', { type: 'button', class: 'link chat-earlier', id: 'chat-earlier', hidden: true,
      onclick: () => this.loadEarlier() }, t('chat.earlier'));
    this.jump = h('button', { type: 'button', class: 'chat-jump', id: 'chat-jump', hidden: true,
      onclick: () => this.scrollToEnd() });
    this.input = h('textarea', { id: 'chat-input', rows: 2, dir: 'auto', placeholder: t('chat.placeholder'),
      'aria-label': t('chat.placeholder'), maxlength: MAX_TEXT_CHARS });
    this.picker = new MentionPicker(this.input, { loadPeople, me: this.me, knownAuthors: () => this.messages.authors() });
    this.replyNote = h('div', { class: 'chat-reply-note muted' });
    this.input.addEventListener('keydown', (e) => {
      if (this.picker.handleKey(e)) return;
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        this.submit();
      }
    });
    const form = h('form', { class: 'chat-form', id: 'chat-form', onsubmit: (e) => { e.preventDefault(); this.submit(); } },
      this.replyNote, this.picker.element, this.input, h('button', { type: 'submit', class: 'primary', id: 'chat-send' }, t('chat.send')));
    this.element = h('section', { class: 'chat', 'aria-labelledby': 'chat-h', id: 'chat', dataset: { room: this.room } },
      h('div', { class: 'chat-head' }, h('h2', { id: 'chat-h' }, t('chat.title')),
        this.people.toggle,
        this.finder.toggle,
        h('a', { href: `/api/rooms/${encodeURIComponent(this.room)}/transcript.csv`, id: 'chat-transcript',
          download: '' }, t('chat.transcript'))),
      this.people.list,
      this.finder.form,
      this.status,
      this.announcer,
      this.pinBar,
      this.earlier,
      h('div', { class: 'chat-scroller' }, this.list, this.jump),
      this.canSend ? form : h('p', { class: 'muted' }, t('chat.readOnly')));
  }

  async loadHistory() {
    try {
      const page = await this.page(null);
      const seenBefore = readMarkOf(this.room, page.read);
      this.addPage(page.items);
      this.since = page.head;
      this.mutedHere = !!page.muted;
      this.showPin(page.pinned ? { seq: page.pinned.seq, ...page.pinned.event } : null);
      this.setStatus(this.connectedStatus());
      const unseen = seenBefore === null ? 0
        : page.items.filter((f) => f.seq > seenBefore && f.event.kind === 'message' && !this.isMine(f.event)).length;
      // Missed messages older than the first page are not counted: the marker then says "more than".
      const beyondPage = seenBefore !== null && page.items.length > 0 && seenBefore + 1 < page.items[0].seq;
      if (unseen > 0) this.showMissed(seenBefore + 1, unseen, beyondPage);
      this.remember();
    } catch {
      this.since = null;
    }
    this.renderOutbox();
    this.placeOnceShown();
    if (this.canModerate) this.loadMutes();
  }

  /**
   * The page shows the panel after the history loaded, and a list not on the page cannot scroll: once it
   * has a size, it opens at the first message the reader missed, or at the end.
   */
  placeOnceShown() {
    const observer = new ResizeObserver(() => {
      if (!this.list.clientHeight) return;
      observer.disconnect();
      const marker = this.list.querySelector('#chat-missed');
      if (marker) this.list.scrollTop = marker.offsetTop - this.list.offsetTop;
      else this.scrollToEnd();
    });
    observer.observe(this.list);
  }

  /** Up to PAGE events before seq (the newest when null), oldest first. */
  page(before) {
    const query = before === null ? '' : `&before=${before}`;
    return api.get(`/api/rooms/${encodeURIComponent(this.room)}/events?limit=${PAGE}${query}`);
  }

  async loadEarlier() {
    if (this.messages.oldest === null) return;
    this.earlier.disabled = true;
    try {
      const fromBottom = this.list.scrollHeight - this.list.scrollTop;
      this.addPage((await this.page(this.messages.oldest)).items);
      this.list.scrollTop = this.list.scrollHeight - fromBottom;
    } catch (e) {
      this.setStatus(errorText(e));
    } finally {
      this.earlier.disabled = false;
    }
  }

  /** A page of history older than every row shown: its new rows go on top, changes to shown rows in place. */
  addPage(items) {
    if (items.length) this.messages.loadedFrom(items[0].seq);
    const fresh = document.createDocumentFragment();
    for (const frame of items) {
      const seq = this.take(frame.seq, frame.event);
      if (seq === null) continue;
      if (this.rows.has(seq)) this.redraw(seq);
      else fresh.append(this.draw(seq));
    }
    this.list.insertBefore(fresh, this.firstRow());
    this.earlier.hidden = !(items.length >= PAGE && items[0].seq > 1);
    this.updateEmpty();
  }

  connect() {
    if (this.closed) return;
    // The panel this one replaces may have queued messages while this one loaded its history.
    this.outbox = readJson(storageKey('outbox', this.room), []);
    this.renderOutbox();
    this.subscription = subscribe(this.room, {
      since: () => this.since,
      onFrame: (frame) => this.onFrame(frame),
      onStatus: (state) => this.setStatus(state === 'offline' ? t('chat.offline') : this.connectedStatus()),
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
        this.onAck(frame.clientId);
        break;
      case 'error':
        this.onError(frame);
        break;
      default:
    }
  }

  onSubscribed(frame) {
    this.setStatus(this.connectedStatus());
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
    this.applyLive(frame.seq, frame.event);
    this.followPin(frame.seq, frame.event);
    if (this.missed && frame.event.kind === 'message' && !this.isMine(frame.event)) this.missed.count += 1;
    if (this.missed && frame.seq >= this.missed.until) {
      const { from, count } = this.missed;
      this.missed = null;
      if (count > 0) this.showMissed(from, count);
    }
  }

  /**
   * Keeps the pinned bar as the room's events leave it. Only live events (and a replay after a drop) move
   * it: the history says where the pin stands, and the older pins in its pages are past.
   */
  followPin(seq, event) {
    const pinnedSeq = this.pinned?.seq;
    if (event.kind === 'pin') this.showPin({ seq: event.target, text: event.text, author: event.about?.author });
    else if (event.kind === 'unpin' && event.target === pinnedSeq) this.showPin(null);
    else if (event.kind === 'delete' && event.target === pinnedSeq) this.showPin(null);
    else if (event.kind === 'edit' && event.target === pinnedSeq) this.showPin({ ...this.pinned, text: event.text });
  }

  showPin(message) {
    const before = this.pinned?.seq;
    this.pinned = message;
    this.pinBar.hidden = !message;
    mount(this.pinBar, message ? [
      h('span', { class: 'chat-pinned-label' }, t('chat.pinned')),
      h('button', { type: 'button', class: 'chat-pinned-text', dir: 'auto', title: t('chat.showPinned'),
        onclick: () => this.revealFar(message.seq) },
      message.author ? h('strong', {}, h('bdi', {}, message.author.name), ': ') : null, message.text || ''),
      this.canModerate ? h('button', { type: 'button', class: 'link', id: 'chat-unpin', onclick: () => this.unpin() },
        t('chat.unpin')) : null,
    ] : []);
    // The rows of the message that was pinned and of the one now pinned offer "Pin" again, or no longer.
    for (const seq of [before, message?.seq]) if (seq !== undefined && this.rows.has(seq)) this.redraw(seq);
  }

  async pin(message) {
    try {
      await api.put(`/api/rooms/${encodeURIComponent(this.room)}/pin`, { target: message.seq });
    } catch (e) {
      this.setStatus(errorText(e));
    }
  }

  async unpin() {
    try {
      await api.del(`/api/rooms/${encodeURIComponent(this.room)}/pin`);
    } catch (e) {
      this.setStatus(errorText(e));
    }
  }

  /** What the status line says while connected: the slower transport, or that the reader is muted here. */
  connectedStatus() {
    if (usingFallback()) return t('chat.fallback');
    return this.mutedHere ? t('chat.error.muted') : '';
  }

  /**
   * Adds or changes the event's row. The events of one frame (a replay brings a hundred) are laid out
   * and scrolled once, after the last of them: reading the list's height after each row would make the
   * browser lay the whole list out again for every event.
   */
  applyLive(seq, event) {
    if (!this.batch) {
      this.batch = { stick: this.nearBottom(), mine: false, added: 0 };
      queueMicrotask(() => this.settle());
    }
    const changed = this.take(seq, event);
    if (changed === null) return;
    if (this.rows.has(changed)) {
      this.redraw(changed);
      return;
    }
    this.list.insertBefore(this.draw(changed), this.list.querySelector('li.chat-pending'));
    if (this.isMine(event)) {
      this.batch.mine = true;
    } else {
      this.batch.added += 1;
      this.batch.last = this.messages.get(changed);
    }
  }

  settle() {
    const { stick, mine, added, last } = this.batch;
    this.batch = null;
    this.updateEmpty();
    if (stick || mine) {
      this.trim();
      this.scrollToEnd();
    } else if (added) {
      this.showNewBelow(this.newBelow + added);
    }
    if (added && document.visibilityState === 'hidden') this.countInTitle(this.unseenInTitle + added);
    if (added) this.announce(added, last);
    this.remember();
  }

  announce(added, last) {
    const text = [...(last.text || '')].slice(0, ANNOUNCED_CHARS).join('');
    this.announcer.textContent = added === 1 ? `${last.author ? last.author.name : ''}: ${text}`
      : plural('chat.newMessages', added);
  }

  countInTitle(count) {
    if (count === this.unseenInTitle) return;
    const plain = document.title.replace(/^\(\d+\) /, '');
    this.unseenInTitle = count;
    document.title = count ? `(${count}) ${plain}` : plain;
    if (!count) this.remember();
  }

  /** Applies one event; answers the seq of the message whose row it adds or changes, or null. */
  take(seq, event) {
    if (event.kind === 'message' && event.clientId) this.dropFromOutbox(event.clientId);
    return this.messages.take(seq, event);
  }

  /** Keeps the page light in a long meeting: the oldest rows go, and "earlier messages" brings them back. */
  trim() {
    if (this.rows.size <= MAX_ROWS) return;
    const seqs = [...this.rows.keys()].sort((a, b) => a - b);
    for (const seq of seqs.slice(0, seqs.length - MAX_ROWS)) {
      this.rows.get(seq).remove();
      this.rows.delete(seq);
    }
    this.messages.forgetBefore(seqs[seqs.length - MAX_ROWS]);
    this.earlier.hidden = false;
  }

  isMine(event) {
    return !!this.me && !!event.author && event.author.id === this.me.id;
  }

  remember() {
    if (this.since !== null && document.visibilityState !== 'hidden') markRead(this.room, this.since);
  }

  showMissed(fromSeq, count, atLeast = false) {
    const marker = h('li', { class: 'chat-missed', id: 'chat-missed', role: 'note' },
      plural(atLeast ? 'chat.missedMore' : 'chat.missed', count));
    document.getElementById('chat-missed')?.remove();
    const first = [...this.list.querySelectorAll('li[data-seq]')].find((li) => Number(li.dataset.seq) >= fromSeq);
    this.list.insertBefore(marker, first || this.list.querySelector('li.chat-pending'));
  }

  nearBottom() {
    return this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < NEAR_BOTTOM_PX;
  }

  scrollToEnd() {
    this.list.scrollTop = this.list.scrollHeight;
    this.showNewBelow(0);
  }

  showNewBelow(count) {
    this.newBelow = count;
    this.jump.hidden = count === 0;
    this.jump.textContent = count ? plural('chat.newBelow', count) : '';
  }

  submit() {
    const text = this.input.value.trim();
    if (!text) return;
    const item = { clientId: newClientId(), text };
    if (this.replyTo) item.replyTo = this.replyTo;
    const mentions = this.picker.mentionsIn(text);
    if (mentions.length) item.mentions = mentions;
    this.outbox.push(item);
    writeJson(storageKey('outbox', this.room), this.outbox);
    this.input.value = '';
    this.picker.reset();
    this.setReply(null);
    this.renderOutbox();
    this.scrollToEnd();
    this.sendItem(item);
  }

  flushOutbox() {
    this.outbox.forEach((item) => this.sendItem(item));
  }

  async sendItem(item) {
    const frame = { room: this.room, clientId: item.clientId, text: item.text };
    if (item.replyTo) frame.replyTo = item.replyTo;
    if (item.mentions) frame.mentions = item.mentions;
    if (this.subscription?.send({ type: 'send', ...frame })) {
      return;
    }
    if (usingFallback()) {
      try {
        const ack = await api.post('/api/realtime/send', frame);
        this.onAck(ack.clientId);
      } catch (e) {
        this.onError({ clientId: item.clientId, code: e.problem?.type?.replace('/problems/', '') || 'unavailable',
          detail: e.message, http: e.status });
      }
    }
  }

  /** The server took a write of ours: it is out of the outbox, and the reader is evidently not muted. */
  onAck(clientId) {
    this.dropFromOutbox(clientId);
    if (this.mutedHere) {
      this.mutedHere = false;
      this.setStatus(this.connectedStatus());
    }
  }

  onError(frame) {
    const item = this.outbox.find((o) => o.clientId === frame.clientId);
    const code = frame.http === 403 ? 'forbidden' : frame.http === 429 ? 'rate-limited' : frame.code;
    if (item && (FINAL_ERRORS.has(code) || frame.http === 400 || frame.http === 413)) {
      this.dropFromOutbox(item.clientId);
      if (code === 'muted') this.mutedHere = true;
      // The refused text goes back to the input (unless the writer started another), so it is not lost.
      if (!this.input.value.trim()) this.input.value = item.text;
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

  dropFromOutbox(clientId) {
    const before = this.outbox.length;
    this.outbox = this.outbox.filter((o) => o.clientId !== clientId);
    if (this.outbox.length !== before) {
      writeJson(storageKey('outbox', this.room), this.outbox);
      this.renderOutbox();
    }
  }

  send(frame, fallbackPath) {
    if (!this.subscription?.send(frame)) {
      const { type, ...body } = frame;
      api.post(fallbackPath, body).catch((e) => this.setStatus(errorText(e)));
    }
  }

  /** Edits a message in its row; the row keeps the draft while other events arrive. */
  edit(message) {
    const paragraph = this.rows.get(message.seq)?.querySelector('.chat-text');
    if (!paragraph) return;
    this.editing = message.seq;
    const done = () => {
      this.editing = null;
      this.redraw(message.seq);
    };
    paragraph.replaceWith(rowEditor(message.text || '', (text) => {
      if (text !== message.text) {
        this.send({ type: 'edit', room: this.room, clientId: newClientId(), target: message.seq, text },
          '/api/realtime/edit');
      }
      done();
    }, done));
  }

  remove(message) {
    if (!window.confirm(t('chat.confirmDelete'))) return;
    this.send({ type: 'delete', room: this.room, clientId: newClientId(), target: message.seq }, '/api/realtime/delete');
  }

  async loadMutes() {
    try {
      const { items } = await api.get(`/api/rooms/${encodeURIComponent(this.room)}/mutes`);
      this.muted.clear();
      items.forEach((m) => this.muted.add(m.userId));
      this.redrawAuthor(null);
    } catch {
      // the panel still works; only the mute buttons may show the wrong state until a reload
    }
  }

  async toggleMute(author) {
    const muting = !this.muted.has(author.id);
    if (muting && !window.confirm(t('chat.confirmMute', { name: author.name }))) return;
    const path = `/api/rooms/${encodeURIComponent(this.room)}/mutes/${encodeURIComponent(author.id)}`;
    try {
      if (muting) await api.put(path);
      else await api.del(path);
    } catch (e) {
      this.setStatus(errorText(e));
      return;
    }
    if (muting) this.muted.add(author.id);
    else this.muted.delete(author.id);
    this.setStatus(t(muting ? 'chat.mutedNotice' : 'chat.unmutedNotice', { name: author.name }));
    this.redrawAuthor(author.id);
  }

  /** Redraws the rows of one author (of everyone when null). */
  redrawAuthor(userId) {
    for (const message of this.messages.values()) {
      if (message.author && (userId === null || message.author.id === userId)) this.redraw(message.seq);
    }
  }

  setReply(message) {
    this.replyTo = message ? message.seq : null;
    mount(this.replyNote, message
      ? [t('chat.replyingTo', { seq: message.seq }), ' ',
        h('button', { type: 'button', class: 'link', onclick: () => this.setReply(null) }, t('chat.cancel'))]
      : []);
    if (message) this.input.focus();
  }

  /** Scrolls to a message and marks it for a moment (from a reply's quote). */
  /** Reveals a message that may be older than the rows shown (a search result), loading pages back to it. */
  async revealFar(seq) {
    for (let i = 0; i < MAX_PAGES_BACK && !this.rows.has(seq) && !this.earlier.hidden; i += 1) {
      await this.loadEarlier();
    }
    this.reveal(seq);
  }

  reveal(seq) {
    const row = this.rows.get(seq);
    if (!row) return;
    row.scrollIntoView({ block: 'center' });
    row.classList.add('chat-flash');
    setTimeout(() => row.classList.remove('chat-flash'), 1500);
  }

  /** The first row, pending message or missed marker: older rows go before it. */
  firstRow() {
    return this.list.querySelector('li:not(.chat-empty)');
  }

  updateEmpty() {
    const empty = this.rows.size === 0 && this.outbox.length === 0;
    const note = this.list.querySelector('.chat-empty');
    if (empty && !note) this.list.append(h('li', { class: 'muted chat-empty' }, t('chat.empty')));
    if (!empty) note?.remove();
  }

  draw(seq) {
    const row = messageRow(this.messages.get(seq), this.view);
    this.rows.set(seq, row);
    return row;
  }

  redraw(seq) {
    const old = this.rows.get(seq);
    // A row being edited keeps the reader's draft; it shows the message's news once the edit ends.
    if (old && seq !== this.editing) old.replaceWith(this.draw(seq));
  }

  renderOutbox() {
    this.list.querySelectorAll('li.chat-pending').forEach((li) => li.remove());
    for (const item of this.outbox) this.list.append(pendingRow(item));
    this.updateEmpty();
  }

  setStatus(text) {
    this.status.textContent = text;
  }

  close() {
    openRooms.delete(this);
    this.closed = true;
    window.removeEventListener('hashchange', this.onLeave);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('rapporteur:read', this.onReadElsewhere);
    document.removeEventListener('visibilitychange', this.onVisible);
    this.countInTitle(0);
    this.people.close();
    this.subscription?.close();
  }
}
