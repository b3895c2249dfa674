import { POST_TITLE } from '../../../core/daily/replies.js';
import { fallbackDate } from '../../../core/dates.js';
import { type Button, type Reply, type ReplyBlock, fillDates } from '../../../core/reply.js';
import { type WebMessage, mergedReactions } from '../channel-log.js';
import { escapeHtml, markdownToHtml } from './markdown-html.js';

/**
 * What the page draws. Fields ending in `Html` were built here from escaped text and a fixed set of
 * tags; every other string is shown by the page as text (button labels, names, emoji).
 */
export type BlockView =
  | { type: 'text'; html: string; spoiler: boolean }
  | { type: 'context'; html: string }
  | { type: 'fields'; fields: { labelHtml: string; html: string }[] }
  | { type: 'question'; titleHtml: string; html: string; footerHtml: string | null }
  | { type: 'buttons'; buttons: Button[] }
  | { type: 'divider' }
  /** Small print and a live countdown the page keeps running to `at` (epoch ms). */
  | { type: 'deadline'; html: string; at: number }
  /** Text with `<time class="date" datetime="2026-12-03">` dates (the fallback words inside), which the page writes in its reader's locale. */
  | { type: 'dated'; html: string; small: boolean }
  /** `src` is a `data:image/png;base64,…` address: the page shows it inline, no route to serve it from. */
  | { type: 'image'; src: string; alt: string };

export interface MessageView {
  id: string;
  kind: WebMessage['kind'];
  at: string;
  parentId: string | null;
  /** Shown only to the person asking ("only you can see this"). */
  onlyYou: boolean;
  invokedBy: { name: string; text: string } | null;
  /** A daily question post: the page offers the reveal reaction on it. */
  daily: boolean;
  edited: boolean;
  reactions: { emoji: string; count: number; mine: boolean }[];
  blocks: BlockView[];
}

export function blockView(block: ReplyBlock): BlockView {
  switch (block.type) {
    case 'text':
      return { type: 'text', html: markdownToHtml(block.markdown), spoiler: block.spoiler === true };
    case 'context':
      return { type: 'context', html: markdownToHtml(block.markdown) };
    case 'fields':
      return { type: 'fields', fields: block.fields.map((f) => ({ labelHtml: escapeHtml(f.label), html: markdownToHtml(f.value) })) };
    case 'question':
      return { type: 'question', titleHtml: escapeHtml(block.title), html: markdownToHtml(block.markdown), footerHtml: block.footer ? markdownToHtml(block.footer) : null };
    case 'buttons':
      return {
        type: 'buttons',
        buttons: block.buttons.map((b) => ({ action: b.action, label: b.label, style: b.style ?? 'secondary', disabled: b.disabled === true, selected: b.selected === true })),
      };
    case 'divider':
      return { type: 'divider' };
    case 'deadline':
      return { type: 'deadline', html: markdownToHtml(block.markdown), at: block.at };
    case 'dated':
      return {
        type: 'dated',
        html: fillDates(markdownToHtml(block.markdown), block.dates, (d) => `<time class="date" datetime="${escapeHtml(d.day)}">${escapeHtml(fallbackDate(d))}</time>`),
        small: block.small === true,
      };
    case 'image':
      return { type: 'image', src: `data:image/png;base64,${Buffer.from(block.png).toString('base64')}`, alt: block.alt };
  }
}

/** Rendering Markdown is the costly part of a page refresh; a reply object is rendered once. */
const rendered = new WeakMap<Reply, BlockView[]>();

export function replyView(reply: Reply): BlockView[] {
  let view = rendered.get(reply);
  if (!view) {
    view = reply.blocks.map(blockView);
    rendered.set(reply, view);
  }
  return view;
}

/** What the page shows in place of a message that could not be drawn: the channel around it stays readable. */
export const UNRENDERABLE_NOTICE = 'This message could not be shown.';

/**
 * A stored message whose reply cannot be drawn (saved by an older version, or text no renderer takes)
 * becomes a short notice, so one message never takes the whole channel down; the error goes to `onError`.
 */
export function safeMessageView(message: WebMessage, viewer: string, onError: (err: unknown) => void): MessageView {
  try {
    return messageView(message, viewer);
  } catch (err) {
    onError(err);
    return noticeView(message);
  }
}

/** The reply's blocks for the page, or the notice when they cannot be drawn. */
export function safeReplyView(reply: Reply, onError: (err: unknown) => void): BlockView[] {
  try {
    return replyView(reply);
  } catch (err) {
    onError(err);
    return [noticeBlock()];
  }
}

function noticeBlock(): BlockView {
  return { type: 'context', html: `<em>${escapeHtml(UNRENDERABLE_NOTICE)}</em>` };
}

/** Built only from fields checked one by one: the message itself is what failed. */
function noticeView(message: WebMessage): MessageView {
  const m = message as Partial<Record<keyof WebMessage, unknown>>;
  const kinds: readonly unknown[] = ['post', 'thread', 'private'];
  return {
    id: String(m.id),
    kind: kinds.includes(m.kind) ? (m.kind as WebMessage['kind']) : 'post',
    at: typeof m.at === 'string' ? m.at : new Date(0).toISOString(),
    parentId: typeof m.parentId === 'string' ? m.parentId : null,
    onlyYou: m.forUser !== undefined,
    invokedBy: null,
    daily: false,
    edited: false,
    reactions: [],
    blocks: [noticeBlock()],
  };
}

export function messageView(message: WebMessage, viewer: string): MessageView {
  return {
    id: message.id,
    kind: message.kind,
    at: message.at,
    parentId: message.parentId ?? null,
    onlyYou: message.forUser !== undefined,
    invokedBy: message.invokedBy ? { name: message.invokedBy.name, text: message.invokedBy.text } : null,
    daily: message.kind === 'post' && message.reply.blocks.some((b) => b.type === 'question' && b.title === POST_TITLE),
    edited: message.edited === true,
    reactions: Object.entries(mergedReactions(message.reactions)).map(([emoji, users]) => ({ emoji, count: users.length, mine: users.includes(viewer) })),
    blocks: replyView(message.reply),
  };
}

/** The buttons a message carries, for checking that a pressed action was really offered. */
export function buttonsOf(reply: Reply): Button[] {
  // A stored reply of an older shape carries no buttons rather than failing the press.
  if (!Array.isArray(reply?.blocks)) return [];
  return reply.blocks.flatMap((b) => (b?.type === 'buttons' && Array.isArray(b.buttons) ? b.buttons : []));
}
