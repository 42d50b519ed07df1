import { h } from './dom.js';
import { t, plural, formatDateTime } from './i18n.js';
import { api } from './api.js';
import { subscribe } from './live.js';
import { markRead, readElsewhere, readMarkOf } from './read-marks.js';

// The unread count in the top bar, kept live through the user's own room (user:<id>): liaison
// notifications (deadline reminders, statements received), read on the server, and chat mentions,
// unread until the notifications page showed them (the read mark of the user's room, on the server, so
// that mentions read on one device are read on all; a tab counts again when it is shown).
const badge = h('span', { class: 'badge count', id: 'notification-count', hidden: true });
const MENTIONS_SHOWN = 100;
let following = null;
let me = null;
let unreadNotices = 0; // liaison notifications, read state on the server
let unreadMentions = 0; // mentions after the user's read mark in their own room

function draw() {
  const unread = unreadNotices + unreadMentions;
  badge.textContent = unread ? String(unread) : '';
  badge.hidden = unread === 0;
  badge.setAttribute('aria-label', plural('notifications.unread', unread));
}

function userRoom() {
  return `user:${me.id}`;
}

export function notificationBadge() {
  draw();
  return badge;
}

/** The user's mentions, newest first, the head of their room and how far they read it (0: never). */
async function mentions() {
  const page = await api.get(`/api/rooms/${encodeURIComponent(userRoom())}/events?limit=${MENTIONS_SHOWN}`);
  return {
    head: page.head,
    seen: readMarkOf(userRoom(), page.read) ?? 0,
    items: page.items.filter((f) => f.event.kind === 'mention').reverse(),
  };
}

/** Reads the unread notifications again, after the reader marked some as read. */
export async function refreshUnread() {
  if (!me) return;
  try {
    unreadNotices = (await api.get('/api/notifications?unread=true&limit=200')).items.length;
  } catch {
    return;
  }
  draw();
}

async function countMentions() {
  try {
    const { seen, items } = await mentions();
    unreadMentions = items.filter((f) => f.seq > seen).length;
  } catch {
    return;
  }
  draw();
}

/** The mentions up to head were shown to the reader. */
function markMentionsSeen(head) {
  markRead(userRoom(), head);
  unreadMentions = 0;
  draw();
}

// What another device read meanwhile shows when this tab is looked at again.
document.addEventListener('visibilitychange', () => {
  if (me && document.visibilityState === 'visible') Promise.all([refreshUnread(), countMentions()]);
});

export async function followNotifications(user) {
  following?.close();
  following = null;
  me = user;
  unreadNotices = 0;
  unreadMentions = 0;
  draw();
  if (!me) return;
  await Promise.all([refreshUnread(), countMentions()]);
  let since = null;
  following = subscribe(`user:${me.id}`, {
    since: () => since,
    onFrame: (frame) => {
      if (frame.type === 'read') {
        readElsewhere(frame.target, frame.seq);
        if (frame.target === userRoom()) countMentions();
        return;
      }
      if (frame.type === 'subscribed' && since === null) since = frame.head;
      if (frame.type !== 'event' || (since !== null && frame.seq <= since)) return;
      since = frame.seq;
      if (frame.event.kind === 'notification') unreadNotices += 1;
      else if (frame.event.kind === 'mention') unreadMentions += 1;
      else return;
      draw();
    },
  });
}

/** Where a mention was made: the group's or the meeting's page, whose chat shows it. */
function roomLink(room) {
  const [kind, id] = room.split(':');
  return kind === 'meeting' ? `#/meetings/${id}` : kind === 'group' ? `#/groups/${id}` : null;
}

/** The mentions section of the notifications page; marks them seen. */
export async function mentionsSection() {
  const { head, seen, items } = await mentions();
  markMentionsSeen(head);
  return h('section', { 'aria-labelledby': 'mentions-h' },
    h('h2', { id: 'mentions-h' }, t('notifications.mentions')),
    items.length
      ? h('ul', { class: 'notifications', id: 'mention-items' }, items.map(({ seq, event }) => {
        const link = event.about?.room ? roomLink(event.about.room) : null;
        return h('li', { class: seq > seen ? 'unread' : 'muted' },
          h('div', {}, h('strong', { dir: 'auto' }, t('notifications.mentionedYou', { name: event.author?.name || '' }))),
          h('div', { dir: 'auto' }, event.text || ''),
          h('div', { class: 'muted' }, formatDateTime(event.at), ' ',
            link ? h('a', { href: link }, t('notifications.openChat')) : null));
      }))
      : h('p', { class: 'muted', id: 'mention-items' }, t('notifications.noMentions')));
}
