import type { Root } from 'mdast';
import { rewriteTree, text } from './tree.js';

// GitHub alerts (`> [!NOTE]`) and Obsidian callouts (`>[!Ans]-`, foldable with +/-).
const CALLOUT_MARKER = /^\[!([A-Za-z][\w-]*)\][+-]?[ \t]*/;

/**
 * Replaces the `[!NOTE]` marker at the top of a callout blockquote with a bold label, because
 * no target understands callouts and the raw marker reads like a broken link.
 */
export function labelCallouts(tree: Root): void {
  rewriteTree(tree, (node) => {
    if (node.type !== 'blockquote') return undefined;
    const paragraph = node.children[0];
    if (paragraph?.type !== 'paragraph') return undefined;
    const first = paragraph.children[0];
    if (first?.type !== 'text') return undefined;
    const match = CALLOUT_MARKER.exec(first.value);
    if (!match?.[1]) return undefined;

    const rest = first.value.slice(match[0].length);
    const label = { type: 'strong' as const, children: [text(calloutLabel(match[1]))] };
    const following = rest.length === 0 || rest.startsWith('\n') ? rest : ` ${rest}`;
    paragraph.children.splice(0, 1, label, ...(following ? [text(following)] : []));
    return undefined;
  });
}

/** `NOTE` reads as "Note"; a custom type like `Ans` is kept as its author wrote it. */
function calloutLabel(type: string): string {
  if (type !== type.toUpperCase()) return type;
  return type.charAt(0) + type.slice(1).toLowerCase();
}
