import { api, el, formatDate, setSafeHtml, toast } from './dom.js';

const FIELDS = ['question', 'answer', 'category', 'tags', 'difficulty'];

/** What the team changed about a question, as badges in its meta line. */
export function overlayBadges(q) {
  return [
    q.hidden && el('span', { class: 'badge hidden-q', title: 'never posted' }, 'hidden'),
    q.edited && el('span', { class: 'badge edited', title: 'an override kept in the store' }, 'edited'),
    q.suggestedBy && el('span', { class: 'badge added' }, `suggested by ${q.suggestedBy}`),
  ];
}

/** Edit / Hide (or Unhide) / Revert for admins, and the edit form with the original beside it. */
export function adminControls(q, onChanged) {
  const panel = el('div', { class: 'edit-panel', hidden: true });
  const path = (what) => `/api/bank/${encodeURIComponent(q.id)}/${what}`;
  const run = async (what, body = {}) => {
    try {
      await api(path(what), body);
      toast(DONE[what]);
      await onChanged();
    } catch (err) {
      toast(err.message, 'error');
    }
  };
  const edit = el('button', { type: 'button', class: 'btn btn-secondary', 'aria-expanded': 'false' }, q.edited ? 'Edit (edited)' : 'Edit');
  edit.addEventListener('click', async () => {
    const open = panel.hidden;
    panel.hidden = !open;
    edit.setAttribute('aria-expanded', String(open));
    if (!open) return;
    try {
      panel.replaceChildren(editForm(await api(path('entry')), (body) => run('edit', body)));
    } catch (err) {
      toast(err.message, 'error');
    }
  });
  const hide = el('button', { type: 'button', class: 'btn btn-secondary' }, q.hidden ? 'Unhide' : 'Hide');
  hide.addEventListener('click', () => run(q.hidden ? 'unhide' : 'hide'));
  const revert = q.edited && el('button', { type: 'button', class: 'btn btn-secondary' }, 'Revert to the file');
  if (revert) revert.addEventListener('click', () => run('revert'));
  return el('div', { class: 'admin-controls' }, el('div', { class: 'actions' }, edit, hide, revert), panel);
}

const DONE = {
  edit: 'Saved: every process serves the edit; the file is unchanged.',
  hide: 'Hidden: it is never posted.',
  unhide: 'Unhidden: it can be posted again.',
  revert: 'Reverted: the question is as its file has it.',
};

/** The form, prefilled with the question as served; only fields that differ from it are sent. */
function editForm(entry, save) {
  const now = entry.now;
  const value = (name) => (name === 'tags' ? now.tags.join(', ') : (now[name] ?? ''));
  const input = (name, label, multiline) => {
    const id = `edit-${entry.id}-${name}`;
    const attrs = { id, name, class: 'edit-input' };
    const control = multiline ? el('textarea', { ...attrs, rows: name === 'answer' ? 8 : 2 }) : el('input', { ...attrs, type: 'text' });
    control.value = value(name);
    return el('div', { class: 'field' }, el('label', { for: id }, label), control);
  };
  const difficulty = el(
    'select',
    { id: `edit-${entry.id}-difficulty`, name: 'difficulty', class: 'edit-input' },
    ['', 'easy', 'medium', 'hard'].map((d) => el('option', { value: d, selected: (now.difficulty ?? '') === d }, d || 'none')),
  );
  const form = el(
    'form',
    { class: 'edit-form' },
    input('question', 'Question (Markdown)', true),
    input('answer', 'Answer (Markdown; empty for a discussion question)', true),
    input('category', 'Category (empty for none)', false),
    input('tags', 'Tags, comma-separated', false),
    el('div', { class: 'field' }, el('label', { for: difficulty.id }, 'Difficulty'), difficulty),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'btn btn-primary' }, 'Save for everyone')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {};
    for (const name of FIELDS) {
      const typed = form.elements[name].value;
      if (typed.trim() !== String(value(name)).trim()) body[name] = typed;
    }
    if (Object.keys(body).length === 0) return toast('Nothing changed.', 'error');
    save(body);
  });
  return el('div', { class: 'edit-grid' }, el('div', {}, el('h4', {}, 'As served'), form), entry.original ? original(entry) : notes(entry));
}

/** The question as its file has it, beside the form, for an edited question. */
function original(entry) {
  const o = entry.original;
  return el(
    'div',
    { class: 'original' },
    el('h4', {}, 'Original (from the file)'),
    el('p', { class: 'muted' }, `Edited by ${entry.override.by} on ${formatDate(entry.override.at)}.`),
    setSafeHtml(el('div', { class: 'md' }), o.questionHtml),
    o.answerHtml ? setSafeHtml(el('div', { class: 'md' }), o.answerHtml) : el('p', { class: 'muted' }, 'No answer: a discussion question.'),
    el(
      'p',
      { class: 'meta' },
      o.category && el('span', { class: 'category' }, o.category),
      o.tags.map((t) => el('span', { class: 'tag' }, t)),
    ),
    notes(entry),
  );
}

function notes(entry) {
  return el(
    'div',
    { class: 'muted' },
    entry.hidden && el('p', {}, `Hidden by ${entry.hidden.by} on ${formatDate(entry.hidden.at)}: never posted.`),
    entry.added && el('p', {}, `Suggested by ${entry.added.suggestedBy}, approved by ${entry.added.by}; kept in the store until exported.`),
  );
}
