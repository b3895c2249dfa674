import type { Blockquote, Heading, List, ListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isTitleShaped } from './lines.js';

/**
 * A bank file flattened into what a reader scans: headings, the single lines of top-level paragraphs
 * (plain-text banks put questions, titles and answers on adjacent lines), list items, quotes and other
 * content. Each block keeps its Markdown source so answers are posted as written.
 */
export type Block =
  | { kind: 'heading'; line: number; blankBefore: boolean; depth: number; text: string; raw: string }
  | { kind: 'line'; line: number; blankBefore: boolean; text: string; lastInParagraph: boolean; nextIsList: boolean }
  | {
      kind: 'item';
      line: number;
      blankBefore: boolean;
      ordered: boolean;
      number: number | null;
      /** The item's first paragraph, one entry per source line, indentation removed. */
      firstLines: string[];
      /** The same lines with their indentation beyond the item's own kept (code under a question). */
      firstRaw: string[];
      /** Everything after the first paragraph, dedented Markdown ('' when none). */
      rest: string;
      /** The whole item body (first paragraph included), dedented Markdown. */
      body: string;
      /** A GFM task item's box (`- [x]` true, `- [ ]` false), which `body` starts after; null for any other item. */
      checked: boolean | null;
      /** The list follows a paragraph with no blank line between (an intro such as "Steps:"). */
      attachedToParagraph: boolean;
      attachedIntro: string | null;
    }
  | { kind: 'quote'; line: number; blankBefore: boolean; callout: string | null; calloutTitle: string; body: string; raw: string }
  | { kind: 'html'; line: number; blankBefore: boolean; raw: string }
  | { kind: 'break'; line: number; blankBefore: boolean }
  /** A table whose header names a question column and an answer column: one question per row. */
  | { kind: 'qa-table'; line: number; blankBefore: boolean; rows: QaTableRow[] }
  | { kind: 'content'; line: number; blankBefore: boolean; raw: string; type: string; endLine: number; unclosedFence: boolean };

export interface QaTableRow {
  line: number;
  question: string;
  answer: string;
  hint: string;
  tags: string;
  difficulty: string;
  id: string;
  category: string;
}

export function flattenBlocks(root: Root, source: string): Block[] {
  const blocks: Block[] = [];
  let prevEndLine = 0;
  let prev: RootContent | undefined;
  for (const [index, node] of root.children.entries()) {
    const startLine = node.position?.start.line ?? prevEndLine + 1;
    const blankBefore = startLine > prevEndLine + 1;
    // By index: indexOf made a file of many short paragraphs quadratic (100,000 took seconds).
    const next = root.children[index + 1];
    switch (node.type) {
      case 'heading':
        blocks.push(...headingBlocks(node, source, blankBefore));
        break;
      case 'paragraph':
        blocks.push(...paragraphLines(node, source, blankBefore, next));
        break;
      case 'list':
        blocks.push(...listItems(node, source, blankBefore, prev));
        break;
      case 'blockquote':
        blocks.push(quoteBlock(node, source, blankBefore));
        break;
      case 'html':
        blocks.push({ kind: 'html', line: startLine, blankBefore, raw: node.value });
        break;
      case 'thematicBreak':
        blocks.push({ kind: 'break', line: startLine, blankBefore });
        break;
      case 'definition':
        break;
      case 'table':
        blocks.push(qaTable(node, source, blankBefore) ?? contentBlock(node, source, blankBefore));
        break;
      default:
        blocks.push(contentBlock(node, source, blankBefore));
    }
    prevEndLine = node.position?.end.line ?? startLine;
    prev = node;
  }
  return blocks;
}

export function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/**
 * A setext underline meant as something else: `---` under an answer line is a rule, not a heading
 * ("X is a thing.\n---"), and only the last line above an underline is the title (`Q: Open?\nStorage\n---`).
 */
function headingBlocks(node: Heading, source: string, blankBefore: boolean): Block[] {
  const raw = sourceOf(node, source);
  const lines = raw.split('\n');
  const underline = /^ {0,3}(=+|-+)[ \t]*$/.exec(lines[lines.length - 1] ?? '');
  if (lines.length < 2 || !underline) return [headingBlock(node, source, blankBefore)];
  const text = lines.slice(0, -1);
  const first = node.position?.start.line ?? 0;
  const asLines = (from: number, to: number): Block[] =>
    text.slice(from, to).map((t, i) => ({
      kind: 'line' as const,
      line: first + from + i,
      blankBefore: from + i === 0 ? blankBefore : false,
      text: t.trim(),
      lastInParagraph: from + i === text.length - 1,
      nextIsList: false,
    }));
  const last = text[text.length - 1]?.trim() ?? '';
  if (underline[1]?.startsWith('-') && !isTitleShaped(last)) {
    return [...asLines(0, text.length), { kind: 'break', line: first + text.length, blankBefore: false }];
  }
  if (text.length === 1) return [headingBlock(node, source, blankBefore)];
  const heading = { kind: 'heading' as const, line: first + text.length - 1, blankBefore: false, depth: node.depth, text: last, raw: `${last}\n${lines[lines.length - 1] ?? ''}` };
  return [...asLines(0, text.length - 1), heading];
}

function headingBlock(node: Heading, source: string, blankBefore: boolean): Block {
  const raw = sourceOf(node, source);
  // Inline source without the `#` marks or a closing `###`, so bold and code inside stay Markdown.
  const text = raw
    .replace(/^ {0,3}#{1,6}[ \t]*/, '')
    .replace(/[ \t]+#+[ \t]*$/, '')
    .replace(/\n=+\s*$|\n-+\s*$/, '');
  return { kind: 'heading', line: node.position?.start.line ?? 0, blankBefore, depth: node.depth, text: text.trim(), raw };
}

function paragraphLines(node: Paragraph, source: string, blankBefore: boolean, next: RootContent | undefined): Block[] {
  const firstLine = node.position?.start.line ?? 0;
  const lines = sourceOf(node, source).split('\n');
  const nextIsList = next?.type === 'list' && next.position?.start.line === (node.position?.end.line ?? 0) + 1;
  return lines.map((text, i) => ({
    kind: 'line' as const,
    line: firstLine + i,
    blankBefore: i === 0 ? blankBefore : false,
    text: text.trim(),
    lastInParagraph: i === lines.length - 1,
    nextIsList: i === lines.length - 1 && nextIsList,
  }));
}

function listItems(list: List, source: string, blankBefore: boolean, prev: RootContent | undefined): Block[] {
  const attached = prev?.type === 'paragraph' && (list.position?.start.line ?? 0) === (prev.position?.end.line ?? -1) + 1;
  const intro = attached && prev ? (toString(prev).split('\n').pop()?.trim() ?? null) : null;
  let number = list.ordered ? (list.start ?? 1) : null;
  let prevEnd = list.position?.start.line ?? 0;
  return list.children.map((item, i) => {
    const line = item.position?.start.line ?? 0;
    const block = itemBlock(item, source, {
      ordered: list.ordered === true,
      number,
      blankBefore: i === 0 ? blankBefore : line > prevEnd + 1,
      attachedToParagraph: attached,
      attachedIntro: intro,
    });
    prevEnd = item.position?.end.line ?? line;
    if (number !== null) number = ordinalOf(item, source) ?? number + 1;
    return block;
  });
}

/** The number actually written before the next item matters ("1. 1. 1." lists are common). */
function ordinalOf(item: ListItem, source: string): number | null {
  const m = /^\s*(\d{1,9})[.)]/.exec(sourceOf(item, source));
  return m ? Number(m[1]) + 1 : null;
}

function itemBlock(
  item: ListItem,
  source: string,
  opts: { ordered: boolean; number: number | null; blankBefore: boolean; attachedToParagraph: boolean; attachedIntro: string | null },
): Block {
  const line = item.position?.start.line ?? 0;
  const written = /^\s*(\d{1,9})[.)]/.exec(sourceOf(item, source));
  const number = opts.ordered ? (written ? Number(written[1]) : opts.number) : null;
  const [first, ...others] = item.children;
  const firstRaw = first && first.type === 'paragraph' ? dedent(sourceOf(first, source), (first.position?.start.column ?? 1) - 1).split('\n') : [];
  const firstLines = firstRaw.map((l) => l.trim());
  const restStart = first && first.type === 'paragraph' ? others[0] : first;
  const rest = restStart ? dedentFrom(source, restStart, item) : '';
  const body = first ? dedentFrom(source, first, item) : '';
  return {
    kind: 'item',
    line,
    blankBefore: opts.blankBefore,
    ordered: opts.ordered,
    number,
    firstLines,
    firstRaw,
    rest,
    body,
    checked: item.checked ?? null,
    attachedToParagraph: opts.attachedToParagraph,
    attachedIntro: opts.attachedIntro,
  };
}

/** Source from `from`'s start to the end of `container`, with the list item's indentation removed. */
function dedentFrom(source: string, from: Nodes, container: Nodes): string {
  const start = from.position?.start.offset;
  const end = container.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  const indent = (from.position?.start.column ?? 1) - 1;
  return dedent(source.slice(start, end), indent).trim();
}

/** Removes up to `width` columns of leading whitespace from every line but the first. */
export function dedent(text: string, width: number): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? l : stripIndent(l, width)))
    .join('\n');
}

function stripIndent(line: string, width: number): string {
  let col = 0;
  let i = 0;
  while (i < line.length && col < width) {
    const c = line[i];
    if (c === ' ') col += 1;
    else if (c === '\t') col += 4 - (col % 4);
    else break;
    i++;
  }
  return line.slice(i);
}

const COLUMN_NAMES: Record<Exclude<keyof QaTableRow, 'line'>, RegExp> = {
  question: /^(?:q|questions?|prompt)$/i,
  answer: /^(?:a|answers?|solution)$/i,
  hint: /^hints?$/i,
  tags: /^tags?$/i,
  difficulty: /^(?:difficulty|level)$/i,
  id: /^id$/i,
  category: /^(?:category|topic|section)$/i,
};

function qaTable(node: Table, source: string, blankBefore: boolean): Block | null {
  const [header, ...rows] = node.children;
  if (!header) return null;
  const names = header.children.map((cell) => toString(cell).trim());
  const column = (key: keyof typeof COLUMN_NAMES) => names.findIndex((n) => COLUMN_NAMES[key].test(n));
  const q = column('question');
  const a = column('answer');
  if (q < 0 || a < 0) return null;
  const cellText = (row: (typeof rows)[number], index: number): string => {
    const cell = index < 0 ? undefined : row.children[index];
    const first = cell?.children[0];
    const last = cell?.children[cell.children.length - 1];
    const start = first?.position?.start.offset;
    const end = last?.position?.end.offset;
    // A cell's Markdown as written; `<br>` is how tables spell a line break.
    return start === undefined || end === undefined
      ? ''
      : source
          .slice(start, end)
          .replace(/<br\s*\/?>/gi, '\n')
          .trim();
  };
  return {
    kind: 'qa-table',
    line: node.position?.start.line ?? 0,
    blankBefore,
    rows: rows.map((row) => ({
      line: row.position?.start.line ?? 0,
      question: cellText(row, q),
      answer: cellText(row, a),
      hint: cellText(row, column('hint')),
      tags: cellText(row, column('tags')),
      difficulty: cellText(row, column('difficulty')),
      id: cellText(row, column('id')),
      category: cellText(row, column('category')),
    })),
  };
}

const CALLOUT = /^\[!([A-Za-z-]+)\][+-]?[ \t]*(.*)$/;

function quoteBlock(node: Blockquote, source: string, blankBefore: boolean): Block {
  const raw = sourceOf(node, source);
  const lines = raw.split('\n').map((l) => l.replace(/^[ \t]{0,3}>[ \t]?/, ''));
  const head = CALLOUT.exec(lines[0]?.trim() ?? '');
  const callout = head ? (head[1] ?? '').toLowerCase() : null;
  const body = (head ? lines.slice(1) : lines).join('\n').trim();
  return { kind: 'quote', line: node.position?.start.line ?? 0, blankBefore, callout, calloutTitle: head?.[2]?.trim() ?? '', body, raw };
}

function contentBlock(node: RootContent, source: string, blankBefore: boolean): Block {
  const raw = sourceOf(node, source);
  const line = node.position?.start.line ?? 0;
  const endLine = node.position?.end.line ?? line;
  const fence = node.type === 'code' ? /^ {0,3}(`{3,}|~{3,})/.exec(raw) : null;
  const closed = fence ? new RegExp(`\\n {0,3}${fence[1]?.[0] === '`' ? '`' : '~'}{${fence[1]?.length ?? 3},}\\s*$`).test(raw) : true;
  return { kind: 'content', line, blankBefore, raw, type: node.type, endLine, unclosedFence: !closed };
}
