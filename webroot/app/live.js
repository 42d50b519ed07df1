// Live room events over the realtime gateway (/api/realtime, protocol in DESIGN.md): one socket
// per tab, rooms multiplexed, resume from the last sequence seen after any drop.
const rooms = new Map(); // room -> { since, handlers:Set }
let socket = null;
let retryMs = 1000;
let timer = null;

function send(frame) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

function connect() {
  if (socket || rooms.size === 0) return;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${location.host}/api/realtime`);
  socket.onopen = () => {
    retryMs = 1000;
    for (const [room, state] of rooms) send({ type: 'subscribe', room, since: state.since });
  };
  socket.onmessage = (message) => {
    const frame = JSON.parse(message.data);
    const state = rooms.get(frame.room);
    if (!state) return;
    if (frame.type === 'event') {
      if (state.since !== null && frame.seq <= state.since) return;
      state.since = frame.seq;
      state.handlers.forEach((fn) => fn(frame.event, frame.seq));
    } else if (frame.type === 'subscribed' && state.since === null) {
      state.since = frame.head;
    }
  };
  socket.onclose = () => {
    socket = null;
    if (rooms.size === 0) return;
    clearTimeout(timer);
    timer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 30000);
  };
}

/** Calls onEvent(event, seq) for each new event of the room; returns a function that stops it. */
export function subscribe(room, onEvent) {
  let state = rooms.get(room);
  if (!state) {
    state = { since: null, handlers: new Set() };
    rooms.set(room, state);
    send({ type: 'subscribe', room, since: null });
  }
  state.handlers.add(onEvent);
  connect();
  return () => {
    state.handlers.delete(onEvent);
    if (state.handlers.size === 0) {
      rooms.delete(room);
      send({ type: 'unsubscribe', room });
    }
  };
}

/** Stops every subscription (when leaving a page). */
export function unsubscribeAll() {
  for (const room of [...rooms.keys()]) send({ type: 'unsubscribe', room });
  rooms.clear();
}
