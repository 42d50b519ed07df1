import { h } from '../dom.js';
import { t, plural, formatDateTime } from '../i18n.js';
import { api } from '../api.js';
import { currentUser, isStaff } from '../session.js';
import { renderCurrent } from '../router.js';
import { field, formError, onSubmit } from '../forms.js';
import { withLang, localText, showFieldErrors, textInput, languageSelect, formatNumber } from '../portal.js';

export const FINANCING = ['national-budget', 'universal-service-fund', 'development-partner', 'private-sector',
  'public-private-partnership', 'itu-budget', 'in-kind', 'other'];

/**
 * An initiative's consultations of the region's Member States: delegates answer (the server decides who
 * may), the secretariat opens them and sees the aggregate.
 */
export async function consultationsSection(initiative) {
  const { items } = await api.get(withLang(`/api/initiatives/${initiative.id}/consultations`));
  const signedIn = !!currentUser();
  const [details, partners] = await Promise.all([
    signedIn ? Promise.all(items.map((c) => api.get(withLang(`/api/consultations/${c.id}`)).catch(() => c))) : items,
    signedIn && items.some((c) => c.open) ? api.get(`/api/partners?region=${initiative.region}&limit=200`) : { items: [] },
  ]);
  if (!details.length && !isStaff()) return null;
  return h('section', { 'aria-labelledby': 'consultations-h', id: 'consultations' },
    h('h2', { id: 'consultations-h' }, t('consultation.title')),
    details.map((c) => h('article', { class: 'card consultation', dataset: { consultationId: c.id } },
      h('h3', {}, localText(c.question)),
      h('p', { class: 'muted' }, t(c.open ? 'consultation.openUntil' : 'consultation.closed',
        { date: formatDateTime(c.deadline, { dateStyle: 'medium' }) })),
      c.aggregate ? aggregateView(c.aggregate) : null,
      signedIn && c.open && !c.aggregate ? answerForm(c, partners.items) : null)),
    isStaff() ? openForm(initiative) : null);
}

function aggregateView(aggregate) {
  return h('div', { class: 'aggregate' },
    h('p', {}, plural('consultation.answers', aggregate.answers, { countries: plural('consultation.countries', aggregate.countries.length) })),
    aggregate.priorities.length ? h('ol', { class: 'priorities' }, aggregate.priorities.map((p) =>
      h('li', {}, h('span', { dir: 'auto' }, p.topic), ' ', h('span', { class: 'muted' },
        t('consultation.score', { score: formatNumber(p.score), first: formatNumber(p.firstChoices) }))))) : null,
    aggregate.financing.length ? h('p', {}, t('consultation.financing'), ' ',
      aggregate.financing.map((f, i) => [i ? ', ' : '', t(`financing.${f.means}`), ` (${formatNumber(f.count)})`])) : null);
}

/** Priorities are ranked by number: 1 first; topics left blank are not ranked. */
function answerForm(c, partners) {
  const mine = c.myAnswer;
  const rank = (topic) => (mine ? mine.priorities.indexOf(topic) + 1 || '' : '');
  const form = h('form', { class: 'answer-form', novalidate: true },
    h('h4', {}, t(mine ? 'consultation.changeAnswer' : 'consultation.answer')),
    formError(),
    h('fieldset', {}, h('legend', {}, t('consultation.rank')),
      h('input', { type: 'hidden', name: 'priorities' }),
      h('span', { class: 'field-error', id: 'f-priorities-error', role: 'alert' }),
      c.topics.map((topic, i) => h('label', { class: 'rank' },
        h('input', { type: 'number', min: 1, max: c.topics.length, size: 3, name: `rank-${i}`, value: String(rank(topic)) }), ' ',
        h('span', { dir: 'auto' }, topic)))),
    partners.length ? field('consultation.partners', h('select', { name: 'partnerIds', multiple: true, size: Math.min(6, partners.length) },
      partners.map((p) => h('option', { value: p.id, selected: mine?.partnerIds.includes(p.id) }, p.acronym ? `${p.acronym} — ${p.name}` : p.name)))) : null,
    h('fieldset', {}, h('legend', {}, t('consultation.financing')),
      h('input', { type: 'hidden', name: 'financing' }),
      h('span', { class: 'field-error', id: 'f-financing-error', role: 'alert' }),
      FINANCING.map((f) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'means', value: f, checked: mine?.financing.includes(f) }), ' ', t(`financing.${f}`)))),
    field('consultation.comment', h('textarea', { name: 'comment', rows: 2 }, mine?.comment || '')),
    h('button', { type: 'submit', class: 'primary' }, t('consultation.send')));
  onSubmit(form, async (data) => {
    const priorities = c.topics.map((topic, i) => [topic, Number(data.get(`rank-${i}`)) || 0])
      .filter(([, r]) => r > 0).sort((a, b) => a[1] - b[1]).map(([topic]) => topic);
    const body = { priorities, partnerIds: data.getAll('partnerIds'), financing: data.getAll('means') };
    if (data.get('comment').trim()) body.comment = data.get('comment').trim();
    try {
      await api.post(`/api/consultations/${c.id}/answers`, body);
    } catch (error) {
      showFieldErrors(form, error);
      return;
    }
    await renderCurrent();
  });
  return form;
}

function openForm(initiative) {
  const form = h('form', { class: 'card', id: 'consultation-form', novalidate: true },
    h('h3', {}, t('consultation.open')),
    formError(),
    field('translation.writtenIn', languageSelect('lang')),
    field('consultation.question', h('input', { name: 'question' })),
    field('consultation.topicsOnePerLine', h('textarea', { name: 'topics', rows: 3 })),
    field('consultation.deadline', h('input', { name: 'deadline', type: 'datetime-local' })),
    h('button', { type: 'submit' }, t('consultation.open')));
  onSubmit(form, async (data) => {
    const deadline = data.get('deadline');
    const body = {
      question: textInput(data.get('question').trim(), data.get('lang')),
      topics: data.get('topics').split('\n').map((l) => l.trim()).filter(Boolean),
      deadline: deadline ? new Date(deadline).toISOString() : undefined,
    };
    try {
      await api.post(`/api/initiatives/${initiative.id}/consultations`, body);
    } catch (error) {
      showFieldErrors(form, error);
      return;
    }
    await renderCurrent();
  });
  return form;
}
