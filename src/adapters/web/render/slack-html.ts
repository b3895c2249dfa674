import { escapeHtml, safeHref } from './markdown-html.js';

/**
 * Slack mrkdwn (as the Slack renderer writes it) to HTML, for the bank preview: ``` blocks, `> ` quotes,
 * `*bold*`, `_italic_`, `~strike~`, `` `code` `` and `<url|text>` links. Slack text arrives with `&`, `<`
 * and `>` already as entities; they are decoded and every piece is escaped again before any tag is added.
 */
export function slackToHtml(mrkdwn: string): string {
  const out: string[] = [];
  const parts = mrkdwn.split(/```/);
  parts.forEach((part, i) => {
    // Odd parts sit between fences (an unclosed last fence stays text, as in Slack).
    if (i % 2 === 1 && i < parts.length - 1) out.push(`<pre><code>${escapeHtml(decode(part.replace(/^\n|\n$/g, '')))}</code></pre>`);
    else out.push(blocks(i % 2 === 1 ? `\`\`\`${part}` : part));
  });
  return out.join('');
}

/** Paragraphs at blank lines; inside one, lines break where Slack breaks them and `> ` lines are quotes. */
function blocks(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((para) => para.trim() !== '')
    .map((para) => {
      const html: string[] = [];
      let run: { quote: boolean; lines: string[] } | null = null;
      const flush = () => {
        if (run) html.push(run.quote ? `<blockquote>${run.lines.join('<br>')}</blockquote>` : `<p>${run.lines.join('<br>')}</p>`);
        run = null;
      };
      for (const line of para.split('\n')) {
        const quoted = /^> ?(.*)$/.exec(line);
        const quote = quoted !== null;
        if (!run || run.quote !== quote) {
          flush();
          run = { quote, lines: [] };
        }
        run.lines.push(inline(quoted ? (quoted[1] ?? '') : line));
      }
      flush();
      return html.join('');
    })
    .join('');
}

/** Links are cut out first (their text is formatted, their url never); then code spans, then emphasis. */
function inline(line: string): string {
  return line
    .split(/(<[^<>\s|]+(?:\|[^<>]*)?>)/)
    .map((piece) => {
      const link = /^<([^<>\s|]+)(?:\|([^<>]*))?>$/.exec(piece);
      if (!link) return formatted(piece);
      const url = decode(link[1] ?? '');
      const label = formatted(link[2] ?? url);
      const href = safeHref(url);
      return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${label}</a>` : label;
    })
    .join('');
}

function formatted(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((piece) => {
      if (/^`[^`]+`$/.test(piece)) return `<code>${escapeHtml(decode(piece.slice(1, -1)))}</code>`;
      return escapeHtml(decode(piece))
        .replace(/(^|[\s(\u200b])\*([^*\n]+)\*(?=$|[\s.,;:!?)\u200b])/g, '$1<strong>$2</strong>')
        .replace(/(^|[\s(\u200b])_([^_\n]+)_(?=$|[\s.,;:!?)\u200b])/g, '$1<em>$2</em>')
        .replace(/(^|[\s(\u200b])~([^~\n]+)~(?=$|[\s.,;:!?)\u200b])/g, '$1<del>$2</del>');
    })
    .join('');
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
