import MarkdownIt from 'markdown-it';
import type { StateBlock, StateCore, Token } from 'markdown-it';

/**
 * The markdown-it instance the bank loader parses with, and what it records while parsing: where each
 * block starts and ends in the source (markdown-it keeps only line ranges), and where nesting was cut.
 * The mdast conversion (markdown-it-mdast.ts) turns the tokens into the tree shape the extraction reads.
 */

/**
 * Block nesting (a list counts twice, for the list and its item; a quote once) past which lists and
 * quotes are read as plain text. No bank nests an answer 20 lists deep; a file that does is hostile or
 * broken, and each further level costs markdown-it a recursive pass over the lines below it.
 */
export const MAX_BLOCK_LEVEL = 40;

/** Offsets of a block in the source, stored on its opening token's `meta`. */
export type Span = {
  start: number;
  end: number;
  /** 0-based line the block ends on (its last non-blank line). */
  endLine: number;
};

/** A table cell (pipes included) and its trimmed content, as offsets; stored on th/td_open `meta`. */
export type CellSpan = {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
};

/** A table row: its Span, and the cells written past the header's count. */
export type RowSpan = Span & { extra: CellSpan[] };

/** Per-parse notes, passed to markdown-it as its `env`. */
export type ParseEnv = {
  /** 0-based first line where nesting went past MAX_BLOCK_LEVEL, or null. */
  tooDeepLine: number | null;
  /** Labels of the file's footnote definitions, so `[^label]` reads as a reference to one. */
  footnotes?: Set<string>;
};

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

export const markdownIt = createParser();

function createParser() {
  // 'default' has tables and strikethrough; HTML blocks must stay HTML (`<details>` banks) rather than text.
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  md.core.ruler.at('normalize', normalizeKeepingOffsets);
  md.block.ruler.before('reference', 'footnote', footnoteDefinition, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  for (const rule of md.block.ruler.__rules__) rule.fn = tracked(rule.name, rule.fn);
  md.block.ruler.__cache__ = null;
  // Inline content is parsed later, and only where a reader asks for it (see parseInline).
  md.core.ruler.disable(['inline', 'text_join', 'replacements', 'smartquotes', 'linkify']);
  return md;
}

const inlineParser = new MarkdownIt('default', { html: true, linkify: false, typographer: false }).disable(['replacements', 'smartquotes', 'linkify']);
// Links and addresses as written (escapes and entities decoded), as micromark gives them: markdown-it
// would percent-encode addresses and leave a `javascript:` link as literal Markdown; each renderer keeps
// only the schemes its platform may show (the page: http, https, mailto).
inlineParser.validateLink = () => true;
inlineParser.normalizeLink = (url) => url;
inlineParser.normalizeLinkText = (text) => text;

/**
 * One block's inline Markdown as tokens. The extraction reads nearly every block from its source text,
 * so parsing inline content up front (most of markdown-it's time) would be wasted; `env` carries the
 * file's link definitions so `[text][ref]` still resolves.
 */
export function parseInline(content: string, env: ParseEnv): Token[] {
  return inlineParser.parseInline(content, env)[0]?.children ?? [];
}

/**
 * markdown-it's own normalisation turns `\r\n` into `\n`, which would shift every offset after it away
 * from the text the caller slices. Same-length replacements keep them true.
 */
function normalizeKeepingOffsets(state: StateCore): void {
  let src = state.src;
  if (src.includes('\r')) src = src.replace(/\r\n/g, ' \n').replace(/\r/g, '\n');
  if (src.includes('\0')) src = src.replace(/\0/g, '\uFFFD');
  state.src = src;
}

function tracked(name: string, rule: BlockRule): BlockRule {
  const container = name === 'list' || name === 'blockquote';
  return (state, startLine, endLine, silent) => {
    if (container && state.level >= MAX_BLOCK_LEVEL) {
      // Declining here makes the line a paragraph (or code) at this depth: the rest of the file still parses.
      if (rule(state, startLine, endLine, true)) noteTooDeep(state, startLine);
      return false;
    }
    if (silent) return rule(state, startLine, endLine, true);
    const first = state.tokens.length;
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    // Code and HTML keep their indentation (as mdast positions them): they start where the container's does.
    const lineStart = name === 'code' || name === 'html_block' ? Math.min(start, containerStart(state, startLine)) : start;
    if (!rule(state, startLine, endLine, false)) return false;
    if (name === 'reference') {
      // markdown-it drops definitions from the token stream; mdast keeps them, and the lines they take matter.
      const token = state.push('definition', '', 0);
      token.map = [startLine, state.line];
      token.meta = span(state, lineStart, startLine, state.line);
      return true;
    }
    const token = state.tokens[first];
    if (!token) return true;
    token.meta = name === 'fence' && runsToEnd(state, startLine) ? { start, end: state.src.length, endLine: lastLine(state) } : span(state, lineStart, startLine, state.line);
    if (name === 'list') markItems(state, first);
    else if (name === 'table') markCells(state, first);
    return true;
  };
}

/** A fence never closed runs to the end of the file, blank lines included, as micromark positions it. */
function runsToEnd(state: StateBlock, startLine: number): boolean {
  const total = state.bMarks.length - 1;
  if (state.line < total || state.lineMax < total) return false;
  const closing = state.line - 1;
  if (closing === startLine) return true;
  const open = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]!);
  const fence = /^(`{3,}|~{3,})/.exec(open)?.[1] ?? '```';
  const close = state.src.slice(state.bMarks[closing]! + state.tShift[closing]!, state.eMarks[closing]!).trimEnd();
  return !(close.length >= fence.length && close === (fence[0] ?? '`').repeat(close.length));
}

/** 0-based line of the end of the text: the empty line after a final newline, when there is one. */
function lastLine(state: StateBlock): number {
  const total = state.bMarks.length - 1;
  return state.src.endsWith('\n') ? total : total - 1;
}

function noteTooDeep(state: StateBlock, line: number): void {
  const env = state.env as Partial<ParseEnv>;
  if (env.tooDeepLine === undefined || env.tooDeepLine === null || line < env.tooDeepLine) env.tooDeepLine = line;
}

function span(state: StateBlock, start: number, startLine: number, nextLine: number): Span {
  const endLine = lastContentLine(state, startLine, nextLine);
  return { start, end: Math.max(start, state.eMarks[endLine]!), endLine };
}

/** Blocks end on their last non-blank line; markdown-it's line ranges may include the blank lines after. */
function lastContentLine(state: StateBlock, from: number, to: number): number {
  for (let line = to - 1; line > from; line--) {
    if (state.bMarks[line]! + state.tShift[line]! < state.eMarks[line]!) return line;
  }
  return from;
}

/**
 * Where the current container's content begins on a line: after its indentation, not the block's own.
 * On a list item's first line (markdown-it has moved tShift past the marker) the marker counts too.
 */
function containerStart(state: StateBlock, line: number): number {
  const src = state.src;
  let pos = state.bMarks[line]!;
  const content = pos + state.tShift[line]!;
  let leading = pos;
  while (leading < content && isSpace(src.charCodeAt(leading))) leading++;
  const markerLine = leading < content;
  let column = 0;
  while (pos < content && column < state.blkIndent) {
    const ch = src.charCodeAt(pos);
    if (ch === 0x09) column += 4 - (column % 4);
    else if (ch === 0x20 || markerLine) column++;
    else break;
    pos++;
  }
  return pos;
}

/**
 * `[^label]: text` (GFM footnotes, which micromark reads and markdown-it does not): the line, the lines
 * indented under it and lazy continuation lines, as one block. Its content is not parsed: no bank
 * question lives in a footnote, and mdast's footnoteDefinition is read as a plain content block.
 */
function footnoteDefinition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const head = state.src.slice(start, Math.min(state.eMarks[startLine]!, start + 1002));
  const label = /^\[\^([^\]\s]+)\]:/.exec(head)?.[1];
  if (label === undefined) return false;
  if (silent) return true;
  const env = state.env as ParseEnv;
  (env.footnotes ??= new Set()).add(label.toLowerCase());
  const interrupters = state.md.block.ruler.getRules('paragraph');
  let next = startLine + 1;
  let last = next;
  while (next < endLine) {
    if (state.isEmpty(next)) next++;
    else if (state.sCount[next]! - state.blkIndent >= 4) last = ++next;
    else if (next === last && state.sCount[next]! >= state.blkIndent && !interrupters.some((rule) => rule(state, next, endLine, true))) last = ++next;
    else break;
  }
  state.line = last;
  const token = state.push('footnote_definition', '', 0);
  token.map = [startLine, last];
  return true;
}

/** Each item starts at its marker and ends on its last non-blank line, as mdast positions them. */
function markItems(state: StateBlock, first: number): void {
  const listLevel = state.tokens[first]!.level;
  for (let i = first + 1; i < state.tokens.length; i++) {
    const token = state.tokens[i]!;
    if (token.type !== 'list_item_open' || token.level !== listLevel + 1 || !token.map) continue;
    const [from, to] = token.map;
    token.meta = span(state, state.bMarks[from]! + state.tShift[from]!, from, to);
  }
}

/**
 * Rows span their line; a cell spans its content between the pipes, split as markdown-it splits it.
 * Cells past the header's count, which markdown-it drops and mdast keeps, go on the row as `extra`.
 */
function markCells(state: StateBlock, first: number): void {
  let cells: CellSpan[] = [];
  let cell = 0;
  let row: RowSpan | null = null;
  for (let i = first + 1; i < state.tokens.length; i++) {
    const token = state.tokens[i]!;
    if (token.type === 'table_close') break;
    if (token.type === 'tr_open' && token.map) {
      const line = token.map[0];
      cells = splitRow(state.src, state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
      cell = 0;
      row = { ...span(state, state.bMarks[line]! + state.tShift[line]!, line, line + 1), extra: [] };
      token.meta = row;
    } else if (token.type === 'th_open' || token.type === 'td_open') {
      token.meta = cells[cell++] ?? null;
    } else if (token.type === 'tr_close' && row) {
      row.extra = cells.slice(cell);
    }
  }
}

/**
 * markdown-it's escapedSplit, keeping offsets: `|` splits unless escaped; empty outer cells are dropped.
 * A cell runs from the pipe before it to the next pipe (the last one to the end of the line), as mdast
 * positions cells; its content is the text between, trimmed.
 */
export function splitRow(src: string, from: number, lineEnd: number): CellSpan[] {
  let to = lineEnd;
  while (to > from && isSpace(src.charCodeAt(to - 1))) to--;
  const cells: CellSpan[] = [];
  let cellStart = from;
  let escaped = false;
  for (let pos = from; pos <= to; pos++) {
    const ch = pos < to ? src.charCodeAt(pos) : 0x7c;
    if (ch === 0x7c && !escaped) {
      let contentStart = cellStart;
      let contentEnd = pos;
      while (contentStart < contentEnd && isSpace(src.charCodeAt(contentStart))) contentStart++;
      while (contentEnd > contentStart && isSpace(src.charCodeAt(contentEnd - 1))) contentEnd--;
      cells.push({ start: cellStart > from ? cellStart - 1 : from, end: pos, contentStart, contentEnd });
      cellStart = pos + 1;
    }
    escaped = ch === 0x5c;
  }
  const empty = (cell: CellSpan | undefined): boolean => cell !== undefined && cell.contentStart === cell.contentEnd;
  if (empty(cells[0]) && src.charCodeAt(from) === 0x7c) cells.shift();
  if (cells.length > 0 && empty(cells[cells.length - 1]) && src.charCodeAt(to - 1) === 0x7c) cells.pop();
  const last = cells[cells.length - 1];
  if (last) last.end = lineEnd;
  return cells;
}

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09;
}

/** Parses into markdown-it tokens; block opening tokens carry a Span in `meta`. */
export function tokenize(text: string): { tokens: Token[]; env: ParseEnv } {
  const env: ParseEnv = { tooDeepLine: null };
  const tokens = markdownIt.parse(text, env);
  return { tokens, env };
}
