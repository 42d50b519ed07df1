import { h, mount } from './dom.js';
import { t, tIsolated, plural, formatDateTime, language } from './i18n.js';
import { api, errorText } from './api.js';

export const TREATMENTS = ['to-present', 'presented', 'noted', 'agreed', 'revised', 'merged', 'withdrawn', 'postponed'];

// The agenda for everyone, and the chair's editor. Each edit sends the whole agenda with the version
// it was made on; a 409 means another chair changed it first, so the page reloads it and says so.
export function renderAgenda(box, state) {
  const { meeting, agenda } = state;
  const editing = meeting.canRun;
  const notice = h('p', { class: 'notice', role: 'status', id: 'agenda-notice' }, state.notice || '');
  state.notice = '';
  const list = tree(agenda.items, state, editing);
  mount(box,
    h('h2', { id: 'agenda-h' }, t('agenda.title'), ' ', statusBadge(agenda),
      ' ', h('span', { class: 'muted', id: 'agenda-version' }, t('agenda.version', { n: agenda.version }))),
    notice,
    agenda.items.length ? list : h('p', { class: 'muted' }, t('agenda.empty')),
    editing ? toolbar(state) : null,
    h('p', { class: 'exports' },
      h('a', { href: `/api/meetings/${meeting.id}/agenda.docx?lang=${language()}` }, t('agenda.word')), ' · ',
      h('a', { href: `/api/meetings/${meeting.id}/agenda.html?lang=${language()}`, target: '_blank', rel: 'noopener' }, t('agenda.print')), ' · ',
      h('a', { href: `#/meetings/${meeting.id}/register`, id: 'register-link' }, t('register.title')), ' · ',
      h('button', { type: 'button', class: 'link', onclick: () => showHistory(box, meeting) }, t('agenda.history'))),
    h('div', { id: 'agenda-history' }));
  if (editing && agenda.items.length) enableDragging(list, state, box);
}

/** "Approved, changed since" once the agenda moved on from the version that was approved. */
function statusBadge(agenda) {
  const changed = agenda.status === 'approved' && agenda.approvedVersion != null && agenda.version > agenda.approvedVersion;
  const key = changed ? 'agenda.status.changedSince' : `agenda.status.${agenda.status}`;
  return h('span', { class: changed ? 'badge warn' : agenda.status === 'approved' ? 'badge mine' : 'badge', id: 'agenda-status' }, t(key));
}

/** "3.1 Liaison statements": how the page names an item to people. */
export function itemLabel(item) {
  return `${item.number} ${item.title}`;
}

function tree(items, state, editing, prefix = '') {
  return h('ol', { class: 'agenda-tree' }, items.map((item) => h('li', {
    'data-id': item.id, class: item.id === state.current?.itemId ? 'agenda-item current' : 'agenda-item',
    'aria-current': item.id === state.current?.itemId ? 'true' : undefined },
    h('div', { class: 'agenda-row', tabindex: editing ? 0 : undefined, onkeydown: editing ? (e) => keyMove(e, item, state) : undefined },
      h('span', { class: 'agenda-number' }, item.number),
      editing ? h('span', { class: 'drag-handle', 'aria-hidden': 'true', title: t('agenda.drag') }, '⠿') : null,
      editing ? titleInput(item, state) : h('span', { class: 'agenda-title', dir: 'auto' }, item.title),
      item.presenter ? h('span', { class: 'muted' }, ` — ${item.presenter}`) : null,
      item.plannedMinutes ? h('span', { class: 'muted' }, ` (${plural('agenda.minutes', item.plannedMinutes)})`) : null,
      item.startsAt ? h('span', { class: 'muted' }, ` ${formatDateTime(item.startsAt, { timeStyle: 'short', timeZone: state.meeting.timeZone })}`) : null,
      item.id === state.current?.itemId ? h('span', { class: 'badge mine now-badge' }, t('agenda.current')) : null,
      editing ? moveButtons(item, state) : null),
    editing && state.detailsOf === item.id ? itemEditor(item, state) : null,
    origin(item),
    allocations(item, state, editing),
    item.notes ? h('p', { class: 'outcome', dir: 'auto' }, t('agenda.outcome'), ' ', item.notes) : null,
    item.children.length ? tree(item.children, state, editing) : h('ol', { class: 'agenda-tree empty' }))));
}

/** Where the platform proposed the item from, worded here in the reader's language from the item's origin. */
function origin(item) {
  const o = item.origin;
  if (o?.kind !== 'liaison') return null;
  const number = h('a', { href: `#/liaisons/${encodeURIComponent(o.liaisonId)}` }, o.number || o.liaisonId);
  return h('p', { class: 'muted agenda-origin', 'data-origin': o.kind },
    tIsolated('agenda.origin.liaison', { number, from: o.from || '' }),
    o.replyDue ? [' · ', ...tIsolated('agenda.origin.replyDue', { date: formatDateTime(o.replyDue) })] : null);
}

function allocations(item, state, editing) {
  if (!item.allocations.length) return null;
  return h('ul', { class: 'allocations' }, item.allocations.map((a) => h('li', {},
    h('a', { href: `#/contributions/${a.contributionId}` }, a.number || a.contributionId), ' ',
    h('span', { dir: 'auto' }, a.title || ''), ' ',
    editing ? treatmentSelect(item, a, state) : h('span', { class: `badge status-${a.status}` }, t(`treatment.${a.status}`)),
    a.into ? [' ', h('a', { href: `#/contributions/${a.into}`, class: 'into-link' }, t(`agenda.into.${a.status}`))] : null)));
}

function treatmentSelect(item, allocation, state) {
  const control = h('select', { 'aria-label': t('agenda.treatmentOf', { doc: allocation.number || allocation.contributionId }) },
    TREATMENTS.map((s) => h('option', { value: s, selected: s === allocation.status }, t(`treatment.${s}`))));
  control.addEventListener('change', () => edit(state, (items) => {
    const target = find(items, item.id).item.allocations.find((a) => a.contributionId === allocation.contributionId);
    target.status = control.value;
    if (control.value !== 'revised' && control.value !== 'merged') delete target.into;
  }));
  return control;
}

function titleInput(item, state) {
  const input = h('input', { class: 'agenda-title-input', value: item.title, 'aria-label': t('agenda.itemTitle', { n: item.number }), dir: 'auto' });
  input.addEventListener('change', () => edit(state, (items) => { find(items, item.id).item.title = input.value; }));
  return input;
}

function moveButtons(item, state) {
  const button = (label, key, action) => h('button', { type: 'button', class: 'icon', title: t(key), 'aria-label': `${t(key)} ${item.number}`,
    onclick: () => edit(state, (items) => action(items, item.id)) }, label);
  return h('span', { class: 'moves' },
    button('↑', 'agenda.up', (items, id) => shift(items, id, -1)),
    button('↓', 'agenda.down', (items, id) => shift(items, id, 1)),
    button(rtl() ? '←' : '→', 'agenda.indent', indent),
    button(rtl() ? '→' : '←', 'agenda.outdent', outdent),
    button('+', 'agenda.addSub', (items, id) => { find(items, id).item.children.push(newItem(t('agenda.newItem'))); }),
    h('button', { type: 'button', class: 'icon remove-item', title: t('agenda.remove'), 'aria-label': `${t('agenda.remove')} ${item.number}`,
      onclick: () => removeWithUndo(item, state) }, '✕'),
    h('button', { type: 'button', class: 'details-item', 'aria-expanded': String(state.detailsOf === item.id),
      'aria-label': t('agenda.detailsOf', { n: item.number }),
      onclick: () => { state.detailsOf = state.detailsOf === item.id ? null : item.id; redraw(state); } }, t('agenda.details')),
    item.id === state.current?.itemId
      ? h('button', { type: 'button', class: 'mark-current', onclick: () => markCurrent(state, null) }, t('agenda.clearCurrent'))
      : h('button', { type: 'button', class: 'mark-current', 'aria-label': t('agenda.markCurrentOf', { n: item.number }),
        onclick: () => markCurrent(state, item.id) }, t('agenda.markCurrent')));
}

function redraw(state) {
  const box = document.getElementById('agenda');
  if (box) renderAgenda(box, state);
}

async function markCurrent(state, itemId) {
  try {
    const answer = await api.put(`/api/meetings/${state.meeting.id}/agenda/current`, { itemId });
    state.current = answer.current;
  } catch (error) {
    state.notice = errorText(error);
  }
  redraw(state);
  state.redrawNow?.();
}

/**
 * Removes at once and offers Undo for a few seconds, as mail and chat applications do: a chair running a
 * meeting should not answer a dialog, and a slip is put back where it was, sub-items and documents included.
 */
function removeWithUndo(item, state) {
  const at = find(state.agenda.items, item.id);
  const parentId = findParent(state.agenda.items, item.id)?.id ?? null;
  const removed = structuredClone(at.item);
  const index = at.index;
  edit(state, (items) => { const here = find(items, item.id); if (here) here.list.splice(here.index, 1); })
    .then(() => {
      if (find(state.agenda.items, item.id)) return;
      toast(t('agenda.removed', { n: item.number, title: item.title }), t('agenda.undo'), () => edit(state, (items) => {
        if (find(items, removed.id)) return;
        const parent = parentId && find(items, parentId);
        const list = parent ? parent.item.children : items;
        list.splice(Math.min(index, list.length), 0, removed);
      }));
    });
}

const UNDO_SECONDS = 10;

/** A message at the bottom of the screen with one action, gone after {@link UNDO_SECONDS}. */
function toast(text, actionLabel, action) {
  document.getElementById('toast')?.remove();
  const box = h('div', { class: 'toast', id: 'toast', role: 'status' },
    h('span', { dir: 'auto' }, text),
    h('button', { type: 'button', class: 'primary', id: 'toast-action', onclick: () => { box.remove(); action(); } }, actionLabel));
  document.body.append(box);
  setTimeout(() => box.remove(), UNDO_SECONDS * 1000);
}

/** Every field of an item: presenter, planned minutes, start, outcome, and what became of each document. */
function itemEditor(item, state) {
  const zone = state.meeting.timeZone;
  const form = h('form', { class: 'item-editor card', id: 'item-editor', novalidate: true },
    h('label', {}, t('agenda.presenter'), h('input', { name: 'presenter', value: item.presenter || '', dir: 'auto', maxlength: 200 })),
    h('label', {}, t('agenda.plannedMinutes'), h('input', { name: 'plannedMinutes', type: 'number', min: 0, max: 1440,
      value: item.plannedMinutes ?? '' })),
    h('label', {}, t('agenda.startsAt'), h('input', { name: 'startsAt', type: 'datetime-local',
      value: item.startsAt ? localInput(item.startsAt, zone) : '' })),
    h('label', { class: 'wide' }, t('agenda.notes'), h('textarea', { name: 'notes', rows: 3, dir: 'auto' }, item.notes || '')),
    item.allocations.map((a, i) => allocationEditor(a, i, state)),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary', id: 'save-item' }, t('agenda.saveItem')),
      h('button', { type: 'button', onclick: () => { state.detailsOf = null; redraw(state); } }, t('agenda.closeDetails'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    state.detailsOf = null;
    edit(state, (items) => {
      const target = find(items, item.id).item;
      target.presenter = data.get('presenter').trim() || undefined;
      target.plannedMinutes = data.get('plannedMinutes') === '' ? undefined : Number(data.get('plannedMinutes'));
      target.startsAt = data.get('startsAt') || undefined;
      target.notes = data.get('notes').trim() || undefined;
      target.allocations.forEach((a, i) => {
        a.status = data.get(`status-${i}`) || a.status;
        a.into = a.status === 'revised' || a.status === 'merged' ? data.get(`into-${i}`) || undefined : undefined;
      });
    });
  });
  return form;
}

function allocationEditor(allocation, i, state) {
  const name = allocation.number || allocation.contributionId;
  const status = h('select', { name: `status-${i}`, 'aria-label': t('agenda.treatmentOf', { doc: name }) },
    TREATMENTS.map((s) => h('option', { value: s, selected: s === allocation.status }, t(`treatment.${s}`))));
  const into = h('select', { name: `into-${i}` }, h('option', { value: '' }, t('agenda.contributionId')));
  const intoLabel = h('label', { class: 'into' }, h('span', {}), into);
  const show = () => {
    const needed = status.value === 'revised' || status.value === 'merged';
    intoLabel.hidden = !needed;
    intoLabel.firstChild.textContent = needed ? t(`agenda.into.${status.value}`) : '';
  };
  status.addEventListener('change', show);
  show();
  groupDocuments(state).then((documents) => documents.filter((d) => d.id !== allocation.contributionId).forEach((d) =>
    into.append(h('option', { value: d.id, selected: d.id === allocation.into }, `${d.number} ${d.title}`))));
  return h('fieldset', { class: 'allocation-editor' }, h('legend', { dir: 'auto' }, `${name} ${allocation.title || ''}`),
    h('label', {}, t('agenda.treatmentOf', { doc: name }), status), intoLabel);
}

/** A time shown to the chair as the meeting's local time, for a datetime-local input. */
function localInput(iso, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** In Arabic the page runs right to left, so "in" points left. */
function rtl() {
  return document.documentElement.dir === 'rtl';
}

/** Alt+arrows move the focused item, as the buttons do, for people who do not drag. */
function keyMove(event, item, state) {
  if (!event.altKey) return;
  const inward = rtl() ? 'ArrowLeft' : 'ArrowRight';
  const outward = rtl() ? 'ArrowRight' : 'ArrowLeft';
  const moves = { ArrowUp: (i, id) => shift(i, id, -1), ArrowDown: (i, id) => shift(i, id, 1), [inward]: indent, [outward]: outdent };
  const move = moves[event.key];
  if (!move) return;
  event.preventDefault();
  state.focusId = item.id;
  edit(state, (items) => move(items, item.id));
}

function toolbar(state) {
  const allocate = h('form', { class: 'inline-form', id: 'allocate-form' },
    h('label', {}, t('agenda.allocate'), ' ', documentChoice(state)),
    h('label', {}, t('agenda.toItem'), ' ', h('select', { name: 'itemId' }, flat(state.agenda.items).map((i) =>
      h('option', { value: i.id }, `${i.number} ${i.title}`)))),
    h('button', { type: 'submit' }, t('agenda.allocateButton')));
  allocate.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(allocate);
    edit(state, (items) => {
      if (!data.get('contributionId')) return;
      find(items, data.get('itemId')).item.allocations.push({ contributionId: data.get('contributionId'), status: 'to-present' });
    });
  });
  return h('div', { class: 'agenda-toolbar' },
    h('button', { type: 'button', id: 'add-item', onclick: () => edit(state, (items) => { items.push(newItem(t('agenda.newItem'))); }) },
      t('agenda.addItem')),
    state.agenda.status === 'draft' && state.agenda.items.length
      ? h('button', { type: 'button', class: 'primary', id: 'approve-agenda', onclick: () => approve(state) }, t('agenda.approve'))
      : null,
    state.agenda.items.length ? allocate : null);
}

/** The group's documents not yet on the agenda, by number and title; loaded once per meeting page. */
function documentChoice(state) {
  const choice = h('select', { name: 'contributionId', required: true }, h('option', { value: '' }, t('agenda.contributionId')));
  const allocated = new Set(flat(state.agenda.items).flatMap((i) => i.allocations.map((a) => a.contributionId)));
  groupDocuments(state).then((documents) => documents.filter((d) => !allocated.has(d.id)).forEach((d) =>
    choice.append(h('option', { value: d.id }, `${d.number} ${d.title}`))));
  return choice;
}

function groupDocuments(state) {
  state.documents ??= api.get(`/api/groups/${state.meeting.group.id}/contributions?limit=200`)
    .then((page) => page.items).catch(() => []);
  return state.documents;
}

function newItem(title) {
  return { id: `i${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, title, allocations: [], children: [] };
}

async function approve(state) {
  await send(state, () => api.post(`/api/meetings/${state.meeting.id}/agenda/approval`, { version: state.agenda.version }));
}

/** Applies a change to a copy of the agenda and sends it. */
export function edit(state, change) {
  const items = structuredClone(state.agenda.items);
  change(items);
  return send(state, () => api.put(`/api/meetings/${state.meeting.id}/agenda`, { version: state.agenda.version, items: strip(items) }));
}

async function send(state, request) {
  try {
    state.agenda = await request();
  } catch (error) {
    if (error.status === 409) {
      state.agenda = await api.get(`/api/meetings/${state.meeting.id}/agenda`);
      state.notice = t('agenda.conflict');
    } else {
      state.notice = errorText(error);
    }
  }
  const box = document.getElementById('agenda');
  if (box) {
    renderAgenda(box, state);
    if (state.focusId) box.querySelector(`[data-id="${CSS.escape(state.focusId)}"] > .agenda-row`)?.focus();
    state.focusId = null;
  }
}

function strip(items) {
  return items.map((i) => ({
    id: i.id, title: i.title, presenter: i.presenter || undefined, plannedMinutes: i.plannedMinutes ?? undefined,
    startsAt: i.startsAt || undefined, notes: i.notes || undefined,
    allocations: i.allocations.map((a) => ({ contributionId: a.contributionId, status: a.status, into: a.into || undefined })),
    children: strip(i.children),
  }));
}

function find(items, id) {
  for (let index = 0; index < items.length; index++) {
    if (items[index].id === id) return { list: items, index, item: items[index] };
    const inside = find(items[index].children, id);
    if (inside) return inside;
  }
  return null;
}

function findParent(items, id, parent = null) {
  for (const item of items) {
    if (item.id === id) return parent;
    const inside = findParent(item.children, id, item);
    if (inside !== undefined) return inside;
  }
  return undefined;
}

function flat(items) {
  return items.flatMap((i) => [i, ...flat(i.children)]);
}

function shift(items, id, delta) {
  const at = find(items, id);
  const to = at.index + delta;
  if (to < 0 || to >= at.list.length) return;
  at.list.splice(at.index, 1);
  at.list.splice(to, 0, at.item);
}

function indent(items, id) {
  const at = find(items, id);
  if (at.index === 0) return;
  at.list.splice(at.index, 1);
  at.list[at.index - 1].children.push(at.item);
}

function outdent(items, id) {
  const parent = findParent(items, id);
  if (!parent) return;
  const at = find(items, id);
  at.list.splice(at.index, 1);
  const grand = findParent(items, parent.id);
  const siblings = grand ? grand.children : items;
  siblings.splice(siblings.indexOf(parent) + 1, 0, at.item);
}

/** Drag and drop with SortableJS, loaded only for chairs so participants on slow links never fetch it. */
async function enableDragging(list, state, box) {
  const { default: Sortable } = await import('/webjars/sortablejs/1.15.6/modular/sortable.esm.js');
  box.querySelectorAll('ol.agenda-tree').forEach((ol) => Sortable.create(ol, {
    group: 'agenda', handle: '.drag-handle', animation: 120, fallbackOnBody: true, swapThreshold: 0.6,
    onEnd: () => edit(state, (items) => rebuild(items, box.querySelector('ol.agenda-tree'))),
  }));
}

/** Reads the order the user dragged into from the DOM, keeping every item's content. */
function rebuild(items, root) {
  const byId = new Map(flat(items).map((i) => [i.id, i]));
  const read = (ol) => [...ol.children].filter((li) => li.dataset.id).map((li) => {
    const item = byId.get(li.dataset.id);
    item.children = read(li.querySelector(':scope > ol'));
    return item;
  });
  items.splice(0, items.length, ...read(root));
}

async function showHistory(box, meeting) {
  const { items } = await api.get(`/api/meetings/${meeting.id}/agenda/history`);
  mount(box.querySelector('#agenda-history'), h('ol', { class: 'history', reversed: true }, items.map((entry) => h('li', {},
    h('strong', {}, t('agenda.version', { n: entry.version })), ' ',
    h('span', { class: 'muted' }, h('bdi', {}, formatDateTime(entry.at)), ' · ', h('bdi', {}, entry.by || '')), ' ',
    entry.afterApproval ? h('span', { class: 'badge warn' }, t('agenda.afterApproval')) : null,
    h('ul', {}, entry.changes.map(historyLine))))));
}

/** One change in the reader's language; entries saved before changes had a kind are plain text. */
function historyLine(change) {
  if (typeof change === 'string') return h('li', { dir: 'auto' }, change);
  const params = { ...change.params };
  if (change.kind === 'treatment') {
    params.status = t(`treatment.${params.status}`);
    params.was = t(`treatment.${params.was}`);
  }
  return h('li', { 'data-kind': change.kind }, tIsolated(`agenda.change.${change.kind}`, params));
}
