import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';

// Built once: the loader parses every bank file with them, the renderers every answer.
const extensions = [gfm()];
const mdastExtensions = [gfmFromMarkdown()];

/** CommonMark + GFM (tables, strikethrough, task lists, autolinks) into a fresh mdast tree with positions. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions, mdastExtensions });
}

/** Serialises a tree back to Markdown; GFM support is always on so tables and strikethrough survive. */
export function serializeMarkdown(tree: Root, options: ToMarkdownOptions = {}): string {
  return toMarkdown(tree, {
    ...options,
    extensions: [gfmToMarkdown(), ...(options.extensions ?? [])],
  });
}
