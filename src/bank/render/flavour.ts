import type { Root } from 'mdast';
import type { SplitOptions } from './split.js';

/**
 * One chat platform's Markdown: how a parsed tree becomes its syntax, how long one message (or block)
 * may be, and what a cut must not land inside. The bank keeps the shared tree, table, split and
 * normalise pieces and the plain flavour; each adapter keeps its own flavour next to it.
 */
export interface MarkdownFlavour {
  /** Names the flavour in output a person reads (the bank CLI's `show`). */
  readonly name: string;
  /** Renders an already parsed tree; the tree is transformed in place. */
  fromTree(tree: Root): string;
  /** No chunk is longer than this. */
  readonly limit: number;
  readonly split?: SplitOptions;
}
