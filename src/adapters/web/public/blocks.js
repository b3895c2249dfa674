import { el, formatDay, setSafeHtml } from './dom.js';

/** A reply's blocks as the bot's message shows them: card, text, small print, fields, buttons. */
export function renderBlocks(blocks, ctx) {
  return blocks.map((block, index) => renderBlock(block, index, ctx));
}

const md = (html, cls = 'md') => setSafeHtml(el('div', { class: cls }), html);

function renderBlock(block, index, ctx) {
  switch (block.type) {
    case 'question':
      return el(
        'div',
        { class: 'embed' },
        setSafeHtml(el('p', { class: 'embed-title' }), block.titleHtml),
        md(block.html),
        block.footerHtml && md(block.footerHtml, 'md embed-footer'),
      );
    case 'text':
      return block.spoiler ? spoiler(block, `${ctx.messageId}|${index}`, ctx.openSpoilers) : md(block.html);
    case 'context':
      return md(block.html, 'md context');
    case 'deadline':
      return deadline(block);
    case 'dated':
      return datedText(block);
    case 'fields':
      return el(
        'dl',
        { class: 'fields' },
        block.fields.map((f) => el('div', { class: 'field-item' }, setSafeHtml(el('dt'), f.labelHtml), setSafeHtml(el('dd'), f.html))),
      );
    case 'buttons':
      return el(
        'div',
        { class: 'actions' },
        block.buttons.map((b) =>
          el(
            'button',
            {
              type: 'button',
              class: `btn btn-${b.style}${b.selected ? ' btn-selected' : ''}`,
              disabled: b.disabled,
              'aria-pressed': b.selected ? 'true' : undefined,
              dataset: { focusKey: `${ctx.messageId}|${b.action}` },
              onclick: () => ctx.press(ctx.messageId, b.action),
            },
            b.label,
          ),
        ),
      );
    case 'divider':
      return el('hr');
    // Only `data:image/png` addresses, which the server made from the picture's bytes.
    case 'image':
      return typeof block.src === 'string' && block.src.startsWith('data:image/png;base64,') ? el('img', { class: 'reply-image', src: block.src, alt: block.alt }) : null;
    default:
      return null;
  }
}

/** Server time minus this page's clock, so a countdown ends when the server closes the question. */
let skewMs = 0;

export function setServerNow(serverMs) {
  if (Number.isFinite(serverMs)) skewMs = serverMs - Date.now();
}

/** "in 25s", "in 1m 05s", then "now": how long until `at` by the server's clock. */
export function countdownText(atMs, nowMs = Date.now() + skewMs) {
  const left = Math.ceil((atMs - nowMs) / 1000);
  if (left <= 0) return 'now';
  if (left < 60) return `in ${left}s`;
  return `in ${Math.floor(left / 60)}m ${String(left % 60).padStart(2, '0')}s`;
}

/** Small print whose last words count down to a moment: "30s to answer · closes in 25s". */
function deadline(block) {
  const box = md(block.html, 'md context deadline');
  const clock = el('time', { class: 'countdown', datetime: new Date(block.at).toISOString(), dataset: { at: String(block.at) } }, countdownText(block.at));
  // Inline, inside the last paragraph, so the time reads as the end of the sentence.
  const last = box.querySelector('p:last-of-type') ?? box;
  last.append(' ', clock);
  return box;
}

/** Text with dates the server sent as days (`<time datetime="2026-12-03">`): each written in the viewer's locale. */
function datedText(block) {
  const box = md(block.html, block.small ? 'md context' : 'md');
  for (const time of box.querySelectorAll('time.date[datetime]')) time.textContent = formatDay(time.getAttribute('datetime'));
  return box;
}

/** One ticker for every countdown on the page; a redrawn message's new node is picked up on the next tick. */
export function startCountdowns(root = document) {
  const tick = () => {
    for (const node of root.querySelectorAll('time.countdown[data-at]')) {
      const text = countdownText(Number(node.dataset.at));
      if (node.textContent !== text) node.textContent = text;
      node.classList.toggle('countdown-done', text === 'now');
    }
  };
  tick();
  return setInterval(tick, 250);
}

/** Hidden until asked for, like Discord's ||spoiler||; the choice survives the list being redrawn. */
function spoiler(block, key, open) {
  const content = md(block.html, 'md spoiler-content');
  const shown = open.has(key);
  content.hidden = !shown;
  const toggle = el(
    'button',
    { type: 'button', class: 'btn btn-secondary spoiler-toggle', 'aria-expanded': String(shown), dataset: { focusKey: key } },
    shown ? 'Hide spoiler' : 'Show spoiler',
  );
  toggle.addEventListener('click', () => {
    const now = content.hidden;
    content.hidden = !now;
    toggle.setAttribute('aria-expanded', String(now));
    toggle.textContent = now ? 'Hide spoiler' : 'Show spoiler';
    if (now) open.add(key);
    else open.delete(key);
  });
  return el('div', { class: 'spoiler-block' }, toggle, content);
}
