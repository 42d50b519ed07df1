// Chosen values as removable chips over one text field with suggestions: thumbs on a phone reach
// every choice and its removal, where a multi-select list needs Ctrl-click. The field carries the
// form name, so an error the server names for it lands under it (forms.js).
import { h, mount } from './dom.js';
import { t } from './i18n.js';

let lists = 0;

/**
 * options: [{ value, label, code? }]; chosen: values already picked; free: whether text that matches
 * no option is taken as it is (an outside body's name). Returns { element, input, values() }.
 */
export function chipPicker({ name, options, chosen = [], free = false }) {
  const listId = `chips-${name}-${++lists}`;
  const values = [...chosen];
  const input = h('input', { name, list: listId, autocomplete: 'off', enterkeyhint: 'done', dir: 'auto' });
  const chips = h('ul', { class: 'chips', 'aria-live': 'polite' });
  const labelOf = (value) => options.find((o) => o.value === value)?.label ?? value;
  const draw = () => mount(chips, values.map((value) => h('li', { class: 'chip', dataset: { value } },
    h('span', { dir: 'auto' }, labelOf(value)),
    h('button', {
      type: 'button', class: 'chip-remove', 'aria-label': t('chips.remove', { label: labelOf(value) }),
      onclick: () => { values.splice(values.indexOf(value), 1); draw(); input.focus(); },
    }, '×'))));
  const resolve = (text) => {
    const wanted = text.trim().toLowerCase();
    if (!wanted) return null;
    const found = options.find((o) => o.label.toLowerCase() === wanted || o.value.toLowerCase() === wanted
      || (o.code && o.code.toLowerCase() === wanted));
    if (found) return found.value;
    return free ? text.trim() : null;
  };
  const add = () => {
    const value = resolve(input.value);
    if (value === null) {
      if (input.value.trim()) input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.removeAttribute('aria-invalid');
    if (!values.includes(value)) values.push(value);
    input.value = '';
    draw();
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); add(); }
  });
  // Picking a suggestion fires 'change' (and on some phones only 'input' with the whole label).
  input.addEventListener('change', add);
  input.addEventListener('input', () => { if (options.some((o) => o.label === input.value)) add(); });
  draw();
  const element = h('div', { class: 'chip-picker' }, chips,
    h('div', { class: 'chip-entry' }, input,
      h('button', { type: 'button', class: 'chip-add', onclick: add }, t('chips.add'))),
    h('datalist', { id: listId }, options.map((o) => h('option', { value: o.label }))));
  return { element, input, values: () => [...values], commit: add };
}

/** A labelled chip picker in the form's field layout (label, chips, entry, the field's error). */
export function chipField(field, labelKey, picker) {
  const wrapper = field(labelKey, picker.input);
  wrapper.querySelector('label').after(picker.element);
  picker.element.querySelector('.chip-entry').prepend(picker.input);
  return wrapper;
}
