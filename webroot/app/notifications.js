import { h } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { subscribe } from './live.js';

// The unread-notifications count in the top bar, kept live through the user's own room
// (user:<id>), so a liaison deadline reminder shows up at once on any page.
const badge = h('span', { class: 'badge count', id: 'notification-count', hidden: true });
let following = null;
let unread = 0;

function draw() {
  badge.textContent = unread ? String(unread) : '';
  badge.hidden = unread === 0;
  badge.setAttribute('aria-label', t('notifications.unread', { n: unread }));
}

export function notificationBadge() {
  draw();
  return badge;
}

/** Reads the unread count again, after the reader marked some as read. */
export async function refreshUnread() {
  try {
    unread = (await api.get('/api/notifications?unread=true&limit=200')).items.length;
  } catch {
    return;
  }
  draw();
}

export async function followNotifications(me) {
  following?.close();
  following = null;
  unread = 0;
  draw();
  if (!me) return;
  try {
    unread = (await api.get('/api/notifications?unread=true&limit=200')).items.length;
  } catch {
    unread = 0;
  }
  draw();
  let since = null;
  following = subscribe(`user:${me.id}`, {
    since: () => since,
    onFrame: (frame) => {
      if (frame.type === 'subscribed' && since === null) since = frame.head;
      if (frame.type !== 'event' || (since !== null && frame.seq <= since)) return;
      since = frame.seq;
      if (frame.event.kind === 'notification') {
        unread += 1;
        draw();
      }
    },
  });
}
