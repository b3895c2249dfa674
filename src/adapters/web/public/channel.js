import { api, el, formatTime, toast, withCode } from './dom.js';
import { renderBlocks, setServerNow, startCountdowns } from './blocks.js';
import { openModal } from './modal.js';

const EXAMPLES = ['help', 'practice', 'quiz count:3', 'quiz count:2 solo:yes', 'leaderboard', 'stats', 'team create Blue', 'team join Blue', 'daily status', 'bank stats'];

/** The playground channel: messages as the bot posts them, reactions, buttons, and the command box. */
export function createChannelView({ person, session }) {
  const list = document.getElementById('messages');
  const form = document.getElementById('composer');
  const input = document.getElementById('command-input');
  const chips = document.getElementById('command-chips');
  const openSpoilers = new Set();
  let busy = false;
  let rendered = false;

  document.getElementById('reveal-emoji').textContent = session.revealEmoji;
  startCountdowns(list);
  chips.replaceChildren(...EXAMPLES.map((text) => el('button', { type: 'button', class: 'chip', onclick: () => run(text) }, text)));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text) run(text).then(() => (input.value = ''));
  });

  async function run(text) {
    if (busy) return;
    busy = true;
    try {
      const answer = await api('/api/command', { user: person.name, text });
      if (answer.modal) await openModal(answer.modal, person);
      await refresh({ stick: true });
    } catch (err) {
      toast(err.message, 'error');
    } finally {
      busy = false;
      input.focus();
    }
  }

  async function press(messageId, action) {
    try {
      const answer = await api('/api/action', { user: person.name, messageId, action });
      if (answer.modal) await openModal(answer.modal, person);
      await refresh({ stick: true });
    } catch (err) {
      toast(err.message, 'error');
    }
  }

  async function react(messageId, emoji, remove) {
    try {
      await api('/api/reaction', { user: person.name, messageId, emoji, remove });
      await refresh({ stick: true });
    } catch (err) {
      toast(err.message, 'error');
    }
  }

  async function refresh(opts = {}) {
    const data = await api(`/api/messages?user=${encodeURIComponent(person.name)}`);
    setServerNow(Date.parse(data.now));
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
    const active = document.activeElement;
    const focusKey = active?.dataset?.focusKey;
    render(data.messages);
    // A redrawn message takes the focus with it; put it back on the same button in the new one, or, when
    // the message was replaced by what its button answered (the next card), on the first of its new buttons.
    if (focusKey && !active.isConnected) {
      const same = list.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
      const messageId = focusKey.slice(0, focusKey.indexOf('|'));
      (same ?? list.querySelector(`[data-id="${CSS.escape(messageId)}"] .actions button:not([disabled])`))?.focus({ preventScroll: true });
    }
    if (!rendered || nearBottom || opts.stick) list.scrollTop = list.scrollHeight;
    rendered = true;
  }

  /** Message id → its drawn node and what it was drawn from: unchanged messages keep their node. */
  const drawn = new Map();

  /**
   * Redraws only the messages that changed, so the log announces new lines to screen readers rather
   * than the whole channel, and open spoilers and focus stay where they are.
   */
  function render(messages) {
    const threads = new Map();
    const ids = new Set(messages.map((m) => m.id));
    for (const m of messages) {
      if (m.kind === 'thread' && ids.has(m.parentId)) threads.set(m.parentId, [...(threads.get(m.parentId) ?? []), m]);
    }
    const top = messages.filter((m) => !(m.kind === 'thread' && ids.has(m.parentId)));
    if (top.length === 0) {
      drawn.clear();
      list.replaceChildren(el('li', { class: 'empty' }, withCode('Nothing here yet. Type `help`, or `daily now` to post a question.')));
      return;
    }
    list.querySelector('.empty')?.remove();
    const wanted = top.map((m) => {
      const thread = threads.get(m.id) ?? [];
      const signature = JSON.stringify([m, thread]);
      const known = drawn.get(m.id);
      if (known?.signature === signature) return known.node;
      const node = messageItem(m, thread);
      drawn.set(m.id, { signature, node });
      return node;
    });
    const keep = new Set(top.map((m) => m.id));
    for (const id of drawn.keys()) if (!keep.has(id)) drawn.delete(id);
    wanted.forEach((node, i) => {
      if (list.children[i] !== node) list.insertBefore(node, list.children[i] ?? null);
    });
    while (list.children.length > wanted.length) list.lastElementChild.remove();
  }

  function messageItem(m, thread) {
    const ctx = { messageId: m.id, press, openSpoilers };
    const body = el(
      'div',
      { class: 'msg-body' },
      el(
        'p',
        { class: 'msg-head' },
        el('span', { class: 'author' }, 'Recall'),
        el('span', { class: 'bot-tag' }, 'APP'),
        el('time', { datetime: m.at }, formatTime(m.at)),
        m.edited && el('span', { class: 'edited' }, '(edited)'),
      ),
      m.onlyYou && el('p', { class: 'only-you' }, el('span', { 'aria-hidden': 'true' }, '👁 '), 'Only you can see this'),
      renderBlocks(m.blocks, ctx),
      reactions(m),
      thread.length > 0 &&
        el(
          'div',
          { class: 'thread', role: 'group', 'aria-label': 'Thread' },
          el('p', { class: 'thread-title' }, `Thread · ${thread.length} ${thread.length === 1 ? 'reply' : 'replies'}`),
          thread.map((t) => messageItem(t, [])),
        ),
    );
    const tag = m.kind === 'thread' ? 'div' : 'li';
    return el(
      tag,
      { class: `msg${m.onlyYou ? ' only-you-msg' : ''}${m.daily ? ' daily' : ''}`, dataset: { id: m.id } },
      // As in Discord: who ran the command sits on its own line above, with their own avatar, so the bot's
      // avatar beside "Recall" is plainly the bot's and the command plainly the person's.
      m.invokedBy &&
        el(
          'p',
          { class: 'invoked' },
          // The letter comes from CSS (attr), so the line's text stays "Ada used …" for copying and for tests.
          el('span', { class: 'avatar avatar-person', 'aria-hidden': 'true', dataset: { initial: initial(m.invokedBy.name) } }),
          el('span', { class: 'who' }, m.invokedBy.name),
          ' used ',
          el('code', {}, `/recall ${m.invokedBy.text}`),
        ),
      el('span', { class: 'avatar avatar-bot', 'aria-hidden': 'true', title: 'Recall' }, 'R'),
      body,
    );
  }

  function reactions(m) {
    if (m.kind === 'private') return null;
    const shown = [...m.reactions];
    if (m.daily && !shown.some((r) => r.emoji === session.revealEmoji)) shown.unshift({ emoji: session.revealEmoji, count: 0, mine: false });
    if (shown.length === 0) return null;
    return el(
      'div',
      { class: 'reactions' },
      shown.map((r) => {
        const reveal = m.daily && r.emoji === session.revealEmoji;
        const label = r.mine ? `Take back your ${r.emoji} reaction` : reveal ? `React ${r.emoji} to see the answer` : `React ${r.emoji}`;
        return el(
          'button',
          {
            type: 'button',
            class: `reaction${r.mine ? ' mine' : ''}`,
            'aria-pressed': String(r.mine),
            'aria-label': `${label} (${r.count})`,
            dataset: { focusKey: `${m.id}|react|${r.emoji}` },
            onclick: () => react(m.id, r.emoji, r.mine),
          },
          el('span', { 'aria-hidden': 'true' }, r.emoji),
          r.count > 0 ? ` ${r.count}` : reveal ? ' reveal' : '',
        );
      }),
    );
  }

  return { refresh };
}

/** The first letter of a name, for an avatar (a surrogate pair or a combining mark kept whole). */
function initial(name) {
  const first = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name.trim())][0]?.segment ?? '?';
  return first.toUpperCase();
}
