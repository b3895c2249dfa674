import type { Question } from '../../bank/types.js';
import type { BankService } from '../bank-service.js';
import { UserError } from '../errors.js';
import type { QuestionScope } from './types.js';

const EVERYTHING = new Set(['', 'all', 'any', 'everything', '*']);

/**
 * Turns typed names (`rag, fine`) into the categories and tags they mean. A name that matches only
 * through a tag is kept as a tag, so it does not widen into every category a tagged question sits in.
 * Returns null for "the whole bank".
 */
export function resolveScope(bank: BankService, typed: string): QuestionScope | null {
  const terms = typed
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (terms.length === 0 || (terms.length === 1 && EVERYTHING.has((terms[0] ?? '').toLowerCase()))) return null;

  const categories = new Set<string>();
  const tags = new Set<string>();
  for (const term of terms) {
    const needle = term.toLowerCase();
    const hits = bank.resolveCategories(term);
    const byName = hits.filter((name) => name.toLowerCase().includes(needle));
    if (byName.length > 0) byName.forEach((name) => categories.add(name));
    else if (hits.length > 0) tags.add(needle);
    else {
      const names = bank.categories().map((c) => c.name);
      throw new UserError('bad-input', `\`${term}\` matches no category. Categories: ${names.join(', ')}.`);
    }
  }
  return { categories: [...categories].sort(), tags: [...tags].sort(), typed: terms.join(', ') };
}

/** Whether a question is in scope: any named category or any named tag (OR, as people mean a list). */
export function inScope(question: Question, scope: QuestionScope | null): boolean {
  if (!scope || (scope.categories.length === 0 && scope.tags.length === 0)) return true;
  if (question.category !== null && scope.categories.includes(question.category)) return true;
  return question.tags.some((tag) => scope.tags.includes(tag.toLowerCase()));
}

/** For status lines. */
export function describeScope(scope: QuestionScope | null): string {
  if (!scope) return 'all categories';
  return [...scope.categories, ...scope.tags.map((t) => `#${t}`)].join(', ');
}
