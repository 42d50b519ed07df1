import { h, mount, formatBytes } from '../dom.js';
import { t, tIsolated, formatDateTime } from '../i18n.js';
import { api, errorText } from '../api.js';
import { currentUser } from '../session.js';
import { currentPath } from '../router.js';
import { languageName } from '../portal.js';
import { fileTypeName } from '../filetypes.js';
import { pagedLightView } from '../lightview.js';
import { dataSaver } from '../saver.js';

// A contribution: metadata, extraction state, the light view, download, revisions and their diff.
export async function renderContribution(main, { id }) {
  const path = `/contributions/${id}`;
  const c = await api.get(`/api/contributions/${encodeURIComponent(id)}`);
  const view = h('div', { id: 'light-view' });
  mount(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/groups/${c.groupId}` }, c.number.split('/')[0])),
    h('h1', { dir: 'auto' }, h('span', { class: 'code', id: 'contribution-number' }, c.label), ' ', c.title),
    h('div', { class: 'badges' },
      h('span', { class: 'badge' }, t(`contribution.status.${c.status}`)),
      c.late ? h('span', { class: 'badge warn' }, t('contribution.late')) : null,
      h('span', { class: c.extraction.state === 'failed' ? 'badge warn' : 'badge', id: 'extraction-state' },
        t(`extraction.${c.extraction.state}`),
        c.extraction.reason ? ` — ${t(`extraction.reason.${c.extraction.reason}`)}` : '')),
    metadata(c),
    h('p', {},
      h('a', { class: 'button', href: `/api/contributions/${c.id}/file`, download: '', id: 'download' },
        tIsolated('contribution.download', { size: formatBytes(c.size) })), ' ',
      // An anonymous reader of a public group has nothing to upload with.
      currentUser() ? h('a', { href: `#/groups/${c.groupId}/upload?revisionOf=${c.id}` }, t('contribution.uploadRevision')) : null, ' ',
      withdrawButton(c, () => renderContribution(main, { id }))),
    revisions(c),
    h('section', { 'aria-labelledby': 'light-h' }, h('h2', { id: 'light-h' }, t('contribution.lightView')), view));
  if (c.extraction.state === 'done') {
    import('../download.js').then(({ resumableDownload }) =>
      resumableDownload(main.querySelector('#download'), c.size, c.revisions.at(-1)?.filename));
    const shown = await pagedLightView(view, `/api/contributions/${c.id}/text`, { onDemand: dataSaver() });
    if (!shown) mount(view, h('p', { class: 'muted' }, t('error.network')));
  } else if (c.extraction.state === 'pending') {
    mount(view, h('p', { class: 'muted' }, t('extraction.pending')));
    setTimeout(() => { if (currentPath() === path) renderContribution(main, { id }); }, 1500);
  } else {
    mount(view, h('p', { class: 'muted' }, t('contribution.noLightView')));
  }
}

/** Its author withdraws a contribution (the server also lets the group's leads); it stays listed, marked withdrawn. */
function withdrawButton(c, redraw) {
  const me = currentUser();
  if (!me || c.createdBy !== me.id || c.status === 'withdrawn') return null;
  const error = h('span', { class: 'form-error', role: 'alert', id: 'withdraw-error' });
  return [h('button', { type: 'button', id: 'withdraw', onclick: async (event) => {
    if (!window.confirm(t('contribution.confirmWithdraw', { number: c.number }))) return;
    event.target.disabled = true;
    try {
      await api.patch(`/api/contributions/${c.id}`, { status: 'withdrawn' });
      await redraw();
    } catch (e) {
      event.target.disabled = false;
      error.textContent = errorText(e);
    }
  } }, t('contribution.withdraw')), ' ', error];
}

function metadata(c) {
  const e = c.extraction;
  const rows = [
    ['contribution.source', c.source],
    ['contribution.questions', c.questions.join(', ')],
    ['contribution.contacts', c.contacts.join(', ')],
    ['contribution.purpose', t(`contribution.purpose.${c.purpose}`)],
    ['contribution.date', formatDateTime(c.createdAt)],
    ['contribution.docTitle', e.title],
    ['contribution.authors', (e.authors || []).join(', ')],
    ['contribution.pages', e.pages],
    ['contribution.language', e.language ? languageName(e.language) : null],
    ['contribution.type', fileTypeName(e.detectedType)],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  // Each value isolated (its own direction) inside a cell that follows the page's, so it lines up with its label.
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, h('bdi', {}, String(v)))]));
}

function revisions(c) {
  const diffOut = h('div', { id: 'diff' });
  return h('section', { 'aria-labelledby': 'revisions-h' },
    h('h2', { id: 'revisions-h' }, t('contribution.revisions')),
    h('ul', {}, c.revisions.map((r) => h('li', {},
      h('a', { href: `/api/contributions/${c.id}/file?rev=${r.rev}`, download: '' }, r.label), ' ',
      h('span', { class: 'muted' }, h('bdi', {}, r.filename), ' · ', h('bdi', { class: 'size' }, formatBytes(r.size)), ' · ',
        tIsolated('contribution.uploadedBy', { name: r.uploaderName || t('contribution.uploaderUnknown'), date: formatDateTime(r.uploadedAt) })),
      r.rev > 0 ? [' ', h('button', { class: 'link', onclick: () => showDiff(c, r.rev - 1, r.rev, diffOut) },
        t('contribution.compare'))] : null))),
    diffOut);
}

async function showDiff(c, from, to, out) {
  const { lines } = await api.get(`/api/contributions/${c.id}/diff?from=${from}&to=${to}`);
  mount(out, h('pre', { class: 'diff', dir: 'auto' }, lines.map((l) =>
    h(l.op === '+' ? 'ins' : l.op === '-' ? 'del' : 'span', {}, `${l.op} ${l.text}\n`))));
}
