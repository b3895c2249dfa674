import type { Token } from 'markdown-it';
import type { AlignType, Code, List, ListItem, Nodes, Paragraph, Parent, PhrasingContent, Root, Table, TableCell, TableRow } from 'mdast';
import { type CellSpan, parseInline, type ParseEnv, type RowSpan, type Span } from './markdown-it-parser.js';

type Position = NonNullable<Root['position']>;

/**
 * markdown-it tokens as the mdast tree micromark would build for the same text: the same node types and
 * fields, and the same positions (line, column, offset) on every block node, list item, table row and
 * cell. Inline nodes carry no positions, except that a table cell's first and last child mark where its
 * Markdown starts and ends (the cell as written is sliced from them).
 */
export function tokensToMdast(tokens: Token[], source: string, env: ParseEnv = { tooDeepLine: null }): Root {
  const lines = lineStarts(source);
  const root: Root = { type: 'root', children: [], position: at(lines, source, { start: 0, end: source.length, endLine: lines.length - 1 }, 0) };
  // Parents whose children are blocks (root, quote, list, item, table, row); phrasing goes into `current`.
  const stack: Parent[] = [root];
  let current: Parent = root;
  const open = (node: Nodes & Parent): void => {
    current.children.push(node as never);
    stack.push(node);
    current = node;
  };
  const close = (): void => {
    stack.pop();
    current = stack[stack.length - 1] ?? root;
  };
  for (const token of tokens) {
    const position = token.meta && token.map ? at(lines, source, token.meta as unknown as Span, token.map[0]) : undefined;
    switch (token.type) {
      case 'paragraph_open':
        open({ type: 'paragraph', children: [], position });
        break;
      case 'heading_open':
        open({ type: 'heading', depth: Number(token.tag.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6, children: [], position });
        break;
      case 'blockquote_open':
        open({ type: 'blockquote', children: [], position });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const list: List = { type: 'list', ordered, start: ordered ? Number(token.attrGet('start') ?? 1) : null, spread: false, children: [], position };
        open(list);
        break;
      }
      case 'list_item_open':
        open({ type: 'listItem', spread: false, checked: null, children: [], position });
        break;
      case 'table_open':
        open({ type: 'table', align: [], children: [], position });
        break;
      case 'tr_open':
        open({ type: 'tableRow', children: [], position, data: { extra: (token.meta as RowSpan | null)?.extra ?? [] } as never });
        break;
      case 'tr_close': {
        const row = current as TableRow;
        const extra = (row.data as { extra?: CellSpan[] } | undefined)?.extra ?? [];
        delete row.data;
        for (const span of extra) {
          const cell: TableCell = { type: 'tableCell', children: [] };
          row.children.push(cell);
          lazyPhrasing(cell, source.slice(span.contentStart, span.contentEnd).replace(/\\\|/g, '|'), env, cellPositions(cell, span, lines, source));
        }
        close();
        break;
      }
      case 'th_open':
        // Header cells carry the column's alignment (`:--:`) as a style; mdast keeps it on the table.
        tableOf(stack)?.align?.push(alignmentOf(String(token.attrGet('style') ?? '')));
        open({ type: 'tableCell', children: [], data: { span: token.meta } as never });
        break;
      case 'td_open':
        open({ type: 'tableCell', children: [], data: { span: token.meta } as never });
        break;
      case 'paragraph_close':
      case 'heading_close':
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'table_close':
        close();
        break;
      case 'th_close':
      case 'td_close':
        close();
        break;
      case 'inline': {
        let content = token.content;
        const item = stack[stack.length - 2];
        if (current.type === 'paragraph' && item?.type === 'listItem' && item.children.length === 1) content = taskBox(item as ListItem, current as Paragraph, content, lines);
        const fix = current.type === 'tableCell' ? cellPositions(current as TableCell, cellSpan(current as TableCell), lines, source) : undefined;
        lazyPhrasing(current, content, env, fix);
        break;
      }
      case 'fence': {
        const info = token.info.trim();
        const space = info.search(/\s/);
        const code: Code = {
          type: 'code',
          lang: info === '' ? null : space < 0 ? info : info.slice(0, space),
          meta: space < 0 ? null : info.slice(space + 1).trim() || null,
          value: token.content.replace(/\n$/, ''),
          position,
        };
        current.children.push(code as never);
        break;
      }
      case 'code_block':
        current.children.push({ type: 'code', lang: null, meta: null, value: token.content.replace(/\n+$/, ''), position } as never);
        break;
      case 'html_block':
        current.children.push({ type: 'html', value: token.content.replace(/\n$/, ''), position } as never);
        break;
      case 'hr':
        current.children.push({ type: 'thematicBreak', position } as never);
        break;
      case 'definition':
        current.children.push({ type: 'definition', identifier: '', label: '', url: '', title: null, position } as never);
        break;
      case 'footnote_definition':
        current.children.push({ type: 'footnoteDefinition', identifier: '', label: '', children: [], position } as never);
        break;
      default:
        // thead/tbody have no mdast node; their rows go straight into the table.
        break;
    }
  }
  return root;
}

function tableOf(stack: Parent[]): Table | undefined {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.type === 'table') return stack[i] as Table;
  return undefined;
}

function alignmentOf(style: string): AlignType {
  const found = /text-align:\s*(left|right|center)/.exec(style)?.[1];
  return found === 'left' || found === 'right' || found === 'center' ? found : null;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function at(lines: number[], source: string, span: Span, startLine: number): Position {
  return { start: point(lines, startLine, span.start), end: point(lines, span.endLine, Math.min(span.end, source.length)) };
}

function point(lines: number[], line: number, offset: number): Position['start'] {
  return { line: line + 1, column: offset - (lines[line] ?? 0) + 1, offset };
}

function lineOf(lines: number[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Inline children are parsed the first time something reads them: the extraction reads most blocks from
 * their source text, so most never are. Once parsed (or assigned) they are an ordinary array.
 */
function lazyPhrasing(node: Parent, content: string, env: ParseEnv, fix?: (children: PhrasingContent[]) => void): void {
  let children: PhrasingContent[] | null = null;
  Object.defineProperty(node, 'children', {
    configurable: true,
    enumerable: true,
    get(): PhrasingContent[] {
      if (children === null) {
        children = content === '' ? [] : phrasing(parseInline(content, env), env.footnotes);
        fix?.(children);
      }
      return children;
    },
    set(value: PhrasingContent[]) {
      children = value;
    },
  });
}

/** GFM task items: `- [x] done` is a checked item whose paragraph (and text) starts after the box. */
function taskBox(item: ListItem, paragraph: Paragraph, content: string, lines: number[]): string {
  const box = /^\[([ xX])\][ \t]+(?=[^ \t\n])/.exec(content);
  const start = paragraph.position?.start;
  if (!box || !start || start.offset === undefined) return content;
  item.checked = box[1] !== ' ';
  const offset = start.offset + box[0].length;
  paragraph.position!.start = point(lines, lineOf(lines, offset), offset);
  return content.slice(box[0].length);
}

/** A cell spans its pipes; its Markdown as written runs from its first child's start to its last child's end. */
function cellPositions(cell: TableCell, span: CellSpan | null, lines: number[], source: string): ((children: PhrasingContent[]) => void) | undefined {
  if (!span) return undefined;
  const line = lineOf(lines, span.start);
  const pointAt = (offset: number) => point(lines, line, Math.min(offset, source.length));
  cell.position = { start: pointAt(span.start), end: pointAt(span.end) };
  return (children) => {
    const first = children[0];
    const last = children[children.length - 1];
    if (!first || !last) return;
    const start = pointAt(span.contentStart);
    const end = pointAt(span.contentEnd);
    first.position = { start, end: first === last ? end : start };
    last.position = { start: first === last ? start : end, end };
  };
}

function cellSpan(cell: TableCell): CellSpan | null {
  const span = (cell.data as { span?: CellSpan | null } | undefined)?.span ?? null;
  delete cell.data;
  return span;
}

/** Inline tokens as mdast phrasing; soft breaks are newlines inside text, as micromark leaves them. */
function phrasing(tokens: Token[], footnotes: Set<string> | undefined): PhrasingContent[] {
  const root: { children: PhrasingContent[] } = { children: [] };
  const stack: { children: PhrasingContent[] }[] = [root];
  let current = root;
  const push = (node: PhrasingContent): void => {
    current.children.push(node);
  };
  const text = (value: string): void => {
    const last = current.children[current.children.length - 1];
    if (last?.type === 'text') last.value += value;
    else push({ type: 'text', value });
  };
  const open = (node: PhrasingContent & { children: PhrasingContent[] }): void => {
    push(node);
    stack.push(node);
    current = node;
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        if (footnotes && token.content.includes('[^')) withFootnotes(token.content, footnotes, text, push);
        else if (token.content !== '') text(token.content);
        break;
      case 'softbreak':
        text('\n');
        break;
      case 'hardbreak':
        push({ type: 'break' });
        break;
      case 'code_inline':
        push({ type: 'inlineCode', value: token.content });
        break;
      case 'html_inline':
        push({ type: 'html', value: token.content });
        break;
      case 'image':
        push({ type: 'image', url: attr(token, 'src') ?? '', alt: token.content, title: attr(token, 'title') });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [] });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] });
        break;
      case 's_open':
        open({ type: 'delete', children: [] });
        break;
      case 'link_open':
        open({ type: 'link', url: attr(token, 'href') ?? '', title: attr(token, 'title'), children: [] });
        break;
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        current = stack[stack.length - 1] ?? root;
        break;
      default:
        if (token.content !== '') text(token.content);
    }
  }
  return root.children;
}

/** `[^label]` of a defined footnote is a footnoteReference (GFM), the rest stays text. */
function withFootnotes(value: string, footnotes: Set<string>, text: (value: string) => void, push: (node: PhrasingContent) => void): void {
  let from = 0;
  for (const m of value.matchAll(/\[\^([^\]\s]+)\]/g)) {
    const label = m[1] ?? '';
    if (!footnotes.has(label.toLowerCase())) continue;
    if (m.index > from) text(value.slice(from, m.index));
    push({ type: 'footnoteReference', identifier: label.toLowerCase(), label });
    from = m.index + m[0].length;
  }
  if (from < value.length) text(value.slice(from));
}

function attr(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}
