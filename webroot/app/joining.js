import { h, mount } from './dom.js';
import { t, formatDateTime } from './i18n.js';
import { api, errorText } from './api.js';
import { currentUser } from './session.js';
import { renderCurrent } from './router.js';
import { addGroupPanel } from './panels.js';

// On a group page: "Ask to join" for a signed-in person outside the group, and the waiting requests
// with accept and decline for those who decide them.

function askBox(ws, mine) {
  const box = h('section', { class: 'card', id: 'join', 'aria-labelledby': 'join-h' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const draw = (request) => mount(box,
    h('h2', { id: 'join-h' }, t('join.title')),
    error,
    request
      ? h('p', { id: 'join-pending' }, t('join.pending', { date: formatDateTime(request.createdAt) }))
      : [h('p', { class: 'muted' }, t('join.explain')),
        h('label', { for: 'join-message' }, t('join.message')),
        h('textarea', { id: 'join-message', rows: 2, maxlength: 1000, dir: 'auto' }),
        h('button', {
          type: 'button', class: 'primary', id: 'ask-to-join',
          onclick: async () => {
            error.textContent = '';
            const message = box.querySelector('#join-message').value.trim();
            try {
              draw(await api.post(`/api/groups/${ws.id}/join-requests`, message ? { message } : {}));
            } catch (e) {
              error.textContent = errorText(e);
            }
          },
        }, t('join.ask'))]);
  draw(mine);
  return box;
}

function requestsBox(ws, items) {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const decide = (r, verb) => async () => {
    error.textContent = '';
    try {
      await api.post(`/api/groups/${ws.id}/join-requests/${r.id}/${verb}`);
      await renderCurrent();
    } catch (e) {
      error.textContent = errorText(e);
    }
  };
  return h('section', { class: 'card', id: 'join-requests', 'aria-labelledby': 'join-requests-h' },
    h('h2', { id: 'join-requests-h' }, t('join.requests'), ' ', h('span', { class: 'muted' }, `(${items.length})`)),
    error,
    items.length
      ? h('ul', { class: 'join-requests' }, items.map((r) => h('li', { dataset: { request: r.id } },
        h('div', {}, h('strong', { dir: 'auto' }, r.name), ' ',
          h('span', { class: 'muted', dir: 'auto' }, [r.affiliation, r.country].filter(Boolean).join(' · ')),
          r.email ? h('div', { class: 'muted' }, h('bdi', {}, r.email)) : null),
        r.message ? h('p', { dir: 'auto' }, r.message) : null,
        h('div', { class: 'muted' }, formatDateTime(r.createdAt)),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'primary', dataset: { action: 'accept' }, onclick: decide(r, 'accept') },
            t('join.accept', { name: r.name })),
          h('button', { type: 'button', dataset: { action: 'decline' }, onclick: decide(r, 'decline') },
            t('join.decline', { name: r.name }))))))
      : h('p', { class: 'muted' }, t('join.none')));
}

addGroupPanel(async (main, ws) => {
  const me = currentUser();
  if (!me) return null;
  if (ws.canManage) {
    const { items } = await api.get(`/api/groups/${ws.id}/join-requests`);
    return requestsBox(ws, items);
  }
  if (ws.myRole) return null;
  const { request } = await api.get(`/api/groups/${ws.id}/join-requests/mine`);
  return askBox(ws, request);
});
