import { h, mount } from './dom.js';
import { t } from './i18n.js';
import { api, errorText } from './api.js';
import { currentUser } from './session.js';
import { floorAlertSwitch } from './floor.js';

// The speaker queue panel: one list for remote and on-site participants, run by the chair, who reorders
// those waiting by dragging or from the keyboard (buttons, or Alt+↑ / Alt+↓ on a focused entry).
export function renderQueue(box, state) {
  const { meeting } = state;
  const path = queuePath(state);
  const act = acting(state, () => {
    renderQueue(box, state);
    state.redrawNow?.();
  });
  state.act = act;
  const waiting = state.queue.filter((e) => e.state === 'waiting');
  const list = state.queue.length
    ? h('ol', { class: 'queue', id: 'queue-list' }, state.queue.map((entry) => h('li', {
      class: `queue-${entry.state}`, dataset: { id: entry.id },
      tabindex: meeting.canRun && entry.state === 'waiting' ? 0 : undefined,
      onkeydown: meeting.canRun && entry.state === 'waiting' ? (e) => keyMove(e, waiting, entry, path, act, state) : undefined,
    },
    meeting.canRun && entry.state === 'waiting' && waiting.length > 1 ? h('span', { class: 'drag-handle', title: t('queue.drag'), 'aria-hidden': 'true' }, '⠿') : null,
    h('span', { dir: 'auto' }, entry.name), entry.country ? h('span', { class: 'muted' }, ` (${entry.country})`) : null, ' ',
    h('span', { class: 'badge' }, t(`mode.${entry.mode}`)),
    entry.state === 'speaking' ? h('span', { class: 'badge mine' }, t('queue.speaking')) : null,
    meeting.canRun ? chairButtons(entry, waiting, path, act) : null)))
    : h('p', { class: 'muted', id: 'queue-list' }, t('queue.empty'));
  mount(box,
    h('h2', { id: 'queue-h' }, t('queue.title'), ' ', h('span', { class: 'muted' }, `(${state.queue.length})`)),
    state.queueNotice ? h('p', { class: 'notice', role: 'status' }, state.queueNotice) : null,
    list,
    meeting.canRun && waiting.length > 1 ? h('p', { class: 'muted hint' }, t('queue.reorderHint')) : null,
    meeting.canRun ? addSpeakerForm(path, act) : null);
  state.queueNotice = '';
  if (meeting.canRun && waiting.length > 1) enableDragging(list, state, path, act);
  if (state.focusEntry) {
    box.querySelector(`li[data-id="${CSS.escape(state.focusEntry)}"]`)?.focus();
    state.focusEntry = null;
  }
}

/** The reader's own entry in the queue, if they asked for the floor or hold it. */
export function myEntry(state) {
  const me = currentUser();
  return me ? state.queue.find((e) => e.userId === me.id) : null;
}

/** Ask for the floor, withdraw the request, or say one has finished; it sits at the top of the meeting page. */
export function floorControl(state) {
  if (!currentUser()) return null;
  const path = queuePath(state);
  const act = state.act || acting(state, () => state.redrawNow?.());
  const mine = myEntry(state);
  state.finishFloor = mine ? () => act(() => api.del(`${path}/${mine.id}`)) : null;
  const button = !mine
    ? h('button', { type: 'button', class: 'primary', id: 'request-floor',
      onclick: () => act(() => api.post(path, { mode: state.meeting.myRegistration?.mode || 'remote' })) }, t('queue.request'))
    // While speaking, "I have finished" is on the banner above.
    : mine.state === 'speaking' ? null
      : h('button', { type: 'button', id: 'withdraw-floor', onclick: state.finishFloor }, t('queue.withdraw'));
  return h('div', { class: 'floor-control' }, button, floorAlertSwitch());
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

function queuePath(state) {
  return `/api/meetings/${state.meeting.id}/queue`;
}

function acting(state, redraw) {
  return async (request) => {
    try {
      takeQueue(state, await request());
    } catch (error) {
      state.queueNotice = errorText(error);
    }
    redraw();
  };
}

function chairButtons(entry, waiting, path, act) {
  const reorder = (delta) => act(() => api.put(`${path}/order`, { entryIds: moved(waiting, entry.id, delta) }));
  const at = waiting.findIndex((e) => e.id === entry.id);
  return h('span', { class: 'moves' },
    entry.state === 'waiting' ? h('button', { type: 'button', onclick: () => act(() => api.post(`${path}/${entry.id}/grant`)) }, t('queue.grant')) : null,
    entry.state === 'waiting' && at > 0 ? h('button', { type: 'button', class: 'icon', 'aria-label': `${t('agenda.up')} ${entry.name}`,
      title: t('agenda.up'), onclick: () => reorder(-1) }, '↑') : null,
    entry.state === 'waiting' && at < waiting.length - 1 ? h('button', { type: 'button', class: 'icon', 'aria-label': `${t('agenda.down')} ${entry.name}`,
      title: t('agenda.down'), onclick: () => reorder(1) }, '↓') : null,
    h('button', { type: 'button', onclick: () => act(() => api.del(`${path}/${entry.id}`)) },
      entry.state === 'speaking' ? t('queue.done') : t('queue.dismiss')));
}

function keyMove(event, waiting, entry, path, act, state) {
  const delta = { ArrowUp: -1, ArrowDown: 1 }[event.key];
  if (!event.altKey || !delta) return;
  event.preventDefault();
  const ids = moved(waiting, entry.id, delta);
  if (ids.join() === waiting.map((e) => e.id).join()) return;
  state.focusEntry = entry.id;
  act(() => api.put(`${path}/order`, { entryIds: ids }));
}

/** The waiting entries' ids with {@code id} moved by {@code delta} places, kept inside the list. */
function moved(waiting, id, delta) {
  const ids = waiting.map((e) => e.id);
  const at = ids.indexOf(id);
  const to = Math.max(0, Math.min(ids.length - 1, at + delta));
  ids.splice(at, 1);
  ids.splice(to, 0, id);
  return ids;
}

/** Drag and drop among those waiting, with SortableJS, loaded only for chairs. */
async function enableDragging(list, state, path, act) {
  const { default: Sortable } = await import('/webjars/sortablejs/1.15.6/modular/sortable.esm.js');
  Sortable.create(list, {
    handle: '.drag-handle', draggable: 'li.queue-waiting', animation: 120,
    onEnd: () => act(() => api.put(`${path}/order`, {
      entryIds: [...list.querySelectorAll('li.queue-waiting')].map((li) => li.dataset.id) })),
  });
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
