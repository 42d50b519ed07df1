import { h, mount } from '../dom.js';
import { t, plural } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { navigate, queryParams } from '../router.js';
import { select } from '../forms.js';
import { snippet } from '../lightview.js';

const PAGE = 20;

const FILTERS = ['language', 'group', 'question', 'meeting', 'status'];
const STATUSES = ['submitted', 'allocated', 'presented', 'noted', 'revised', 'withdrawn', 'merged'];

/** The search page's address for a query and its filters (empty filters left out). */
function searchPath(q, filters, offset = 0) {
  const p = new URLSearchParams({ q });
  if (offset) p.set('offset', String(offset));
  for (const name of FILTERS) if (filters[name]) p.set(name, filters[name]);
  return `/search?${p}`;
}

function labelled(labelKey, control) {
  control.id = `search-${control.name}`;
  return h('label', { class: 'field' }, h('span', {}, t(labelKey)), control);
}

/** Question and meeting choices follow the chosen group: they are the group's own. */
async function groupChoices(groupId) {
  if (!groupId) return { questions: [], meetings: [] };
  const [questions, meetings] = await Promise.all([
    api.get(`/api/groups/${encodeURIComponent(groupId)}/questions`).then((r) => r.items).catch(() => []),
    api.get(`/api/groups/${encodeURIComponent(groupId)}/meetings`).then((r) => r.items).catch(() => [])]);
  return { questions, meetings };
}

function questionSelect(questions, value) {
  return select('question', [['', t('search.anyQuestion')], ...questions.map((q) => [q.number, `${q.number} — ${q.title}`])], value);
}

function meetingSelect(meetings, value) {
  return select('meeting', [['', t('search.anyMeeting')], ...meetings.map((m) => [m.id, m.title])], value);
}

// Search contributions in any of the six languages, with highlighted snippets, filters and paging.
export async function renderSearch(main) {
  const params = queryParams();
  const q = params.get('q') || '';
  const offset = Number(params.get('offset') || 0);
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || '']));
  // The search starts at once, beside the look-ups that fill the filters, not after them.
  const query = new URLSearchParams({ q, offset: String(offset), limit: String(PAGE) });
  for (const name of FILTERS) if (filters[name]) query.set(name, filters[name]);
  const searching = q ? api.get(`/api/search?${query}`) : null;
  searching?.catch(() => {});
  const [{ items: groups }, choices] = await Promise.all([api.get('/api/groups'), groupChoices(filters.group)]);
  const input = h('input', { name: 'q', type: 'search', value: q, dir: 'auto', id: 'search-q', 'aria-label': t('search.query') });
  const lang = select('language', [['', t('search.anyLanguage')], ...['ar', 'zh', 'en', 'fr', 'ru', 'es']
    .map((l) => [l, t(`search.lang.${l}`)])], filters.language);
  lang.setAttribute('aria-label', t('search.language'));
  const group = select('group', [['', t('search.anyGroup')], ...groups.map((g) => [g.id, `${g.code} — ${g.title}`])], filters.group);
  let question = questionSelect(choices.questions, filters.question);
  let meeting = meetingSelect(choices.meetings, filters.meeting);
  const status = select('status', [['', t('search.anyStatus')], ...STATUSES.map((x) => [x, t(`contribution.status.${x}`)])], filters.status);
  const questionField = labelled('search.question', question);
  const meetingField = labelled('search.meeting', meeting);
  group.addEventListener('change', async () => {
    const next = await groupChoices(group.value);
    question.replaceWith(question = questionSelect(next.questions, ''));
    meeting.replaceWith(meeting = meetingSelect(next.meetings, ''));
    question.id = 'search-question';
    meeting.id = 'search-meeting';
    question.disabled = !group.value;
    meeting.disabled = !group.value;
  });
  question.disabled = !filters.group;
  meeting.disabled = !filters.group;
  const form = h('form', { class: 'inline-form', role: 'search', id: 'search-form' }, input, lang,
    h('button', { type: 'submit', class: 'primary' }, t('search.submit')),
    h('div', { class: 'filters search-filters' }, labelled('search.group', group), questionField, meetingField,
      labelled('search.status', status)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(searchPath(input.value.trim(), { language: lang.value, group: group.value,
      question: group.value ? question.value : '', meeting: group.value ? meeting.value : '', status: status.value }));
  });
  const results = h('div', { id: 'search-results' });
  mount(main, h('h1', {}, t('search.title')), form, results);
  if (!q) return;
  let found;
  try {
    found = await searching;
  } catch (error) {
    // A query the server finds too broad (or too long) is the reader's to change, said in their language.
    if (!(error instanceof ApiError) || error.status !== 400 || !('q' in error.fields)) throw error;
    mount(results, h('p', { class: 'form-error', role: 'alert' }, t('search.tooBroad')));
    return;
  }
  mount(results,
    h('p', { class: 'muted' }, plural('search.count', found.total)),
    h('ol', { class: 'hits', start: offset + 1 }, found.items.map((hit) => h('li', {},
      h('a', { href: `#/contributions/${hit.id}` }, h('strong', {}, hit.number), ' ', h('span', { dir: 'auto' }, hit.title || '')),
      hit.snippet ? h('div', {}, snippet(hit.snippet)) : null))),
    pager(q, filters, offset, found.total));
}

function pager(q, filters, offset, total) {
  const link = (to, key) => h('a', { href: `#${searchPath(q, filters, to)}` }, t(key));
  return h('p', { class: 'pager' },
    offset > 0 ? link(Math.max(0, offset - PAGE), 'search.previous') : null, ' ',
    offset + PAGE < total ? link(offset + PAGE, 'search.next') : null);
}
