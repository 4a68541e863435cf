// "Layanan / Service": the help contacts, referral directory and office hours of service.yaml
// as forms. A save sends only the sections that changed; the server rewrites them in the YAML,
// checks the file like any edit and publishes it as a new version (history and rollback below).
import { api, h } from './api.js';
import { t } from './i18n.js';

const when = (iso) => new Date(iso).toLocaleString();

/** A list of rows, each a set of inputs bound to one object; rows can be added, removed and moved. */
function rowsEditor(name, rows, fields, blank) {
  const box = h('div', { class: 'rows', 'data-section': name });
  const draw = () => {
    box.replaceChildren(
      ...rows.map((row, i) => h('div', { class: 'form-row', 'data-row': i },
        ...fields.map(([path, label, attrs]) => {
          const [a, b] = path.split('.');
          const value = b ? (row[a] && row[a][b]) ?? '' : row[a] ?? '';
          return h('label', { class: 'field' }, h('span', {}, t(label)), h('input', {
            type: 'text', value, 'data-field': path, ...(attrs || {}),
            oninput: (e) => {
              if (b) {
                row[a] = row[a] && typeof row[a] === 'object' ? row[a] : {};
                row[a][b] = e.target.value;
              } else row[a] = e.target.value;
            },
          }));
        }),
        h('span', { class: 'row-actions' },
          h('button', { type: 'button', class: 'link', title: t('svc.up'), disabled: i === 0, onclick: () => { [rows[i - 1], rows[i]] = [rows[i], rows[i - 1]]; draw(); } }, '↑'),
          h('button', { type: 'button', class: 'link', title: t('svc.down'), disabled: i === rows.length - 1, onclick: () => { [rows[i + 1], rows[i]] = [rows[i], rows[i + 1]]; draw(); } }, '↓'),
          h('button', { type: 'button', class: 'link remove', title: t('svc.remove'), onclick: () => { rows.splice(i, 1); draw(); } }, '✕')))),
      h('button', { type: 'button', class: 'add', onclick: () => { rows.push(blank()); draw(); } }, t('svc.add')));
  };
  draw();
  return box;
}

export async function servicePage(view, me) {
  const { data } = await api('GET', '/service');
  const isAdmin = me && me.role === 'admin';
  const original = JSON.stringify(data.sections);
  const s = JSON.parse(original);
  s.help_contacts = s.help_contacts || [];
  s.referrals = s.referrals || [];
  const hours = s.office_hours || { timezone: 'Asia/Jakarta', weekly: [], holidays: [] };
  hours.weekly = hours.weekly || [];
  const holidays = (hours.holidays || []).map((d) => ({ date: d }));
  const before = JSON.parse(original);

  const problemsOf = {};
  const section = (key, title, hint, body) => {
    problemsOf[key] = h('ul', { class: 'problems-list', id: 'problems-' + key });
    return h('section', { class: 'panel', id: 'section-' + key }, h('h2', {}, t(title)), h('p', { class: 'muted small' }, t(hint)), problemsOf[key], body);
  };

  const contacts = rowsEditor('help_contacts', s.help_contacts, [
    ['name', 'svc.name'], ['phone', 'svc.phone'], ['whatsapp', 'svc.whatsapp'], ['what.id', 'svc.whatId'], ['what.en', 'svc.whatEn'],
  ], () => ({ name: '', phone: '', what: { id: '', en: '' } }));
  const referrals = rowsEditor('referrals', s.referrals, [
    ['id', 'svc.refId'], ['name', 'svc.name'], ['phone', 'svc.contact'], ['address', 'svc.address'], ['note.id', 'svc.whatId'], ['note.en', 'svc.whatEn'],
  ], () => ({ id: '', name: '', phone: '', note: { id: '', en: '' } }));
  const weekly = rowsEditor('weekly', hours.weekly, [
    ['days', 'svc.days', { placeholder: 'mon-fri' }], ['from', 'svc.from', { placeholder: '08:00' }], ['to', 'svc.to', { placeholder: '16:00' }],
  ], () => ({ days: 'mon-fri', from: '08:00', to: '16:00' }));
  const holidayRows = rowsEditor('holidays', holidays, [['date', 'svc.holiday', { placeholder: '2026-12-25' }]], () => ({ date: '' }));
  const tz = h('input', { type: 'text', id: 'timezone', value: hours.timezone || '', oninput: (e) => { hours.timezone = e.target.value; } });

  const message = h('p', { id: 'service-message' });
  const top = h('ul', { class: 'problems-list', id: 'problems-top' });
  const comment = h('input', { type: 'text', id: 'service-comment', placeholder: t('svc.comment') });
  const save = async () => {
    for (const ul of [top, ...Object.values(problemsOf)]) ul.replaceChildren();
    for (const el of view.querySelectorAll('input.invalid')) el.classList.remove('invalid');
    hours.holidays = holidays.map((x) => x.date).filter((x) => x && x.trim());
    const edited = { help_contacts: s.help_contacts, referrals: s.referrals, office_hours: hours };
    const body = { comment: comment.value };
    for (const k of Object.keys(edited)) if (JSON.stringify(edited[k]) !== JSON.stringify(before[k] ?? null)) body[k] = edited[k];
    if (Object.keys(body).length === 1) {
      message.className = 'muted';
      message.textContent = t('svc.unchanged');
      return;
    }
    const r = await api('POST', '/service', body);
    if (r.status === 201) {
      message.className = 'ok';
      message.textContent = t('svc.saved', { v: r.data.version });
      await servicePage(view, me);
      document.getElementById('service-message').className = 'ok';
      document.getElementById('service-message').textContent = t('svc.saved', { v: r.data.version });
    } else if (r.data && r.data.unchanged) {
      message.className = 'muted';
      message.textContent = t('svc.unchanged');
    } else {
      message.className = 'error';
      message.textContent = t('svc.notSaved');
      for (const p of r.data.problems || []) {
        const where = problemsOf[p.section] || top;
        const text = p.section && p.message.startsWith(p.section + ': ') ? p.message.slice(p.section.length + 2) : p.message;
        where.append(h('li', { class: 'problem' }, text));
        // Mark the field holding the value the problem quotes, so it is found beside its input.
        const box = document.getElementById('section-' + p.section);
        for (const m of text.matchAll(/'([^']+)'/g)) {
          for (const input of box ? box.querySelectorAll('input') : []) if (input.value.trim() === m[1]) input.classList.add('invalid');
        }
      }
    }
  };

  const history = h('table', { class: 'list', id: 'service-history' }, h('tbody', {}, data.history.map((v) => h('tr', {},
    h('td', {}, h('b', {}, 'v' + v.version)), h('td', { class: 'nowrap' }, when(v.published_at)), h('td', {}, v.published_by), h('td', {}, v.comment ?? ''),
    h('td', {}, isAdmin && v.version !== data.version ? h('button', {
      class: 'link rollback', 'data-version': v.version,
      onclick: async () => {
        if (!confirm(t('hist.confirm', { v: v.version }))) return;
        const r = await api('POST', `/scripts/service/rollback/${v.version}`, {});
        await servicePage(view, me);
        const m = document.getElementById('service-message');
        m.className = r.status === 201 ? 'ok' : 'error';
        m.textContent = r.status === 201 ? t('hist.rolledBack', { v: v.version, n: r.data.version }) : t('svc.notSaved');
      },
    }, t('hist.rollback')) : null)))));

  view.replaceChildren(
    h('h1', {}, t('svc.title'), ' ', h('span', { class: 'muted small', id: 'service-version' }, t('scripts.version') + ' ' + data.version)),
    h('p', { class: 'muted' }, t('svc.intro')),
    top,
    section('help_contacts', 'svc.contacts', 'svc.contactsHint', contacts),
    section('referrals', 'svc.referrals', 'svc.referralsHint', referrals),
    section('office_hours', 'svc.hours', 'svc.hoursHint', h('div', {},
      h('label', { class: 'field' }, h('span', {}, t('svc.timezone')), tz),
      h('h2', {}, t('svc.weekly')), weekly, h('h2', {}, t('svc.holidays')), holidayRows)),
    isAdmin
      ? h('div', { class: 'publish-bar' }, comment, h('button', { class: 'primary', id: 'service-save', onclick: save }, t('svc.save')))
      : h('p', { class: 'muted' }, t('svc.viewerOnly')),
    message,
    h('section', { class: 'panel' }, h('h2', {}, t('ed.tab.history')), history),
  );
}
