import { EditorView, basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter } from '@codemirror/lint';
import { diffLines } from 'diff';
import { api, h } from './api.js';
import { t, lang } from './i18n.js';

const when = (s) => (s ? new Date(s).toLocaleString(lang() === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }) : '–');

export async function scriptsPage(view) {
  const { data } = await api('GET', '/scripts');
  view.replaceChildren(
    h('h1', {}, t('scripts.title')),
    h('div', { class: 'script-list' }, data.scripts.map((s) => h('a', { class: 'panel script-item', href: '#/scripts/' + s.id },
      h('h2', {}, (s.title && (s.title[lang()] || s.title.id)) || s.id),
      h('p', { class: 'muted' }, `${s.id} · ${t('scripts.version')} ${s.version} · ${t('scripts.by')} ${s.published_by ?? '–'} · ${when(s.published_at)}`),
      s.comment ? h('p', {}, s.comment) : null))),
  );
}

let mermaidLib = null;
let graphSeq = 0;
async function drawGraph(el, text) {
  if (!text) {
    el.replaceChildren(h('p', { class: 'muted' }, t('ed.graphBroken')));
    return;
  }
  if (!mermaidLib) {
    mermaidLib = (await import('mermaid')).default;
    mermaidLib.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', flowchart: { htmlLabels: false } });
  }
  try {
    const { svg } = await mermaidLib.render('pintu-graph-' + ++graphSeq, text);
    el.innerHTML = svg; // mermaid sanitises its own output (securityLevel strict)
  } catch (e) {
    el.replaceChildren(h('p', { class: 'muted' }, t('ed.graphBroken')));
  }
}

/** Problems as CodeMirror diagnostics, each on its line (line 0 = the script as a whole: the first line). */
function diagnostics(doc, problems) {
  return problems.map((p) => {
    const line = doc.line(Math.min(Math.max(1, p.line || 1), doc.lines));
    const from = Math.min(line.to, line.from + Math.max(0, (p.column || 1) - 1));
    return { from, to: line.to, severity: 'error', message: (p.node ? `(${p.node}) ` : '') + p.message };
  });
}

export async function editorPage(view, id, me) {
  const { data: script } = await api('GET', '/scripts/' + encodeURIComponent(id));
  const isAdmin = me.role === 'admin';
  const problemsEl = h('div', { id: 'problems', class: 'problems' }, t('ed.checking'));
  const graphEl = h('div', { id: 'graph', class: 'graph' });
  const tryEl = h('div', { id: 'try', class: 'try' });
  const historyEl = h('div', { id: 'history' });
  const messageEl = h('p', { id: 'publish-message', role: 'status' });

  const check = async (v) => {
    const text = v.state.doc.toString();
    problemsEl.classList.add('checking');
    const { data } = await api('POST', '/scripts/' + encodeURIComponent(id) + '/check', { yaml: text });
    problemsEl.classList.remove('checking');
    showProblems(problemsEl, data.problems);
    drawGraph(graphEl, data.graph);
    return diagnostics(v.state.doc, data.problems);
  };

  const editorHost = h('div', { id: 'editor', class: 'editor' });
  const editor = new EditorView({
    doc: script.yaml,
    parent: editorHost,
    extensions: [basicSetup, yaml(), lintGutter(), linter(check, { delay: 500 }), EditorView.lineWrapping],
  });
  window.pintuEditor = editor; // for the end-to-end tests and for the curious

  const tabs = [['graph', graphEl], ['try', tryEl], ['history', historyEl]];
  const tabBar = h('div', { class: 'tabs', role: 'tablist' }, tabs.map(([name, el], i) => h('button', {
    class: 'tab' + (i === 0 ? ' active' : ''), id: 'tab-' + name, role: 'tab',
    onclick: (e) => {
      for (const b of tabBar.children) b.classList.remove('active');
      e.currentTarget.classList.add('active');
      for (const [, other] of tabs) other.hidden = other !== el;
    },
  }, t('ed.tab.' + name))));
  tryEl.hidden = true;
  historyEl.hidden = true;

  const comment = h('input', { id: 'publish-comment', type: 'text', placeholder: t('ed.comment'), disabled: !isAdmin });
  const publish = h('button', {
    id: 'publish', class: 'primary', disabled: !isAdmin,
    onclick: async () => {
      const r = await api('POST', '/scripts/' + encodeURIComponent(id) + '/publish', { yaml: editor.state.doc.toString(), comment: comment.value });
      if (r.status === 201) {
        messageEl.className = 'ok';
        messageEl.textContent = t('ed.published', { v: r.data.version });
        comment.value = '';
        await showHistory(historyEl, id, isAdmin, editor, messageEl);
      } else {
        messageEl.className = 'error';
        messageEl.textContent = t('ed.notPublished');
        showProblems(problemsEl, r.data.problems);
      }
    },
  }, t('ed.publish'));

  view.replaceChildren(
    h('h1', {}, id, ' ', h('span', { class: 'muted small', id: 'current-version' }, t('scripts.version') + ' ' + script.version)),
    h('div', { class: 'editor-layout' },
      h('div', { class: 'editor-col' }, editorHost,
        h('div', { class: 'publish-bar' }, comment, publish),
        isAdmin ? null : h('p', { class: 'muted' }, t('ed.viewerOnly')),
        messageEl,
        h('h2', {}, t('ed.problems')), problemsEl),
      h('div', { class: 'side-col' }, tabBar, graphEl, tryEl, historyEl)),
  );
  setupTry(tryEl, id, editor);
  await showHistory(historyEl, id, isAdmin, editor, messageEl);
}

function showProblems(el, problems) {
  if (!problems || problems.length === 0) {
    el.replaceChildren(h('p', { class: 'ok' }, t('ed.noProblems')));
    return;
  }
  el.replaceChildren(h('ul', {}, problems.map((p) => h('li', { class: 'problem' },
    p.line > 0 ? h('b', {}, `${t('ed.line')} ${p.line}: `) : null, (p.node ? `(${p.node}) ` : '') + p.message))));
}

function setupTry(el, id, editor) {
  let run = null;
  const chat = h('div', { class: 'chat', id: 'try-chat' });
  const buttons = h('div', { class: 'try-buttons', id: 'try-buttons' });
  const status = h('p', { class: 'try-status', id: 'try-status' });
  const input = h('input', { id: 'try-input', type: 'text', placeholder: t('try.placeholder') });

  const bubble = (who, text) => {
    chat.append(h('div', { class: 'bubble ' + who }, text));
    chat.scrollTop = chat.scrollHeight;
  };
  const show = (v) => {
    run = v.id;
    for (const m of v.messages) {
      if (m.text !== undefined) bubble('bot', m.text);
      else if (m.flag) chat.append(h('div', { class: 'flag-note' }, `${t('try.flag')}: ${m.flag} (${m.level})`));
    }
    buttons.replaceChildren(...v.buttons.map((b) => h('button', {
      class: 'choice', onclick: () => send({ choice: b.data }, b.label),
    }, b.label)));
    status.textContent = v.handoff ? t('try.handoff', v.handoff) : v.ended ? t('try.ended') : '';
    status.className = 'try-status' + (v.handoff ? ' handoff' : '');
  };
  const send = async (body, shown) => {
    if (!run) return;
    bubble('family', shown);
    const r = await api('POST', '/try/' + run, body).catch((e) => ({ status: e.status, data: e.body }));
    if (r.status === 200) show(r.data);
    else status.textContent = t('try.expired');
  };
  const start = async () => {
    chat.replaceChildren();
    buttons.replaceChildren();
    status.textContent = '';
    const r = await api('POST', '/try', { script: id, yaml: editor.state.doc.toString(), lang: lang() });
    if (r.status === 422) {
      status.textContent = t('try.fixFirst');
      return;
    }
    show(r.data);
  };
  const form = h('form', {
    class: 'try-form',
    onsubmit: (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      if (text.startsWith('/')) send({ command: text.slice(1) }, text);
      else send({ text }, text);
    },
  }, input, h('button', { type: 'submit' }, t('try.send')));
  el.replaceChildren(
    h('p', { class: 'muted' }, t('try.hint')),
    h('div', { class: 'toolbar' }, h('button', { id: 'try-start', class: 'primary', onclick: start }, t('try.start')),
      h('button', { id: 'try-counselor', onclick: () => send({ command: 'konselor' }, '/konselor') }, t('try.counselor'))),
    chat, buttons, form, status);
}

async function showHistory(el, id, isAdmin, editor, messageEl) {
  const { data } = await api('GET', '/scripts/' + encodeURIComponent(id));
  const versions = data.history;
  document.getElementById('current-version')?.replaceChildren(t('scripts.version') + ' ' + data.version);
  const pick = (name, v) => h('select', { id: 'diff-' + name }, versions.map((x) => h('option', { value: x.version, selected: x.version === v }, 'v' + x.version)));
  const a = pick('from', versions.length > 1 ? versions[1].version : versions[0].version);
  const b = pick('to', versions[0].version);
  const diffEl = h('pre', { class: 'diff', id: 'diff' });
  const compare = async () => {
    const [x, y] = await Promise.all([a.value, b.value].map((v) => api('GET', `/scripts/${encodeURIComponent(id)}/versions/${v}`)));
    const parts = diffLines(x.data.yaml, y.data.yaml);
    if (parts.every((p) => !p.added && !p.removed)) {
      diffEl.replaceChildren(t('hist.same'));
      return;
    }
    // changed lines in full; of unchanged stretches, three lines of context either side
    const lines = (p) => p.value.replace(/\n$/, '').split('\n');
    const out = [];
    parts.forEach((p, i) => {
      if (p.added || p.removed) {
        out.push(h('span', { class: p.added ? 'add' : 'del' }, lines(p).map((l) => (p.added ? '+ ' : '- ') + l + '\n').join('')));
        return;
      }
      let ls = lines(p);
      const head = i === 0 ? [] : ls.slice(0, 3);
      const tail = i === parts.length - 1 ? [] : ls.slice(-3);
      ls = ls.length <= 6 ? ls : [...head, '…', ...tail];
      if (i === 0 && ls.length > 3) ls = ['…', ...ls.slice(-3)];
      if (i === parts.length - 1 && ls.length > 3) ls = [...ls.slice(0, 3), '…'];
      out.push(h('span', { class: 'same' }, ls.map((l) => (l === '…' ? '  …' : '  ' + l) + '\n').join('')));
    });
    diffEl.replaceChildren(...out);
  };
  el.replaceChildren(
    h('div', { class: 'toolbar' }, t('hist.from'), a, t('hist.to'), b, h('button', { id: 'diff-compare', onclick: compare }, t('hist.compare'))),
    diffEl,
    h('table', { class: 'list', id: 'history-list' }, h('tbody', {}, versions.map((v) => h('tr', {},
      h('td', {}, h('b', {}, 'v' + v.version)), h('td', { class: 'nowrap' }, when(v.published_at)), h('td', {}, v.published_by), h('td', {}, v.comment ?? ''),
      h('td', {}, isAdmin && v.version !== data.version ? h('button', {
        class: 'link rollback', 'data-version': v.version,
        onclick: async () => {
          if (!confirm(t('hist.confirm', { v: v.version }))) return;
          const r = await api('POST', `/scripts/${encodeURIComponent(id)}/rollback/${v.version}`, {});
          if (r.status === 201) {
            messageEl.className = 'ok';
            messageEl.textContent = t('hist.rolledBack', { v: v.version, n: r.data.version });
            const now = await api('GET', `/scripts/${encodeURIComponent(id)}/versions/${r.data.version}`);
            editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: now.data.yaml } });
            await showHistory(el, id, isAdmin, editor, messageEl);
          } else {
            messageEl.className = 'error';
            messageEl.textContent = t('ed.notPublished');
          }
        },
      }, t('hist.rollback')) : null))))),
  );
}
