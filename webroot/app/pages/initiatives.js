import { h, mount } from '../dom.js';
import { t, plural } from '../i18n.js';
import { api, ApiError, errorText } from '../api.js';
import { isStaff } from '../session.js';
import { navigate, queryParams } from '../router.js';
import { select } from '../forms.js';

import { REGIONS } from './groups.js';
import {
  STATUSES, WSIS_LINES, setTitle, withLang, localText, bdi, countryName, formatNumber, joinList, isolated,
} from '../portal.js';
import { translationSection } from './translations.js';
import { consultationsSection } from './consultations.js';

const PAGE_SIZE = 20;
const FILTERS = ['region', 'cycle', 'status', 'country', 'partner', 'sdg', 'wsis', 'q'];
const PROJECT_FILTERS = ['region', 'status', 'country', 'partner', 'sdg', 'wsis', 'q'];

/** The public portal: the initiatives of a cycle by region, then the projects that match the filters. */
export async function renderInitiatives(main) {
  const params = queryParams();
  const [{ items: cycles }, partners] = await Promise.all([api.get('/api/cycles'), api.get('/api/partners?limit=200')]);
  const cycle = params.get('cycle') || cycles[cycles.length - 1]?.code || '';
  const region = params.get('region') || '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const projectQuery = new URLSearchParams([...params].filter(([k, v]) => PROJECT_FILTERS.includes(k) && v));
  let problem = null;
  const [initiatives, projects] = await Promise.all([
    api.get(withLang(`/api/initiatives?limit=200&cycle=${encodeURIComponent(cycle)}` + (region ? `&region=${region}` : ''))),
    api.get(withLang(`/api/projects?${projectQuery}&limit=${PAGE_SIZE}&offset=${offset}`)).catch((error) => {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      problem = error;
      return { items: [], total: 0 };
    }),
  ]);
  const partnerNames = new Map(partners.items.map((p) => [p.id, p.acronym || p.name]));
  setTitle(t('portal.title'));
  mount(main,
    h('h1', {}, t('portal.title')),
    h('p', { class: 'muted' }, t('portal.intro')),
    h('p', { class: 'actions' },
      h('a', { href: '#/dashboard', id: 'dashboard-link' }, t('dashboard.title')),
      isStaff() ? h('a', { class: 'button', href: '#/initiatives/new', id: 'new-initiative' }, t('initiative.new')) : null,
      isStaff() ? h('a', { class: 'button', href: '#/projects/new', id: 'new-project' }, t('project.new')) : null),
    filterForm(params, cycles, cycle, partners.items, problem),
    h('div', { class: 'portal-layout' },
      projectsSection(projects, offset, partnerNames, params),
      initiativesSection(initiatives.items, cycles.find((c) => c.code === cycle))));
}

function filterForm(params, cycles, cycle, partners, problem) {
  const value = (name) => params.get(name) || '';
  const any = [['', t('groups.all')]];
  const form = h('form', { class: 'filters', role: 'search', id: 'portal-filters' },
    h('label', {}, t('portal.cycle'), ' ', select('cycle', cycles.map((c) => [c.code, isolated(`${c.name} (${c.startYear}–${c.endYear})`)]), cycle)),
    h('label', {}, t('groups.region'), ' ', select('region', [...any, ...REGIONS.map((r) => [r, t(`region.${r}`)])], value('region'))),
    h('label', {}, t('project.status'), ' ', select('status', [...any, ...STATUSES.map((s) => [s, t(`status.${s}`)])], value('status'))),
    h('label', {}, t('project.country'), ' ', h('input', { name: 'country', size: 3, maxlength: 2, placeholder: 'SN', dir: 'ltr', value: value('country') })),
    h('label', {}, t('project.partner'), ' ', select('partner', [...any, ...partners.map((p) => [p.id, p.acronym || p.name])], value('partner'))),
    h('label', {}, t('project.sdg'), ' ', h('input', { name: 'sdg', size: 5, placeholder: '9.c', dir: 'ltr', value: value('sdg') })),
    h('label', {}, t('project.wsis'), ' ', select('wsis', [...any, ...WSIS_LINES.map((c) => [c, c])], value('wsis'))),
    h('label', {}, t('groups.search'), ' ', h('input', { name: 'q', type: 'search', value: value('q') })),
    h('button', { type: 'submit' }, t('groups.filter')),
    problem ? h('p', { class: 'form-error', role: 'alert', id: 'filter-error' },
      (problem.problem.errors || []).map((e) => `${t(`filter.${e.field}`)}: ${e.message}`).join(' — ') || errorText(problem)) : null);
  form.addEventListener('change', (event) => { if (event.target.tagName === 'SELECT') form.requestSubmit(); });
  // On a phone the filters would fill the first screen: folded unless some are in use.
  const open = matchMedia('(min-width: 50rem)').matches || PROJECT_FILTERS.some((k) => params.get(k)) || !!problem;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams([...new FormData(form)]
      .filter(([k, v]) => FILTERS.includes(k) && v)
      .map(([k, v]) => [k, k === 'country' ? v.trim().toUpperCase() : v.trim()])).toString();
    navigate('/initiatives' + (query ? `?${query}` : ''));
  });
  return h('details', { class: 'filter-box', open }, h('summary', {}, t('groups.filter')), form);
}

function initiativesSection(items, cycle) {
  const byRegion = REGIONS.map((r) => [r, items.filter((i) => i.region === r)]).filter(([, list]) => list.length);
  return h('aside', { 'aria-labelledby': 'initiatives-h', id: 'initiatives' },
    h('h2', { id: 'initiatives-h' }, t('portal.initiatives'), cycle ? h('span', { class: 'muted' }, ' · ', cycle.name) : null),
    byRegion.length
      ? h('div', { class: 'region-grid' }, byRegion.map(([region, list]) => h('div', { class: 'region-block' },
        h('h3', {}, t(`region.${region}`)),
        h('ul', { class: 'initiative-list' }, list.map((i) => h('li', { dataset: { code: i.code } },
          h('a', { href: `#/initiatives/${i.id}` }, h('strong', { class: 'code' }, bdi(i.code)), ' ', localText(i.title))))))))
      : h('p', { class: 'muted' }, t('portal.noInitiatives')));
}

function projectsSection(projects, offset, partnerNames, params) {
  const pager = (to) => {
    const query = new URLSearchParams(params);
    query.set('offset', String(to));
    return `#/initiatives?${query}`;
  };
  const from = projects.total ? offset + 1 : 0;
  const to = offset + projects.items.length;
  return h('section', { 'aria-labelledby': 'projects-h', id: 'projects' },
    h('h2', { id: 'projects-h' }, t('portal.projects')),
    h('p', { class: 'muted', id: 'project-count' }, plural('portal.projectCount', projects.total),
      projects.total > PAGE_SIZE ? [' · ', t('portal.showing', { from: formatNumber(from), to: formatNumber(to) })] : null),
    projects.items.length
      ? h('ul', { class: 'project-list', id: 'project-list' }, projects.items.map((p) => projectItem(p, partnerNames)))
      : h('p', { class: 'muted', id: 'project-list' }, t('portal.noProjects')),
    projects.total > PAGE_SIZE ? h('nav', { class: 'pager', 'aria-label': t('portal.pages') },
      offset > 0 ? h('a', { href: pager(Math.max(0, offset - PAGE_SIZE)), rel: 'prev' }, t('portal.previous')) : null,
      to < projects.total ? h('a', { href: pager(offset + PAGE_SIZE), rel: 'next', id: 'next-page' }, t('portal.next')) : null) : null);
}

export function projectItem(p, partnerNames = new Map()) {
  return h('li', { class: 'project-item', dataset: { code: p.code } },
    h('a', { href: `#/projects/${p.id}` }, h('strong', { class: 'code' }, bdi(p.code)), ' ', localText(p.title)),
    h('div', { class: 'badges' },
      h('span', { class: `badge status-${p.status}` }, t(`status.${p.status}`)),
      h('span', { class: 'badge' }, t(`region.${p.region}`)),
      p.seekingPartners ? h('span', { class: 'badge mine' }, t('project.seekingPartners')) : null,
      p.replicable ? h('span', { class: 'badge' }, t('project.replicable')) : null,
      p.published === false ? h('span', { class: 'badge warn' }, t('project.unpublished')) : null),
    h('div', { class: 'muted small' },
      joinList(p.countries.map((c) => countryName(c.code))),
      partnersOf(p, partnerNames)));
}

function partnersOf(p, partnerNames) {
  const names = p.partners.map((x) => partnerNames.get(x.partnerId)).filter(Boolean);
  return names.length ? [' — ', joinList([...new Set(names)])] : null;
}

/** One initiative: objective, expected results, Questions and groups, and its projects. */
export async function renderInitiative(main, { id }) {
  const [initiative, projects] = await Promise.all([
    api.get(withLang(`/api/initiatives/${encodeURIComponent(id)}`)),
    api.get(withLang(`/api/projects?initiative=${encodeURIComponent(id)}&limit=200`)),
  ]);
  const groups = await Promise.all(initiative.groupIds.map((g) => api.get(`/api/groups/${g}`).catch(() => null)));
  setTitle(initiative.code, t('portal.title'));
  mount(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/initiatives' }, t('portal.title'))),
    h('h1', { id: 'initiative-title' }, h('span', { class: 'code kicker' }, bdi(initiative.code)), ' ', localText(initiative.title)),
    h('div', { class: 'badges' },
      h('span', { class: 'badge' }, t(`region.${initiative.region}`)),
      h('span', { class: 'badge' }, initiative.cycle.name || initiative.cycle.code,
        initiative.cycle.startYear ? ` (${initiative.cycle.startYear}–${initiative.cycle.endYear})` : '')),
    h('section', { 'aria-labelledby': 'objective-h' },
      h('h2', { id: 'objective-h' }, t('initiative.objective')),
      localText(initiative.objective, 'p', { class: 'pre' })),
    h('section', { 'aria-labelledby': 'results-h' },
      h('h2', { id: 'results-h' }, t('initiative.expectedResults')),
      initiative.expectedResults.length
        ? h('ol', { id: 'expected-results' }, initiative.expectedResults.map((r) => h('li', { value: r.number }, localText(r.text))))
        : h('p', { class: 'muted' }, t('initiative.noResults'))),
    initiative.questions.length || groups.some(Boolean) ? h('section', { 'aria-labelledby': 'links-h' },
      h('h2', { id: 'links-h' }, t('project.links')),
      h('ul', { class: 'link-list' },
        initiative.questions.map((q) => h('li', {}, h('a', { href: `#/search?q=${encodeURIComponent(q)}` }, bdi(q)))),
        groups.filter(Boolean).map((g) => h('li', {}, h('a', { href: `#/groups/${g.id}` }, h('span', { class: 'code' }, bdi(g.code)), ' ', g.title))))) : null,
    h('section', { 'aria-labelledby': 'initiative-projects-h', id: 'initiative-projects' },
      h('h2', { id: 'initiative-projects-h' }, t('portal.projects'), ' ', h('span', { class: 'muted' }, `(${formatNumber(projects.total)})`)),
      projects.items.length ? h('ul', { class: 'project-list' }, projects.items.map((p) => projectItem(p)))
        : h('p', { class: 'muted' }, t('portal.noProjects'))),
    await consultationsSection(initiative),
    isStaff() ? await translationSection(`/api/initiatives/${initiative.id}/translations`) : null);
}
