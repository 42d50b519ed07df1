// The tab's one realtime connection (/api/realtime, protocol in DESIGN.md). Every room the page
// shows (meeting agenda and queue, chat, notifications) subscribes through it, so a tab holds one
// WebSocket whatever it shows. After a drop it reconnects with back-off and resubscribes each room
// from the last sequence number that room has seen. Where WebSockets cannot connect (two failed
// attempts while plain HTTP gets through), each room falls back to Server-Sent Events, and sends go
// by POST, until a WebSocket gets through again.
const MAX_BACKOFF_MS = 30000;
const UPGRADE_RETRY_MS = 60000;
const HEALTH_TIMEOUT_MS = 10000;
const subscriptions = new Map(); // room -> Set of { since: () => seq|null, onFrame, onStatus }
const sources = new Map(); // room -> EventSource, in fallback mode
let socket = null;
let backoffMs = 1000;
let wsFailures = 0;
let fallback = false;
let retryTimer = null;
let upgradeTimer = null;

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

function socketUrl() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/realtime`;
}

function connect() {
  if (socket || fallback || subscriptions.size === 0) return;
  let current;
  try {
    current = new WebSocket(socketUrl());
  } catch {
    useFallback();
    return;
  }
  socket = current;
  let opened = false;
  current.onopen = () => {
    opened = true;
    adopt(current);
  };
  current.onclose = whenClosed(current, () => opened);
}

function whenClosed(current, wasOpened) {
  return async () => {
    if (socket === current) socket = null;
    if (subscriptions.size === 0) return;
    // A socket that never opened counts against WebSockets only while plain HTTP gets through: with the
    // link down, every attempt fails, and falling back then would keep the tab on the slower transport
    // long after the link returned.
    if (!wasOpened() && await httpReachable()) {
      if (socket || fallback) return; // another attempt took over meanwhile
      if (++wsFailures >= 2) {
        useFallback();
        return;
      }
    }
    status('offline');
    const wait = backoffMs * (0.75 + Math.random() / 2);
    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, wait);
  };
}

/** An open socket becomes the tab's connection: every room subscribes from where it is. */
function adopt(current) {
  wsFailures = 0;
  backoffMs = 1000;
  current.onmessage = (message) => {
    const frame = JSON.parse(message.data);
    if (frame.type === 'events') frame.events.forEach((event) => deliver(frame.room, event));
    else if (frame.room) deliver(frame.room, frame);
    else each((sub) => sub.onFrame(frame));
  };
  subscriptions.forEach((subs, room) => current.send(subscribeFrame(room)));
  status('online');
}

/** Whether the server answers plain HTTP; a link that swallows packets counts as down after a while. */
async function httpReachable() {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), HEALTH_TIMEOUT_MS);
  try {
    return (await fetch('/health', { cache: 'no-store', credentials: 'omit', signal: abort.signal })).ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function useFallback() {
  fallback = true;
  status('fallback');
  subscriptions.forEach((subs, room) => openSource(room));
  clearInterval(upgradeTimer);
  upgradeTimer = setInterval(tryWebSocketAgain, UPGRADE_RETRY_MS);
}

/**
 * In fallback, now and then and whenever the browser says it is back online: the network that blocked
 * WebSockets may let them through now (another Wi-Fi, a proxy that changed). The streams close only
 * once a socket is open, and each room resubscribes from its last seq, so nothing is missed or doubled.
 */
function tryWebSocketAgain() {
  if (!fallback || socket || subscriptions.size === 0) return;
  let probe;
  try {
    probe = new WebSocket(socketUrl());
  } catch {
    return;
  }
  probe.onopen = () => {
    if (!fallback || socket) {
      probe.close();
      return;
    }
    fallback = false;
    clearInterval(upgradeTimer);
    sources.forEach((source) => source.close());
    sources.clear();
    socket = probe;
    probe.onclose = whenClosed(probe, () => true);
    adopt(probe);
  };
}

// When the link returns, reconnect now instead of at the end of a back-off that may have grown to 30 s.
window.addEventListener('online', () => {
  if (fallback) {
    tryWebSocketAgain();
  } else if (!socket && subscriptions.size > 0) {
    clearTimeout(retryTimer);
    connect();
  }
});

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
