import { h, mount } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { api } from '../api.js';
import { currentUser } from '../session.js';
import { subscribe } from '../live.js';
import { renderAgenda } from '../agenda.js';
import { renderQueue, takeQueue } from '../queue.js';
import { chatPanel } from '../chat.js';
import { isCurrentView } from '../router.js';
import { offlineReading } from '../offline.js';

// The meeting page: how to join first (remote delegates need it most), then times, registration,
// the live agenda and the speaker queue. Agenda and queue changes arrive through the meeting room.
let following = null;

export async function renderMeeting(main, { id }) {
  following?.close();
  const [meeting, agenda, queue] = await Promise.all([
    api.get(`/api/meetings/${id}`), api.get(`/api/meetings/${id}/agenda`), api.get(`/api/meetings/${id}/queue`)]);
  const agendaBox = h('section', { id: 'agenda', 'aria-labelledby': 'agenda-h' });
  const queueBox = h('aside', { id: 'queue', 'aria-labelledby': 'queue-h', class: 'card' });
  const state = { meeting, agenda, queue: queue.items, queueVersion: queue.version };
  const redrawAgenda = () => renderAgenda(agendaBox, state);
  const redrawQueue = () => renderQueue(queueBox, state);
  mount(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/groups/${meeting.group.id}` }, meeting.group.code)),
    h('h1', { dir: 'auto' }, meeting.title),
    meeting.remoteInstructions
      ? h('div', { class: 'card remote', id: 'remote-instructions' }, h('h2', {}, t('meeting.howToJoin')),
        h('p', { dir: 'auto', class: 'pre' }, meeting.remoteInstructions))
      : null,
    schedule(meeting),
    registration(meeting),
    h('div', { class: 'meeting-grid' }, agendaBox, h('div', {}, queueBox, await meetingChat(meeting, main))),
    offlineReading(meeting, agenda));
  if (!isCurrentView(main)) return;
  redrawAgenda();
  redrawQueue();
  // Both were read after the room's head they carry: following from there, no change made meanwhile is missed.
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
    window.removeEventListener('hashchange', leave);
  };
  window.addEventListener('hashchange', leave);
}

function applyEvent(state, event, redrawAgenda, redrawQueue) {
  if (event.kind === 'agenda' && event.agenda.version > state.agenda.version) {
    state.agenda = event.agenda;
    redrawAgenda();
  } else if (event.kind === 'queue' && takeQueue(state, { items: event.queue, version: event.version })) {
    redrawQueue();
  }
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

function registration(meeting) {
  if (!currentUser()) return h('p', {}, h('a', { href: '#/sign-in' }, t('meeting.signInToJoin')));
  const mine = meeting.myRegistration;
  const box = h('div', { class: 'registration', id: 'registration' });
  const draw = (reg) => mount(box,
    reg ? h('p', {}, t('meeting.registeredAs', { mode: t(`mode.${reg.mode}`) }),
      reg.attendedAt ? [' · ', t('meeting.attended')] : null) : h('p', {}, t('meeting.notRegistered')),
    ['remote', 'on-site'].map((mode) => h('button', {
      type: 'button', onclick: async () => draw(await api.put(`/api/meetings/${meeting.id}/registration`, { mode })),
    }, t(`meeting.register.${mode}`))),
    reg && !reg.attendedAt ? h('button', {
      type: 'button', class: 'primary', id: 'check-in',
      onclick: async () => draw(await api.post(`/api/meetings/${meeting.id}/attendance`, { mode: reg.mode })),
    }, t('meeting.checkIn')) : null,
    meeting.canRun ? h('a', { href: `/api/meetings/${meeting.id}/attendance.csv` }, t('meeting.attendanceCsv')) : null);
  draw(mine);
  return box;
}
