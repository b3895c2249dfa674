import { adminControls, overlayBadges } from './bank-edit.js';
import { api, debounce, el, setSafeHtml, toast } from './dom.js';

const PAGE = 20;

/**
 * Every question, searchable and filterable, with its source lines, the loader's warnings and previews.
 * A page of 20 at a time, answers folded away until asked for: a bank of hundreds stays a page you can scan.
 */
export function createBankView() {
  const form = document.getElementById('bank-filters');
  const list = document.getElementById('bank-list');
  const count = document.getElementById('bank-count');
  const pager = document.getElementById('bank-pages');
  let page = 0;
  let total = 0;
  let facetsShown = false;

  const show = (n) => load(n).catch((err) => toast(err.message, 'error'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show(0);
  });
  // Typing searches as it goes; `change` also fires when the search box loses focus, which must not redraw.
  form.addEventListener('change', (event) => {
    if (event.target.tagName === 'SELECT') show(0);
  });
  document.getElementById('bank-q').addEventListener(
    'input',
    debounce(() => show(0), 250),
  );

  async function load(n) {
    const params = new URLSearchParams(new FormData(form));
    params.set('offset', String(n * PAGE));
    params.set('limit', String(PAGE));
    const data = await api(`/api/bank?${params}`);
    if (!facetsShown) showFacets(data);
    document.getElementById('bank-changes-field').hidden = !data.admin;
    page = n;
    total = data.total;
    // Admins get Edit / Hide / Revert; a change redraws the page they are on.
    list.replaceChildren(...data.questions.map((q) => questionItem(q, data.admin ? () => show(page) : null)));
    list.start = n * PAGE + 1;
    const first = n * PAGE + 1;
    const last = n * PAGE + data.questions.length;
    count.textContent = total === 0 ? 'No question matches.' : `Questions ${first}–${last} of ${total}.`;
    showPager();
    showWarnings(data.warnings);
  }

  function showPager() {
    const pages = Math.ceil(total / PAGE);
    pager.hidden = pages <= 1;
    if (pages <= 1) return pager.replaceChildren();
    const go = (n, label, text) =>
      el(
        'button',
        {
          type: 'button',
          class: 'btn btn-secondary',
          'aria-label': label,
          disabled: n < 0 || n >= pages,
          onclick: () => show(n).then(() => list.scrollIntoView({ block: 'start' })),
        },
        text,
      );
    pager.replaceChildren(
      go(page - 1, 'Previous page', '← Previous'),
      el('span', { class: 'muted', 'aria-current': 'page' }, `Page ${page + 1} of ${pages}`),
      go(page + 1, 'Next page', 'Next →'),
    );
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

  return { refresh: () => (list.childElementCount === 0 ? load(0) : Promise.resolve()) };
}

/** `onChanged`: set for admins, who get Edit / Hide / Revert; called after a change to redraw the list. */
function questionItem(q, onChanged) {
  const answer = el('div', { id: `answer-${q.id}`, class: 'answer md', hidden: true });
  if (q.answerHtml) setSafeHtml(answer, q.answerHtml);
  const answerToggle = q.answerHtml && toggleButton('Show answer', 'Hide answer', answer, () => undefined);
  const panel = el('div', { id: `preview-${q.id}`, class: 'preview', hidden: true });
  const previewToggle = toggleButton('Preview on Discord and Slack', 'Preview on Discord and Slack', panel, async () => {
    if (panel.childElementCount > 0) return;
    try {
      panel.replaceChildren(preview(await api(`/api/bank/${encodeURIComponent(q.id)}/preview`)));
    } catch (err) {
      toast(err.message, 'error');
    }
  });
  const admin = onChanged ? adminControls(q, onChanged) : null;
  // The admin's Edit / Hide buttons join the card's one row of actions; their edit form stays below it.
  const adminButtons = admin ? [...(admin.querySelector('.actions')?.children ?? [])] : [];
  for (const b of adminButtons) b.classList.replace('btn-secondary', 'btn-small');
  return el(
    'li',
    { class: 'question-item', dataset: { id: q.id } },
    setSafeHtml(el('div', { class: 'md question-text' }), q.html),
    el(
      'div',
      { class: 'meta' },
      el('span', { class: `badge ${q.answered ? 'ok' : 'open'}` }, q.answered ? 'answered' : 'unanswered'),
      q.category && el('span', { class: 'category' }, q.category),
      q.tags.map((t) => el('span', { class: 'tag' }, t)),
      q.hints > 0 && el('span', { class: 'muted' }, `${q.hints} ${q.hints === 1 ? 'hint' : 'hints'}`),
      overlayBadges(q),
      el('code', { class: 'qid', title: 'question id' }, q.id),
      el(
        'span',
        { class: 'sources' },
        'Source: ',
        q.sources.length === 0 && 'kept in the store (export it with npm run bank -- export)',
        q.sources.map((s, i) => [i > 0 ? ', ' : '', el('code', {}, `${s.file}:${s.line}`)]),
      ),
      el('span', { class: 'item-actions' }, answerToggle, previewToggle, adminButtons),
    ),
    answer,
    admin,
    panel,
  );
}

/** A small button that shows and hides `target`, saying which it will do; `opened` runs on each opening. */
function toggleButton(showLabel, hideLabel, target, opened) {
  const button = el('button', { type: 'button', class: 'btn btn-small', 'aria-expanded': 'false', 'aria-controls': target.id }, showLabel);
  button.addEventListener('click', async () => {
    const open = target.hidden;
    target.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? hideLabel : showLabel;
    if (open) await opened();
  });
  return button;
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
