import { h, mount } from '../dom.js';
import { t, plural } from '../i18n.js';
import { api } from '../api.js';
import { isStaff } from '../session.js';
import { navigate, queryParams } from '../router.js';
import { field, formError, onSubmit, select } from '../forms.js';
import { markChatNews } from '../read-marks.js';

export const SECTORS = ['ITU-D', 'ITU-T'];
export const REGIONS = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'];
export const KINDS = ['study-group', 'regional-group', 'rapporteur-group', 'subregional-group'];

export async function renderGroups(main) {
  const params = queryParams();
  const filters = h('form', { class: 'filters', role: 'search' },
    h('label', {}, t('groups.sector'), ' ',
      select('sector', [['', t('groups.all')], ...SECTORS.map((s) => [s, s])], params.get('sector') || '')),
    h('label', {}, t('groups.region'), ' ',
      select('region', [['', t('groups.all')], ...REGIONS.map((r) => [r, t(`region.${r}`)])], params.get('region') || '')),
    h('label', {}, t('groups.kind'), ' ',
      select('kind', [['', t('groups.all')], ...KINDS.map((k) => [k, t(`kind.${k}`)])], params.get('kind') || '')),
    h('label', {}, t('groups.search'), ' ', h('input', { name: 'q', type: 'search', value: params.get('q') || '' })),
    h('button', { type: 'submit' }, t('groups.filter')));
  filters.addEventListener('change', () => filters.requestSubmit());
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams([...new FormData(filters)].filter(([, v]) => v)).toString();
    navigate('/groups' + (query ? `?${query}` : ''));
  });
  const query = new URLSearchParams([...params].filter(([k, v]) => ['sector', 'region', 'kind', 'q'].includes(k) && v));
  const { items } = await api.get('/api/groups' + (query.toString() ? `?${query}` : ''));
  const list = items.length
    ? h('ul', { class: 'group-list', id: 'group-list' }, items.map(groupItem))
    : h('p', { id: 'group-list' }, t('groups.none'));
  markChatNews(items.map((g) => ({ room: `group:${g.id}`, element: list.querySelector(`li[data-group-id="${g.id}"] .badges`) })));
  mount(main,
    h('h1', {}, t('groups.title')),
    filters,
    h('p', { class: 'muted', id: 'group-count' }, plural('groups.count', items.length)),
    list,
    isStaff() ? newGroupForm() : null);
}

function groupItem(group) {
  return h('li', { class: 'group-item', dataset: { groupId: group.id } },
    h('a', { href: `#/groups/${group.id}` }, h('strong', { class: 'code' }, group.code), ' ', group.title),
    h('div', { class: 'badges' },
      h('span', { class: 'badge' }, group.sector),
      group.region ? h('span', { class: 'badge' }, t(`region.${group.region}`)) : null,
      h('span', { class: 'badge' }, t(`kind.${group.kind}`)),
      group.visibility === 'restricted' ? h('span', { class: 'badge warn' }, t('group.restricted')) : null));
}

function newGroupForm() {
  const form = h('form', { class: 'card', novalidate: true },
    h('h2', {}, t('groups.new')),
    formError(),
    field('group.code', h('input', { name: 'code', required: true })),
    field('group.title', h('input', { name: 'title', required: true })),
    field('groups.sector', select('sector', SECTORS.map((s) => [s, s]), 'ITU-D')),
    field('groups.region', select('region', [['', '—'], ...REGIONS.map((r) => [r, t(`region.${r}`)])], '')),
    field('groups.kind', select('kind', KINDS.map((k) => [k, t(`kind.${k}`)]), 'regional-group')),
    field('group.visibility', select('visibility', [['public', t('group.public')], ['restricted', t('group.restricted')]], 'public')),
    field('group.mandate', h('textarea', { name: 'mandate', rows: 3 })),
    h('button', { type: 'submit', class: 'primary' }, t('groups.create')));
  onSubmit(form, async (data) => {
    const body = Object.fromEntries([...data.entries()].filter(([, v]) => v !== ''));
    const group = await api.post('/api/groups', body);
    navigate(`/groups/${group.id}`);
  });
  return form;
}
