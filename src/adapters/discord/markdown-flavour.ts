import type { Root } from 'mdast';
import type { Handle, Unsafe } from 'mdast-util-to-markdown';
import { serializeMarkdown } from '../../bank/markdown.js';
import type { MarkdownFlavour } from '../../bank/render/flavour.js';
import { normalizeTree } from '../../bank/render/normalize.js';
import { parseForRender } from '../../bank/render/parse.js';
import { plainPhrasing } from '../../bank/render/plain.js';
import { tableToCode } from '../../bank/render/table-text.js';
import { rewriteTree, text, withoutStrong } from '../../bank/render/tree.js';

/** Discord rejects message content longer than this (UTF-16 code units). */
export const DISCORD_MESSAGE_LIMIT = 2000;

/** Discord renders `#`, `##` and `###` only. */
const DEEPEST_DISCORD_HEADING = 3;

/**
 * Discord newlines are literal, so a hard break is just a newline; a heading cannot hold one,
 * so there it becomes a space.
 */
const lineBreak: Handle = (_node, _parent, state) => (state.stack.includes('headingAtx') ? ' ' : '\n');

/** Discord-only syntax that CommonMark leaves alone and would otherwise trigger by accident. */
const discordUnsafe: Unsafe[] = [
  // `||spoiler||`
  { character: '|', after: '\\|', inConstruct: 'phrasing' },
  { character: '|', before: '\\|', inConstruct: 'phrasing' },
  // `-# subtext` at the start of a line
  { atBreak: true, character: '-', after: '#' },
];

/**
 * Discord-flavoured Markdown: tables become aligned code blocks, headings deeper than `###` become
 * bold lines, images become links, raw HTML is dropped (`<br>` → newline), link titles are dropped.
 */
export function renderDiscord(markdown: string): string {
  return discordFromTree(parseForRender(markdown));
}

/** Renders an already parsed tree; the tree is transformed in place. */
export function discordFromTree(tree: Root): string {
  normalizeTree(tree);
  rewriteTree(tree, (node) => {
    switch (node.type) {
      case 'table':
        return [tableToCode(node, plainPhrasing)];
      case 'heading':
        if (node.depth <= DEEPEST_DISCORD_HEADING) return undefined;
        return [{ type: 'paragraph', children: [{ type: 'strong', children: withoutStrong(node.children) }] }];
      case 'link':
        node.title = null;
        // An image inside a link cannot become a link itself: Discord does not nest links.
        node.children = node.children.map((child) => (child.type === 'image' ? text(child.alt || child.url) : child));
        return undefined;
      case 'image':
        return [{ type: 'link', url: node.url, title: null, children: node.alt ? [text(node.alt)] : [] }];
      default:
        return undefined;
    }
  });

  return serializeMarkdown(tree, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fence: '`',
    fences: true,
    listItemIndent: 'one',
    rule: '-',
    handlers: { break: lineBreak },
    unsafe: discordUnsafe,
  }).trim();
}

/** Discord's flavour for the bank renderer: its own syntax, its message limit, and what a cut must not split. */
export const discordFlavour: MarkdownFlavour = {
  name: 'discord',
  fromTree: discordFromTree,
  limit: DISCORD_MESSAGE_LIMIT,
  // Masked links `[text](url)` and suppressed-embed links `<url>`.
  split: { keepTogether: /\[[^\]\n]*\]\([^)\s]*\)|<https?:[^>\s]*>/g },
};
