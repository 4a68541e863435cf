import { api, h } from './api.js';
import { t } from './i18n.js';

const when = (s) => (s ? new Date(s).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }) : '–');
const status = (s) => h('span', { class: 'badge status-' + s }, t('status.' + s));

export async function casesPage(view, q = '', st = '') {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (st) params.set('status', st);
  const { data } = await api('GET', '/cases?' + params);
  const input = h('input', { id: 'case-search', type: 'search', value: q, placeholder: t('cases.search') });
  const select = h('select', { id: 'case-status' }, h('option', { value: '' }, t('cases.all')),
    ['open', 'waiting', 'claimed', 'closed'].map((s) => h('option', { value: s, selected: s === st }, t('status.' + s))));
  const form = h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); casesPage(view, input.value, select.value); } },
    input, select, h('button', { type: 'submit', class: 'primary' }, t('cases.find')));
  view.replaceChildren(
    h('h1', {}, t('cases.title')), form,
    h('p', { class: 'muted' }, t('cases.found', { n: data.total })),
    h('table', { class: 'list', id: 'case-list' },
      h('thead', {}, h('tr', {}, ['cases.no', 'cases.status', 'cases.priority', 'cases.name', 'cases.flags', 'cases.opened'].map((k) => h('th', {}, t(k))))),
      h('tbody', {}, data.cases.map((c) => h('tr', {},
        h('td', {}, h('a', { href: '#/cases/' + c.id }, '#' + c.id)), h('td', {}, status(c.status)), h('td', {}, c.priority),
        h('td', {}, c.name ?? '–'), h('td', {}, c.flags.map((f) => h('span', { class: 'badge flag-' + f }, f))), h('td', {}, when(c.opened_at)))))),
  );
}

function kv(obj, labels) {
  if (!obj || Object.keys(obj).length === 0) return h('p', { class: 'muted' }, t('common.none'));
  const label = (k) => (labels && labels[k] && (labels[k][document.documentElement.lang] || labels[k].id)) || k;
  return h('dl', { class: 'kv' }, Object.entries(obj).map(([k, v]) => [h('dt', {}, label(k)), h('dd', {}, typeof v === 'object' ? JSON.stringify(v) : String(v))]));
}

export async function casePage(view, id) {
  const { data: c } = await api('GET', '/cases/' + encodeURIComponent(id));
  view.replaceChildren(
    h('p', {}, h('a', { href: '#/cases' }, t('case.back'))),
    h('h1', {}, '#' + c.id, ' ', status(c.status), ' ', c.flags.map((f) => h('span', { class: 'badge flag-' + f }, f))),
    h('p', { class: 'muted' }, t('case.audited')),
    h('div', { class: 'grid2' },
      h('section', { class: 'panel' }, h('h2', {}, t('case.intake')), kv(c.intake, c.intake_labels)),
      h('section', { class: 'panel' }, h('h2', {}, t('case.story')),
        Array.isArray(c.story) && c.story.length ? h('ol', { class: 'story' }, c.story.map((s) => h('li', {}, s))) : h('p', { class: 'muted' }, t('common.none')))),
    h('div', { class: 'grid2' },
      h('section', { class: 'panel' }, h('h2', {}, t('case.transcript')),
        h('div', { class: 'chat' }, c.transcript.map((m) => h('div', { class: 'bubble ' + (m.direction === 'in' ? 'family' : 'bot') },
          h('div', { class: 'who' }, (m.direction === 'in' ? t('case.family') : t('case.bot')) + ' · ' + when(m.at)), m.text ?? '[' + m.kind + ']')))),
      h('div', {},
        h('section', { class: 'panel' }, h('h2', {}, t('case.notes')),
          c.notes.length ? h('ul', {}, c.notes.map((n) => h('li', {}, when(n.at) + ' — ' + n.text))) : h('p', { class: 'muted' }, t('common.none'))),
        h('section', { class: 'panel' }, h('h2', {}, t('case.history')),
          h('ul', { class: 'timeline' }, c.history.map((e) => h('li', {}, h('b', {}, t('event.' + e.event) === 'event.' + e.event ? e.event : t('event.' + e.event)), ' ', when(e.at), e.detail ? ' — ' + e.detail : '')))))),
  );
}
