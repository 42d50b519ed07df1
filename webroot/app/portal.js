// What the initiative pages share: texts kept per language, names of languages and countries, money
// in US dollars, page titles, and field problems placed at the nearest input of a form.
import { h } from './dom.js';
import { t, language, LANGUAGES } from './i18n.js';
import { api, ApiError } from './api.js';
import { showErrors } from './forms.js';

export const STATUSES = ['pipeline', 'implementation', 'finalisation', 'closed', 'cancelled', 'suspended'];
export const PARTNER_ROLES = ['funding', 'accountable', 'extending', 'implementing'];
export const WSIS_LINES = Array.from({ length: 11 }, (_, i) => `C${i + 1}`);
export const TEXT_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** "AFR1 — Initiatives — Rapporteur": the most specific part first. */
export function setTitle(...parts) {
  document.title = [...parts.filter(Boolean), t('app.title')].join(' — ');
}

/** The reader's language for the API's texts: the page's, not the browser's Accept-Language. */
export function withLang(path) {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${language()}`;
}

function dirOf(lang) {
  return LANGUAGES.find((l) => l.code === lang)?.dir || 'ltr';
}

const displayNames = new Map();
function names(type) {
  const key = `${language()}|${type}`;
  if (!displayNames.has(key)) displayNames.set(key, new Intl.DisplayNames([language()], { type }));
  return displayNames.get(key);
}

export function languageName(code) {
  try { return names('language').of(code); } catch { return code; }
}

export function countryName(code) {
  try { return names('region').of(code); } catch { return code; }
}

/**
 * A text as the API gives it ({text, lang, original}), marked with its language so that Arabic reads
 * right to left inside an English page and the other way round; and, when nobody translated it into
 * the reader's language, a small mark naming the language it was written in.
 */
export function localText(value, tag = 'span', props = {}) {
  if (!value) return null;
  const node = h(tag, { ...props, lang: value.lang, dir: dirOf(value.lang) }, value.text);
  if (!value.original || value.lang === language()) return node;
  const mark = h('small', { class: 'original-mark' }, t('portal.originalLanguage', { language: languageName(value.lang) }));
  if (tag === 'span') return h('span', {}, node, ' ', mark);
  // Under a paragraph, on the side the paragraph starts from, in the reader's direction.
  const reader = LANGUAGES.find((l) => l.code === language());
  mark.setAttribute('dir', reader?.dir || 'ltr');
  return h('div', { class: 'original-block', dir: dirOf(value.lang) }, node, mark);
}

/** A number or a code inside text of the other direction: isolated so that it keeps its place. */
export function bdi(value) {
  return h('bdi', {}, value);
}

/**
 * Items joined the reader's way (Arabic and Chinese commas, "et", "и"...), each item isolated so that a
 * code or a word of the other direction keeps its place.
 */
export function joinList(items, type = 'conjunction') {
  const parts = new Intl.ListFormat(language(), { style: 'long', type }).formatToParts(items.map((_, i) => String(i)));
  return parts.map((part) => (part.type === 'element' ? h('bdi', {}, items[Number(part.value)]) : part.value));
}

/** A text in a string attribute or an option, where <bdi> cannot go. */
export function isolated(text) {
  return `\u2068${text}\u2069`;
}

export function formatNumber(n, options = {}) {
  return new Intl.NumberFormat(language(), options).format(n);
}

export function formatMoney(amount, currency) {
  try {
    return new Intl.NumberFormat(language(), { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${formatNumber(amount)} ${currency}`;
  }
}

export function formatDate(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** Monthly rates to US dollars (units per dollar), as the secretariat keeps them. */
export async function loadRates() {
  const { items } = await api.get('/api/exchange-rates');
  const byMonth = new Map(items.map((r) => [r.month, r.rates]));
  const months = [...byMonth.keys()].sort();
  const perUsd = (currency, month) => {
    if (currency === 'USD') return 1;
    const rate = byMonth.get(month)?.[currency];
    if (rate) return rate;
    // The server refuses money without a rate for its month; an older record falls back to the latest earlier rate.
    const earlier = months.filter((m) => m <= month && byMonth.get(m)[currency]).pop();
    return earlier ? byMonth.get(earlier)[currency] : null;
  };
  return {
    /** Money {amount, currency, date} in dollars, or null when no rate is known. */
    usd(money) {
      const rate = perUsd(money.currency, (money.date || '').slice(0, 7));
      return rate ? money.amount / rate : null;
    },
    /** Expenditure {year, amount, currency}: at the latest month of that year that has a rate. */
    usdOfYear(amount, currency, year) {
      const rate = perUsd(currency, `${year}-12`);
      return rate ? amount / rate : null;
    },
  };
}

/** Every page of a list (the API gives at most 200 at a time). */
export async function loadAll(path, max = 5000) {
  const items = [];
  let total = Infinity;
  while (items.length < total && items.length < max) {
    const page = await api.get(withLang(`${path}${path.includes('?') ? '&' : '?'}limit=200&offset=${items.length}`));
    total = page.total;
    items.push(...page.items);
    if (!page.items.length) break;
  }
  return items;
}

/**
 * Field problems at the inputs: the server names the exact part ("sdgTargets[1]", "title.values.en");
 * a form with one input for the whole list or text shows it there.
 */
export function showFieldErrors(form, error) {
  if (!(error instanceof ApiError)) {
    showErrors(form, error);
    return;
  }
  const placed = (error.problem.errors || []).map((e) => {
    let field = e.field;
    while (field && !form.querySelector(`[name="${CSS.escape(field)}"]`)) {
      const shorter = field.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
      if (shorter === field) break;
      field = shorter;
    }
    const found = form.querySelector(`[name="${CSS.escape(field)}"]`);
    return { field: found ? field : e.field, message: found && field !== e.field ? `${e.field}: ${e.message}` : e.message };
  });
  showErrors(form, new ApiError(error.status, { ...error.problem, errors: placed }));
}

/** A text written in one language, as the API takes it: {original, values: {lang: text}}. */
export function textInput(value, lang) {
  return value ? { original: lang, values: { [lang]: value } } : undefined;
}

export function languageSelect(name, value = language()) {
  return h('select', { name }, TEXT_LANGUAGES.map((code) =>
    h('option', { value: code, selected: code === value }, languageName(code))));
}
