import { h, mount } from '../dom.js';
import { t, language } from '../i18n.js';
import { api } from '../api.js';

// A meeting's document register: every document with number, source, title, agenda item, treatment
// and late flag; sorted in the browser by any column; exported as CSV or as a ZIP of the originals.
const COLUMNS = [
  { key: 'number', label: 'register.number', value: (d) => d.number },
  { key: 'source', label: 'register.source', value: (d) => d.source },
  { key: 'title', label: 'register.documentTitle', value: (d) => d.title },
  { key: 'item', label: 'register.item', value: (d) => d.item || '' },
  { key: 'treatment', label: 'register.treatment', value: (d) => (d.treatment ? t(`treatment.${d.treatment}`) : '') },
  { key: 'late', label: 'register.late', value: (d) => (d.late ? t('contribution.late') : '') },
];

/** Document numbers sort by their number part (SG1RGQ/9 before SG1RGQ/10); words by the reader's language. */
function compare(a, b) {
  return String(a).localeCompare(String(b), language(), { numeric: true, sensitivity: 'base' });
}

export async function renderRegister(main, { id }) {
  const register = await api.get(`/api/meetings/${encodeURIComponent(id)}/register`);
  const state = { key: 'number', direction: 'ascending' };
  const table = h('div', { class: 'table-wrap' });
  const draw = () => mount(table, registerTable(register.items, state, (key) => {
    state.direction = state.key === key && state.direction === 'ascending' ? 'descending' : 'ascending';
    state.key = key;
    draw();
    table.querySelector(`th[data-key="${key}"] button`).focus();
  }));
  draw();
  mount(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/meetings/${id}`, dir: 'auto' }, register.title)),
    h('h1', {}, t('register.title')),
    h('p', { class: 'muted' }, t('register.count', { n: register.items.length })),
    h('p', { class: 'register-exports' },
      h('a', { class: 'button', href: `/api/meetings/${id}/register.csv`, download: '', id: 'register-csv' }, t('register.csv')),
      h('a', { class: 'button', href: `/api/meetings/${id}/register.zip`, download: '', id: 'register-zip' }, t('register.zip'))),
    register.items.length ? table : h('p', { class: 'muted', id: 'register' }, t('register.empty')));
}

function registerTable(items, state, sortBy) {
  const column = COLUMNS.find((c) => c.key === state.key);
  const sign = state.direction === 'ascending' ? 1 : -1;
  const rows = [...items].sort((a, b) => sign * compare(column.value(a), column.value(b)));
  return h('table', { class: 'register stack', id: 'register' },
    h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', {
      scope: 'col', 'data-key': c.key, 'aria-sort': c.key === state.key ? state.direction : 'none',
    }, h('button', { type: 'button', onclick: () => sortBy(c.key) }, t(c.label)))))),
    h('tbody', {}, rows.map((d) => h('tr', {},
      h('td', { class: 'num', 'data-label': t('register.number') },
        h('a', { href: `#/contributions/${d.id}`, class: 'code' }, d.number)),
      // dir=auto on the text, not the cell: the cell keeps the page's direction, so on a phone its
      // label stays on the reading side of the value.
      h('td', { 'data-label': t('register.source') }, h('span', { dir: 'auto' }, d.source)),
      h('td', { 'data-label': t('register.documentTitle') }, h('span', { dir: 'auto' }, d.title)),
      h('td', { 'data-label': t('register.item') }, d.item ? h('span', { title: d.itemTitle }, d.item) : '—'),
      h('td', { 'data-label': t('register.treatment') }, d.treatment ? t(`treatment.${d.treatment}`) : '—'),
      h('td', { 'data-label': t('register.late') }, d.late ? h('span', { class: 'badge warn' }, t('contribution.late')) : '')))));
}
