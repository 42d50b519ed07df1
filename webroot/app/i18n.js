// All visible text comes from /i18n/<lang>.json. Missing keys fall back to English, then to the key.
export const LANGUAGES = [
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'zh', name: '中文', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
];

const STORAGE_KEY = 'rapporteur.lang';
let current = 'en';
let messages = {};
let fallback = {};
const listeners = new Set();

async function load(code) {
  // The page's import map names the file with its content hash (cached for a year); import.meta.resolve reads it.
  const response = await fetch(import.meta.resolve(`/i18n/${code}.json`));
  if (!response.ok) throw new Error(`No messages for ${code}`);
  return response.json();
}

function initialLanguage() {
  // A link shared in a language (/?lang=ar#/projects/...) opens in it.
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && LANGUAGES.some((l) => l.code === asked)) return asked;
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && LANGUAGES.some((l) => l.code === stored)) return stored;
  const browser = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return LANGUAGES.some((l) => l.code === browser) ? browser : 'en';
}

export async function initI18n() {
  fallback = await load('en');
  await setLanguage(initialLanguage());
}

export async function setLanguage(code) {
  messages = code === 'en' ? fallback : await load(code);
  current = code;
  localStorage.setItem(STORAGE_KEY, code);
  const lang = LANGUAGES.find((l) => l.code === code);
  document.documentElement.lang = code;
  document.documentElement.dir = lang.dir;
  translateStatic();
  listeners.forEach((fn) => fn(code));
}

export function language() {
  return current;
}

export function onLanguageChange(fn) {
  listeners.add(fn);
}

/** t('agenda.version', { n: 3 }) replaces {n} in the message; counts go through plural(). */
export function t(key, vars = {}) {
  const template = messages[key] ?? fallback[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** Whether the reader's language or English has this message. */
export function has(key) {
  return key in messages || key in fallback;
}

/**
 * plural('portal.projectCount', 3) picks 'portal.projectCount.few' or another category of Intl.PluralRules for the
 * reader's language (Arabic has six), falling back to '.other'; {n} is the number, formatted.
 */
export function plural(key, n, vars = {}) {
  const rule = new Intl.PluralRules(current).select(n);
  const chosen = [`${key}.${rule}`, `${key}.other`].find((k) => k in messages || k in fallback) || `${key}.other`;
  return t(chosen, { ...vars, n: new Intl.NumberFormat(current).format(n) });
}

/**
 * tIsolated('agenda.change.moved', { from: '3', to: '2', title }) is t() as a list of text and <bdi>
 * elements: each value keeps its own direction, so a Latin title or a number stays in its place
 * inside an Arabic sentence (and the reverse). Values may also be nodes, such as links.
 */
export function tIsolated(key, vars = {}) {
  const template = messages[key] ?? fallback[key] ?? key;
  return template.split(/(\{\w+\})/).filter(Boolean).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!name || !(name in vars)) return part;
    if (vars[name] instanceof Node) return vars[name];
    const value = document.createElement('bdi');
    value.textContent = String(vars[name]);
    return value;
  });
}

/** "A, B and C" in the reader's language. */
export function formatList(items) {
  return new Intl.ListFormat(current, { style: 'long', type: 'conjunction' }).format(items.map(String));
}

/** Whether the page was opened in a language asked for in its address, which wins over a profile's. */
export function languageAskedInLink() {
  return LANGUAGES.some((l) => l.code === new URLSearchParams(location.search).get('lang'));
}

function translateStatic() {
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  document.title = t('app.title');
}

/** Dates and times in the reader's language and time zone. */
/** Formatters are costly to make (a chat replay formats thousands of times): one per language and options. */
const formatters = new Map();
/** The reader's time zone from their profile; undefined: the browser's own. */
let readerZone;

export function setTimeZone(zone) {
  readerZone = zone || undefined;
}

export function timeZone() {
  return readerZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A date in the reader's zone unless the options name one (a meeting's own local time, say). */
export function formatDateTime(iso, options = { dateStyle: 'medium', timeStyle: 'short' }) {
  if (!iso) return '';
  const zoned = readerZone && !options.timeZone ? { ...options, timeZone: readerZone } : options;
  const key = `${current}|${JSON.stringify(zoned)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(current, zoned);
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}
