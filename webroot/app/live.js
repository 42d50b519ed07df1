// The tab's one realtime connection (/api/realtime, protocol in DESIGN.md). Every room the page
// shows (meeting agenda and queue, chat, notifications) subscribes through it, so a tab holds one
// WebSocket whatever it shows. After a drop it reconnects with back-off and resubscribes each room
// from the last sequence number that room has seen. Where WebSockets cannot connect (two failed
// attempts), each room falls back to Server-Sent Events, and sends go by POST.
const MAX_BACKOFF_MS = 30000;
const subscriptions = new Map(); // room -> Set of { since: () => seq|null, onFrame, onStatus }
const sources = new Map(); // room -> EventSource, in fallback mode
let socket = null;
let backoffMs = 1000;
let wsFailures = 0;
let fallback = false;
let retryTimer = null;

function each(fn) {
  subscriptions.forEach((subs, room) => subs.forEach((sub) => fn(sub, room)));
}

function status(state) {
  each((sub) => sub.onStatus?.(state));
}

/** Several parts of a page may follow one room: the room is replayed from the earliest of their positions. */
function sinceOf(room) {
  const known = [...subscriptions.get(room)].map((sub) => sub.since()).filter((seq) => seq !== null);
  return known.length ? Math.min(...known) : null;
}

function subscribeFrame(room) {
  // batch: when events come faster than the server hands them out, several arrive as one `events` frame.
  return JSON.stringify({ type: 'subscribe', room, since: sinceOf(room), batch: true });
}

function deliver(room, frame) {
  subscriptions.get(room)?.forEach((sub) => sub.onFrame(frame));
}

function connect() {
  if (socket || fallback || subscriptions.size === 0) return;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  let opened = false;
  try {
    socket = new WebSocket(`${scheme}://${location.host}/api/realtime`);
  } catch {
    useFallback();
    return;
  }
  const current = socket;
  current.onopen = () => {
    opened = true;
    wsFailures = 0;
    backoffMs = 1000;
    subscriptions.forEach((subs, room) => current.send(subscribeFrame(room)));
    status('online');
  };
  current.onmessage = (message) => {
    const frame = JSON.parse(message.data);
    if (frame.type === 'events') frame.events.forEach((event) => deliver(frame.room, event));
    else if (frame.room) deliver(frame.room, frame);
    else each((sub) => sub.onFrame(frame));
  };
  current.onclose = () => {
    if (socket === current) socket = null;
    if (subscriptions.size === 0) return;
    if (!opened && ++wsFailures >= 2) {
      useFallback();
      return;
    }
    status('offline');
    const wait = backoffMs * (0.75 + Math.random() / 2);
    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, wait);
  };
}

function useFallback() {
  fallback = true;
  status('fallback');
  subscriptions.forEach((subs, room) => openSource(room));
}

function openSource(room) {
  if (sources.has(room)) return;
  const since = sinceOf(room);
  const source = new EventSource(`/api/realtime/sse?room=${encodeURIComponent(room)}${since === null ? '' : `&since=${since}`}`);
  sources.set(room, source);
  source.onmessage = (message) => deliver(room, JSON.parse(message.data));
  source.onopen = () => subscriptions.get(room)?.forEach((sub) => sub.onStatus?.('fallback'));
  source.onerror = () => subscriptions.get(room)?.forEach((sub) => sub.onStatus?.('offline'));
}

/** Whether sends must go by POST because WebSockets do not get through. */
export function usingFallback() {
  return fallback;
}

/**
 * Follows a room: {@code since()} tells the last sequence number the caller has (null for none),
 * {@code onFrame(frame)} gets the room's frames (subscribed, event, ack, error), {@code onStatus}
 * hears 'online', 'offline' or 'fallback'. The handle sends frames and stops following.
 */
export function subscribe(room, { since, onFrame, onStatus }) {
  const sub = { since, onFrame, onStatus };
  if (!subscriptions.has(room)) subscriptions.set(room, new Set());
  subscriptions.get(room).add(sub);
  if (fallback) openSource(room);
  else if (socket && socket.readyState === WebSocket.OPEN) socket.send(subscribeFrame(room));
  else connect();
  return {
    /** Sends a frame over the socket; false when it is not open (the caller keeps it for later, or posts it). */
    send(frame) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    close() {
      const subs = subscriptions.get(room);
      if (!subs?.delete(sub) || subs.size > 0) return;
      subscriptions.delete(room);
      sources.get(room)?.close();
      sources.delete(room);
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'unsubscribe', room }));
      if (subscriptions.size === 0 && socket) {
        socket.close();
        socket = null;
      }
    },
  };
}
