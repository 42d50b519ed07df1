import { h, mount, formatBytes } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { currentUser } from '../session.js';
import { api } from '../api.js';
import { navigate, queryParams } from '../router.js';
import { field, formError, select } from '../forms.js';
import { tusUpload } from '../tus.js';

// Upload a contribution (or a revision with ?revisionOf=): resumable through tus, with a progress
// bar that survives dropped links; the server numbers it when the last byte arrives.
export async function renderUpload(main, { id }) {
  const ws = await api.get(`/api/groups/${encodeURIComponent(id)}`);
  const revisionOf = queryParams().get('revisionOf');
  const [original, { items: meetings }, { items: questions }] = await Promise.all([
    revisionOf ? api.get(`/api/contributions/${encodeURIComponent(revisionOf)}`) : null,
    api.get(`/api/groups/${ws.id}/meetings`),
    api.get(`/api/groups/${ws.id}/questions`)]);
  const me = currentUser() || {};
  const progress = h('progress', { id: 'upload-progress', max: 100, value: 0, hidden: true });
  const status = h('p', { id: 'upload-status', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', novalidate: true, id: 'upload-form' },
    formError(),
    field('contribution.file', h('input', { name: 'file', type: 'file', required: true })),
    field('contribution.title', h('input', { name: 'title', required: true, dir: 'auto', value: original?.title || '' })),
    field('contribution.source', h('input', { name: 'source', required: true, dir: 'auto',
      value: original?.source || me.country || me.affiliation || '' })),
    original ? null : meetingField(meetings, queryParams().get('meetingId')),
    questionsField(questions, original?.questions || []),
    field('contribution.contacts', h('input', { name: 'contacts', value: (original?.contacts || []).join(', ') })),
    field('contribution.purpose', select('purpose', ['discussion', 'information', 'decision', 'approval']
      .map((p) => [p, t(`contribution.purpose.${p}`)]), original?.purpose || 'discussion')),
    h('button', { type: 'submit', class: 'primary' }, t(original ? 'contribution.uploadRevision' : 'contributions.upload')),
    progress, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form, ws, revisionOf, progress, status);
  });
  mount(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/groups/${ws.id}` }, ws.code)),
    h('h1', {}, original ? t('contribution.revisionOf', { number: original.number }) : t('contributions.upload')),
    h('p', { class: 'muted' }, t('upload.resumes')),
    form);
}

/** The meeting the document is for: its deadline decides whether it is late. Coming meetings first. */
function meetingField(meetings, chosen) {
  const now = Date.now();
  const coming = meetings.filter((m) => Date.parse(m.end) >= now).sort((a, b) => a.start.localeCompare(b.start));
  const label = (m) => `${m.title} — ${formatDateTime(m.start, { dateStyle: 'medium' })}`
    + (m.contributionDeadline ? ` (${t('upload.deadline', { date: formatDateTime(m.contributionDeadline, { dateStyle: 'medium', timeStyle: 'short' }) })})` : '');
  return field('upload.meeting', select('meetingId', [['', t('upload.noMeeting')],
    ...coming.map((m) => [m.id, label(m)])], chosen || coming[0]?.id || ''));
}

/** The group's Questions as boxes to tick; a group without Questions shows none. */
function questionsField(questions, chosen) {
  if (!questions.length) {
    return field('contribution.questions', h('input', { name: 'questions', placeholder: 'Q4/1, Q5/1', value: chosen.join(', ') }));
  }
  return h('fieldset', { class: 'field question-boxes' },
    h('legend', {}, t('contribution.questions')),
    questions.map((q) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'questions', value: q.number, checked: chosen.includes(q.number) }),
      ' ', h('span', { class: 'code' }, q.number), ' ', h('span', { dir: 'auto' }, q.title))),
    h('span', { class: 'field-error', id: 'f-questions-error', role: 'alert' }));
}

async function submit(form, ws, revisionOf, progress, status) {
  const data = new FormData(form);
  const file = data.get('file');
  const button = form.querySelector('button[type=submit]');
  form.querySelector('.form-error').textContent = '';
  if (!file || !file.size) {
    form.querySelector('.form-error').textContent = t('upload.chooseFile');
    return;
  }
  button.disabled = true;
  progress.hidden = false;
  const metadata = { groupId: ws.id, revisionOf: revisionOf || undefined };
  for (const key of ['title', 'source', 'contacts', 'purpose']) metadata[key] = data.get(key);
  metadata.questions = data.getAll('questions').join(',');
  if (data.get('meetingId')) metadata.meetingId = data.get('meetingId');
  try {
    const done = await tusUpload(file, metadata, {
      onProgress: (sent, total) => {
        progress.value = Math.round((sent / total) * 100);
        status.textContent = t('upload.progress', { sent: formatBytes(sent), total: formatBytes(total) });
      },
      onRetry: (attempt) => { status.textContent = t('upload.retrying', { n: attempt }); },
    });
    status.textContent = t('upload.done', { number: done.number });
    navigate(`/contributions/${done.contributionId}`);
  } catch (error) {
    const problem = error.problem || {};
    const fields = (problem.errors || []).map((e) => `${e.field}: ${e.message}`);
    form.querySelector('.form-error').textContent = [problem.detail || problem.title || t('error.network'), ...fields].join(' — ');
    button.disabled = false;
  }
}
