import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { field, formError, onSubmit, select } from '../forms.js';
import { REGIONS } from './groups.js';
import {
  STATUSES, PARTNER_ROLES, WSIS_LINES, setTitle, withLang, showFieldErrors, textInput, languageSelect,
} from '../portal.js';

/** Where a problem with a whole list ("shares must add up to 100") is shown: at the top of its fieldset. */
function listError(name) {
  return [h('input', { type: 'hidden', name }), h('span', { class: 'field-error', id: `f-${name}-error`, role: 'alert' })];
}

const list = (value) => value.split(/[\s,;]+/).map((v) => v.trim()).filter(Boolean);

/** Admins and the secretariat create an initiative of a region for a cycle. */
export async function renderNewInitiative(main) {
  const { items: cycles } = await api.get('/api/cycles');
  setTitle(t('initiative.new'), t('portal.title'));
  const form = h('form', { class: 'card', id: 'initiative-form', novalidate: true },
    h('h1', {}, t('initiative.new')),
    formError(),
    field('groups.region', select('region', REGIONS.map((r) => [r, t(`region.${r}`)]), 'AFR')),
    field('portal.cycle', select('cycle', cycles.map((c) => [c.code, `\u2068${c.name} (${c.startYear}–${c.endYear})\u2069`]), cycles[cycles.length - 1]?.code)),
    field('group.code', h('input', { name: 'code', placeholder: 'AFR6', required: true })),
    field('translation.writtenIn', languageSelect('lang')),
    field('group.title', h('input', { name: 'title', required: true })),
    field('initiative.objective', h('textarea', { name: 'objective', rows: 3, required: true })),
    field('initiative.expectedResultsOnePerLine', h('textarea', { name: 'expectedResults', rows: 4 })),
    field('initiative.questions', h('input', { name: 'questions', placeholder: 'Q1/1, Q4/1' })),
    h('button', { type: 'submit', class: 'primary' }, t('initiative.create')));
  onSubmit(form, async (data) => {
    const lang = data.get('lang');
    const body = {
      region: data.get('region'), cycle: data.get('cycle'), code: data.get('code').trim(),
      title: textInput(data.get('title').trim(), lang), objective: textInput(data.get('objective').trim(), lang),
      expectedResults: data.get('expectedResults').split('\n').map((l) => l.trim()).filter(Boolean)
        .map((text) => ({ text: textInput(text, lang) })),
      questions: list(data.get('questions')),
    };
    try {
      const created = await api.post('/api/initiatives', body);
      navigate(`/initiatives/${created.id}`);
    } catch (error) {
      showFieldErrors(form, error);
    }
  });
  mount(main, h('p', { class: 'breadcrumb' }, h('a', { href: '#/initiatives' }, t('portal.title'))), form);
}

/** Admins and the secretariat create a project under one or more initiatives. */
export async function renderNewProject(main) {
  const [initiatives, partners] = await Promise.all([
    api.get(withLang('/api/initiatives?limit=200')), api.get('/api/partners?limit=200')]);
  setTitle(t('project.new'), t('portal.title'));
  const byRegion = REGIONS.map((r) => [r, initiatives.items.filter((i) => i.region === r)]).filter(([, l]) => l.length);
  const initiativeSelect = h('select', { name: 'initiativeIds', multiple: true, size: 6 },
    byRegion.map(([r, items]) => h('optgroup', { label: t(`region.${r}`) },
      items.map((i) => h('option', { value: i.id }, `\u2068${i.code} (${i.cycle.code})\u2069 — \u2068${i.title.text}\u2069`)))));
  const countries = h('div', { class: 'rows', id: 'country-rows' });
  const partnerRows = h('div', { class: 'rows', id: 'partner-rows' });
  const addCountry = () => {
    const n = countries.children.length;
    countries.append(h('div', { class: 'inline-form row' },
      field('project.countryCode', h('input', { name: `countries[${n}].code`, size: 3, maxlength: 2, placeholder: 'SN' })),
      field('project.share', h('input', { name: `countries[${n}].share`, type: 'number', min: 0, max: 100, step: 'any' }))));
  };
  const addPartner = () => {
    const n = partnerRows.children.length;
    partnerRows.append(h('div', { class: 'inline-form row' },
      field('project.partner', select(`partners[${n}].partnerId`, [['', '—'], ...partners.items.map((p) => [p.id, p.acronym ? `${p.acronym} — ${p.name}` : p.name])], '')),
      field('project.role', select(`partners[${n}].role`, PARTNER_ROLES.map((r) => [r, t(`role.partner.${r}`)]), 'implementing'))));
  };
  addCountry();
  addPartner();
  const form = h('form', { class: 'card', id: 'project-form', novalidate: true },
    h('h1', {}, t('project.new')),
    formError(),
    field('project.code', h('input', { name: 'code', placeholder: '9RAF10084-04', required: true })),
    field('project.initiatives', initiativeSelect),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'crossRegion' }), ' ', t('project.crossRegion')),
    field('translation.writtenIn', languageSelect('lang')),
    field('group.title', h('input', { name: 'title', required: true })),
    field('project.description', h('textarea', { name: 'description', rows: 4 })),
    field('project.status', select('status', STATUSES.map((s) => [s, t(`status.${s}`)]), 'pipeline')),
    h('div', { class: 'inline-form' },
      field('project.plannedStart', h('input', { name: 'dates.plannedStart', type: 'date' })),
      field('project.plannedEnd', h('input', { name: 'dates.plannedEnd', type: 'date' })),
      field('money.budget', h('input', { name: 'budget.amount', type: 'number', min: 0, step: 'any' })),
      field('money.currency', h('input', { name: 'budget.currency', value: 'USD', size: 4, maxlength: 3 }))),
    h('fieldset', {}, h('legend', {}, t('project.countries')), listError('countries'), countries,
      h('button', { type: 'button', id: 'add-country', onclick: addCountry }, t('project.addCountry'))),
    h('fieldset', {}, h('legend', {}, t('project.partners')), listError('partners'), partnerRows,
      h('button', { type: 'button', id: 'add-partner', onclick: addPartner }, t('project.addPartner'))),
    field('project.sdgTargets', h('input', { name: 'sdgTargets', placeholder: '9.c, 4.4' })),
    h('fieldset', { class: 'wsis' }, h('legend', {}, t('project.wsis')),
      listError('wsisLines'),
      WSIS_LINES.map((c) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'wsis', value: c }), ' ', c))),
    h('p', {},
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'seekingPartners' }), ' ', t('project.seekingPartners')),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'replicable' }), ' ', t('project.replicable')),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'published', checked: true }), ' ', t('project.published'))),
    h('button', { type: 'submit', class: 'primary' }, t('project.create')));
  onSubmit(form, async (data) => {
    const lang = data.get('lang');
    const rows = (prefix, names) => {
      const out = [];
      for (let n = 0; data.has(`${prefix}[${n}].${names[0]}`); n++) {
        const row = Object.fromEntries(names.map((k) => [k, data.get(`${prefix}[${n}].${k}`).trim()]));
        if (row[names[0]]) out.push(row);
      }
      return out;
    };
    const body = {
      code: data.get('code').trim(),
      initiativeIds: [...initiativeSelect.selectedOptions].map((o) => o.value),
      crossRegion: data.has('crossRegion'),
      title: textInput(data.get('title').trim(), lang),
      description: textInput(data.get('description').trim(), lang),
      status: data.get('status'),
      countries: rows('countries', ['code', 'share']).map((c) => ({ code: c.code.toUpperCase(), share: Number(c.share) })),
      partners: rows('partners', ['partnerId', 'role']),
      sdgTargets: list(data.get('sdgTargets')),
      wsisLines: data.getAll('wsis'),
      seekingPartners: data.has('seekingPartners'),
      replicable: data.has('replicable'),
      published: data.has('published'),
    };
    if (!body.description) delete body.description;
    const dates = Object.fromEntries(['plannedStart', 'plannedEnd'].map((k) => [k, data.get(`dates.${k}`)]).filter(([, v]) => v));
    if (Object.keys(dates).length) body.dates = dates;
    if (data.get('budget.amount') !== '') {
      body.budget = { amount: Number(data.get('budget.amount')), currency: data.get('budget.currency').trim().toUpperCase(),
        date: dates.plannedStart || new Date().toISOString().slice(0, 10) };
    }
    try {
      const created = await api.post('/api/projects', body);
      navigate(`/projects/${created.id}`);
    } catch (error) {
      showFieldErrors(form, error);
    }
  });
  mount(main, h('p', { class: 'breadcrumb' }, h('a', { href: '#/initiatives' }, t('portal.title'))), form);
}
