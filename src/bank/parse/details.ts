/** `<details><summary>Question</summary> answer </details>`, on one line or spread over several blocks. */
export function parseDetailsOpen(raw: string): { question: string; answer: string; closed: boolean } | null {
  if (!/<details[\s>]/i.test(raw)) return null;
  const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(raw);
  if (!summary) return null;
  const question = htmlToText(summary[1] ?? '');
  const after = raw.slice((summary.index ?? 0) + summary[0].length);
  const closed = /<\/details>/i.test(after);
  const answer = htmlToText(after.replace(/<\/details>[\s\S]*$/i, ''), true);
  return { question, answer, closed };
}

export function isDetailsClose(raw: string): boolean {
  return /<\/details>/i.test(raw);
}

/** Summaries hold inline HTML (`<b>`, `<code>`); keep the words and turn the common tags into Markdown. */
function htmlToText(html: string, multiline = false): string {
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
