import type { Definition, Nodes, Root } from 'mdast';
import { rewriteTree, text } from './tree.js';

/**
 * Turns `[text][ref]` / `![alt][ref]` into plain links and images and drops the definitions:
 * none of the targets understands reference-style links.
 */
export function resolveReferences(tree: Root): void {
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);

  rewriteTree(tree, (node) => {
    if (node.type === 'definition') return [];
    if (node.type === 'linkReference') {
      const definition = definitions.get(node.identifier);
      if (!definition) return node.children;
      return [{ type: 'link', url: definition.url, title: null, children: node.children }];
    }
    if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (!definition) return node.alt ? [text(node.alt)] : [];
      return [{ type: 'image', url: definition.url, title: null, alt: node.alt ?? null }];
    }
    return undefined;
  });
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}
