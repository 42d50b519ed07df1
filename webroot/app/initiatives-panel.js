import { h } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { addGroupPanel } from './panels.js';
import { withLang, localText, bdi } from './portal.js';

// The group page's regional initiatives and projects: the work this group's Questions feed.
addGroupPanel(async (main, ws) => {
  const [initiatives, projects] = await Promise.all([
    api.get(withLang(`/api/initiatives?group=${ws.id}&limit=200`)),
    api.get(withLang(`/api/projects?group=${ws.id}&limit=200`))]);
  if (!initiatives.total && !projects.total) return null;
  // The portal's pages are loaded on first use (main.js); most groups have no project to show.
  const { projectItem } = projects.items.length ? await import('./pages/initiatives.js') : {};
  return h('section', { 'aria-labelledby': 'group-initiatives-h', id: 'group-initiatives' },
    h('h2', { id: 'group-initiatives-h' }, t('portal.linked')),
    initiatives.items.length ? h('ul', { class: 'initiative-list' }, initiatives.items.map((i) => h('li', {},
      h('a', { href: `#/initiatives/${i.id}` }, h('strong', { class: 'code' }, bdi(i.code)), ' ', localText(i.title)), ' ',
      h('span', { class: 'badge' }, bdi(i.cycle.name || i.cycle.code))))) : null,
    projects.items.length ? h('ul', { class: 'project-list' }, projects.items.map((p) => projectItem(p))) : null);
});
