import type { Nodes, Parents, Root, RootContent } from 'mdast';
import { text } from './tree.js';

/**
 * How many quotes and lists may nest before the rest is shown as "…". Every renderer (and the
 * serialisers and slackify underneath) recurses once or more per level, so a hand-made 4,500-deep quote
 * overflowed the stack; no real question nests past a handful of levels.
 */
export const MAX_FLOW_NESTING = 20;
/**
 * The same for emphasis, strong, strikethrough and links. Lower, because slackify-markdown's handlers have
 * no `peek`, so mdast-util-to-markdown renders a span once more for every span it sits in: the cost doubles
 * per level (20 levels took 20 s). Real text nests three or four deep at most (`***[**x**](u)***`).
 */
export const MAX_PHRASING_NESTING = 5;
/** Leading quote marks, list markers and indentation kept on one source line before the parser sees it. */
export const MAX_SOURCE_PREFIX = 80;
/** Shown where nesting was cut. */
export const TOO_DEEP = '…';

/** The nodes whose nesting is unbounded in Markdown; list items, rows and cells always sit one level under their parent. */
const FLOW_NESTERS = new Set<Nodes['type']>(['blockquote', 'list', 'footnoteDefinition']);
const PHRASING_NESTERS = new Set<Nodes['type']>(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

// A run of indentation, quote marks and list markers at the start of a line: the containers it opens.
const CONTAINER_PREFIX = /^(?:[ \t>]|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))+/;

/** Cuts each line's container prefix to `max` characters, marking the cut with "…". Linear in the text. */
export function capSourceNesting(markdown: string, max = MAX_SOURCE_PREFIX): string {
  if (!hasLongPrefix(markdown, max)) return markdown;
  return markdown
    .split('\n')
    .map((line) => {
      const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? '';
      if (prefix.length <= max) return line;
      const kept = prefix.slice(0, max);
      const at = Math.max(kept.lastIndexOf(' '), kept.lastIndexOf('\t'));
      return `${at > 0 ? kept.slice(0, at + 1) : kept}${TOO_DEEP} ${line.slice(prefix.length)}`;
    })
    .join('\n');
}

/** A quick pass so ordinary text is never split into lines. */
function hasLongPrefix(markdown: string, max: number): boolean {
  let run = 0;
  let atLineStart = true;
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown.charCodeAt(i);
    if (c === 10) {
      run = 0;
      atLineStart = true;
      continue;
    }
    if (!atLineStart) continue;
    // Space, tab, `>`, list markers, digits, `.` and `)`: the characters a container prefix is made of.
    if (c === 32 || c === 9 || c === 62 || c === 45 || c === 43 || c === 42 || c === 46 || c === 41 || (c >= 48 && c <= 57)) {
      if (++run > max) return true;
    } else atLineStart = false;
  }
  return false;
}

/**
 * Replaces every quote or list nested more than `maxFlow` deep, and every inline span nested more than
 * `maxPhrasing` deep, by "…", in place and without recursion. Returns whether anything was cut.
 */
export function capTreeNesting(tree: Root, maxFlow = MAX_FLOW_NESTING, maxPhrasing = MAX_PHRASING_NESTING): boolean {
  let cut = false;
  const stack: { node: Parents; flow: number; phrasing: number }[] = [{ node: tree, flow: 0, phrasing: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, flow, phrasing } = item;
    const children = node.children as Nodes[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as Nodes;
      const childFlow = FLOW_NESTERS.has(child.type) ? flow + 1 : flow;
      const childPhrasing = PHRASING_NESTERS.has(child.type) ? phrasing + 1 : phrasing;
      if (childFlow > maxFlow) {
        children[i] = ellipsisParagraph();
        cut = true;
      } else if (childPhrasing > maxPhrasing) {
        children[i] = text(TOO_DEEP);
        cut = true;
      } else if ('children' in child) {
        stack.push({ node: child, flow: childFlow, phrasing: childPhrasing });
      }
    }
  }
  return cut;
}

function ellipsisParagraph(): RootContent {
  return { type: 'paragraph', children: [text(TOO_DEEP)] };
}
