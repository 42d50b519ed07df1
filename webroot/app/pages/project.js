import { h, mount } from '../dom.js';
import { t, plural, formatDateTime } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { renderCurrent } from '../router.js';
import { field, formError, onSubmit, select } from '../forms.js';
import {
  STATUSES, setTitle, withLang, localText, bdi, countryName, formatNumber, formatMoney, formatDate,
  loadRates, showFieldErrors, textInput, languageSelect, joinList,
} from '../portal.js';
import { translationSection } from './translations.js';

/** A project for anyone: what it does, where, with whom, with what money, what it achieved and learnt. */
export async function renderProject(main, { id }) {
  const project = await api.get(withLang(`/api/projects/${encodeURIComponent(id)}`));
  const [partners, rates, origin] = await Promise.all([
    Promise.all(project.partners.map((p) => api.get(`/api/partners/${p.partnerId}`).catch(() => null))),
    loadRates(),
    project.replicatedFrom ? api.get(withLang(`/api/projects/${project.replicatedFrom}`)).catch(() => null) : null,
  ]);
  const partnerById = new Map(partners.filter(Boolean).map((p) => [p.id, p]));
  setTitle(project.code, t('portal.title'));
  const similar = similarSection(project);
  mount(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/initiatives' }, t('portal.title')),
      project.initiatives.map((i) => [' › ', h('a', { href: `#/initiatives/${i.id}` }, bdi(i.code))])),
    h('h1', { id: 'project-title' }, h('span', { class: 'code kicker' }, bdi(project.code)), ' ', localText(project.title)),
    h('div', { class: 'badges', id: 'project-marks' },
      h('span', { class: `badge status-${project.status}`, id: 'project-status' }, t(`status.${project.status}`)),
      h('span', { class: 'badge' }, t(`region.${project.region}`)),
      project.seekingPartners ? h('span', { class: 'badge mine', id: 'seeking-partners' }, t('project.seekingPartners')) : null,
      project.replicable ? h('span', { class: 'badge', id: 'replicable' }, t('project.replicable')) : null,
      project.published ? null : h('span', { class: 'badge warn' }, t('project.unpublished'))),
    origin ? h('p', { id: 'replicated-from' }, t('project.replicatedFrom'), ' ',
      h('a', { href: `#/projects/${origin.id}` }, bdi(origin.code), ' ', localText(origin.title))) : null,
    project.replications.length ? h('p', { id: 'replications' }, plural('project.replications', project.replications.length), ' ',
      project.replications.map((r, i) => [i ? ', ' : '', h('a', { href: `#/projects/${r}` }, t('project.replication', { n: i + 1 }))])) : null,
    project.description ? localText(project.description, 'p', { class: 'pre', id: 'project-description' }) : null,
    factsSection(project),
    partnersSection(project, partnerById, rates),
    moneySection(project, rates),
    resultsSection(project),
    tagsSection(project),
    await linksSection(project),
    lessonsSection(project),
    similar,
    project.canEdit ? await editSection(project) : null,
    project.canEdit ? await translationSection(`/api/projects/${project.id}/translations`) : null);
}

function section(id, titleKey, ...children) {
  return h('section', { 'aria-labelledby': `${id}-h`, id },
    h('h2', { id: `${id}-h` }, t(titleKey)), children);
}

function factsSection(p) {
  const d = p.dates || {};
  const row = (key, value) => (value ? [h('dt', {}, t(key)), h('dd', {}, value)] : null);
  return section('project-facts', 'project.facts',
    h('dl', { class: 'facts' },
      row('project.plannedDates', d.plannedStart ? bdi(`${formatDate(d.plannedStart)} – ${formatDate(d.plannedEnd)}`) : null),
      row('project.actualDates', d.actualStart ? bdi(`${formatDate(d.actualStart)} – ${d.actualEnd ? formatDate(d.actualEnd) : '…'}`) : null),
      row('project.initiatives', p.initiatives.map((i, n) => [n ? ', ' : '', h('a', { href: `#/initiatives/${i.id}` }, bdi(i.code))]))),
    p.countries.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'countries' },
      h('caption', {}, t('project.countries')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('project.country')), h('th', { scope: 'col' }, t('project.share')))),
      h('tbody', {}, p.countries.map((c) => h('tr', {}, h('td', {}, countryName(c.code)),
        h('td', { class: 'num' }, formatNumber(c.share / 100, { style: 'percent', maximumFractionDigits: 1 }))))))) : null);
}

function partnersSection(p, partnerById, rates) {
  if (!p.partners.length) return section('project-partners', 'project.partners', h('p', { class: 'muted' }, t('project.noPartners')));
  return section('project-partners', 'project.partners', h('div', { class: 'table-wrap' }, h('table', { class: 'stack', id: 'partners' },
    h('thead', {}, h('tr', {}, ['project.partner', 'project.role', 'project.contributions'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, p.partners.map((x) => {
      const partner = partnerById.get(x.partnerId);
      return h('tr', {},
        h('td', { dataset: { label: t('project.partner') } }, partner ? h('span', { dir: 'auto' }, partner.name, partner.acronym ? ` (${partner.acronym})` : '') : x.partnerId),
        h('td', { dataset: { label: t('project.role') } }, t(`role.partner.${x.role}`)),
        h('td', { dataset: { label: t('project.contributions') } }, x.contributions.map((c) => h('div', {}, bdi(formatMoney(c.amount, c.currency)), ' ',
          h('span', { class: `badge kind-${c.kind}` }, t(`money.${c.kind}`)), ' ',
          h('span', { class: 'muted' }, formatDate(c.date)),
          c.currency !== 'USD' && rates.usd(c) !== null ? h('span', { class: 'muted' }, ' ≈ ', bdi(formatMoney(rates.usd(c), 'USD'))) : null))));
    })))));
}

function moneySection(p, rates) {
  let cash = 0;
  let inKind = 0;
  p.partners.forEach((x) => x.contributions.forEach((c) => {
    const usd = rates.usd(c) ?? 0;
    if (c.kind === 'cash') cash += usd; else inKind += usd;
  }));
  const spent = p.expenditure.reduce((sum, e) => sum + (rates.usdOfYear(e.amount, e.currency, e.year) ?? 0), 0);
  const usd = (n) => bdi(formatMoney(n, 'USD'));
  return section('project-money', 'project.money',
    h('dl', { class: 'facts', id: 'money-facts' },
      p.budget ? [h('dt', {}, t('money.budget')), h('dd', {}, bdi(formatMoney(p.budget.amount, p.budget.currency)),
        p.budget.currency !== 'USD' && rates.usd(p.budget) !== null ? h('span', { class: 'muted' }, ' ≈ ', usd(rates.usd(p.budget))) : null)] : null,
      h('dt', {}, t('money.cash')), h('dd', {}, usd(cash)),
      h('dt', {}, t('money.in-kind')), h('dd', {}, usd(inKind)),
      h('dt', {}, t('money.spent')), h('dd', {}, usd(spent))),
    p.expenditure.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'expenditure' },
      h('caption', {}, t('money.expenditure')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('money.year')), h('th', { scope: 'col' }, t('money.amount')))),
      h('tbody', {}, p.expenditure.map((e) => h('tr', {}, h('td', {}, bdi(String(e.year))),
        h('td', { class: 'num' }, bdi(formatMoney(e.amount, e.currency)))))))) : null);
}

function resultsSection(p) {
  if (!p.results.length) return section('project-results', 'project.results', h('p', { class: 'muted' }, t('project.noResults')));
  return section('project-results', 'project.results', p.results.map((r) => h('div', { class: 'result' },
    h('h3', {}, localText(r.title)),
    h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
      h('thead', {}, h('tr', {}, ['result.indicator', 'result.baseline', 'result.target', 'result.actuals', 'result.reached']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, r.indicators.map((i) => h('tr', {},
        h('td', { dataset: { label: t('result.indicator') } }, localText(i.name)),
        h('td', { class: 'num', dataset: { label: t('result.baseline') } }, bdi(`${formatNumber(i.baseline.value)} (${i.baseline.year})`)),
        h('td', { class: 'num', dataset: { label: t('result.target') } }, bdi(`${formatNumber(i.target)}${i.targetYear ? ` (${i.targetYear})` : ''}`)),
        h('td', { dataset: { label: t('result.actuals') } }, i.actuals.map((a) => h('div', {}, bdi(`${a.year}: ${formatNumber(a.value)}`)))),
        h('td', { dataset: { label: t('result.reached') } }, h('span', { class: i.reached ? 'badge mine' : 'badge' }, t(i.reached ? 'result.yes' : 'result.notYet')))))))))));
}

function tagsSection(p) {
  return section('project-tags', 'project.tags', h('div', { class: 'badges' },
    p.sdgTargets.map((s) => h('a', { class: 'badge', href: `#/initiatives?sdg=${encodeURIComponent(s)}`, title: t('project.sdg') }, bdi(`SDG ${s}`))),
    p.wsisLines.map((w) => h('a', { class: 'badge', href: `#/initiatives?wsis=${w}`, title: t('project.wsis') }, bdi(`WSIS ${w}`)))));
}

async function linksSection(p) {
  const links = p.links;
  const named = async (ids, path) => Promise.all(ids.map((id) => api.get(`${path}/${id}`).catch(() => null)));
  const [groups, contributions, meetings] = await Promise.all([
    named(links.groupIds, '/api/groups'), named(links.contributionIds, '/api/contributions'), named(links.meetingIds, '/api/meetings')]);
  const list = (items) => h('ul', { class: 'link-list' }, items);
  return section('project-links', 'project.links',
    h('h3', {}, t('project.documents')),
    contributions.some(Boolean) ? list(contributions.filter(Boolean).map((c) => h('li', {},
      h('a', { href: `#/contributions/${c.id}` }, bdi(c.number || c.id)), ' ', h('span', { dir: 'auto' }, c.title || ''))))
      : h('p', { class: 'muted' }, t('project.noDocuments')),
    links.questions.length || groups.some(Boolean) || meetings.some(Boolean) ? list([
      links.questions.map((q) => h('li', {}, t('project.question'), ' ', h('a', { href: `#/search?q=${encodeURIComponent(q)}` }, bdi(q)))),
      groups.filter(Boolean).map((g) => h('li', {}, h('a', { href: `#/groups/${g.id}` }, h('span', { class: 'code' }, bdi(g.code)), ' ', h('span', { dir: 'auto' }, g.title)))),
      meetings.filter(Boolean).map((m) => h('li', {}, h('a', { href: `#/meetings/${m.id}` }, h('span', { dir: 'auto' }, m.title)), ' ',
        h('span', { class: 'muted' }, formatDateTime(m.start, { dateStyle: 'medium' })))),
    ]) : null);
}

function lessonsSection(p) {
  return section('project-lessons', 'project.lessons', p.lessons.length
    ? p.lessons.map((l) => h('article', { class: 'lesson card' },
      h('p', { class: 'muted small' }, h('bdi', {}, l.authorName), l.authorCountry ? [' · ', countryName(l.authorCountry)] : null,
        ' · ', formatDateTime(l.at, { dateStyle: 'medium' })),
      h('dl', { class: 'lesson-parts' },
        ['worked', 'didNotWork', 'toReplicate'].filter((k) => l[k]).map((k) => [
          h('dt', {}, t(`lesson.${k}`)), h('dd', {}, localText(l[k], 'div'))]))))
    : h('p', { class: 'muted' }, t('project.noLessons')));
}

/**
 * "Similar work in other regions": filled from GET /api/projects/{id}/similar when the server has that
 * route; the section removes itself when it answers 404 (not there yet, or the project has no match index).
 */
export function similarSection(project) {
  const body = h('div', { class: 'similar-body' }, h('p', { class: 'muted' }, t('similar.loading')));
  const node = h('section', { 'aria-labelledby': 'similar-work-h', id: 'similar-work', 'aria-busy': 'true' },
    h('h2', { id: 'similar-work-h' }, t('similar.title')), body);
  api.get(withLang(`/api/projects/${project.id}/similar`)).then((answer) => {
    const items = answer?.items || [];
    body.replaceChildren(items.length
      ? h('ol', { class: 'similar-list' }, items.map(similarItem))
      : h('p', { class: 'muted' }, t('similar.none')));
  }).catch((error) => {
    if (error instanceof ApiError && error.status === 404) node.hidden = true;
    else body.replaceChildren(h('p', { class: 'muted' }, t('similar.unavailable')));
  }).finally(() => node.removeAttribute('aria-busy'));
  return node;
}

function similarItem({ project, score, sharedTerms = [], sharedTags = [] }) {
  return h('li', { class: 'similar-item', dataset: { region: project.region, code: project.code } },
    h('a', { href: `#/projects/${project.id}` }, h('strong', { class: 'code' }, bdi(project.code)), ' ',
      typeof project.title === 'string' ? h('span', { dir: 'auto' }, project.title) : localText(project.title)),
    h('div', { class: 'badges' },
      h('span', { class: 'badge' }, t(`region.${project.region}`)),
      project.status ? h('span', { class: `badge status-${project.status}` }, t(`status.${project.status}`)) : null,
      typeof score === 'number' ? h('span', { class: 'badge score' }, t('similar.score', { score: formatNumber(score, { maximumFractionDigits: 2 }) })) : null),
    sharedTags.length || sharedTerms.length ? h('p', { class: 'muted small' },
      sharedTags.length ? [t('similar.sharedTags'), ' ', joinList(sharedTags)] : null,
      sharedTags.length && sharedTerms.length ? ' · ' : null,
      sharedTerms.length ? [t('similar.sharedTerms'), ' ', joinList(sharedTerms)] : null) : null);
}

/** For the project's managers and the secretariat: status, the year's actuals, a lesson. */
async function editSection(p) {
  const { texts } = await api.get(`/api/projects/${p.id}/translations`);
  const stored = new Map(texts.map((x) => [x.path, { original: x.original, values: x.values }]));
  const year = new Date().getFullYear();
  const status = h('form', { class: 'card', id: 'project-edit', novalidate: true },
    h('h3', {}, t('project.edit')),
    formError(),
    field('project.status', select('status', STATUSES.map((s) => [s, t(`status.${s}`)]), p.status)),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'seekingPartners', checked: p.seekingPartners }), ' ', t('project.seekingPartners')),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'replicable', checked: p.replicable }), ' ', t('project.replicable')),
    p.results.map((r, ri) => r.indicators.map((i, ii) => {
      const current = i.actuals.find((a) => a.year === year);
      return field('result.actualOf', h('input', {
        name: `results[${ri}].indicators[${ii}].actual`, type: 'number', step: 'any', value: current ? String(current.value) : '',
        'aria-label': `${i.name.text} (${year})`, dataset: { label: i.name.text },
      }));
    })),
    h('button', { type: 'submit', class: 'primary' }, t('project.save')));
  status.querySelectorAll('[data-label]').forEach((input) => {
    input.previousElementSibling.textContent = t('result.actualOf', { indicator: input.dataset.label, year });
  });
  onSubmit(status, async (data) => {
    const body = { status: data.get('status'), seekingPartners: data.has('seekingPartners'), replicable: data.has('replicable') };
    if (p.results.length) body.results = resultsWithActuals(p, data, year, stored);
    try {
      await api.patch(`/api/projects/${p.id}`, body);
    } catch (error) {
      showFieldErrors(status, error);
      return;
    }
    await renderCurrent();
  });
  const lesson = h('form', { class: 'card', id: 'lesson-form', novalidate: true },
    h('h3', {}, t('lesson.add')),
    formError(),
    field('lesson.worked', h('textarea', { name: 'worked', rows: 2 })),
    field('lesson.didNotWork', h('textarea', { name: 'didNotWork', rows: 2 })),
    field('lesson.toReplicate', h('textarea', { name: 'toReplicate', rows: 2 })),
    field('translation.writtenIn', languageSelect('lang')),
    h('button', { type: 'submit' }, t('lesson.save')));
  onSubmit(lesson, async (data) => {
    const body = {};
    ['worked', 'didNotWork', 'toReplicate'].forEach((k) => {
      const value = data.get(k).trim();
      if (value) body[k] = textInput(value, data.get('lang'));
    });
    try {
      await api.post(`/api/projects/${p.id}/lessons`, body);
    } catch (error) {
      showFieldErrors(lesson, error);
      return;
    }
    await renderCurrent();
  });
  return h('section', { 'aria-labelledby': 'manage-h', id: 'manage' }, h('h2', { id: 'manage-h' }, t('project.manage')), status, lesson);
}

/** The results as the API takes them: a PATCH replaces the list, so the texts go back with all their languages. */
function resultsWithActuals(p, data, year, stored) {
  return p.results.map((r, ri) => ({
    title: stored.get(`results[${ri}].title`),
    indicators: r.indicators.map((i, ii) => {
      const typed = data.get(`results[${ri}].indicators[${ii}].actual`);
      const actuals = i.actuals.filter((a) => a.year !== year);
      if (typed !== null && typed !== '') actuals.push({ year, value: Number(typed) });
      return {
        name: stored.get(`results[${ri}].indicators[${ii}].name`),
        baseline: i.baseline, target: i.target, targetYear: i.targetYear, actuals,
      };
    }),
  }));
}
