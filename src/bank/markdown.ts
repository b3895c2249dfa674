import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { tokensToMdast } from './markdown-it-mdast.js';
import { MAX_BLOCK_LEVEL, tokenize } from './markdown-it-parser.js';

export interface BankMarkdown {
  tree: Root;
  /** 1-based line where lists or quotes nested deeper than the parser follows (read as text from there), or null. */
  tooDeepLine: number | null;
}

export { MAX_BLOCK_LEVEL };

/**
 * The one Markdown parse, for the loader and the renderers: the mdast tree micromark would build (same
 * shape and block positions; tests/bank/markdown-engine.test.ts compares them), from markdown-it,
 * which is several times faster and bounded: nesting is capped at MAX_BLOCK_LEVEL. Expects
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
