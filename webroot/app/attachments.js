// Attaching contributions of the sending group to a liaison statement: search them by number or
// title, or upload a new one without leaving the draft. Attachments are always contributions, so
// they are stored, extracted and searchable like any other document.
import { h, mount } from './dom.js';
import { t } from './i18n.js';
import { api, errorText } from './api.js';
import { currentUser } from './session.js';
import { tusUpload } from './tus.js';

const SHOWN = 8;

/** chosen: [{ id, number, title }]. Returns { element, input, ids() }. */
export function attachmentPicker(ws, chosen) {
  const picked = chosen.map((a) => ({ ...a }));
  let all = null;
  const input = h('input', { name: 'attachments', type: 'search', autocomplete: 'off', dir: 'auto',
    placeholder: t('attach.searchHint') });
  const results = h('ul', { class: 'attach-results', id: 'attach-results' });
  const chips = h('ul', { class: 'chips', id: 'attached', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', role: 'status' });
  const name = (c) => `${c.number} — ${c.title}`;
  const drawChips = () => mount(chips, picked.map((c) => h('li', { class: 'chip', dataset: { id: c.id } },
    h('span', { dir: 'auto' }, name(c)),
    h('button', { type: 'button', class: 'chip-remove', 'aria-label': t('chips.remove', { label: c.number }),
      onclick: () => { picked.splice(picked.indexOf(c), 1); drawChips(); search(); } }, '×'))));
  const attach = (c) => {
    if (!picked.some((p) => p.id === c.id)) picked.push({ id: c.id, number: c.number, title: c.title });
    drawChips();
    // The search that found it is done: clear it, rather than say that nothing else matches.
    input.value = '';
    mount(results);
    status.textContent = '';
  };
  async function search() {
    if (!all) {
      try {
        all = (await api.get(`/api/groups/${ws.id}/contributions?limit=200`)).items
          .filter((c) => c.status !== 'withdrawn');
      } catch (error) {
        status.textContent = errorText(error);
        return;
      }
    }
    const wanted = input.value.trim().toLowerCase();
    const found = all.filter((c) => !picked.some((p) => p.id === c.id)
      && (!wanted || c.number.toLowerCase().includes(wanted) || c.title.toLowerCase().includes(wanted)));
    status.textContent = found.length ? '' : t(all.length ? 'attach.noMatch' : 'attach.noneInGroup');
    mount(results, found.slice(0, SHOWN).map((c) => h('li', {},
      h('button', { type: 'button', class: 'link attach-choice', onclick: () => attach(c) },
        h('span', { class: 'code' }, c.number), ' ', h('span', { dir: 'auto' }, c.title)))));
  }
  input.addEventListener('input', search);
  input.addEventListener('focus', search, { once: true });
  input.addEventListener('keydown', (event) => { if (event.key === 'Enter') event.preventDefault(); });
  drawChips();
  const element = h('div', { class: 'attach-picker' }, chips, h('div', { class: 'chip-entry' }, input), status, results, uploadPart(ws, (c) => {
    all = null;
    attach(c);
  }));
  return { element, input, ids: () => picked.map((c) => c.id) };
}

/** A new document uploaded to the group and attached at once; the source is the uploader's. */
function uploadPart(ws, done) {
  const file = h('input', { type: 'file', id: 'attach-file', 'aria-label': t('contribution.file') });
  const title = h('input', { id: 'attach-title', dir: 'auto', 'aria-label': t('contribution.title'),
    placeholder: t('contribution.title') });
  const progress = h('progress', { max: 100, value: 0, hidden: true });
  const status = h('p', { class: 'muted', role: 'status', id: 'attach-upload-status' });
  const button = h('button', { type: 'button', id: 'attach-upload', onclick: async () => {
    const chosen = file.files[0];
    if (!chosen) { status.textContent = t('upload.chooseFile'); return; }
    const me = currentUser() || {};
    button.disabled = true;
    progress.hidden = false;
    const named = title.value.trim() || chosen.name;
    try {
      const uploaded = await tusUpload(chosen, {
        groupId: ws.id, title: named, purpose: 'information',
        source: me.affiliation || me.country || me.name || ws.code,
      }, { onProgress: (sent, total) => { progress.value = Math.round((sent / total) * 100); } });
      status.textContent = t('upload.done', { number: uploaded.number });
      file.value = '';
      title.value = '';
      done({ id: uploaded.contributionId, number: uploaded.number, title: named });
    } catch (error) {
      status.textContent = error.problem?.detail || error.problem?.title || t('error.network');
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  } }, t('attach.upload'));
  return h('details', { class: 'attach-upload' },
    h('summary', {}, t('attach.uploadNew')),
    h('div', { class: 'attach-upload-body' }, file, title, button, progress, status));
}
