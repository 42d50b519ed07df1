import { h } from './dom.js';
import { t, formatDateTime } from './i18n.js';

// The rows of the chat list. Message text is only ever put in text nodes; links become <a> elements
// built here.

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;
const QUOTE_CHARS = 80;
/** What the server takes by default (chat.maxTextLength); a longer text is refused with too-long. */
export const MAX_TEXT_CHARS = 4000;

/** Text as text nodes, with http(s) links as anchors; never parsed as HTML. */
export function linkify(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    const url = match[0];
    nodes.push(h('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow' }, url));
    last = match.index + url.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/**
 * One message's row. view: { me, canSend, canModerate, muted (user ids), quoted(seq) (a loaded message
 * or undefined), pinned() (the pinned message's seq or null), on: { reply, edit, remove, mute, reveal, pin } }.
 */
export function messageRow(m, view) {
  const mine = !!view.me && !!m.author && m.author.id === view.me.id;
  const mentionsMe = !!view.me && (m.mentions || []).includes(view.me.id);
  const muted = view.canModerate && m.author && view.muted.has(m.author.id);
  const classes = ['chat-message', mine ? 'mine' : '', mentionsMe ? 'mentions-me' : ''].filter(Boolean).join(' ');
  const actions = rowActions(m, mine, muted, view);
  return h('li', { class: classes, dataset: { seq: String(m.seq) } },
    h('div', { class: 'chat-meta muted' },
      h('span', { class: 'chat-author', dir: 'auto' }, m.author ? m.author.name : ''),
      muted ? [' ', h('span', { class: 'badge chat-muted-badge' }, t('chat.mutedBadge'))] : null, ' · ',
      h('time', { datetime: m.at }, formatDateTime(m.at, { timeStyle: 'short' })),
      mentionsMe ? [' · ', h('strong', { class: 'chat-mentions-me' }, t('chat.mentionsYou'))] : null,
      m.editedAt && !m.deleted ? [' · ', t('chat.edited')] : null),
    m.replyTo ? quote(m.replyTo, view) : null,
    m.deleted
      ? h('p', { class: 'chat-text muted' }, t('chat.deleted'))
      : h('p', { class: 'chat-text', dir: 'auto' }, linkify(m.text || '')),
    actions.length ? h('div', { class: 'chat-actions' }, actions) : null);
}

function rowActions(m, mine, muted, view) {
  const button = (label, onclick, extra = '') => h('button', { type: 'button', class: `link ${extra}`.trim(), onclick }, label);
  const actions = [];
  if (!m.deleted && view.canSend) actions.push(button(t('chat.reply'), () => view.on.reply(m)));
  if (!m.deleted && mine) actions.push(button(t('chat.edit'), () => view.on.edit(m)));
  if (!m.deleted && (mine || view.canModerate)) actions.push(button(t('chat.delete'), () => view.on.remove(m)));
  if (!m.deleted && view.canModerate && view.pinned() !== m.seq) {
    actions.push(button(t('chat.pin'), () => view.on.pin(m), 'chat-pin'));
  }
  if (view.canModerate && !mine && m.author) {
    actions.push(button(t(muted ? 'chat.unmute' : 'chat.mute', { name: m.author.name }), () => view.on.mute(m.author),
      'chat-mute'));
  }
  return actions;
}

/** What a reply answers: the start of that message when it is loaded, its number otherwise. */
function quote(seq, view) {
  const original = view.quoted(seq);
  if (!original) return h('div', { class: 'chat-quote muted' }, t('chat.inReplyTo', { seq }));
  const chars = [...(original.text || '')];
  const text = original.deleted ? t('chat.deleted') : chars.slice(0, QUOTE_CHARS).join('') + (chars.length > QUOTE_CHARS ? '…' : '');
  return h('button', { type: 'button', class: 'chat-quote', dir: 'auto', onclick: () => view.on.reveal(seq) },
    `${original.author ? original.author.name : ''}: ${text}`);
}

/** A message typed here that the server has not stored yet. */
export function pendingRow(item) {
  return h('li', { class: 'chat-message mine chat-pending', dataset: { clientId: item.clientId } },
    h('div', { class: 'chat-meta muted' }, t('chat.sending')),
    h('p', { class: 'chat-text', dir: 'auto' }, linkify(item.text)));
}

/** A message's text as an editor: Enter (or Save) hands over the new text, Escape (or Cancel) gives up. */
export function rowEditor(text, onSave, onCancel) {
  const box = h('textarea', { class: 'chat-edit-input', rows: 2, dir: 'auto', maxlength: MAX_TEXT_CHARS,
    'aria-label': t('chat.edit') });
  box.value = text;
  const save = () => {
    if (box.value.trim()) onSave(box.value.trim());
    else onCancel();
  };
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      onCancel();
    }
  });
  setTimeout(() => box.focus(), 0);
  return h('div', { class: 'chat-edit' }, box,
    h('button', { type: 'button', class: 'primary', onclick: save }, t('chat.save')),
    h('button', { type: 'button', class: 'link', onclick: onCancel }, t('chat.cancel')));
}
