import type { PhrasingContent, Root } from 'mdast';
import { labelCallouts } from './callouts.js';
import { capTreeNesting } from './depth.js';
import { normalizeHtml } from './html.js';
import { unwrapRelativeLinks } from './links.js';
import { resolveReferences } from './references.js';
import { rewriteTree, text } from './tree.js';

/** Drawn instead of `---`: neither Discord nor Slack renders thematic breaks. */
export const SEPARATOR_LINE = '──────────';

/** Target-independent clean-up every renderer starts from. Mutates `tree`. */
export function normalizeTree(tree: Root): void {
  // Trees built by hand (question cards) skip parseForRender; every rewrite below recurses.
  capTreeNesting(tree);
  resolveReferences(tree);
  normalizeHtml(tree);
  labelCallouts(tree);
  unwrapRelativeLinks(tree);
  rewriteTree(tree, (node) => (node.type === 'thematicBreak' ? [{ type: 'paragraph', children: [text(SEPARATOR_LINE)] }] : undefined));
  tidyPhrasing(tree);
}

/**
 * Removing tags leaves edge whitespace behind (`Concepts <a id="x"></a>` → `Concepts `), which
 * serialisers would encode as `&#x20;`; paragraphs that held only tags disappear entirely.
 */
function tidyPhrasing(tree: Root): void {
  rewriteTree(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return undefined;
    node.children = trimEdges(node.children);
    return node.children.length === 0 ? [] : undefined;
  });
}

function trimEdges(children: PhrasingContent[]): PhrasingContent[] {
  const result = [...children];
  while (result[0]?.type === 'break') result.shift();
  while (result.at(-1)?.type === 'break') result.pop();

  const first = result[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = result.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return result.filter((child) => child.type !== 'text' || child.value.length > 0);
}
