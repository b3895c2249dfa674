import type { Question } from '../../bank/types.js';
import type { QuestionFilter } from './types.js';

/** Whether a question passes a filter (categories, tags, levels, answered only); an empty filter passes all. */
export function matches(q: Question, f: QuestionFilter): boolean {
  if (f.answeredOnly && q.answer === null) return false;
  if (f.difficulties && f.difficulties.length > 0 && (q.difficulty === null || !f.difficulties.includes(q.difficulty))) return false;
  if (f.categories && f.categories.length > 0 && (q.category === null || !f.categories.includes(q.category))) return false;
  if (f.tags && f.tags.length > 0) {
    const tags = q.tags.map((t) => t.toLowerCase());
    if (!f.tags.some((t) => tags.includes(t.toLowerCase()))) return false;
  }
  return true;
}

/** Each category with how many questions it has and how many of them have an answer, by name. */
export function categoryCounts(questions: readonly Question[]): { name: string; questions: number; answered: number }[] {
  const counts = new Map<string, { questions: number; answered: number }>();
  for (const q of questions) {
    if (q.category === null) continue;
    const c = counts.get(q.category) ?? { questions: 0, answered: 0 };
    c.questions++;
    if (q.answer !== null) c.answered++;
    counts.set(q.category, c);
  }
  return [...counts.entries()].map(([name, c]) => ({ name, ...c })).sort((a, b) => a.name.localeCompare(b.name));
}

/** See BankService.resolveCategories. */
export function resolveCategories(questions: readonly Question[], input: string): string[] {
  const needle = input.trim().toLowerCase();
  if (needle === '') return [];
  const names = [...new Set(questions.map((q) => q.category).filter((c): c is string => c !== null))];
  const exact = names.filter((n) => n.toLowerCase() === needle);
  if (exact.length > 0) return exact;
  const word = names.filter((n) =>
    n
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .some((w) => w.startsWith(needle)),
  );
  if (word.length > 0) return word;
  const within = names.filter((n) => n.toLowerCase().includes(needle));
  if (within.length > 0) return within;
  const tagged = new Set(
    questions
      .filter((q) => q.tags.some((t) => t.toLowerCase() === needle))
      .map((q) => q.category)
      .filter((c): c is string => c !== null),
  );
  return [...tagged];
}
