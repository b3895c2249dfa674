import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';
import { tokensToMdast } from './markdown-it-mdast.js';
import { MAX_BLOCK_LEVEL, tokenize } from './markdown-it-parser.js';

// Built once: the renderers parse every answer with them (the loader uses parseBankMarkdown).
const extensions = [gfm()];
const mdastExtensions = [gfmFromMarkdown()];

/** CommonMark + GFM (tables, strikethrough, task lists, autolinks) into a fresh mdast tree with positions. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions, mdastExtensions });
}

export interface BankMarkdown {
  tree: Root;
  /** 1-based line where lists or quotes nested deeper than the parser follows (read as text from there), or null. */
  tooDeepLine: number | null;
}

export { MAX_BLOCK_LEVEL };

/**
 * The bank loader's parse: the same mdast shape and block positions as parseMarkdown, from markdown-it
 * (several times faster than micromark, and bounded: nesting is capped at MAX_BLOCK_LEVEL). Expects
 * `\n` line endings, as decodeBankBytes gives; inline nodes carry no positions (see tokensToMdast).
 */
export function parseBankMarkdown(markdown: string): BankMarkdown {
  const { tokens, env } = tokenize(markdown);
  return { tree: tokensToMdast(tokens, markdown, env), tooDeepLine: env.tooDeepLine === null ? null : env.tooDeepLine + 1 };
}

/** Serialises a tree back to Markdown; GFM support is always on so tables and strikethrough survive. */
export function serializeMarkdown(tree: Root, options: ToMarkdownOptions = {}): string {
  return toMarkdown(tree, {
    ...options,
    extensions: [gfmToMarkdown(), ...(options.extensions ?? [])],
  });
}
