import { h, mount } from './dom.js';
import { initI18n, setLanguage, LANGUAGES, language, onLanguageChange, t, setTimeZone, languageAskedInLink } from './i18n.js';
import { loadSession, onSessionChange, currentUser, signOut } from './session.js';
import { route, startRouter, renderCurrent, navigate } from './router.js';
import { ApiError, prefetch, prefetchResponse, forgetPrefetched } from './api.js';
import { followNotifications, notificationBadge } from './notifications.js';
import { renderGroups } from './pages/groups.js';
import { renderGroup } from './pages/group.js';
import { renderSignIn, renderSignUp, renderForgotPassword, renderResetPassword } from './pages/account.js';
import './joining.js';
import { renderMeeting } from './pages/meeting.js';
import './meetings-panel.js';
import './contributions-panel.js';
import './chat.js';
import './initiatives-panel.js';
import './liaisons-panel.js';
import { startWorker } from './worker.js';

// What the meeting and group pages read first goes out now, beside the session, rather than a round after it.
const FIRST_SCREEN = [
  [/^#\/meetings\/([0-9a-f]{24})$/, (id) => [`/api/meetings/${id}`, `/api/meetings/${id}/agenda`,
    `/api/meetings/${id}/queue`, `/api/rooms/meeting%3A${id}/events?limit=100`]],
  [/^#\/groups\/([0-9a-f]{24})$/, (id) => [`/api/groups/${id}`, `/api/groups/${id}/meetings`,
    `/api/groups/${id}/contributions?limit=100`, `/api/rooms/group%3A${id}/events?limit=100`]],
];
for (const [pattern, paths] of FIRST_SCREEN) {
  const match = location.hash.match(pattern);
  if (match) prefetch(paths(match[1]));
}
// A document's metadata and the first part of its light view likewise (the part is read with its headers).
const openedDocument = location.hash.match(/^#\/contributions\/([0-9a-f]{24})$/);
if (openedDocument) {
  prefetch([`/api/contributions/${openedDocument[1]}`]);
  prefetchResponse(`/api/contributions/${openedDocument[1]}/text?part=0`);
}

const loadContribution = () => import('./pages/contribution.js');
// Opened on a document, the page fetches its module beside the messages and the session, not after them.
if (location.hash.startsWith('#/contributions/')) loadContribution();
const { renderContribution } = later(loadContribution, ['renderContribution']);
const { renderUpload } = later(() => import('./pages/upload.js'), ['renderUpload']);
const { renderSearch } = later(() => import('./pages/search.js'), ['renderSearch']);
const { renderLiaison, renderCompose, renderEdit, renderRadar } = later(() => import('./pages/liaisons.js'),
  ['renderLiaison', 'renderCompose', 'renderEdit', 'renderRadar']);
const { renderNotifications } = later(() => import('./pages/notifications.js'), ['renderNotifications']);
const { renderProfile } = later(() => import('./pages/profile.js'), ['renderProfile']);
const { renderRegister } = later(() => import('./pages/register.js'), ['renderRegister']);
const { renderAdmin } = later(() => import('./pages/admin.js'), ['renderAdmin']);
const { renderInitiatives, renderInitiative } = later(() => import('./pages/initiatives.js'), ['renderInitiatives', 'renderInitiative']);
const { renderProject } = later(() => import('./pages/project.js'), ['renderProject']);
const { renderNewInitiative, renderNewProject } = later(() => import('./pages/initiative-forms.js'), ['renderNewInitiative', 'renderNewProject']);
const { renderDashboard } = later(() => import('./pages/dashboard.js'), ['renderDashboard']);

/**
 * Pages few readers open (liaisons, the initiatives portal, search, upload) come on first use, as
 * modules of their own: the page, the groups, a meeting and a document then cost a first visit on a
 * slow link only what they use. The page preloads every statically imported module, not these.
 */
function later(load, names) {
  return Object.fromEntries(names.map((name) => [name, async (...args) => (await load())[name](...args)]));
}

function renderLanguagePicker() {
  const picker = document.getElementById('language');
  mount(picker, LANGUAGES.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === language() }, l.name)));
  picker.onchange = () => setLanguage(picker.value);
}

function renderTopBar() {
  const me = currentUser();
  mount(document.getElementById('nav'), h('a', { href: '#/groups' }, t('nav.groups')),
    h('a', { href: '#/initiatives', id: 'nav-initiatives' }, t('nav.initiatives')),
    h('a', { href: '#/search', id: 'nav-search' }, t('nav.search')),
    h('a', { href: '#/radar', id: 'radar-link' }, t('nav.radar')),
    me ? h('a', { href: '#/notifications', id: 'notifications-link' }, t('nav.notifications'), ' ', notificationBadge()) : null,
    me?.roles.includes('admin') ? h('a', { href: '#/admin', id: 'nav-admin' }, t('nav.admin')) : null);
  mount(document.getElementById('account'), me
    ? [h('a', { class: 'who', id: 'who', href: '#/profile', title: t('profile.title') }, me.name), ' ',
      h('button', { class: 'link', id: 'sign-out', onclick: async () => { await signOut(); navigate('/'); } }, t('nav.signOut'))]
    : [h('a', { href: '#/sign-in', id: 'sign-in-link' }, t('nav.signIn')), ' ', h('a', { href: '#/sign-up' }, t('nav.signUp'))]);
}

function guarded(render) {
  return async (main, params) => {
    try {
      await render(main, params);
    } catch (error) {
      renderError(main, error);
    }
  };
}

function renderError(main, error) {
  const status = error instanceof ApiError ? error.status : 0;
  const key = status === 404 ? 'error.notFound' : status === 401 ? 'error.signIn' : status === 403 ? 'error.forbidden' : 'error.network';
  mount(main, h('div', { class: 'card error-page', role: 'alert' },
    h('h1', {}, t(key)),
    // The detail is the server's English for developers: marked as English, beside the reader's own words.
    error instanceof ApiError && error.problem.detail ? h('p', { class: 'muted', lang: 'en', dir: 'ltr' }, error.problem.detail) : null,
    status === 401 ? h('a', { href: '#/sign-in' }, t('nav.signIn')) : h('a', { href: '#/groups' }, t('nav.groups'))));
}

route('/', guarded(renderGroups));
route('/groups', guarded(renderGroups));
route('/groups/:id', guarded(renderGroup));
route('/meetings/:id', guarded(renderMeeting));
route('/meetings/:id/register', guarded(renderRegister));
route('/admin', guarded(renderAdmin));
route('/groups/:id/upload', guarded(renderUpload));
route('/contributions/:id', guarded(renderContribution));
route('/search', guarded(renderSearch));
route('/groups/:id/liaisons/new', guarded(renderCompose));
route('/liaisons/:id', guarded(renderLiaison));
route('/liaisons/:id/edit', guarded(renderEdit));
route('/initiatives', guarded(renderInitiatives));
route('/initiatives/new', guarded(renderNewInitiative));
route('/initiatives/:id', guarded(renderInitiative));
route('/projects/new', guarded(renderNewProject));
route('/projects/:id', guarded(renderProject));
route('/dashboard', guarded(renderDashboard));
route('/radar', guarded(renderRadar));
route('/notifications', guarded(renderNotifications));
route('/sign-in', guarded(renderSignIn));
route('/sign-up', guarded(renderSignUp));
route('/forgot-password', guarded(renderForgotPassword));
route('/reset-password', guarded(renderResetPassword));
route('/profile', guarded(renderProfile));
route('/404', (main) => renderError(main, new ApiError(404, {})));

/** A signed-in person's profile chooses the time zone of dates and, unless a link asked for one, the language. */
async function applyProfile(user) {
  setTimeZone(user?.timeZone);
  if (user?.language && user.language !== language() && !languageAskedInLink()) await setLanguage(user.language);
}

async function start() {
  const [, user] = await Promise.all([initI18n(), loadSession()]);
  await applyProfile(user);
  renderLanguagePicker();
  renderTopBar();
  onSessionChange(applyProfile);
  onSessionChange(renderTopBar);
  onSessionChange(followNotifications);
  onLanguageChange(() => { renderLanguagePicker(); renderTopBar(); renderCurrent(); });
  await startRouter(document.getElementById('main'));
  // The badge after the page: on a slow link its requests would otherwise queue beside the page's own
  // (a browser opens six connections to a server at most).
  followNotifications(currentUser());
  forgetPrefetched();
  document.body.dataset.ready = 'true';
  startWorker();
}

start().catch((error) => renderError(document.getElementById('main'), error));
