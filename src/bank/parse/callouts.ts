/** Obsidian/GitHub callout kinds that hold a question's answer or hint rather than an aside. */
export const ANSWER_CALLOUTS = new Set(['ans', 'answer', 'answers', 'solution', 'success', 'check', 'done']);
export const HINT_CALLOUTS = new Set(['hint', 'hints']);

/**
 * No chat platform renders `> [!TIP]`, so an aside callout inside an answer becomes a plain quote with
 * its kind in bold: `> **Tip:** …`.
 */
export function calloutAsQuote(kind: string, title: string, body: string): string {
  const label = title !== '' ? title : kind.charAt(0).toUpperCase() + kind.slice(1);
  const lines = body.split('\n');
  const first = `**${label.replace(/:$/, '')}:**${lines[0] ? ` ${lines[0]}` : ''}`;
  return [first, ...lines.slice(1)].map((l) => (l === '' ? '>' : `> ${l}`)).join('\n');
}
