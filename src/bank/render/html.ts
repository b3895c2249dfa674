import type { Nodes, Parents, Root } from 'mdast';
import { rewriteTree, text } from './tree.js';

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const LINE_BREAK_TAG = /<br\s*\/?>/gi;
const ANY_TAG = /<\/?[A-Za-z][^>]*>/g;
const FLOW_PARENTS = new Set<Parents['type']>(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * None of the targets renders HTML, so raw tags would show up literally: `<br>` becomes a line
 * break, every other tag (anchors like `<a id="x"></a>`, `<sub>`, `<kbd>`…) and every comment is
 * dropped. Text between inline tags lives in separate nodes, so it survives.
 */
export function normalizeHtml(tree: Root): void {
  rewriteTree(tree, (node, parent) => {
    if (node.type !== 'html') return undefined;
    return FLOW_PARENTS.has(parent.type) ? flowHtml(node.value) : inlineHtml(node.value);
  });
}

function inlineHtml(value: string): Nodes[] {
  return /^<br\s*\/?>$/i.test(value.trim()) ? [{ type: 'break' }] : [];
}

/** A block of HTML keeps whatever readable text it wraps, as its own paragraph. */
function flowHtml(value: string): Nodes[] {
  const lines = value
    .replace(COMMENT, '')
    .replace(LINE_BREAK_TAG, '\n')
    .replace(ANY_TAG, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length === 0) return [];
  return [{ type: 'paragraph', children: [text(lines.join('\n'))] }];
}
