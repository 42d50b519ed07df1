import { h, mount } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { api, errorText } from '../api.js';
import { currentUser } from '../session.js';
import { field, formError, onSubmit } from '../forms.js';

// The admin page: the audit log (filtered by who and what, paged back in time), people and their
// global roles, and rebuilding the search index.
const ROLES = ['admin', 'secretariat'];
const PAGE = 50;

export async function renderAdmin(main) {
  mount(main,
    h('h1', {}, t('admin.title')),
    await auditSection(),
    await usersSection(),
    rebuildSection());
}

async function auditSection() {
  const list = h('div', { class: 'table-wrap', id: 'audit-log' });
  const more = h('button', { type: 'button', id: 'audit-older', hidden: true }, t('admin.audit.older'));
  let filters = {};
  let before = null;
  const load = async (append) => {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (filters.actor) query.set('actor', filters.actor);
    if (filters.action) query.set('action', filters.action);
    if (append && before) query.set('before', before);
    const { items } = await api.get(`/api/audit?${query}`);
    before = items.length ? items[items.length - 1].id : before;
    more.hidden = items.length < PAGE;
    const rows = items.map((e) => h('tr', {},
      h('td', { 'data-label': t('admin.audit.at') }, formatDateTime(e.at)),
      h('td', { 'data-label': t('admin.audit.actor') }, h('span', { dir: 'ltr' }, e.actorEmail || '—')),
      h('td', { 'data-label': t('admin.audit.action') }, h('span', { class: 'code' }, e.action)),
      h('td', { 'data-label': t('admin.audit.subject') }, subject(e))));
    const body = list.querySelector('tbody');
    if (append && body) { body.append(...rows); return; }
    mount(list, items.length ? h('table', { class: 'stack audit' },
      h('thead', {}, h('tr', {}, ['admin.audit.at', 'admin.audit.actor', 'admin.audit.action', 'admin.audit.subject']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows)) : h('p', { class: 'muted' }, t('admin.audit.none')));
  };
  const form = h('form', { class: 'inline-form', id: 'audit-filters', novalidate: true },
    formError(),
    field('admin.audit.actorFilter', h('input', { name: 'actor', type: 'email', autocomplete: 'off' })),
    field('admin.audit.actionFilter', h('input', { name: 'action', placeholder: 'liaison.send', autocomplete: 'off' })),
    h('button', { type: 'submit' }, t('admin.audit.filter')));
  onSubmit(form, async (data) => {
    filters = { actor: data.get('actor').trim(), action: data.get('action').trim() };
    before = null;
    await load(false);
  });
  more.addEventListener('click', () => load(true).catch((e) => { form.querySelector('.form-error').textContent = errorText(e); }));
  await load(false);
  return h('section', { class: 'admin-section', 'aria-labelledby': 'audit-h' },
    h('h2', { id: 'audit-h' }, t('admin.audit.title')), form, list, more);
}

const PAGES = { liaison: 'liaisons', contribution: 'contributions', meeting: 'meetings', group: 'groups', project: 'projects' };

/** What an entry is about, linked to its page when it has one; the id shortened, as it says little to a reader. */
function subject(e) {
  if (!e.subjectType) return '';
  const text = `${e.subjectType} …${(e.subjectId || '').slice(-6)}`;
  return PAGES[e.subjectType] && e.subjectId ? h('a', { href: `#/${PAGES[e.subjectType]}/${e.subjectId}`, title: e.subjectId }, text) : text;
}

async function usersSection() {
  const list = h('div', { id: 'admin-users' });
  const show = async (q) => {
    const query = new URLSearchParams({ limit: '50' });
    if (q) query.set('q', q);
    const { items, total } = await api.get(`/api/admin/users?${query}`);
    mount(list,
      h('p', { class: 'muted' }, t('admin.users.count', { n: total })),
      h('ul', { class: 'user-list' }, items.map(userRow)));
  };
  const form = h('form', { class: 'inline-form', role: 'search', id: 'user-search', novalidate: true },
    formError(),
    field('admin.users.search', h('input', { name: 'q', type: 'search', dir: 'auto', autocomplete: 'off' })),
    h('button', { type: 'submit' }, t('search.submit')));
  onSubmit(form, (data) => show(data.get('q').trim()));
  await show('');
  return h('section', { class: 'admin-section', 'aria-labelledby': 'users-h' },
    h('h2', { id: 'users-h' }, t('admin.users.title')), form, list);
}

function userRow(user) {
  const me = currentUser();
  const status = h('span', { class: 'muted', role: 'status' });
  const boxes = ROLES.map((role) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: role, checked: user.roles.includes(role),
      // An admin cannot take their own admin role away (the server refuses it too).
      disabled: me && me.id === user.id && role === 'admin' }),
    ' ', t(`admin.role.${role}`)));
  const save = h('button', { type: 'button', onclick: async () => {
    const roles = ROLES.filter((role) => boxes[ROLES.indexOf(role)].querySelector('input').checked);
    save.disabled = true;
    try {
      await api.put(`/api/accounts/${user.id}/roles`, { roles });
      status.textContent = t('admin.users.saved');
    } catch (error) {
      status.textContent = errorText(error);
    } finally {
      save.disabled = false;
    }
  } }, t('admin.users.save'));
  return h('li', { class: 'user-row', dataset: { email: user.email } },
    h('div', {}, h('strong', { dir: 'auto' }, user.name), ' ', h('span', { class: 'muted', dir: 'ltr' }, user.email)),
    h('div', { class: 'muted', dir: 'auto' }, [user.affiliation, user.country].filter(Boolean).join(', ')),
    h('div', { class: 'role-boxes' }, boxes, save, status));
}

function rebuildSection() {
  const progress = h('progress', { hidden: true, id: 'rebuild-progress', 'aria-label': t('admin.index.running') });
  const status = h('p', { role: 'status', id: 'rebuild-status' });
  const button = h('button', { type: 'button', class: 'primary', id: 'rebuild', onclick: async () => {
    if (!window.confirm(t('admin.index.confirm'))) return;
    button.disabled = true;
    progress.hidden = false;
    progress.removeAttribute('value');
    status.textContent = t('admin.index.running');
    try {
      const { indexed } = await api.post('/api/search/rebuild');
      status.textContent = t('admin.index.done', { n: indexed });
    } catch (error) {
      status.textContent = errorText(error);
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  } }, t('admin.index.rebuild'));
  return h('section', { class: 'admin-section', 'aria-labelledby': 'index-h' },
    h('h2', { id: 'index-h' }, t('admin.index.title')),
    h('p', { class: 'muted' }, t('admin.index.explain')),
    button, progress, status);
}
