// The group page's liaison panel (inbox, outbox, overdue) and the small pieces the liaison pages share
// with it. Loaded with every group page; the liaison pages themselves load on first use.
import { h } from './dom.js';
import { t, formatDateTime } from './i18n.js';
import { api } from './api.js';
import { addGroupPanel } from './panels.js';

export const PURPOSES = ['for-action', 'for-comment', 'for-information', 'in-response'];
const LEADS = ['chair', 'vice-chair', 'secretariat', 'rapporteur', 'associate-rapporteur'];

export function label(l) {
  return l.number || t('liaison.draft');
}

export function party(p) {
  return p.groupId ? p.code : p.body;
}

export function stateBadge(state, extra = '') {
  return h('span', { class: `badge state-${state} ${extra}`.trim() }, t(`liaison.state.${state}`));
}

export function deadlineText(l) {
  if (!l.deadline) return null;
  return h('span', { class: l.overdue ? 'badge warn' : 'badge' },
    l.overdue ? t('liaison.overdueSince', { date: formatDateTime(l.deadline, { dateStyle: 'medium' }) })
      : t('liaison.dueBy', { date: formatDateTime(l.deadline, { dateStyle: 'medium' }) }));
}

function listItem(l, inbox) {
  return h('li', { class: 'liaison-item' },
    h('a', { href: `#/liaisons/${l.id}` }, h('span', { class: 'code' }, label(l)), ' ', h('span', { dir: 'auto' }, l.title)),
    h('div', { class: 'badges' },
      h('span', { class: 'badge' }, t(`liaison.purpose.${l.purpose}`)),
      stateBadge(inbox && l.boxState ? l.boxState : l.state),
      h('span', { class: 'badge' }, inbox ? t('liaison.fromParty', { from: party(l.from) })
        : t('liaison.toParties', { to: [...l.to.map(party), ...l.toBodies].join(', ') })),
      deadlineText(l)));
}

function liaisonList(id, items, inbox, emptyKey) {
  return items.length
    ? h('ul', { class: 'liaison-list', id }, items.map((l) => listItem(l, inbox)))
    : h('p', { class: 'muted', id }, t(emptyKey));
}

// The group page's panel: inbox, outbox and overdue statements, and a way to draft one.
addGroupPanel(async (main, ws) => {
  const [inbox, outbox, overdue] = await Promise.all([
    api.get(`/api/groups/${ws.id}/liaisons?box=inbox`),
    api.get(`/api/groups/${ws.id}/liaisons?box=outbox`),
    api.get(`/api/groups/${ws.id}/liaisons/overdue`)]);
  const canDraft = ws.canManage || LEADS.includes(ws.myRole);
  return h('section', { 'aria-labelledby': 'liaisons-h', class: 'liaisons-panel' },
    h('h2', { id: 'liaisons-h' }, t('liaison.title')),
    canDraft ? h('p', {}, h('a', { href: `#/groups/${ws.id}/liaisons/new`, id: 'new-liaison', class: 'button' },
      t('liaison.new'))) : null,
    overdue.items.length ? [h('h3', { class: 'warn-text' }, t('liaison.overdue')), liaisonList('liaison-overdue', overdue.items, true, '')] : null,
    h('h3', {}, t('liaison.inbox')),
    liaisonList('liaison-inbox', inbox.items, true, 'liaison.inboxEmpty'),
    h('h3', {}, t('liaison.outbox')),
    liaisonList('liaison-outbox', outbox.items, false, 'liaison.outboxEmpty'));
});
