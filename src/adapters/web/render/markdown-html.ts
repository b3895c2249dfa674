import type { Nodes, Parents, Table } from 'mdast';
import temml from 'temml';
import { parseForRender, rewriteSourceSpans } from '../../../bank/render/parse.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The one way text reaches the page as HTML: every character that could start markup is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Only links that leave for an ordinary web page; `javascript:` and friends become plain text. */
export function safeHref(url: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(url.trim()) ? url.trim() : null;
}

export interface HtmlOptions {
  /** Discord's `||spoiler||` inside text. */
  spoilers?: boolean;
}

/**
 * Markdown (CommonMark + GFM, parsed with the bank's own parser) to a small, fixed set of HTML tags.
 * Text is escaped; raw HTML in the source is shown as the text it is, never as markup; images become
 * links, so the page never loads anything from elsewhere.
 */
export function markdownToHtml(markdown: string, options: HtmlOptions = {}): string {
  const formulas: Formula[] = [];
  const source = rewriteSourceSpans(markdown.replace(ANY_MARK, ''), (span) => {
    if (span.kind !== 'math') return null;
    formulas.push({ source: markdown.slice(span.start, span.end), html: mathHtml(span.tex, span.display) });
    return `${MARK_OPEN}${formulas.length - 1}${MARK_CLOSE}`;
  });
  const html = renderNode(parseForRender(source, 'kept'), { ...options, formulas });
  // A mark left outside text (inside a link address, say) goes back to the TeX it stood for, as text.
  return formulas.length === 0 ? html : html.replace(MARK, (_, n: string) => escapeHtml(formulas[Number(n)]?.source ?? ''));
}

interface Formula {
  source: string;
  html: string;
}

interface RenderOptions extends HtmlOptions {
  formulas: readonly Formula[];
}

/** Private-use marks stand for formulas while the Markdown is parsed; marks already in the input are dropped. */
const MARK_OPEN = '\uE020';
const MARK_CLOSE = '\uE021';
const MARK = /\uE020(\d+)\uE021/g;
const ANY_MARK = /[\uE020\uE021]/g;
/** Longer TeX is shown as code: no formula in a question is this long, and temml's time grows with it. */
const MAX_TEX = 2000;

/** MathML from temml, which escapes what it does not understand and, untrusted, draws no links or styles from input. */
function mathHtml(tex: string, display: boolean): string {
  if (tex.length > MAX_TEX) return `<code>${escapeHtml(tex)}</code>`;
  // temml marks a display formula with an inline style, which the page's CSP (style-src 'self') refuses
  // and reports as an error; MathML's own display attribute says the same.
  return temml.renderToString(tex, { displayMode: display, throwOnError: false, trust: false }).replace(/^<math([^>]*?) style="display:block math;"/, '<math$1');
}

/** Formulas go back only into text, never into an attribute. */
function withFormulas(html: string, o: RenderOptions): string {
  return o.formulas.length === 0 ? html : html.replace(MARK, (_, n: string) => o.formulas[Number(n)]?.html ?? '');
}

function children(node: Parents, options: RenderOptions): string {
  return node.children.map((child) => renderNode(child, options)).join('');
}

function renderNode(node: Nodes, o: RenderOptions): string {
  switch (node.type) {
    case 'root':
      return children(node, o);
    case 'paragraph':
      return `<p>${children(node, o)}</p>`;
    case 'heading':
      // Chat messages have no page outline: a heading is a bold line.
      return `<p class="md-heading"><strong>${children(node, o)}</strong></p>`;
    case 'thematicBreak':
      return '<hr>';
    case 'blockquote':
      return `<blockquote>${children(node, o)}</blockquote>`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && typeof node.start === 'number' && node.start !== 1 ? ` start="${Math.trunc(node.start)}"` : '';
      return `<${tag}${start}>${children(node, o)}</${tag}>`;
    }
    case 'listItem': {
      const box = node.checked === true ? '☑ ' : node.checked === false ? '☐ ' : '';
      // Tight list items hold bare paragraphs; unwrapping them keeps bullets compact.
      const inner = node.spread ? children(node, o) : node.children.map((c) => (c.type === 'paragraph' ? children(c, o) : renderNode(c, o))).join('');
      return `<li>${escapeHtml(box)}${inner}</li>`;
    }
    case 'code': {
      const lang = node.lang && /^[\w+#.-]{1,30}$/.test(node.lang) ? ` data-lang="${escapeHtml(node.lang)}"` : '';
      return `<pre${lang}><code>${escapeHtml(node.value)}</code></pre>`;
    }
    case 'html':
      return node.value.trim() === '' ? '' : `<span class="md-raw">${escapeHtml(node.value)}</span>`;
    case 'text':
      // Chat platforms break lines where the text does (quiz choices, lists typed as lines).
      return withFormulas((o.spoilers ? withSpoilers(node.value) : escapeHtml(node.value)).replace(/\n/g, '<br>'), o);
    case 'emphasis':
      return `<em>${children(node, o)}</em>`;
    case 'strong':
      return `<strong>${children(node, o)}</strong>`;
    case 'delete':
      return `<del>${children(node, o)}</del>`;
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'break':
      return '<br>';
    case 'link':
      return link(node.url, children(node, o));
    case 'image':
      return link(node.url, escapeHtml(node.alt ? `[image: ${node.alt}]` : '[image]'));
    case 'linkReference':
      return children(node, o);
    case 'imageReference':
      return escapeHtml(node.alt ? `[image: ${node.alt}]` : '[image]');
    case 'footnoteReference':
      return `<sup>${escapeHtml(node.label ?? node.identifier)}</sup>`;
    case 'table':
      return table(node, o);
    case 'definition':
    case 'yaml':
      return '';
    default:
      // footnoteDefinition, tableRow/tableCell outside a table: keep whatever text they hold.
      return 'children' in node ? children(node as Parents, o) : '';
  }
}

function link(url: string, inner: string): string {
  const href = safeHref(url);
  if (!href) return inner;
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${inner}</a>`;
}

function table(node: Table, o: RenderOptions): string {
  const [head, ...body] = node.children;
  const cells = (row: Table['children'][number], tag: 'th' | 'td') => row.children.map((cell) => `<${tag}>${children(cell, o)}</${tag}>`).join('');
  const thead = head ? `<thead><tr>${cells(head, 'th')}</tr></thead>` : '';
  return `<div class="md-table"><table>${thead}<tbody>${body.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table></div>`;
}

/** `a ||secret|| b` → escaped text with the secret in a spoiler span the page can uncover. */
function withSpoilers(text: string): string {
  return text
    .split(/(\|\|[^|]+\|\|)/)
    .map((part) => (/^\|\|[^|]+\|\|$/.test(part) ? `<span class="spoiler">${escapeHtml(part.slice(2, -2))}</span>` : escapeHtml(part)))
    .join('');
}
