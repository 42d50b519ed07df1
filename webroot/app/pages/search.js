import { h, mount } from '../dom.js';
import { t, plural } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { navigate, queryParams } from '../router.js';
import { select } from '../forms.js';
import { snippet } from '../lightview.js';

const PAGE = 20;

// Search contributions in any of the six languages, with highlighted snippets and paging.
export async function renderSearch(main) {
  const params = queryParams();
  const q = params.get('q') || '';
  const offset = Number(params.get('offset') || 0);
  const language = params.get('language') || '';
  const input = h('input', { name: 'q', type: 'search', value: q, dir: 'auto', id: 'search-q', 'aria-label': t('search.query') });
  const lang = select('language', [['', t('search.anyLanguage')], ...['ar', 'zh', 'en', 'fr', 'ru', 'es']
    .map((l) => [l, t(`search.lang.${l}`)])], language);
  lang.setAttribute('aria-label', t('search.language'));
  const form = h('form', { class: 'inline-form', role: 'search', id: 'search-form' }, input, lang,
    h('button', { type: 'submit', class: 'primary' }, t('search.submit')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams({ q: input.value.trim() });
    if (lang.value) next.set('language', lang.value);
    navigate(`/search?${next}`);
  });
  const results = h('div', { id: 'search-results' });
  mount(main, h('h1', {}, t('search.title')), form, results);
  if (!q) return;
  const query = new URLSearchParams({ q, offset: String(offset), limit: String(PAGE) });
  if (language) query.set('language', language);
  let found;
  try {
    found = await api.get(`/api/search?${query}`);
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
    pager(q, language, offset, found.total));
}

function pager(q, language, offset, total) {
  const link = (to, key) => {
    const p = new URLSearchParams({ q, offset: String(to) });
    if (language) p.set('language', language);
    return h('a', { href: `#/search?${p}` }, t(key));
  };
  return h('p', { class: 'pager' },
    offset > 0 ? link(Math.max(0, offset - PAGE), 'search.previous') : null, ' ',
    offset + PAGE < total ? link(offset + PAGE, 'search.next') : null);
}
