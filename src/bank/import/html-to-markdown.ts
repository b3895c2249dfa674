import type { Element, Nodes as HastNodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast, type State } from 'hast-util-to-mdast';
import type { Root } from 'mdast';
import { serializeMarkdown } from '../markdown.js';

export interface ConvertedHtml {
  markdown: string;
  /** Pictures and sounds the field showed: their files are not in the bank, so each became `[image: name]` (brackets, since a `(note)` after a question is read as a tag). */
  media: number;
}

/** No tag, entity or character Markdown would read, and no line start that makes a list, heading or rule. */
const PLAIN = /^(?!\s*(?:[-+=]|\d+[.)]))[^<&*_`\\[\]#|~>]*$/;

/** A field past this is not converted (parsing it is the cost): it is far over any question's or answer's limit anyway. */
const MAX_HTML_CHARS = 200_000;

/**
 * HTML (an Anki field) → Markdown, the bank's format. hast-util-from-html parses with parse5, the HTML
 * standard's own algorithm, so the tag soup flash-card editors write (unclosed `<div>`s, `<br>` runs,
 * `&nbsp;`) reads as a browser would read it, without a DOM; hast-util-to-mdast and the serializer the
 * bank already uses turn it into Markdown (bold, lists, links, code, tables). Scripts and styles are dropped.
 */
export function htmlToMarkdown(html: string): ConvertedHtml {
  if (html.length > MAX_HTML_CHARS) return { markdown: html, media: 0 };
  // Most fields are words only: nothing for HTML or Markdown to read, so no parse (~0.2 ms a field).
  if (PLAIN.test(html)) return { markdown: html.replace(/\s+/g, ' ').trim(), media: 0 };
  let media = 0;
  const sounds = html.replace(/\[sound:([^\]]*)\]/g, (_, name: string) => {
    media++;
    return `[sound: ${name}]`;
  });
  const hast = fromHtml(sounds, { fragment: true });
  const mdast = toMdast(hast as HastNodes, {
    handlers: {
      img: (_state: State, node: Element) => {
        media++;
        const alt = String(node.properties.alt ?? '').trim();
        const src = String(node.properties.src ?? '').trim();
        return { type: 'text', value: `[image: ${alt || src || 'untitled'}]` };
      },
    },
  }) as Root;
  const markdown = serializeMarkdown(mdast, { bullet: '-', emphasis: '_', rule: '-' })
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    // Editors leave empty `<div><br></div>` lines; one blank line is all Markdown needs between blocks.
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, media };
}

/** Whether a field holds HTML: Anki's own exports say so in `#html:`; a hand-made file may not. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(?:br|div|p|b|i|u|strong|em|span|ul|ol|li|img|a|code|pre|sup|sub|table|font|hr)\b[^>]*>|&(?:nbsp|amp|lt|gt|quot|#\d+);/i.test(text);
}
