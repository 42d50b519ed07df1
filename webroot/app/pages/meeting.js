import { h, mount, deferred } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { api } from '../api.js';
import { currentUser } from '../session.js';
import { subscribe } from '../live.js';
import { renderAgenda, itemLabel } from '../agenda.js';
import { renderQueue, takeQueue, floorControl, myEntry } from '../queue.js';
import { chatPanel } from '../chat.js';
import { isCurrentView } from '../router.js';
import { setTitle } from '../portal.js';
import { floorBanner, ring, titleWhile } from '../floor.js';

// The meeting page. On a phone the item under discussion and the floor button stay at the top and the
// agenda, the speakers and the chat are tabs; on a wide screen they sit side by side. How to join comes
// first for remote delegates. Agenda, queue and current item arrive live through the meeting room.
let following = null;

export async function renderMeeting(main, { id }) {
  following?.close();
  const [meeting, agenda, queue] = await Promise.all([
    api.get(`/api/meetings/${id}`), api.get(`/api/meetings/${id}/agenda`), api.get(`/api/meetings/${id}/queue`)]);
  const agendaBox = h('section', { id: 'agenda', 'aria-labelledby': 'agenda-h', class: 'meeting-pane', role: 'tabpanel' });
  const queueBox = h('section', { id: 'queue', 'aria-labelledby': 'queue-h', class: 'card meeting-pane', role: 'tabpanel' });
  const nowBox = h('div', { class: 'meeting-now', id: 'meeting-now' });
  const state = { meeting, agenda, current: agenda.current, queue: queue.items, queueVersion: queue.version, nowBox };
  const code = meeting.group.code;
  state.pageTitle = meeting.title.includes(code) ? meeting.title : `${code} ${meeting.title}`;
  const redrawAgenda = () => renderAgenda(agendaBox, state);
  const redrawQueue = () => {
    renderQueue(queueBox, state);
    redrawNow(state);
    state.redrawRegistration?.();
  };
  state.redrawNow = () => redrawNow(state);
  const chat = await meetingChat(meeting, main);
  const chatBox = chat ? h('section', { id: 'chat-pane', class: 'meeting-pane', role: 'tabpanel', 'aria-label': t('meeting.tab.chat') }, chat) : null;
  const panes = h('div', { class: 'meeting-grid', dataset: { tab: 'agenda' } }, agendaBox, queueBox, chatBox);
  mount(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/groups/${meeting.group.id}` }, code)),
    h('h1', { dir: 'auto' }, meeting.title),
    meeting.cancellation ? cancelled(meeting) : null,
    nowBox,
    meeting.remoteInstructions
      ? h('div', { class: 'card remote', id: 'remote-instructions' }, h('h2', {}, t('meeting.howToJoin')),
        h('p', { dir: 'auto', class: 'pre' }, meeting.remoteInstructions))
      : null,
    schedule(meeting),
    h('p', {}, h('a', { href: `/api/meetings/${meeting.id}/calendar.ics`, id: 'meeting-calendar', download: 'meeting.ics' }, t('calendar.addMeeting'))),
    registration(meeting, state),
    // The chair's tools, the participant list and offline reading come as modules of their own, after the page is usable.
    meeting.canRun ? deferred(async () => (await import('../meeting-admin.js')).meetingAdmin(meeting)) : null,
    currentUser() ? deferred(async () => (await import('../meeting-admin.js')).participantsPanel(meeting)) : null,
    tabs(panes, chatBox),
    panes,
    deferred(async () => (await import('../offline.js')).offlineReading(meeting, agenda)));
  if (!isCurrentView(main)) return;
  setTitle(state.pageTitle);
  redrawAgenda();
  redrawQueue();
  // All three were read after the room's head they carry: following from there, no change made meanwhile is missed.
  let since = Math.min(agenda.roomHead, queue.roomHead);
  following = subscribe(`meeting:${id}`, {
    since: () => since,
    onFrame: (frame) => {
      if (frame.type !== 'event' || frame.seq <= since) return;
      since = frame.seq;
      applyEvent(state, frame.event, redrawAgenda, redrawQueue);
    },
  });
  const leave = () => {
    if (location.hash.startsWith(`#/meetings/${id}`)) return;
    following?.close();
    clearInterval(state.ticker);
    window.removeEventListener('hashchange', leave);
  };
  window.addEventListener('hashchange', leave);
}

function applyEvent(state, event, redrawAgenda, redrawQueue) {
  if (event.kind === 'agenda' && event.agenda.version > state.agenda.version) {
    state.agenda = event.agenda;
    redrawAgenda();
    redrawNow(state);
  } else if (event.kind === 'agenda-current') {
    state.current = event.current;
    redrawAgenda();
    redrawNow(state);
  } else if (event.kind === 'queue' && takeQueue(state, { items: event.queue, version: event.version })) {
    redrawQueue();
  }
}

/**
 * The top of the page: the item under discussion with its time counting down, the floor button, and
 * the banner while the reader holds the floor (with a beep the moment they get it, not on every redraw).
 */
function redrawNow(state) {
  const { meeting, nowBox } = state;
  if (!nowBox.isConnected && state.drawnOnce) return;
  // A cancelled meeting has nothing under discussion and no floor to ask for.
  nowBox.hidden = Boolean(meeting.cancellation);
  if (nowBox.hidden) return;
  state.drawnOnce = true;
  const item = currentItem(state);
  const speaking = myEntry(state)?.state === 'speaking';
  if (speaking && state.wasSpeaking === false) ring();
  state.wasSpeaking = speaking;
  const finish = () => state.finishFloor?.();
  const countdown = h('span', { class: 'countdown', id: 'countdown', role: 'timer' });
  mount(nowBox,
    speaking ? floorBanner(item ? itemLabel(item) : '', finish) : null,
    h('div', { class: 'now-line' },
      h('span', { class: 'now-item', id: 'current-item' },
        item ? [h('span', { class: 'muted' }, t('meeting.now'), ': '), h('span', { dir: 'auto' }, itemLabel(item))]
          : h('span', { class: 'muted' }, t('meeting.nothingNow'))),
      item?.plannedMinutes ? countdown : null),
    meeting.cancellation ? null : floorControl(state));
  titleWhile(speaking, [state.pageTitle, t('app.title')].join(' — '));
  clearInterval(state.ticker);
  if (item?.plannedMinutes) {
    const tick = () => {
      if (!countdown.isConnected) return clearInterval(state.ticker);
      const left = item.plannedMinutes * 60 - Math.floor((Date.now() - Date.parse(state.current.startedAt)) / 1000);
      const text = clock(Math.abs(left));
      countdown.textContent = left >= 0 ? t('meeting.timeLeft', { time: text }) : t('meeting.overTime', { time: text });
      countdown.classList.toggle('over', left < 0);
    };
    tick();
    state.ticker = setInterval(tick, 1000);
  }
}

function currentItem(state) {
  const id = state.current?.itemId;
  if (!id) return null;
  const walk = (items) => items.flatMap((i) => [i, ...walk(i.children)]);
  return walk(state.agenda.items).find((i) => i.id === id) || null;
}

function clock(seconds) {
  const m = Math.floor(seconds / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Agenda / Speakers / Chat as tabs; only a narrow screen shows them (style.css), a wide one shows all three. */
function tabs(panes, chatBox) {
  const names = ['agenda', 'queue', chatBox ? 'chat-pane' : null].filter(Boolean);
  const labels = { agenda: 'meeting.tab.agenda', queue: 'meeting.tab.speakers', 'chat-pane': 'meeting.tab.chat' };
  const buttons = names.map((name) => h('button', {
    type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': name, 'aria-selected': String(name === 'agenda'),
    tabindex: name === 'agenda' ? 0 : -1, onclick: () => choose(name),
  }, t(labels[name])));
  const choose = (name, focus = false) => {
    panes.dataset.tab = name;
    buttons.forEach((b, i) => {
      const chosen = names[i] === name;
      b.setAttribute('aria-selected', String(chosen));
      b.tabIndex = chosen ? 0 : -1;
      if (chosen && focus) b.focus();
    });
  };
  const bar = h('div', { class: 'meeting-tabs', role: 'tablist', 'aria-label': t('meeting.tabs') }, buttons);
  bar.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const dir = document.documentElement.dir === 'rtl' ? -step : step;
    const at = names.indexOf(panes.dataset.tab);
    choose(names[(at + dir + names.length) % names.length], true);
  });
  return bar;
}

function cancelled(meeting) {
  const c = meeting.cancellation;
  return h('div', { class: 'card cancelled', id: 'meeting-cancelled', role: 'status' },
    h('strong', {}, t('meeting.cancelled')), ' ',
    h('span', { class: 'muted' }, t('meeting.cancelledBy', { name: c.by || '', date: formatDateTime(c.at) })),
    c.note ? h('p', { dir: 'auto', class: 'pre' }, c.note) : null);
}

/** The meeting's chat: registered participants and the group's members talk, the chair moderates. */
async function meetingChat(meeting, view) {
  if (!currentUser()) return null;
  return chatPanel(`meeting:${meeting.id}`, { canSend: true, canModerate: meeting.canRun, groupId: meeting.group.id,
    view });
}

function schedule(meeting) {
  const inZone = (iso) => formatDateTime(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone: meeting.timeZone });
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return h('dl', { class: 'facts' },
    h('dt', {}, t('meeting.when')),
    h('dd', {}, `${inZone(meeting.start)} – ${inZone(meeting.end)} (${meeting.timeZone})`,
      viewerZone !== meeting.timeZone
        ? h('div', { class: 'muted', id: 'viewer-time' }, t('meeting.yourTime', {
          time: `${formatDateTime(meeting.start)} – ${formatDateTime(meeting.end)}`, zone: viewerZone }))
        : null),
    h('dt', {}, t('meeting.kind')), h('dd', {}, t(`meeting.kind.${meeting.kind}`)),
    meeting.venue ? [h('dt', {}, t('meeting.venue')), h('dd', { dir: 'auto' }, meeting.venue)] : null,
    meeting.contributionDeadline
      ? [h('dt', {}, t('meeting.deadline')), h('dd', {}, inZone(meeting.contributionDeadline))] : null);
}

/** How the reader takes part. A virtual meeting has no site to register for; someone in the queue is taking part. */
function registration(meeting, state) {
  if (!currentUser()) return h('p', {}, h('a', { href: '#/sign-in' }, t('meeting.signInToJoin')));
  if (meeting.cancellation) return null;
  const modes = { virtual: ['remote'], 'in-person': ['on-site'] }[meeting.kind] || ['remote', 'on-site'];
  const box = h('div', { class: 'registration', id: 'registration' });
  const draw = (reg) => {
    meeting.myRegistration = reg;
    return mount(box,
    reg ? h('p', {}, t('meeting.registeredAs', { mode: t(`mode.${reg.mode}`) }),
      reg.attendedAt ? [' · ', t('meeting.attended')] : null)
      : myEntry(state) ? null : h('p', { id: 'not-registered' }, t('meeting.notRegistered')),
    modes.filter((mode) => mode !== reg?.mode).map((mode) => h('button', {
      type: 'button', onclick: async () => draw(await api.put(`/api/meetings/${meeting.id}/registration`, { mode })),
    }, t(`meeting.register.${mode}`))),
    reg && !reg.attendedAt ? h('button', {
      type: 'button', class: 'primary', id: 'check-in',
      onclick: async () => draw(await api.post(`/api/meetings/${meeting.id}/attendance`, { mode: reg.mode })),
    }, t('meeting.checkIn')) : null);
  };
  draw(meeting.myRegistration);
  state.redrawRegistration = () => draw(meeting.myRegistration);
  return box;
}
