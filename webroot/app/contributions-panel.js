import { h, mount, formatBytes } from './dom.js';
import { t, formatDateTime } from './i18n.js';
import { api } from './api.js';
import { select } from './forms.js';
import { addGroupPanel } from './panels.js';

export const STATUSES = ['submitted', 'allocated', 'presented', 'noted', 'revised', 'withdrawn', 'merged'];

// The group page's contributions: the series with sizes and extraction state, filters, upload link.
addGroupPanel(async (main, ws) => {
  const list = h('div', { id: 'contribution-list' });
  const status = select('status', [['', t('groups.all')], ...STATUSES.map((s) => [s, t(`contribution.status.${s}`)])], '');
  const question = select('question', [['', t('groups.all')], ...ws.questions.map((q) => [q.number, q.number])], '');
  status.setAttribute('aria-label', t('contribution.status'));
  question.setAttribute('aria-label', t('contribution.questions'));
  const refresh = async () => {
    const params = new URLSearchParams({ limit: '100' });
    if (status.value) params.set('status', status.value);
    if (question.value) params.set('question', question.value);
    const { items } = await api.get(`/api/groups/${ws.id}/contributions?${params}`);
    mount(list, items.length ? table(items) : h('p', { class: 'muted' }, t('contributions.none')));
  };
  status.onchange = refresh;
  question.onchange = refresh;
  await refresh();
  return h('section', { 'aria-labelledby': 'contributions-h', id: 'contributions' },
    h('h2', { id: 'contributions-h' }, t('contributions.title')),
    h('div', { class: 'inline-form' }, status, question,
      ws.myRole || ws.canManage ? h('a', { class: 'button', href: `#/groups/${ws.id}/upload`, id: 'upload-link' }, t('contributions.upload')) : null),
    list);
});

function table(items) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'contributions' },
    h('thead', {}, h('tr', {}, ['contribution.number', 'contribution.title', 'contribution.source', 'contribution.status',
      'contribution.size', 'contribution.extraction', 'contribution.date'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, items.map((c) => h('tr', {},
      h('td', {}, h('a', { href: `#/contributions/${c.id}` }, c.label)),
      h('td', { dir: 'auto' }, c.title, c.late ? h('span', { class: 'badge warn' }, t('contribution.late')) : null),
      h('td', { dir: 'auto' }, c.source),
      h('td', {}, t(`contribution.status.${c.status}`)),
      h('td', { class: 'num' }, formatBytes(c.size)),
      h('td', {}, t(`extraction.${c.extraction.state}`)),
      h('td', { class: 'muted' }, formatDateTime(c.updatedAt, { dateStyle: 'medium' })))))));
}
