import type { Question } from './types.js';

/** A letter per option, as `choices` are shown and as an answer names the right one (`**B.** …`). */
export const CHOICE_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

/**
 * What a question asks as Markdown: its words, and under them its options when it carries its own
 * (`A. …` one a line), so a daily post or practice card shows what the revealed `**B.** …` refers to.
 */
export function askedMarkdown(q: Pick<Question, 'question' | 'choices'>): string {
  if (!q.choices || q.choices.length === 0) return q.question;
  return `${q.question}\n\n${q.choices.map((c, i) => `**${CHOICE_LETTERS[i] ?? i + 1}.** ${c}`).join('\n')}`;
}
