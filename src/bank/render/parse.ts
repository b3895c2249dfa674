import type { Root } from 'mdast';
import { parseBankMarkdown } from '../markdown.js';
import { capSourceNesting, capTreeNesting } from './depth.js';
import { mathToUnicode } from './math.js';
import { escapeMarkdownText, findSourceSpans, replaceSpans, type SourceSpan } from './source-spans.js';

/**
 * Parses text for rendering with the loader's markdown-it parse (micromark took minutes on thousands of
 * unmatched emphasis markers). Never deeper than the renderers can take: over-long container prefixes are
 * cut before parsing (the parser itself recursed on thousands of nested quotes), nesting past the caps
 * becomes "…", and text the parser still cannot take is shown as it is written. With `math: 'unicode'`
 * (chat and plain text), `$…$` becomes Unicode text; the HTML renderer puts its own MathML in first.
 */
export function parseForRender(markdown: string, math: 'unicode' | 'kept' = 'unicode'): Root {
  const source = capSourceNesting(markdown);
  let tree: Root;
  try {
    tree = parseBankMarkdown(
      withNewlines(
        math === 'unicode' ? rewriteSourceSpans(source, unicodeSpan) : rewriteSourceSpans(source, (span) => (span.kind === 'spacedLink' ? spacedLink(span.label, span.url) : null)),
      ),
    ).tree;
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: markdown }] }] };
  }
  capTreeNesting(tree);
  return tree;
}

/** Replaces the spans `replace` has an answer for; `null` keeps a span as written. */
export function rewriteSourceSpans(markdown: string, replace: (span: SourceSpan) => string | null): string {
  const spans = findSourceSpans(markdown);
  return replaceSpans(markdown, spans, (span) => replace(span) ?? markdown.slice(span.start, span.end));
}

function unicodeSpan(span: SourceSpan): string {
  if (span.kind === 'spacedLink') return spacedLink(span.label, span.url);
  return escapeMarkdownText(mathToUnicode(span.tex));
}

/**
 * A link whose address has a space is no link (CommonMark ends the address at the space): its text and
 * its address are shown as text, the address as code so no client links half of it.
 */
export function spacedLink(label: string, url: string): string {
  const fence = url.includes('`') ? '`` ' : '`';
  return `${label} (${fence}${url}${fence.split('').reverse().join('')})`;
}

/** The markdown-it parse expects `\n` line endings; answers built by hand may carry others. */
function withNewlines(markdown: string): string {
  return markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown;
}
