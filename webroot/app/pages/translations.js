import { h } from '../dom.js';
import { t, language } from '../i18n.js';
import { api } from '../api.js';
import { renderCurrent } from '../router.js';
import { formError, onSubmit } from '../forms.js';
import { TEXT_LANGUAGES, languageName, localText, showFieldErrors } from '../portal.js';

/**
 * How complete each language is, and a form to add the missing texts in one language. `path` is the
 * translations resource of an initiative or a project.
 */
export async function translationSection(path) {
  const view = await api.get(path);
  const missing = TEXT_LANGUAGES.filter((l) => view.languages[l]?.percent < 100);
  const target = missing.includes(language()) ? language() : missing[0] || language();
  const chooser = h('select', { name: 'lang', id: 'translation-lang' }, TEXT_LANGUAGES.map((l) =>
    h('option', { value: l, selected: l === target }, languageName(l))));
  const rows = h('div', { class: 'translation-rows' });
  const drawRows = () => rows.replaceChildren(...view.texts.map((text) => {
    const name = `texts.${text.path}`;
    const id = `f-${name}`;
    const lang = chooser.value;
    return h('div', { class: 'field' },
      h('label', { for: id }, h('code', {}, text.path), ' ',
        localText({ text: text.values[text.original], lang: text.original, original: true }, 'span', { class: 'muted' })),
      h('textarea', { name, id, rows: 2, lang, dir: lang === 'ar' ? 'rtl' : 'ltr', 'aria-describedby': `${id}-error` },
        text.values[lang] || ''),
      h('span', { class: 'field-error', id: `${id}-error`, role: 'alert' }));
  }));
  chooser.addEventListener('change', drawRows);
  drawRows();
  const form = h('form', { class: 'card', id: 'translation-form', novalidate: true },
    h('h3', {}, t('translation.add')),
    formError(),
    h('div', { class: 'field' }, h('label', { for: 'translation-lang' }, t('translation.language')), chooser),
    rows,
    h('button', { type: 'submit', class: 'primary' }, t('translation.save')));
  onSubmit(form, async () => {
    const lang = chooser.value;
    const texts = {};
    view.texts.forEach((text) => {
      const value = form.querySelector(`[name="${CSS.escape(`texts.${text.path}`)}"]`).value.trim();
      if (value && value !== (text.values[lang] || '')) texts[text.path] = value;
    });
    try {
      await api.patch(path, { lang, texts });
    } catch (error) {
      showFieldErrors(form, error);
      return;
    }
    await renderCurrent();
  });
  return h('section', { 'aria-labelledby': 'translations-h', id: 'translations' },
    h('h2', { id: 'translations-h' }, t('translation.title')),
    h('ul', { class: 'completeness' }, TEXT_LANGUAGES.map((l) => h('li', {},
      h('span', {}, languageName(l)), ' ',
      h('meter', { min: 0, max: 100, value: view.languages[l]?.percent ?? 0 }), ' ',
      h('bdi', {}, `${view.languages[l]?.percent ?? 0}%`)))),
    form);
}
