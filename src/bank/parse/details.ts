/**
 * `<details><summary>Question</summary> answer </details>` as a stream of tokens, so a question's
 * details box can hold nested ones (which stay in its answer) and one HTML block can hold several.
 */
export type DetailsToken =
  | { kind: 'open'; offset: number }
  | { kind: 'summary'; text: string; offset: number }
  | { kind: 'close'; offset: number }
  | { kind: 'text'; html: string; offset: number };

const TOKEN = /<details\b[^>]*>|<\/details\s*>|<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/gi;

export function detailsTokens(raw: string): DetailsToken[] {
  const tokens: DetailsToken[] = [];
  let pos = 0;
  for (const m of raw.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > pos) tokens.push({ kind: 'text', html: raw.slice(pos, at), offset: pos });
    const tag = m[0].toLowerCase();
    if (tag.startsWith('<summary')) tokens.push({ kind: 'summary', text: htmlToText(m[1] ?? ''), offset: at });
    else if (tag.startsWith('</')) tokens.push({ kind: 'close', offset: at });
    else tokens.push({ kind: 'open', offset: at });
    pos = at + m[0].length;
  }
  if (pos < raw.length) tokens.push({ kind: 'text', html: raw.slice(pos), offset: pos });
  return tokens;
}

/** `<details>` opened minus closed in a block of HTML. */
export function detailsBalance(raw: string): number {
  return (raw.match(/<details\b/gi)?.length ?? 0) - (raw.match(/<\/details\s*>/gi)?.length ?? 0);
}

/** `Answer`, `Show answer`, `Solution`: a summary that labels the answer box of the question above. */
export function isAnswerLabel(summary: string): boolean {
  return /^(?:(?:show|see|reveal|click for|view)\s+)?(?:the\s+)?(?:answers?|solutions?)\s*:?$/i.test(summary.replace(/[*_`]/g, '').trim());
}

/** Summaries hold inline HTML (`<b>`, `<code>`); keep the words and turn the common tags into Markdown. */
export function htmlToText(html: string, multiline = false): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(?:b|strong)>/gi, '**')
    .replace(/<\/?(?:i|em)>/gi, '*')
    .replace(/<\/?code>/gi, '`')
    .replace(/<\/?p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
  return multiline ? text.replace(/\n{3,}/g, '\n\n').trim() : text.replace(/\s+/g, ' ').trim();
}
