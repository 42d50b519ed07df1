import { h, mount } from './dom.js';
import { initI18n, setLanguage, LANGUAGES, language, onLanguageChange, t } from './i18n.js';
import { loadSession, onSessionChange, currentUser, signOut } from './session.js';
import { route, startRouter, renderCurrent, navigate } from './router.js';
import { ApiError } from './api.js';
import { followNotifications, notificationBadge } from './notifications.js';
import { renderGroups } from './pages/groups.js';
import { renderGroup } from './pages/group.js';
import { renderSignIn, renderSignUp } from './pages/account.js';
import { renderMeeting } from './pages/meeting.js';
import { renderUpload } from './pages/upload.js';
import { renderContribution } from './pages/contribution.js';
import { renderSearch } from './pages/search.js';
import './meetings-panel.js';
import './contributions-panel.js';
import { renderLiaison, renderCompose, renderEdit, renderRadar, renderNotifications } from './pages/liaisons.js';
import './chat.js';
import './initiatives-panel.js';
import { renderInitiatives, renderInitiative } from './pages/initiatives.js';
import { renderProject } from './pages/project.js';
import { renderNewInitiative, renderNewProject } from './pages/initiative-forms.js';
import { renderDashboard } from './pages/dashboard.js';

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
    me ? h('a', { href: '#/notifications', id: 'notifications-link' }, t('nav.notifications'), ' ', notificationBadge()) : null);
  mount(document.getElementById('account'), me
    ? [h('span', { class: 'who', id: 'who' }, me.name), ' ',
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
route('/404', (main) => renderError(main, new ApiError(404, {})));

async function start() {
  await initI18n();
  await loadSession();
  renderLanguagePicker();
  renderTopBar();
  onSessionChange(renderTopBar);
  onSessionChange(followNotifications);
  followNotifications(currentUser());
  onLanguageChange(() => { renderLanguagePicker(); renderTopBar(); renderCurrent(); });
  await startRouter(document.getElementById('main'));
  document.body.dataset.ready = 'true';
}

start().catch((error) => renderError(document.getElementById('main'), error));
