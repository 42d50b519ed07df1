import { api } from './api.js';

// Who is signed in; pages read it, sign-in and sign-out change it.
let me = null;
let rule = { minLength: 10 };
const listeners = new Set();

export async function loadSession() {
  // Not /api/me: its 401 for an anonymous visitor would be an error in their console on every page.
  const session = await api.get('/api/session');
  me = session.user;
  if (session.passwordRule) rule = session.passwordRule;
  listeners.forEach((fn) => fn(me));
  return me;
}

export function currentUser() {
  return me;
}

/** What a new password must be, shown before the first attempt. */
export function passwordRule() {
  return rule;
}

/** The signed-in person changed their profile: pages and the top bar follow. */
export function updateCurrentUser(changes) {
  if (!me) return;
  me = { ...me, ...changes };
  listeners.forEach((fn) => fn(me));
}

export function isStaff() {
  return !!me && (me.roles.includes('admin') || me.roles.includes('secretariat'));
}

export function onSessionChange(fn) {
  listeners.add(fn);
}

export async function signIn(email, password) {
  me = await api.post('/api/session', { email, password });
  listeners.forEach((fn) => fn(me));
  return me;
}

export async function signOut() {
  await api.del('/api/session');
  me = null;
  listeners.forEach((fn) => fn(me));
}
