import { api, h } from './api.js';
import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...kids) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const k of kids) el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  return el;
}

/** A plain bar chart: one bar per day, the value on hover, first and last date below. */
function bars(days, key, colour, label) {
  const w = 600, hgt = 140, pad = 20;
  const max = Math.max(1, ...days.map((d) => d[key] || 0));
  const bw = (w - pad * 2) / days.length;
  const chart = svg('svg', { viewBox: `0 0 ${w} ${hgt + 24}`, class: 'chart', role: 'img', 'aria-label': label });
  chart.append(svg('line', { x1: pad, y1: hgt, x2: w - pad, y2: hgt, stroke: '#c9ced6' }));
  days.forEach((d, i) => {
    const v = d[key] || 0;
    const bh = (v / max) * (hgt - 10);
    const rect = svg('rect', { x: pad + i * bw + 2, y: hgt - bh, width: Math.max(1, bw - 4), height: bh, rx: 2, fill: colour });
    rect.append(svg('title', {}, `${d.date}: ${d[key] ?? '–'}`));
    chart.append(rect);
  });
  chart.append(svg('text', { x: pad, y: hgt + 18, class: 'axis' }, days[0].date));
  chart.append(svg('text', { x: w - pad, y: hgt + 18, class: 'axis', 'text-anchor': 'end' }, days[days.length - 1].date));
  chart.append(svg('text', { x: pad, y: 12, class: 'axis' }, String(max)));
  return chart;
}

function card(id, label, value, unit, tone) {
  return h('div', { class: 'card' + (tone ? ' ' + tone : ''), id },
    h('div', { class: 'card-value' }, value === null || value === undefined ? '–' : String(value), unit ? h('small', {}, ' ' + unit) : null),
    h('div', { class: 'card-label' }, label));
}

export async function dashboardPage(view) {
  const { data: d } = await api('GET', '/dashboard');
  const del = d.delivery || {};
  view.replaceChildren(
    h('h1', {}, t('dash.title')),
    h('div', { class: 'cards' },
      card('stat-conversations', t('dash.conversations'), d.conversations_today),
      card('stat-handoffs', t('dash.handoffs'), d.handoffs_today),
      card('stat-crisis', t('dash.crisis'), d.crisis_today, null, d.crisis_today > 0 ? 'alert' : ''),
      card('stat-queue', t('dash.queue'), d.queue_now, null, d.queue_now > 0 ? 'warn' : ''),
      card('stat-median', t('dash.median'), d.time_to_claim.median_minutes, t('dash.minutes')),
      card('stat-p90', t('dash.p90'), d.time_to_claim.p90_minutes, t('dash.minutes'))),
    h('div', { class: 'grid2' },
      h('section', { class: 'panel' }, h('h2', {}, t('dash.perDay')), bars(d.days, 'conversations', '#5b8def', t('dash.perDay'))),
      h('section', { class: 'panel' }, h('h2', {}, t('dash.claimPerDay')), bars(d.days, 'median_claim_minutes', '#48a887', t('dash.claimPerDay')))),
    h('div', { class: 'grid2' },
      h('section', { class: 'panel' }, h('h2', {}, t('dash.dropoffs')),
        d.dropoffs.length === 0 ? h('p', { class: 'muted' }, t('common.none')) :
          h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('dash.script')), h('th', {}, t('dash.node')), h('th', {}, t('dash.how')), h('th', { class: 'num' }, t('dash.count')))),
            h('tbody', {}, d.dropoffs.map((x) => h('tr', {}, h('td', {}, x.script), h('td', {}, x.node), h('td', {}, t('dash.how.' + x.how)), h('td', { class: 'num' }, x.count)))))),
      h('section', { class: 'panel', id: 'delivery' }, h('h2', {}, t('dash.delivery')),
        h('table', {}, h('tbody', {},
          h('tr', {}, h('td', {}, t('dash.transport')), h('td', { class: 'num' }, `${del.transport ?? '–'} (${del.mode ?? ''})`)),
          h('tr', {}, h('td', {}, t('dash.inbox')), h('td', { class: 'num' }, del.inbox_backlog ?? '–')),
          h('tr', {}, h('td', {}, t('dash.outbox')), h('td', { class: 'num' }, del.outbox_backlog ?? '–')),
          h('tr', {}, h('td', {}, t('dash.sent')), h('td', { class: 'num' }, del.sent ?? '–')),
          h('tr', {}, h('td', {}, t('dash.429')), h('td', { class: 'num' }, del.too_many_requests ?? '–')),
          h('tr', {}, h('td', {}, t('dash.failed')), h('td', { class: 'num' }, del.failed ?? '–')))))),
  );
}
