import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { signIn } from '../session.js';
import { navigate } from '../router.js';
import { field, formError, onSubmit } from '../forms.js';

export function renderSignIn(main) {
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h1', {}, t('signin.title')),
    formError(),
    field('account.email', h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true })),
    field('account.password', h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('button', { type: 'submit', class: 'primary' }, t('signin.submit')),
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
    field('account.password', h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: 10 })),
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
