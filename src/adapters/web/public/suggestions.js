import { api, el, toast, withCode } from './dom.js';

/** The Suggestions page: pending ones with Approve / Edit / Reject (a reason, told to the author), the last decided, top contributors. */
export function createSuggestionsView({ person }) {
  const target = document.getElementById('suggestions');

  // Opening the page and a decision can each start a refresh; an older answer arriving last must not
  // bring back a decided item (and wipe a reason being typed), so only the latest request renders.
  let latest = 0;
  // Any change in the channel re-renders the visible view: a reason being typed survives it, focus included.
  const reasons = new Map();
  // Open edit forms, by suggestion, with what is typed in them: kept across re-renders like the reasons.
  const drafts = new Map();
  async function refresh() {
    const mine = ++latest;
    const data = await api('/api/suggestions');
    if (mine !== latest) return;
    const typingIn = document.activeElement?.dataset?.reasonFor;
    const editingIn = document.activeElement?.dataset?.editFor;
    const editingField = document.activeElement?.name;
    if (data.workspaces.length === 0) {
      target.replaceChildren(el('p', { class: 'muted' }, withCode('No suggestions yet. Anyone can suggest a question with `suggest`.')));
      return;
    }
    target.replaceChildren(...data.workspaces.map((w) => workspace(w, data.admin)));
    if (typingIn) target.querySelector(`input[data-reason-for="${CSS.escape(typingIn)}"]`)?.focus();
    if (editingIn) target.querySelector(`[data-edit-for="${CSS.escape(editingIn)}"][name="${CSS.escape(editingField ?? '')}"]`)?.focus();
  }

  async function decide(w, s, decision, reason) {
    try {
      await api('/api/suggestions/decide', { user: person.name, workspace: w.workspace, id: s.id, decision, ...(reason ? { reason } : {}) });
      toast(decision === 'approve' ? `Approved ${s.id}: it is in the bank.` : `Rejected ${s.id}; ${s.author} is told why.`);
      await refresh();
    } catch (err) {
      toast(err.message, 'error');
    }
  }

  async function save(w, s, key, draft) {
    try {
      await api('/api/suggestions/edit', { user: person.name, workspace: w.workspace, id: s.id, ...draft });
      drafts.delete(key);
      toast(`Saved ${s.id}; it is still pending: approve it when ready.`);
      await refresh();
    } catch (err) {
      toast(err.message, 'error');
    }
  }

  /** The suggestion's fields to change before approving, prefilled; what is typed survives re-renders. */
  function editForm(w, s, key) {
    const draft = drafts.get(key);
    const control = (name, label, kind) => {
      const id = `suggestion-${s.id}-${name}`;
      const attrs = { id, name, class: 'edit-input', dataset: { editFor: key }, oninput: (event) => (draft[name] = event.target.value) };
      const input =
        kind === 'select'
          ? el(
              'select',
              { ...attrs, onchange: attrs.oninput },
              ['', 'easy', 'medium', 'hard'].map((d) => el('option', { value: d, selected: draft.difficulty === d }, d || 'none')),
            )
          : kind === 'long'
            ? el('textarea', { ...attrs, rows: name === 'answer' ? 5 : 2 })
            : el('input', { ...attrs, type: 'text' });
      if (kind !== 'select') input.value = draft[name];
      return el('div', { class: 'field' }, el('label', { for: id }, label), input);
    };
    const form = el(
      'form',
      { class: 'edit-form', 'aria-label': `Edit suggestion ${s.id}` },
      control('question', 'Question', 'long'),
      control('answer', 'Answer (empty: a discussion question)', 'long'),
      control('category', 'Category', 'short'),
      control('tags', 'Tags, comma-separated', 'short'),
      control('difficulty', 'Difficulty', 'select'),
      el(
        'div',
        { class: 'actions' },
        el('button', { type: 'submit', class: 'btn btn-primary' }, 'Save'),
        el(
          'button',
          {
            type: 'button',
            class: 'btn btn-secondary',
            onclick: () => {
              drafts.delete(key);
              refresh();
            },
          },
          'Cancel',
        ),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      save(w, s, key, { ...draft });
    });
    return form;
  }

  function workspace(w, admin) {
    return el(
      'section',
      { class: 'card suggestions-workspace', 'aria-label': `Suggestions in ${w.workspace}` },
      el('h3', {}, w.platform === 'web' ? 'Playground' : w.workspace),
      admin ? el('h4', {}, `Pending (${w.pending.length})`) : el('p', { class: 'muted' }, 'Admins see the pending suggestions here.'),
      admin &&
        (w.pending.length === 0
          ? el('p', { class: 'muted' }, 'Nothing waiting.')
          : el(
              'ul',
              { class: 'suggestion-list' },
              w.pending.map((s) => pendingItem(w, s)),
            )),
      admin && w.decided.length > 0 && el('h4', {}, 'Decided lately'),
      admin &&
        el(
          'ul',
          { class: 'suggestion-list decided' },
          w.decided.map((s) => el('li', {}, `${s.id} · ${s.state} · ${s.question} — ${s.author}`)),
        ),
      el('h4', {}, 'Top contributors'),
      w.contributors.length === 0
        ? el('p', { class: 'muted' }, 'No suggestion approved yet.')
        : el(
            'ol',
            { class: 'contributors' },
            w.contributors.map((c) => el('li', {}, `${c.name}: ${c.count} ${c.count === 1 ? 'question' : 'questions'}`)),
          ),
    );
  }

  function pendingItem(w, s) {
    const key = `${w.workspace} ${s.id}`;
    const reason = el('input', {
      type: 'text',
      maxlength: 500,
      placeholder: 'Why (told to the author)',
      'aria-label': `Reason to reject ${s.id}`,
      dataset: { reasonFor: key },
      value: reasons.get(key) ?? '',
      oninput: (event) => reasons.set(key, event.target.value),
    });
    const editing = drafts.has(key);
    return el(
      'li',
      { class: 'suggestion', dataset: { id: s.id } },
      el('p', { class: 'suggestion-q' }, el('strong', {}, s.id), ' ', s.question),
      el('p', {}, el('span', { class: 'muted' }, 'Answer: '), s.answer ?? '(a discussion question)'),
      el(
        'p',
        { class: 'muted' },
        [s.category && `Category: ${s.category}`, s.tags.length > 0 && `Tags: ${s.tags.join(', ')}`, s.difficulty, `suggested by ${s.author}`].filter(Boolean).join(' · '),
      ),
      el(
        'div',
        { class: 'actions' },
        el('button', { type: 'button', class: 'btn btn-success', onclick: () => decide(w, s, 'approve') }, 'Approve'),
        el(
          'button',
          {
            type: 'button',
            class: 'btn btn-secondary',
            'aria-expanded': String(editing),
            onclick: () => {
              if (editing) drafts.delete(key);
              else drafts.set(key, { question: s.question, answer: s.answer ?? '', category: s.category ?? '', tags: s.tags.join(', '), difficulty: s.difficulty ?? '' });
              refresh();
            },
          },
          'Edit',
        ),
        reason,
        el(
          'button',
          {
            type: 'button',
            class: 'btn btn-danger',
            onclick: () => {
              if (!reason.value.trim()) {
                toast('Say why first: the author is told.', 'error');
                reason.focus();
                return;
              }
              decide(w, s, 'reject', reason.value.trim());
            },
          },
          'Reject',
        ),
      ),
      editing && editForm(w, s, key),
    );
  }

  return { refresh };
}
