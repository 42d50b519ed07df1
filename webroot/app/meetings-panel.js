import { h } from './dom.js';
import { t, formatDateTime } from './i18n.js';
import { api } from './api.js';
import { navigate } from './router.js';
import { field, formError, onSubmit, select } from './forms.js';
import { addGroupPanel } from './panels.js';
import { markChatNews } from './read-marks.js';

// The group page's meetings section: upcoming and past meetings, and scheduling for chairs.
addGroupPanel(async (main, ws) => {
  const { items } = await api.get(`/api/groups/${ws.id}/meetings`);
  const rows = items.map((m) => ({ room: `meeting:${m.id}`, element: h('li', { dataset: { meetingId: m.id } },
    h('a', { href: `#/meetings/${m.id}` }, h('bdi', {}, m.title)), ' ',
    h('span', { class: 'muted' }, h('bdi', {}, formatDateTime(m.start, { dateStyle: 'medium' })), ' · ', t(`meeting.kind.${m.kind}`))) }));
  markChatNews(rows, 'meetings.news');
  return h('section', { 'aria-labelledby': 'meetings-h', id: 'meetings' },
    h('h2', { id: 'meetings-h' }, t('meetings.title')),
    rows.length ? h('ul', { class: 'meeting-list' }, rows.map((r) => r.element)) : h('p', { class: 'muted' }, t('meetings.none')),
    ws.canManage ? scheduleForm(ws) : null);
});

function scheduleForm(ws) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const form = h('form', { class: 'card', novalidate: true, id: 'schedule-meeting' },
    h('h3', {}, t('meetings.schedule')),
    formError(),
    field('meeting.title', h('input', { name: 'title', required: true })),
    field('meeting.kind', select('kind', ['hybrid', 'virtual', 'in-person'].map((k) => [k, t(`meeting.kind.${k}`)]), 'hybrid')),
    field('meeting.start', h('input', { name: 'start', type: 'datetime-local', required: true })),
    field('meeting.end', h('input', { name: 'end', type: 'datetime-local', required: true })),
    field('meeting.timeZone', h('input', { name: 'timeZone', value: zone, required: true })),
    field('meeting.venue', h('input', { name: 'venue' })),
    field('meeting.remoteInstructions', h('textarea', { name: 'remoteInstructions', rows: 3 })),
    field('meeting.deadline', h('input', { name: 'contributionDeadline', type: 'datetime-local' })),
    h('button', { type: 'submit', class: 'primary' }, t('meetings.create')));
  onSubmit(form, async (data) => {
    const body = Object.fromEntries([...data.entries()].filter(([, v]) => v !== ''));
    const meeting = await api.post(`/api/groups/${ws.id}/meetings`, body);
    navigate(`/meetings/${meeting.id}`);
  });
  return form;
}
