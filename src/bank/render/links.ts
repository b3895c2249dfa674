import type { Root } from 'mdast';
import { rewriteTree, text } from './tree.js';

const ABSOLUTE_URL = /^(?:https?|ftp|mailto):/i;

/** True for URLs a chat client can open; `#anchors` and `./relative.md` only make sense inside the bank. */
export function isAbsoluteUrl(url: string): boolean {
  return ABSOLUTE_URL.test(url);
}

/** Keeps only the text of links and images that point inside the bank (table-of-contents anchors, relative files). */
export function unwrapRelativeLinks(tree: Root): void {
  rewriteTree(tree, (node) => {
    if (node.type === 'link' && !isAbsoluteUrl(node.url)) return node.children;
    if (node.type === 'image' && !isAbsoluteUrl(node.url)) return node.alt ? [text(node.alt)] : [];
    return undefined;
  });
}
