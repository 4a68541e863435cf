import './style.css';
import { api, setCsrf, h } from './api.js';
import { t, translatePage } from './i18n.js';
import { dashboardPage } from './dashboard.js';
import { scriptsPage, editorPage } from './scripts.js';
import { casesPage, casePage } from './cases.js';
import { servicePage } from './service.js';

const view = document.getElementById('view');
let me = null;

async function route() {
  const hash = location.hash || '#/dashboard';
  const parts = hash.slice(2).split('/').map(decodeURIComponent);
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', hash.startsWith(a.getAttribute('href')));
  view.replaceChildren(h('p', { class: 'muted' }, t('common.loading')));
  try {
    if (parts[0] === 'scripts' && parts[1]) await editorPage(view, parts[1], me);
    else if (parts[0] === 'scripts') await scriptsPage(view);
    else if (parts[0] === 'service') await servicePage(view, me);
    else if (parts[0] === 'cases' && parts[1]) await casePage(view, parts[1]);
    else if (parts[0] === 'cases') await casesPage(view);
    else await dashboardPage(view);
  } catch (e) {
    view.replaceChildren(h('p', { class: 'error' }, t('common.error') + e.message));
  }
}

async function main() {
  const r = await api('GET', '/me');
  me = r.data;
  setCsrf(me.csrf);
  document.getElementById('who').textContent = me.name + ' · ' + me.role;
  document.body.dataset.role = me.role;
  for (const el of document.querySelectorAll('[data-role="supervisor"]')) el.hidden = me.role === 'viewer';
  document.getElementById('logout').onclick = async () => {
    await api('POST', '/logout', {});
    location.href = '/console/login';
  };
  translatePage(route);
  window.addEventListener('hashchange', route);
  await route();
}

main();
