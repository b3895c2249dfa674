import type { List, Nodes, PhrasingContent, Root } from 'mdast';
import { parseForRender } from './parse.js';
import { normalizeTree } from './normalize.js';
import { tableToText } from './table-text.js';

/** Code blocks are indented by this much so they stand apart from prose without fence marks. */
const CODE_INDENT = '    ';
/** Quotes keep a visible edge; `>` would be a Markdown mark. */
const QUOTE_PREFIX = '│ ';

/**
 * Readable plain text: no emphasis/heading/quote/fence marks; lists keep `- ` and `1. `
 * markers; tables become aligned columns; code blocks are indented by four spaces; links read
 * `text (url)`.
 */
export function renderPlain(markdown: string): string {
  return plainFromTree(parseForRender(markdown));
}

/** Renders an already parsed tree; the tree is normalised in place. */
export function plainFromTree(tree: Root): string {
  normalizeTree(tree);
  // Only the end is trimmed: a leading code block keeps its indentation.
  return blocks(tree.children, '\n\n').trimEnd();
}

/** Inline content as plain text; used for table cells by every target. */
export function plainPhrasing(nodes: PhrasingContent[]): string {
  return nodes.map(inline).join('');
}

function blocks(nodes: Nodes[], separator: string): string {
  return nodes
    .map(block)
    .filter((value) => value.length > 0)
    .join(separator);
}

function block(node: Nodes): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return plainPhrasing(node.children);
    case 'blockquote':
      return prefixLines(blocks(node.children, '\n\n'), QUOTE_PREFIX, QUOTE_PREFIX.trimEnd());
    case 'list':
      return list(node);
    case 'code':
      return prefixLines(node.value, CODE_INDENT, '');
    case 'table':
      return tableToText(node, plainPhrasing);
    case 'footnoteDefinition':
      return `[${node.label ?? node.identifier}] ${blocks(node.children, '\n')}`;
    case 'html':
      return node.value;
    case 'definition':
    case 'thematicBreak':
    case 'yaml':
      return '';
    default:
      return 'children' in node ? blocks(node.children, '\n\n') : '';
  }
}

function list(node: List): string {
  const start = node.start ?? 1;
  const loose = node.spread === true || node.children.some((item) => item.spread === true);
  return node.children
    .map((item, index) => {
      const marker = node.ordered ? `${start + index}.` : '-';
      const checkbox = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
      const content = blocks(item.children, item.spread ? '\n\n' : '\n');
      const indent = ' '.repeat(marker.length + 1);
      const [first = '', ...rest] = content.split('\n');
      const following = rest.map((line) => (line.length > 0 ? indent + line : line));
      return [`${marker} ${checkbox}${first}`.trimEnd(), ...following].join('\n');
    })
    .join(loose ? '\n\n' : '\n');
}

function inline(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'emphasis':
    case 'strong':
    case 'delete':
      return plainPhrasing(node.children);
    case 'link': {
      const label = plainPhrasing(node.children);
      if (!label || label === node.url || `mailto:${label}` === node.url) return node.url;
      return `${label} (${node.url})`;
    }
    case 'image':
      return node.alt ? `${node.alt} (${node.url})` : node.url;
    case 'footnoteReference':
      return `[${node.label ?? node.identifier}]`;
    case 'linkReference':
      return plainPhrasing(node.children);
    case 'imageReference':
      return node.alt ?? '';
    case 'html':
      return '';
    default:
      return '';
  }
}

function prefixLines(value: string, prefix: string, blankPrefix: string): string {
  return value
    .split('\n')
    .map((line) => (line.trim().length > 0 ? prefix + line : blankPrefix))
    .join('\n');
}
