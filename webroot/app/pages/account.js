import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { signIn, passwordRule } from '../session.js';
import { navigate, queryParams } from '../router.js';
import { field, formError, onSubmit, passwordField } from '../forms.js';

export function renderSignIn(main) {
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h1', {}, t('signin.title')),
    formError(),
    field('account.email', h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true })),
    field('account.password', h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('button', { type: 'submit', class: 'primary' }, t('signin.submit')),
    h('p', {}, h('a', { href: '#/forgot-password', id: 'forgot-password' }, t('signin.forgot'))),
    h('p', {}, t('signin.noAccount'), ' ', h('a', { href: '#/sign-up' }, t('signup.title'))));
  onSubmit(form, async (data) => {
    await signIn(data.get('email'), data.get('password'));
    navigate('/');
  });
  mount(main, form);
  form.querySelector('input').focus();
}

export function renderSignUp(main) {
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h1', {}, t('signup.title')),
    formError(),
    field('account.name', h('input', { name: 'name', autocomplete: 'name', required: true })),
    field('account.email', h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true })),
    passwordField('password', 'account.password', passwordRule().minLength),
    field('account.country', h('input', { name: 'country', autocomplete: 'country-name', required: true })),
    field('account.affiliation', h('input', { name: 'affiliation', autocomplete: 'organization' })),
    h('button', { type: 'submit', class: 'primary' }, t('signup.submit')));
  onSubmit(form, async (data) => {
    const body = Object.fromEntries(data.entries());
    if (!body.affiliation) delete body.affiliation;
    await api.post('/api/accounts', body);
    await signIn(body.email, body.password);
    navigate('/');
  });
  mount(main, form);
  form.querySelector('input').focus();
}

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function renderForgotPassword(main) {
  const sent = h('p', { class: 'status-note', id: 'reset-requested', role: 'status', hidden: true }, t('reset.requested'));
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h1', {}, t('reset.forgotTitle')),
    h('p', { class: 'muted' }, t('reset.forgotExplain')),
    formError(),
    field('account.email', h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true })),
    h('button', { type: 'submit', class: 'primary' }, t('reset.send')),
    sent,
    h('p', {}, h('a', { href: '#/sign-in' }, t('nav.signIn'))));
  onSubmit(form, async (data) => {
    await api.post('/api/password-resets', { email: data.get('email') });
    sent.hidden = false;
  });
  mount(main, form);
  form.querySelector('input').focus();
}

/** The page a reset link opens (#/reset-password?token=...): choose a new password. */
export function renderResetPassword(main) {
  const token = queryParams().get('token') || '';
  const done = h('p', { class: 'status-note', id: 'reset-done', role: 'status', hidden: true }, t('reset.done'), ' ',
    h('a', { href: '#/sign-in' }, t('nav.signIn')));
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h1', {}, t('reset.title')),
    formError(),
    passwordField('password', 'reset.newPassword', passwordRule().minLength),
    h('button', { type: 'submit', class: 'primary' }, t('reset.submit')),
    done,
    h('p', {}, h('a', { href: '#/forgot-password' }, t('reset.askAgain'))));
  onSubmit(form, async (data) => {
    await api.post('/api/password-resets/confirm', { token, password: data.get('password') });
    // Done: the field, with any problem of an earlier attempt, and the button give way to the outcome.
    form.querySelector('[name=password]').closest('.field').hidden = true;
    form.querySelector('.form-error').textContent = '';
    form.querySelector('button[type=submit]').hidden = true;
    done.hidden = false;
    done.querySelector('a').focus();
  });
  mount(main, form);
  form.querySelector('[name=password]').focus();
}
