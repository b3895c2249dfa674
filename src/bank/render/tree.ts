import type { Nodes, Parents, PhrasingContent, Text } from 'mdast';

/**
 * Decides what replaces `node` in its parent: `undefined` keeps it (and its children are visited),
 * an array replaces it (possibly with nothing). Replacements are not offered to the rewriter again,
 * only their children, so a rewriter may return a node of the type it matched without looping.
 */
export type NodeRewriter = (node: Nodes, parent: Parents) => Nodes[] | undefined;

/** Rewrites `tree` in place, depth first. The rewriter must keep content models valid (phrasing stays phrasing). */
export function rewriteTree(tree: Parents, rewrite: NodeRewriter): void {
  const next: Nodes[] = [];
  for (const child of tree.children) {
    const replacement = rewrite(child, tree) ?? [child];
    for (const node of replacement) {
      if ('children' in node) rewriteTree(node, rewrite);
      next.push(node);
    }
  }
  // mdast types each parent's children precisely; the rewriter contract above is what keeps this sound.
  (tree as { children: Nodes[] }).children = next;
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/** Flattens nested strong nodes so wrapping content in bold never produces `****`. */
export function withoutStrong(children: PhrasingContent[]): PhrasingContent[] {
  return children.flatMap((child) => (child.type === 'strong' ? withoutStrong(child.children) : [child]));
}
