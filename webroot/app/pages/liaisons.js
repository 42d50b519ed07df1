import { h, mount } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { api, errorText } from '../api.js';
import { currentUser } from '../session.js';
import { navigate, renderCurrent } from '../router.js';
import { field, formError, onSubmit, select } from '../forms.js';
import { PURPOSES, label, party, stateBadge, deadlineText } from '../liaisons-panel.js';
import { chipPicker, chipField } from '../chips.js';
import { attachmentPicker } from '../attachments.js';

// ---- compose and edit

export async function renderCompose(main, { id }) {
  const ws = await api.get(`/api/groups/${encodeURIComponent(id)}`);
  const me = currentUser();
  const draft = { to: [], cc: [], toBodies: [], questions: [], contacts: me ? [{ name: me.name, email: me.email }] : [] };
  await renderForm(main, ws, draft, [], async (body) => {
    const created = await api.post('/api/liaisons', { fromGroupId: ws.id, ...body });
    navigate(`/liaisons/${created.id}`);
  });
}

export async function renderEdit(main, { id }) {
  const view = await api.get(`/api/liaisons/${encodeURIComponent(id)}`);
  const l = view.statement;
  const ws = await api.get(`/api/groups/${l.from.groupId}`);
  await renderForm(main, ws, {
    ...l, to: l.to.map((p) => p.groupId), cc: l.cc.map((p) => p.groupId),
  }, view.attachments, async (body) => {
    await api.patch(`/api/liaisons/${l.id}`, body);
    navigate(`/liaisons/${l.id}`);
  });
}

/** The registry's partner organizations, offered as outside addressees; without it, free text only. */
async function outsideBodies() {
  try {
    const { items } = await api.get('/api/partners?limit=100');
    return items.map((p) => ({ value: p.name, code: p.acronym, label: p.acronym ? `${p.acronym} — ${p.name}` : p.name }));
  } catch {
    return [];
  }
}

async function renderForm(main, ws, draft, attached, save) {
  const [{ items: groups }, bodies] = await Promise.all([api.get('/api/groups'), outsideBodies()]);
  const options = groups.filter((g) => g.id !== ws.id)
    .map((g) => ({ value: g.id, code: g.code, label: `${g.code} — ${g.title} (${g.sector})` }));
  const to = chipPicker({ name: 'to', options, chosen: draft.to });
  const cc = chipPicker({ name: 'cc', options, chosen: draft.cc });
  const toBodies = chipPicker({ name: 'toBodies', options: bodies, chosen: draft.toBodies || [], free: true });
  const attachments = attachmentPicker(ws, attached);
  const contact = draft.contacts?.[0] || {};
  const form = h('form', { class: 'card compose', novalidate: true, id: 'liaison-form' },
    formError(),
    field('liaison.field.title', h('input', { name: 'title', value: draft.title || '', required: true, dir: 'auto' })),
    field('liaison.field.purpose', select('purpose', PURPOSES.map((p) => [p, t(`liaison.purpose.${p}`)]), draft.purpose || 'for-action')),
    field('liaison.field.deadline', h('input', { name: 'deadline', type: 'date', value: draft.deadline ? draft.deadline.slice(0, 10) : '' })),
    chipField(field, 'liaison.field.to', to),
    chipField(field, 'liaison.field.toBodies', toBodies),
    h('p', { class: 'muted help' }, t('liaison.toBodiesHelp')),
    chipField(field, 'liaison.field.cc', cc),
    field('liaison.field.questions', h('input', { name: 'questions', placeholder: 'Q4/1, Q6/2', value: draft.questions.join(', ') })),
    field('liaison.field.body', h('textarea', { name: 'body', rows: 10, dir: 'auto' }, draft.body || '')),
    chipField(field, 'liaison.field.attached', attachments),
    field('liaison.field.contactName', h('input', { name: 'contactName', value: contact.name || '' })),
    field('liaison.field.contactEmail', h('input', { name: 'contactEmail', type: 'email', value: contact.email || '' })),
    h('button', { type: 'submit', class: 'primary' }, t('liaison.saveDraft')));
  onSubmit(form, async (data) => {
    [to, cc, toBodies].forEach((p) => p.commit());
    const body = {
      title: data.get('title'),
      purpose: data.get('purpose'),
      to: to.values(),
      cc: cc.values(),
      toBodies: toBodies.values(),
      questions: (data.get('questions') || '').split(/[,\s]+/).filter(Boolean),
      body: data.get('body'),
      attachments: attachments.ids(),
      contacts: data.get('contactName') ? [{ name: data.get('contactName'), ...(data.get('contactEmail') ? { email: data.get('contactEmail') } : {}) }] : [],
    };
    if (data.get('deadline')) body.deadline = data.get('deadline');
    else body.deadline = null;
    await save(body);
  });
  mount(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/groups/${ws.id}` }, ws.code)),
    h('h1', {}, draft.id ? t('liaison.edit') : t('liaison.compose', { group: ws.code })),
    form);
  form.querySelector('input[name=title]').focus();
}

// ---- one statement and its thread

export async function renderLiaison(main, { id }) {
  const view = await api.get(`/api/liaisons/${encodeURIComponent(id)}`);
  const radar = await api.get(`/api/liaisons/${encodeURIComponent(id)}/radar`).catch(() => ({ items: [] }));
  const l = view.statement;
  mount(main,
    h('p', { class: 'breadcrumb' }, l.from.groupId ? h('a', { href: `#/groups/${l.from.groupId}` }, l.from.code) : l.from.body),
    h('h1', {}, h('span', { class: 'code', id: 'liaison-number' }, label(l)), ' ', h('span', { dir: 'auto' }, l.title)),
    h('div', { class: 'badges' },
      h('span', { class: 'badge' }, t(`liaison.purpose.${l.purpose}`)),
      stateBadge(l.state, 'liaison-state'),
      deadlineText(l)),
    actions(view),
    details(view),
    deliveries(l),
    thread(view),
    radarSection(radar.items));
}

function actions(view) {
  const l = view.statement;
  const buttons = [];
  const act = (key, path, then) => h('button', {
    class: path.confirm ? '' : 'primary', 'data-action': key,
    onclick: async (event) => {
      if (path.confirm && !window.confirm(t(path.confirm, path.vars || {}))) return;
      event.target.disabled = true;
      try {
        const result = await api.post(`/api/liaisons/${l.id}/${path.action}`, path.body);
        if (then) then(result); else await renderCurrent();
      } catch (error) {
        event.target.disabled = false;
        document.getElementById('liaison-actions-error').textContent = errorText(error);
      }
    },
  }, t(key, path.vars || {}));
  if (view.can.edit) buttons.push(h('a', { href: `#/liaisons/${l.id}/edit`, class: 'button', 'data-action': 'liaison.editDraft' }, t('liaison.editDraft')));
  if (view.can.approve) buttons.push(act('liaison.approve', { action: 'approve' }));
  if (view.can.send) {
    buttons.push(act('liaison.send', { action: 'send', confirm: 'liaison.confirmSend', vars: { number: view.can.sendsAs } }));
  }
  if (view.can.close) buttons.push(act('liaison.close', { action: 'close', confirm: 'liaison.confirmClose' }));
  for (const g of view.can.replyGroups) {
    const d = l.deliveries.find((x) => x.group.groupId === g.groupId);
    if (d?.state === 'received') buttons.push(act('liaison.takeUp', { action: 'take-up', body: { groupId: g.groupId }, vars: { group: g.code } }));
    buttons.push(act('liaison.draftReply', { action: 'reply', body: { groupId: g.groupId }, vars: { group: g.code } },
      (reply) => navigate(`/liaisons/${reply.id}/edit`)));
    // An addressed group may settle a statement without answering it (for information, or overtaken).
    buttons.push(act('liaison.closeCopy', { action: 'close', body: { groupId: g.groupId }, vars: { group: g.code },
      confirm: 'liaison.confirmCloseCopy' }));
  }
  return h('div', { class: 'actions', id: 'liaison-actions' }, buttons,
    closeHelp(view),
    h('p', { class: 'form-error', id: 'liaison-actions-error', role: 'alert' }));
}

/** "Close" ends the statement for everyone; "Close for <group>" only settles one addressed group's copy. */
function closeHelp(view) {
  const lines = [];
  if (view.can.close) lines.push(h('li', {}, t('liaison.closeHelp')));
  for (const g of view.can.replyGroups) lines.push(h('li', {}, t('liaison.closeCopyHelp', { group: g.code })));
  return lines.length ? h('ul', { class: 'muted help close-help', id: 'close-help' }, lines) : null;
}

function attachedLinks(attached) {
  if (!attached.length) return null;
  return h('ul', { class: 'attached-list', id: 'liaison-attachments' }, attached.map((a) => h('li', {},
    h('a', { href: `#/contributions/${a.id}` }, h('span', { class: 'code' }, a.number), ' ', h('span', { dir: 'auto' }, a.title)))));
}

function details(view) {
  const l = view.statement;
  const row = (key, value) => (value ? [h('dt', {}, t(key)), h('dd', { dir: 'auto' }, value)] : null);
  return h('section', { 'aria-labelledby': 'details-h' },
    h('h2', { id: 'details-h', class: 'visually-hidden' }, t('liaison.details')),
    h('dl', { class: 'facts' },
      row('liaison.field.from', `${party(l.from)}${l.from.sector ? ` (${l.from.sector})` : ''}`),
      row('liaison.field.to', [...l.to.map((p) => `${p.code} (${p.sector})`), ...l.toBodies].join(', ')),
      row('liaison.field.cc', l.cc.map((p) => p.code).join(', ')),
      row('liaison.field.questions', l.questions.join(', ')),
      row('liaison.field.deadline', l.deadline ? formatDateTime(l.deadline) : ''),
      row('liaison.field.contacts', l.contacts.map((c) => [c.name, c.affiliation, c.email].filter(Boolean).join(', ')).join('; ')),
      row('liaison.field.attached', attachedLinks(view.attachments))),
    l.body ? h('div', { class: 'ls-body', dir: 'auto', id: 'liaison-body' }, l.body) : null);
}

function deliveries(l) {
  if (!l.deliveries.length) return null;
  return h('section', { 'aria-labelledby': 'deliveries-h' },
    h('h2', { id: 'deliveries-h' }, t('liaison.deliveries')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'deliveries' },
      h('thead', {}, h('tr', {}, ['liaison.group', 'liaison.stateLabel', 'liaison.agenda'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, l.deliveries.map((d) => h('tr', {},
        h('td', {}, d.group.code, d.copy ? h('span', { class: 'muted' }, ` (${t('liaison.copy')})`) : null),
        h('td', {}, d.withheld ? h('span', { class: 'muted' }, t('liaison.withheld')) : stateBadge(d.state)),
        h('td', {}, d.agenda
          ? [t('liaison.proposedFor', { date: formatDateTime(d.agenda.meetingStart, { dateStyle: 'medium' }) }),
            d.agenda.deadlineBeforeMeeting ? h('div', { class: 'badge warn agenda-warning' }, t('liaison.deadlineBeforeMeeting')) : null]
          : h('span', { class: 'muted' }, '—'))))))));
}

function thread(view) {
  return h('section', { 'aria-labelledby': 'thread-h' },
    h('h2', { id: 'thread-h' }, t('liaison.thread')),
    h('ol', { class: 'thread', id: 'liaison-thread' }, view.thread.map((l) => h('li', {
      class: l.id === view.statement.id ? 'current' : '', 'aria-current': l.id === view.statement.id ? 'page' : null,
    },
    h('a', { href: `#/liaisons/${l.id}` }, h('span', { class: 'code' }, label(l)), ' ', h('span', { dir: 'auto' }, l.title)),
    h('div', { class: 'muted' }, `${party(l.from)} → ${[...l.to.map(party), ...l.toBodies].join(', ')}`, ' ',
      stateBadge(l.state), l.sentAt ? ` ${formatDateTime(l.sentAt, { dateStyle: 'medium' })}` : '')))));
}

function matchTitle(m) {
  const text = [m.ref, m.title].filter(Boolean).join(' ');
  const pages = { liaison: 'liaisons', contribution: 'contributions' };
  return pages[m.kind] ? h('a', { href: `#/${pages[m.kind]}/${m.id}` }, text) : text;
}

function percent(score) {
  return `${Math.round(score * 100)}%`;
}

function radarSection(items) {
  return h('section', { 'aria-labelledby': 'radar-h', class: 'radar' },
    h('h2', { id: 'radar-h' }, t('radar.onThisPage')),
    h('p', { class: 'muted' }, t('radar.explain')),
    items.length
      ? h('ul', { class: 'radar-list', id: 'liaison-radar' }, items.map((m) => h('li', {},
        h('span', { class: 'score', title: t('radar.score') }, percent(m.score)), ' ',
        h('span', { class: 'badge' }, `${m.sector} · ${t(`radar.kind.${m.kind}`)}`), ' ',
        m.groupCode ? h('span', { class: 'code' }, m.groupCode) : null, ' ',
        h('span', { dir: 'auto' }, matchTitle(m)),
        h('div', { class: 'muted' }, t('radar.shared', { terms: m.sharedTerms.join(', ') })))))
      : h('p', { class: 'muted', id: 'liaison-radar' }, t('radar.none')));
}

// ---- the radar page

export async function renderRadar(main) {
  const { items } = await api.get('/api/radar?limit=30');
  const results = h('div', { id: 'radar-check-results' });
  const check = h('form', { class: 'card', novalidate: true, id: 'radar-check' },
    h('h2', {}, t('radar.checkTitle')),
    formError(),
    field('radar.checkSector', select('sector', [['ITU-D', 'ITU-D'], ['ITU-T', 'ITU-T']], 'ITU-D')),
    field('liaison.field.title', h('input', { name: 'title', dir: 'auto' })),
    field('radar.checkText', h('textarea', { name: 'text', rows: 4, dir: 'auto' })),
    h('button', { type: 'submit' }, t('radar.check')),
    results);
  onSubmit(check, async (data) => {
    const found = await api.post('/api/radar/check', { sector: data.get('sector'), title: data.get('title'), text: data.get('text') || undefined });
    mount(results, radarSection(found.items));
  });
  mount(main,
    h('h1', {}, t('radar.title')),
    h('p', { class: 'muted' }, t('radar.pageExplain')),
    items.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'radar-pairs', id: 'radar-pairs' },
        h('thead', {}, h('tr', {}, ['radar.score', 'radar.one', 'radar.other', 'radar.sharedTerms'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, items.map((p) => h('tr', {},
          h('td', { class: 'score' }, percent(p.score)),
          h('td', { dir: 'auto' }, h('span', { class: 'badge' }, `${p.a.sector} · ${t(`radar.kind.${p.a.kind}`)}`), ' ', p.a.groupCode || '', ' ', matchTitle(p.a)),
          h('td', { dir: 'auto' }, h('span', { class: 'badge' }, `${p.b.sector} · ${t(`radar.kind.${p.b.kind}`)}`), ' ', p.b.groupCode || '', ' ', matchTitle(p.b)),
          h('td', {}, p.sharedTerms.join(', ')))))))
      : h('p', { class: 'muted', id: 'radar-pairs' }, t('radar.none')),
    check);
}
