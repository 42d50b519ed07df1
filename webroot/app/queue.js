import { h, mount } from './dom.js';
import { t } from './i18n.js';
import { api, errorText } from './api.js';
import { currentUser } from './session.js';

// The speaker queue panel: one list for remote and on-site participants, run by the chair.
export function renderQueue(box, state) {
  const me = currentUser();
  const { meeting } = state;
  const path = `/api/meetings/${meeting.id}/queue`;
  const act = async (request) => {
    try {
      takeQueue(state, await request());
    } catch (error) {
      state.queueNotice = errorText(error);
    }
    renderQueue(box, state);
  };
  const mine = me && state.queue.find((e) => e.userId === me.id);
  const waiting = state.queue.filter((e) => e.state === 'waiting');
  mount(box,
    h('h2', { id: 'queue-h' }, t('queue.title'), ' ', h('span', { class: 'muted' }, `(${state.queue.length})`)),
    state.queueNotice ? h('p', { class: 'notice', role: 'status' }, state.queueNotice) : null,
    state.queue.length
      ? h('ol', { class: 'queue', id: 'queue-list' }, state.queue.map((entry) => h('li', { class: `queue-${entry.state}` },
        h('span', { dir: 'auto' }, entry.name), entry.country ? h('span', { class: 'muted' }, ` (${entry.country})`) : null, ' ',
        h('span', { class: 'badge' }, t(`mode.${entry.mode}`)),
        entry.state === 'speaking' ? h('span', { class: 'badge mine' }, t('queue.speaking')) : null,
        meeting.canRun ? h('span', { class: 'moves' },
          entry.state === 'waiting' ? h('button', { type: 'button', onclick: () => act(() => api.post(`${path}/${entry.id}/grant`)) }, t('queue.grant')) : null,
          entry.state === 'waiting' ? h('button', { type: 'button', class: 'icon', 'aria-label': `${t('agenda.up')} ${entry.name}`,
            onclick: () => act(() => api.put(`${path}/order`, { entryIds: moveUp(waiting, entry.id) })) }, '↑') : null,
          h('button', { type: 'button', onclick: () => act(() => api.del(`${path}/${entry.id}`)) },
            entry.state === 'speaking' ? t('queue.done') : t('queue.dismiss'))) : null)))
      : h('p', { class: 'muted', id: 'queue-list' }, t('queue.empty')),
    me ? (mine
      ? h('button', { type: 'button', id: 'withdraw-floor', onclick: () => act(() => api.del(`${path}/${mine.id}`)) }, t('queue.withdraw'))
      : h('button', { type: 'button', class: 'primary', id: 'request-floor',
        onclick: () => act(() => api.post(path, { mode: meeting.myRegistration?.mode || 'remote' })) }, t('queue.request')))
      : null,
    meeting.canRun ? addSpeakerForm(path, act) : null);
  state.queueNotice = '';
}

/**
 * Keeps a queue the server sent (an answer or a live event) unless the page has a newer one: two changes
 * at once may arrive in either order. Answers whether the page's queue changed.
 */
export function takeQueue(state, { items, version }) {
  if ((version ?? 0) <= state.queueVersion) return false;
  state.queue = items;
  state.queueVersion = version;
  return true;
}

function moveUp(waiting, id) {
  const ids = waiting.map((e) => e.id);
  const at = ids.indexOf(id);
  if (at > 0) [ids[at - 1], ids[at]] = [ids[at], ids[at - 1]];
  return ids;
}

function addSpeakerForm(path, act) {
  const form = h('form', { class: 'inline-form' },
    h('label', {}, t('queue.addName'), ' ', h('input', { name: 'name', required: true, size: 14 })),
    h('label', {}, t('account.country'), ' ', h('input', { name: 'country', size: 10 })),
    h('button', { type: 'submit' }, t('queue.add')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = Object.fromEntries([...new FormData(form)].filter(([, v]) => v));
    act(() => api.post(path, { ...data, mode: 'on-site' }));
  });
  return form;
}
