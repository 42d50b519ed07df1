// How far the reader got in each room (chat is for signed-in readers). The marks are kept on the server,
// so the laptop in the meeting room and the phone on the way home agree on what is new. They only move
// forward, on the server too, so two tabs never undo each other.
import { h } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { currentUser, onSessionChange } from './session.js';

/** Heads asked at once (the server's limit). */
const MAX_HEADS = 50;

/**
 * A busy room moves the mark with every message; the server hears of it at most this often per room
 * (the first mark at once), and whenever the tab is hidden or closed. Each mark is a request with its
 * headers: at one message a second, every 3 s cost a participant about 3 kbit/s on a paid link.
 */
const SEND_EVERY_MS = 20000;
const outgoing = new Map(); // room -> { seq, sent, lastSentAt, timer }
const heard = new Map(); // room -> the furthest mark another tab or device set while this page was open

/**
 * The reader's mark in a room: the furthest of the `read` the server gave with its history or heads, the
 * one this tab has yet to send and one heard from another device since. Null when the reader never saw the room.
 */
export function readMarkOf(room, serverRead) {
  const marks = [serverRead, outgoing.get(room)?.seq, heard.get(room)].filter((seq) => seq !== null && seq !== undefined);
  return marks.length ? Math.max(...marks) : null;
}

/**
 * The server said the reader read room up to seq, in another tab or on another device: parts of the page
 * that show what is new hear of it through a `rapporteur:read` event on window, with { room, seq }.
 */
export function readElsewhere(room, seq) {
  // This tab's own marks come back too: they are no news here.
  if (seq <= (heard.get(room) ?? -1) || seq <= (outgoing.get(room)?.seq ?? -1)) return;
  heard.set(room, seq);
  window.dispatchEvent(new CustomEvent('rapporteur:read', { detail: { room, seq } }));
}

/** The reader was shown the room up to seq: the server hears of it within a few seconds. */
export function markRead(room, seq) {
  let state = outgoing.get(room);
  if (!state) outgoing.set(room, state = { seq: null, sent: null, lastSentAt: 0, timer: 0 });
  if (state.seq !== null && seq <= state.seq) return;
  state.seq = seq;
  schedule(room, state);
}

/**
 * Marks each listed room that the reader read before (on any device) and that has news since: one request
 * for the list, made after the page is drawn, so a slow link sees the list first. places: [{ room, element }],
 * the mark goes at the end of element. label: what the mark says (a meeting's room also carries its agenda
 * and speaker queue, so news there is not only chat).
 */
export async function markChatNews(places, label = 'groups.chatNews') {
  const asked = places.slice(0, MAX_HEADS);
  if (!currentUser() || !asked.length) return;
  let heads;
  try {
    heads = (await api.get(`/api/rooms/heads?rooms=${encodeURIComponent(asked.map((p) => p.room).join(','))}`)).items;
  } catch {
    return; // the list stands without the marks
  }
  const where = new Map(asked.map((p) => [p.room, p.element]));
  for (const { room, head, read } of heads) {
    const seen = readMarkOf(room, read);
    if (seen === null || head <= seen) continue;
    where.get(room)?.append(' ', h('span', { class: 'badge mine chat-news' }, t(label)));
  }
}

function schedule(room, state) {
  if (state.timer) return;
  const wait = Math.max(0, state.lastSentAt + SEND_EVERY_MS - Date.now());
  state.timer = setTimeout(() => send(room, state), wait);
}

async function send(room, state, keepalive = false) {
  clearTimeout(state.timer);
  state.timer = 0;
  if (state.seq === null || state.seq === state.sent) return;
  const seq = state.seq;
  state.lastSentAt = Date.now();
  try {
    await api.put(`/api/rooms/${encodeURIComponent(room)}/read`, { seq }, { keepalive });
    state.sent = Math.max(state.sent ?? 0, seq);
  } catch {
    // Offline, or signed out meanwhile: the next mark, or the link coming back, sends it again.
  }
}

function sendAll(keepalive) {
  for (const [room, state] of outgoing) send(room, state, keepalive);
}

// A tab being closed or sent away still tells the server where its reader stopped.
window.addEventListener('pagehide', () => sendAll(true));
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') sendAll(true);
});
window.addEventListener('online', () => sendAll(false));
// Marks belong to the account that read: a sign-out or another sign-in drops what the last one left unsent.
onSessionChange(() => {
  for (const state of outgoing.values()) clearTimeout(state.timer);
  outgoing.clear();
  heard.clear();
});
