import { adminControls, overlayBadges } from './bank-edit.js';
import { api, debounce, el, setSafeHtml, toast } from './dom.js';

const PAGE = 50;

/** Every question, searchable and filterable, with its source lines, the loader's warnings and previews. */
export function createBankView() {
  const form = document.getElementById('bank-filters');
  const list = document.getElementById('bank-list');
  const more = document.getElementById('bank-more');
  const count = document.getElementById('bank-count');
  let offset = 0;
  let facetsShown = false;

  const reload = () => load(true).catch((err) => toast(err.message, 'error'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    reload();
  });
  // Typing searches as it goes; `change` also fires when the search box loses focus, which must not redraw.
  form.addEventListener('change', (event) => {
    if (event.target.tagName === 'SELECT') reload();
  });
  document.getElementById('bank-q').addEventListener('input', debounce(reload, 250));
  more.addEventListener('click', () => load(false).catch((err) => toast(err.message, 'error')));

  async function load(reset) {
    if (reset) offset = 0;
    const params = new URLSearchParams(new FormData(form));
    params.set('offset', String(offset));
    params.set('limit', String(PAGE));
    const data = await api(`/api/bank?${params}`);
    if (!facetsShown) showFacets(data);
    document.getElementById('bank-changes-field').hidden = !data.admin;
    const items = data.questions.map((q) => questionItem(q, data.admin ? reload : null));
    if (reset) list.replaceChildren(...items);
    else list.append(...items);
    offset += data.questions.length;
    count.textContent = data.total === 0 ? 'No question matches.' : `Showing ${offset} of ${data.total} questions.`;
    more.hidden = offset >= data.total;
    showWarnings(data.warnings);
  }

  function showFacets(data) {
    facetsShown = true;
    const category = document.getElementById('bank-category');
    category.append(...data.categories.map((c) => el('option', { value: c.name }, `${c.name} (${c.questions})`)));
    const tag = document.getElementById('bank-tag');
    tag.append(...data.tags.map((t) => el('option', { value: t.name }, `${t.name} (${t.questions})`)));
  }

  function showWarnings(warnings) {
    document.getElementById('bank-warnings-title').textContent = `Loader warnings (${warnings.length})`;
    const target = document.getElementById('bank-warnings-list');
    if (warnings.length === 0) return target.replaceChildren(el('li', { class: 'muted' }, 'None: every file was read cleanly.'));
    target.replaceChildren(...warnings.map((w) => el('li', {}, el('code', {}, `${w.file}:${w.line}`), `: ${w.message}`)));
  }

  return { refresh: () => (list.childElementCount === 0 ? load(true) : Promise.resolve()) };
}

/** `onChanged`: set for admins, who get Edit / Hide / Revert; called after a change to redraw the list. */
function questionItem(q, onChanged) {
  const panelId = `preview-${q.id}`;
  const panel = el('div', { id: panelId, class: 'preview', hidden: true });
  const toggle = el('button', { type: 'button', class: 'btn btn-secondary', 'aria-expanded': 'false', 'aria-controls': panelId }, 'Preview on Discord and Slack');
  toggle.addEventListener('click', async () => {
    const open = panel.hidden;
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open && panel.childElementCount === 0) {
      try {
        panel.replaceChildren(preview(await api(`/api/bank/${encodeURIComponent(q.id)}/preview`)));
      } catch (err) {
        toast(err.message, 'error');
      }
    }
  });
  return el(
    'li',
    { class: 'question-item', dataset: { id: q.id } },
    setSafeHtml(el('div', { class: 'md question-text' }), q.html),
    el(
      'p',
      { class: 'meta' },
      el('span', { class: `badge ${q.answered ? 'ok' : 'open'}` }, q.answered ? 'answered' : 'unanswered'),
      q.category && el('span', { class: 'category' }, q.category),
      q.tags.map((t) => el('span', { class: 'tag' }, t)),
      q.hints > 0 && el('span', { class: 'muted' }, `${q.hints} ${q.hints === 1 ? 'hint' : 'hints'}`),
      overlayBadges(q),
      el('code', { class: 'qid', title: 'question id' }, q.id),
    ),
    el(
      'p',
      { class: 'sources' },
      'Source: ',
      q.sources.length === 0 && 'kept in the store (export it with npm run bank -- export)',
      q.sources.map((s, i) => [i > 0 ? ', ' : '', el('code', {}, `${s.file}:${s.line}`)]),
    ),
    toggle,
    onChanged && adminControls(q, onChanged),
    panel,
  );
}

function preview(data) {
  const column = (title, cls, chunks) =>
    el(
      'div',
      { class: `platform ${cls}` },
      el('h4', {}, title),
      chunks.map((c, i) =>
        el(
          'div',
          { class: 'platform-msg' },
          chunks.length > 1 && el('p', { class: 'muted' }, `Message ${i + 1} of ${chunks.length}`),
          setSafeHtml(el('div', { class: 'md' }), c.html),
        ),
      ),
      el(
        'details',
        {},
        el('summary', {}, 'The text as sent'),
        chunks.map((c) => el('pre', { class: 'raw' }, c.text)),
      ),
    );
  return el('div', { class: 'preview-grid' }, column('Discord', 'discord', data.discord), column('Slack', 'slack', data.slack));
}
