import { h, mount } from '../dom.js';
import { t, plural, formatDateTime, formatList } from '../i18n.js';
import { api } from '../api.js';
import { refreshUnread, mentionsSection } from '../notifications.js';
import { renderCurrent } from '../router.js';

// Notifications arrive as a kind and its parameters; they are worded here, in the reader's language,
// with dates in the reader's time zone (their profile's, else the browser's).

/** A value from the data, isolated so that a Latin code or title sits right in an Arabic sentence. */
const iso = (value) => h('bdi', {}, value ?? '');

/** First-strong isolates around a value put into a sentence (a code, a date), as bdi does for an element. */
const fsi = (text) => `\u2068${text}\u2069`;

function liaisonLine(n, p) {
  const groups = formatList((p.groups || []).map(fsi));
  const due = p.deadline ? fsi(formatDateTime(p.deadline)) : null;
  if (n.kind === 'liaison.reminder') {
    return plural('notice.liaison.reminder', p.days ?? 0, { groups, date: due || '' });
  }
  return [t('notice.liaison.received', { from: fsi(p.from || ''), groups }),
    due ? ` ${t('notice.liaison.replyDue', { date: due })}` : ''].join('');
}

/** The heading and line of one notification; unknown kinds show what older servers stored. */
export function describe(n) {
  const p = n.params || {};
  switch (n.kind) {
    case 'liaison.received':
    case 'liaison.reminder':
      return {
        head: h('a', { href: `#/liaisons/${n.liaisonId}` }, iso(p.number), ' ', iso(p.title)),
        line: liaisonLine(n, p),
      };
    case 'join.requested':
      return {
        head: h('a', { href: `#/groups/${p.groupId}` }, t('notice.join.requested', { name: p.name || '', group: p.groupCode || '' })),
        line: t('notice.join.requestedLine'),
      };
    case 'join.accepted':
    case 'join.declined':
      return {
        head: h('a', { href: `#/groups/${p.groupId}` }, t(`notice.${n.kind}`, { group: p.groupCode || '' })),
        line: iso(p.groupTitle),
      };
    default:
      return {
        head: n.liaisonId ? h('a', { href: `#/liaisons/${n.liaisonId}` }, p.title || n.kind) : (p.title || n.kind),
        line: p.text || '',
      };
  }
}

export async function renderNotifications(main) {
  const { items } = await api.get('/api/notifications');
  const done = async () => {
    await refreshUnread();
    await renderCurrent();
  };
  const markRead = async (n) => {
    await api.post(`/api/notifications/${n.id}/read`);
    await done();
  };
  const markAll = async () => {
    await api.post('/api/notifications/read-all');
    await done();
  };
  const unread = items.filter((n) => !n.read).length;
  mount(main,
    h('div', { class: 'page-head' },
      h('h1', {}, t('notifications.title')),
      unread ? h('button', { id: 'mark-all-read', onclick: markAll }, t('notifications.markAllRead')) : null),
    items.length
      ? h('ul', { class: 'notifications', id: 'notification-list' }, items.map((n) => {
        const { head, line } = describe(n);
        return h('li', { class: n.read ? 'muted' : 'unread', dataset: { kind: n.kind } },
          // Values inside are isolated (bdi): the line keeps the page's direction and alignment.
          h('div', {}, h('strong', {}, head)),
          h('div', { class: 'notice-line' }, line),
          h('div', { class: 'muted' }, h('time', { datetime: n.createdAt }, formatDateTime(n.createdAt)), ' ',
            n.read ? null : h('button', { class: 'link', onclick: () => markRead(n) }, t('notifications.markRead'))));
      }))
      : h('p', { class: 'muted', id: 'notification-list' }, t('notifications.none')),
    await mentionsSection());
}
