import { el, setSafeHtml } from './dom.js';

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
              class: `btn btn-${b.style}`,
              disabled: b.disabled,
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
