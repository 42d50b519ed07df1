import { h, mount } from '../dom.js';
import { t, LANGUAGES, language, formatDateTime, timeZone } from '../i18n.js';
import { api, errorText } from '../api.js';
import { passwordRule, updateCurrentUser } from '../session.js';
import { field, formError, onSubmit, passwordField, select } from '../forms.js';

// One's own profile (name, country, affiliation, language, time zone), password and calendar feed.

const COUNTRY_CODES = (() => {
  const codes = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));
  }
  return codes;
})();

/** ISO 3166 countries named in the reader's language, sorted as they read. */
function countries() {
  const names = new Intl.DisplayNames([language()], { type: 'region', fallback: 'none' });
  const known = COUNTRY_CODES.map((code) => {
    try {
      const name = names.of(code);
      return name && name !== code && !/^\d/.test(code) ? [code, name] : null;
    } catch {
      return null;
    }
  }).filter(Boolean).filter(([code]) => !['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'TA', 'UN', 'QO', 'XA', 'XB', 'XK', 'ZZ'].includes(code));
  return known.sort((a, b) => a[1].localeCompare(b[1], language()));
}

function zones() {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [timeZone()];
}

function profileForm(profile) {
  const status = h('p', { class: 'status-note', id: 'profile-saved', role: 'status', hidden: true }, t('profile.saved'));
  const country = select('country', [['', '—'], ...countries()], profile.country);
  const lang = select('language', [['', t('profile.browserLanguage')], ...LANGUAGES.map((l) => [l.code, l.name])],
    profile.language || '');
  const zone = select('timeZone', [['', t('profile.browserZone', { zone: timeZone() })], ...zones().map((z) => [z, z.replaceAll('_', ' ')])],
    profile.timeZone || '');
  const form = h('form', { class: 'card', id: 'profile-form', novalidate: true },
    h('h2', {}, t('profile.details')),
    formError(),
    h('p', { class: 'muted' }, t('account.email'), ': ', h('bdi', {}, profile.email)),
    field('account.name', h('input', { name: 'name', autocomplete: 'name', value: profile.name || '', required: true })),
    field('account.country', country),
    field('account.affiliation', h('input', { name: 'affiliation', autocomplete: 'organization', value: profile.affiliation || '' })),
    field('profile.language', lang),
    field('profile.timeZone', zone),
    h('button', { type: 'submit', class: 'primary' }, t('profile.save')),
    status);
  onSubmit(form, async (data) => {
    status.hidden = true;
    const body = {
      name: data.get('name'),
      affiliation: data.get('affiliation') || null,
      language: data.get('language') || null,
      timeZone: data.get('timeZone') || null,
    };
    // A country stored before countries were codes stays as it is until one is chosen.
    if (data.get('country')) body.country = data.get('country');
    const saved = await api.patch('/api/me/profile', body);
    updateCurrentUser(saved);
    status.hidden = false;
  });
  return form;
}

function passwordForm() {
  const status = h('p', { class: 'status-note', id: 'password-changed', role: 'status', hidden: true }, t('profile.passwordChanged'));
  const form = h('form', { class: 'card', id: 'password-form', novalidate: true },
    h('h2', {}, t('profile.password')),
    formError(),
    field('profile.currentPassword', h('input', { name: 'currentPassword', type: 'password', autocomplete: 'current-password', required: true })),
    passwordField('newPassword', 'profile.newPassword', passwordRule().minLength),
    h('button', { type: 'submit' }, t('profile.changePassword')),
    status);
  onSubmit(form, async (data) => {
    status.hidden = true;
    await api.post('/api/me/password', { currentPassword: data.get('currentPassword'), newPassword: data.get('newPassword') });
    form.reset();
    status.hidden = false;
  });
  return form;
}

function calendarSection(feed) {
  const box = h('section', { class: 'card', id: 'calendar-feed', 'aria-labelledby': 'calendar-h' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const act = (fn) => async () => {
    error.textContent = '';
    try {
      await fn();
    } catch (e) {
      error.textContent = errorText(e);
    }
  };
  const draw = (state) => mount(box,
    h('h2', { id: 'calendar-h' }, t('calendar.feedTitle')),
    h('p', { class: 'muted' }, t('calendar.feedExplain')),
    error,
    state.url ? h('p', {}, h('label', { for: 'calendar-url' }, t('calendar.feedAddress')),
      h('input', { id: 'calendar-url', readonly: true, value: state.url, dir: 'ltr', onfocus: (e) => e.target.select() }),
      h('span', { class: 'muted' }, t('calendar.feedShownOnce'))) : null,
    state.active && !state.url ? h('p', {}, t('calendar.feedSince', { date: formatDateTime(state.createdAt) })) : null,
    h('button', { type: 'button', id: 'calendar-make', onclick: act(async () => draw(await api.post('/api/me/calendar-feed'))) },
      t(state.active ? 'calendar.feedRenew' : 'calendar.feedMake')),
    state.active ? h('button', { type: 'button', class: 'link', id: 'calendar-revoke', onclick: act(async () => {
      await api.del('/api/me/calendar-feed');
      draw({ active: false });
    }) }, t('calendar.feedRevoke')) : null);
  draw(feed);
  return box;
}

export async function renderProfile(main) {
  const [profile, feed] = await Promise.all([api.get('/api/me/profile'), api.get('/api/me/calendar-feed')]);
  mount(main,
    h('h1', {}, t('profile.title')),
    h('div', { class: 'profile-grid' }, profileForm(profile), h('div', {}, passwordForm(), calendarSection(feed))));
}
