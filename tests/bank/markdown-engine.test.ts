import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { parseBankMarkdown } from '../../src/bank/markdown.js';
import { flattenBlocks } from '../../src/bank/parse/blocks.js';

/**
 * Recall parses with markdown-it turned into mdast (parseBankMarkdown); micromark's mdast, the reference
 * implementation of that tree, is the oracle here. The extraction reads block types, positions (line,
 * column, offset) and a few texts; on every shape banks use, both must give the same tree and blocks.
 */
function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

const seedsDir = fileURLToPath(new URL('../../questions/', import.meta.url));
const seeds = readdirSync(seedsDir)
  .filter((f) => /\.(md|txt)$/.test(f))
  .map((f) => [f, readFileSync(path.join(seedsDir, f), 'utf8').replace(/\r\n?/g, '\n')] as const);

const SHAPES: Record<string, string> = {
  headings: '# Title\n\n## Q1. What is X? #\n\n  ### Indented? ###   \nSetext title\n===\n\nAnswer text  \nwith a hard break.\n',
  lists:
    '1. One?\n   Answer under it.\n\n   More.\n2) Two\n- bullet\n  - nested\n    continued\n\n        code in item\n\n* [ ] open task\n* [x] done task\n-\tTabbed item\n10. ten\n',
  quotes: '> A quote\n> - with a list\nlazy line\n\n   > [!ANSWER]- Title\n   > body\n\n>> nested\n',
  code: '```python\nprint(1)\n```   \n\n    indented\n\n\tcode with tab\n\n~~~\nunclosed tilde\n\n\n',
  tables: '| Question | Answer |\n|---|:--:|\n| What is `a \\| b`? | **Yes** |\n|  | empty question |\nno | pipes\n\na | b\n--|--\nx |  y  \n',
  html: '<details>\n<summary>Q?</summary>\n\nAnswer.\n\n</details>\n\n  <div>indented</div>\n\n<!-- comment -->\n',
  definitions: '[ref]: https://example.com "title"\nQuestion after a definition?\n\n[^1]: A footnote\n    continued\n\nText with [a link][ref] and a note[^1].\n',
  breaks: 'Line\n\n---\n***\n- - -\n\nText\n---\n',
};

/**
 * A node's text, with one known and intended difference folded: CommonMark turns a line ending inside a
 * code span into a space; markdown-it does so in the tree, micromark's mdast keeps the line ending (its
 * HTML output turns it into the space).
 */
function textOf(n: Nodes): string {
  if (n.type === 'inlineCode') return n.value.replace(/\n/g, ' ');
  if ('children' in n) return (n.children as Nodes[]).map(textOf).join('');
  return toString(n);
}

function project(root: Root): string[] {
  const out: string[] = [];
  const pos = (n: Nodes): string => JSON.stringify(n.position ?? null);
  const visit = (n: Nodes, depth: number, deep: boolean): void => {
    const extra =
      n.type === 'heading'
        ? `h${n.depth}`
        : n.type === 'list'
          ? `${n.ordered} ${n.start}`
          : n.type === 'listItem'
            ? `checked=${n.checked}`
            : n.type === 'html'
              ? JSON.stringify(n.value)
              : n.type === 'paragraph' || n.type === 'tableCell'
                ? JSON.stringify(textOf(n))
                : '';
    const cell = n.type === 'tableCell' ? ` ${n.children[0]?.position?.start.offset}-${n.children[n.children.length - 1]?.position?.end.offset}` : '';
    out.push(`${' '.repeat(depth)}${n.type} ${pos(n)} ${extra}${cell}`);
    // Blocks the extraction walks: root, lists and items (and their direct children), tables and rows.
    if (!deep || !('children' in n) || !['root', 'list', 'listItem', 'table', 'tableRow'].includes(n.type)) return;
    for (const child of n.children as Nodes[]) visit(child, depth + 1, n.type !== 'listItem');
  };
  visit(root, 0, true);
  return out;
}

describe('the loader parser gives the extraction what micromark gives it', () => {
  it.each(seeds)('seed %s: same tree (types, positions, texts) and the same blocks', (_name, text) => {
    const fast = parseBankMarkdown(text).tree;
    const reference = parseMarkdown(text);
    expect(project(fast)).toEqual(project(reference));
    expect(flattenBlocks(fast, text)).toEqual(flattenBlocks(reference, text));
  });

  it.each(Object.entries(SHAPES))('shape %s: same tree and the same blocks', (_name, text) => {
    const fast = parseBankMarkdown(text).tree;
    const reference = parseMarkdown(text);
    expect(project(fast)).toEqual(project(reference));
    expect(flattenBlocks(fast, text)).toEqual(flattenBlocks(reference, text));
  });

  it('parses inline Markdown only when it is read, and then as micromark does', () => {
    const text = 'Intro with **bold**, `code`, ~~gone~~, <b>html</b> and ![alt](x.png):\n- item\n';
    const fast = parseBankMarkdown(text).tree;
    const paragraph = fast.children[0];
    expect(paragraph?.type).toBe('paragraph');
    expect(toString(fast)).toBe(toString(parseMarkdown(text)));
    expect(paragraph && 'children' in paragraph ? paragraph.children.map((c) => c.type) : []).toEqual([
      'text',
      'strong',
      'text',
      'inlineCode',
      'text',
      'delete',
      'text',
      'html',
      'text',
      'html',
      'text',
      'image',
      'text',
    ]);
  });
});

describe('nesting past the cap', () => {
  it('reads a 2,000-deep list as text from the line where it passes the cap, and the blocks after it', () => {
    const deep = Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const text = `Intro\n\n${deep}\n\n# After\n`;
    const parsed = parseBankMarkdown(text);
    expect(parsed.tooDeepLine).toBe(3 + 20);
    const last = parsed.tree.children[parsed.tree.children.length - 1];
    expect(last?.type).toBe('heading');
    expect(last?.position?.start.line).toBe(3 + 2_000 + 1);
  });

  it('caps a 10,000-deep list written on one line', () => {
    const parsed = parseBankMarkdown(`Intro\n\n${'- '.repeat(9_990)}x\n\n# After\n`);
    expect(parsed.tooDeepLine).toBe(3);
    expect(parsed.tree.children.map((c) => c.type)).toEqual(['paragraph', 'list', 'heading']);
  });

  it('caps quotes nested on one line, and does not warn for ordinary nesting', () => {
    expect(parseBankMarkdown(`${'> '.repeat(9_000)}x\n`).tooDeepLine).toBe(1);
    expect(parseBankMarkdown('> - a\n>   - b\n>     > c\n').tooDeepLine).toBeNull();
  });
});
