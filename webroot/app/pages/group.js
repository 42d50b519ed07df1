import { h, mount } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import { api } from '../api.js';
import { currentUser } from '../session.js';
import { renderCurrent } from '../router.js';
import { field, formError, onSubmit, select } from '../forms.js';
import { groupPanels } from '../panels.js';

export const ROLES = ['chair', 'vice-chair', 'rapporteur', 'associate-rapporteur', 'member', 'observer', 'secretariat'];

export async function renderGroup(main, { id }) {
  const ws = await api.get(`/api/groups/${encodeURIComponent(id)}`);
  const panels = await Promise.all(groupPanels.map((panel) => panel(main, ws)));
  mount(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/groups' }, t('groups.title'))),
    h('h1', {}, h('span', { class: 'code' }, ws.code), ' ', ws.title),
    h('div', { class: 'badges' },
      h('span', { class: 'badge' }, ws.sector),
      ws.region ? h('span', { class: 'badge' }, t(`region.${ws.region}`)) : null,
      h('span', { class: 'badge' }, t(`kind.${ws.kind}`)),
      h('span', { class: ws.visibility === 'restricted' ? 'badge warn' : 'badge' }, t(`group.${ws.visibility}`)),
      ws.myRole ? h('span', { class: 'badge mine' }, t('group.yourRole', { role: t(`role.${ws.myRole}`) })) : null),
    h('section', { 'aria-labelledby': 'mandate-h' },
      h('h2', { id: 'mandate-h' }, t('group.mandate')),
      h('p', { class: 'mandate', dir: 'auto' }, ws.mandate || t('group.noMandate'))),
    questionsSection(ws),
    membersSection(ws),
    panels);
}

function questionsSection(ws) {
  return h('section', { 'aria-labelledby': 'questions-h' },
    h('h2', { id: 'questions-h' }, t('group.questions')),
    ws.questions.length
      ? h('ul', { class: 'questions' }, ws.questions.map((q) =>
        h('li', {}, h('strong', {}, q.number), ' ', h('span', { dir: 'auto' }, q.title))))
      : h('p', { class: 'muted' }, t('group.noQuestions')),
    ws.canManage ? addQuestionForm(ws) : null);
}

function addQuestionForm(ws) {
  const form = h('form', { class: 'inline-form', novalidate: true },
    formError(),
    field('question.number', h('input', { name: 'number', placeholder: 'Q4/1', size: 8 })),
    field('question.title', h('input', { name: 'title' })),
    h('button', { type: 'submit' }, t('group.addQuestion')));
  onSubmit(form, async (data) => {
    await api.post(`/api/groups/${ws.id}/questions`, Object.fromEntries(data.entries()));
    await renderCurrent();
  });
  return form;
}

function membersSection(ws) {
  const me = currentUser();
  const rows = ws.members.map((m) => h('tr', {},
    h('td', { dir: 'auto' }, m.name, m.email ? h('div', { class: 'muted' }, m.email) : null),
    h('td', { dir: 'auto' }, m.country),
    h('td', { dir: 'auto' }, m.affiliation || ''),
    h('td', {}, ws.canManage ? roleChanger(ws, m) : t(`role.${m.role}`)),
    h('td', { class: 'muted' }, formatDateTime(m.since, { dateStyle: 'medium' })),
    ws.canManage && m.userId !== me?.id
      ? h('td', {}, h('button', { class: 'link', onclick: () => removeMember(ws, m) }, t('group.removeMember')))
      : h('td', {})));
  return h('section', { 'aria-labelledby': 'members-h' },
    h('h2', { id: 'members-h' }, t('group.members'), ' ', h('span', { class: 'muted' }, `(${ws.members.length})`)),
    ws.members.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'members' },
        h('thead', {}, h('tr', {}, ['member.name', 'member.country', 'member.affiliation', 'member.role', 'member.since']
          .map((k) => h('th', { scope: 'col' }, t(k))), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('member.actions'))))),
        h('tbody', {}, rows)))
      : h('p', { class: 'muted' }, t('group.noMembers')),
    ws.canManage ? addMemberForm(ws) : null);
}

function roleChanger(ws, member) {
  const control = select('role', ROLES.map((r) => [r, t(`role.${r}`)]), member.role);
  control.setAttribute('aria-label', t('member.roleOf', { name: member.name }));
  control.addEventListener('change', async () => {
    await api.put(`/api/groups/${ws.id}/members/${member.userId}`, { role: control.value });
    await renderCurrent();
  });
  return control;
}

async function removeMember(ws, member) {
  if (!confirm(t('group.confirmRemove', { name: member.name }))) return;
  await api.del(`/api/groups/${ws.id}/members/${member.userId}`);
  await renderCurrent();
}

function addMemberForm(ws) {
  const form = h('form', { class: 'inline-form', novalidate: true },
    h('h3', {}, t('group.addMember')),
    formError(),
    field('account.email', h('input', { name: 'email', type: 'email' })),
    field('member.role', select('role', ROLES.map((r) => [r, t(`role.${r}`)]), 'member')),
    h('button', { type: 'submit' }, t('group.addMember')));
  onSubmit(form, async (data) => {
    await api.post(`/api/groups/${ws.id}/members`, Object.fromEntries(data.entries()));
    await renderCurrent();
  });
  return form;
}
