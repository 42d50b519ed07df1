import { h } from './dom.js';
import { t } from './i18n.js';
import { ApiError, problemTitle } from './api.js';

/** A labelled input whose error message, when the server names this field, appears under it. */
export function field(labelKey, input) {
  const id = `f-${input.name}`;
  input.id = id;
  const error = h('span', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  input.setAttribute('aria-describedby', error.id);
  return h('div', { class: 'field' }, h('label', { for: id }, t(labelKey)), input, error);
}

/** A new-password input with the rule shown under its label before the first attempt. */
export function passwordField(name, labelKey, minLength) {
  const input = h('input', { name, type: 'password', autocomplete: 'new-password', required: true, minlength: minLength });
  const wrapper = field(labelKey, input);
  const hint = h('span', { class: 'field-hint', id: `f-${name}-hint` }, t('password.rule', { n: minLength }));
  wrapper.insertBefore(hint, input);
  input.setAttribute('aria-describedby', `${hint.id} ${input.getAttribute('aria-describedby')}`);
  return wrapper;
}

export function select(name, options, value) {
  return h('select', { name },
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

/** Shows a failed request: field problems next to their inputs, the rest at the top of the form. */
export function showErrors(form, error) {
  form.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const summary = form.querySelector('.form-error');
  if (!(error instanceof ApiError)) {
    summary.textContent = t('error.network');
    return;
  }
  const fields = error.fields;
  let unplaced = [];
  for (const [name, message] of Object.entries(fields)) {
    const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      form.querySelector(`#f-${CSS.escape(name)}-error`).textContent = message;
    } else {
      unplaced.push(`${name}: ${message}`);
    }
  }
  summary.textContent = unplaced.length || !Object.keys(fields).length
    ? [problemTitle(error), ...unplaced].join(' — ') : '';
  form.querySelector('[aria-invalid]')?.focus();
}

export function formError() {
  return h('p', { class: 'form-error', role: 'alert' });
}

/** Runs an async submit with the button disabled, so a double click on a slow link sends once. */
export function onSubmit(form, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await action(new FormData(form));
    } catch (error) {
      showErrors(form, error);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
