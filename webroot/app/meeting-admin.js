import { h, mount } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { field, formError, onSubmit, select } from './forms.js';
import { renderCurrent } from './router.js';

// What a chair, a vice-chair or the secretariat does to the meeting itself (change it, cancel it), and
// the participant list: everyone signed in reads it; those who run the meeting export it and record
// who attended, remotely or on site.

/** The meeting's own fields, as the scheduling form has them, and cancelling or reinstating it. */
export function meetingAdmin(meeting) {
  const local = (key) => (meeting[key] ? meeting[key].slice(0, 16) : '');
  const deadline = meeting.contributionDeadline ? localIn(meeting.contributionDeadline, meeting.timeZone) : '';
  const notice = h('p', { class: 'notice', role: 'status' });
  const form = h('form', { novalidate: true, id: 'edit-meeting' },
    formError(),
    field('meeting.title', h('input', { name: 'title', value: meeting.title, required: true, dir: 'auto' })),
    field('meeting.kind', select('kind', ['hybrid', 'virtual', 'in-person'].map((k) => [k, t(`meeting.kind.${k}`)]), meeting.kind)),
    field('meeting.start', h('input', { name: 'start', type: 'datetime-local', value: local('startLocal'), required: true })),
    field('meeting.end', h('input', { name: 'end', type: 'datetime-local', value: local('endLocal'), required: true })),
    field('meeting.timeZone', h('input', { name: 'timeZone', value: meeting.timeZone, required: true })),
    field('meeting.venue', h('input', { name: 'venue', value: meeting.venue || '', dir: 'auto' })),
    field('meeting.remoteInstructions', h('textarea', { name: 'remoteInstructions', rows: 3, dir: 'auto' }, meeting.remoteInstructions || '')),
    field('meeting.deadline', h('input', { name: 'contributionDeadline', type: 'datetime-local', value: deadline })),
    h('button', { type: 'submit', class: 'primary' }, t('meeting.save')), ' ', notice);
  onSubmit(form, async (data) => {
    // An emptied optional field clears it; the server reads local times in the (possibly new) zone.
    const body = Object.fromEntries([...data.entries()].map(([k, v]) => [k, v === '' ? null : v]));
    await api.patch(`/api/meetings/${meeting.id}`, body);
    notice.textContent = t('meeting.saved');
    renderCurrent();
  });
  return h('details', { class: 'card meeting-admin', id: 'meeting-admin' },
    h('summary', {}, t('meeting.manage')), form, cancellation(meeting));
}

function cancellation(meeting) {
  const box = h('div', { class: 'cancellation', id: 'cancellation' });
  const path = `/api/meetings/${meeting.id}/cancellation`;
  const ask = () => {
    const note = h('textarea', { name: 'note', rows: 2, dir: 'auto', maxlength: 2000 });
    mount(box, h('label', {}, t('meeting.cancelNote'), note),
      h('button', { type: 'button', class: 'danger', id: 'confirm-cancel', onclick: async () => {
        await api.post(path, note.value.trim() ? { note: note.value.trim() } : {});
        renderCurrent();
      } }, t('meeting.confirmCancel')), ' ',
      h('button', { type: 'button', onclick: draw }, t('meeting.keep')));
    note.focus();
  };
  function draw() {
    mount(box, meeting.cancellation
      ? h('button', { type: 'button', id: 'reinstate-meeting', onclick: async () => { await api.del(path); renderCurrent(); } },
        t('meeting.reinstate'))
      : h('button', { type: 'button', class: 'danger', id: 'cancel-meeting', onclick: ask }, t('meeting.cancel')));
  }
  draw();
  return box;
}

/** The participant list, loaded when opened (it can be long, and most delegates never open it). */
export function participantsPanel(meeting) {
  const list = h('div', {});
  const panel = h('details', { class: 'card participants', id: 'participants' },
    h('summary', {}, t('meeting.participants')), list);
  const load = async () => {
    const { items } = await api.get(`/api/meetings/${meeting.id}/participants`);
    mount(list,
      meeting.canRun ? h('p', {}, h('a', { href: `/api/meetings/${meeting.id}/attendance.csv`, id: 'participants-csv', download: '' },
        t('meeting.exportCsv'))) : null,
      items.length ? h('ul', { class: 'participant-list' }, items.map((p) => participantRow(p, meeting, load)))
        : h('p', { class: 'muted' }, t('meeting.noParticipants')));
  };
  panel.addEventListener('toggle', () => { if (panel.open) load(); });
  return panel;
}

function participantRow(p, meeting, reload) {
  const record = (mode) => h('button', { type: 'button', class: 'attend',
    'aria-label': t('meeting.presentOf', { name: p.name, mode: t(`mode.${mode}`) }),
    onclick: async () => { await api.post(`/api/meetings/${meeting.id}/attendance`, { userId: p.userId, mode }); reload(); },
  }, t(`meeting.present.${mode}`));
  return h('li', { dataset: { userId: p.userId } },
    h('span', { dir: 'auto' }, p.name), p.country ? h('span', { class: 'muted' }, ` (${p.country})`) : null, ' ',
    h('span', { class: 'badge' }, t(`mode.${p.mode}`)), ' ',
    p.attendedAt ? h('span', { class: 'badge mine' }, t('meeting.attendedAs', { mode: t(`mode.${p.attendedMode}`) }))
      : meeting.canRun ? ['remote', 'on-site'].map(record) : null);
}

function localIn(iso, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
