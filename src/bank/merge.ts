import { questionId } from './ids.js';
import type { RawQuestion } from './parse/draft.js';
import type { Question } from './types.js';

export interface SourcedQuestion extends RawQuestion {
  file: string;
}

/**
 * The same question in several places becomes one: sources list every place, the longest answer wins
 * (banks that share questions differ in how much they explain), hints and tags are united, and the
 * category is the one from the place that supplied the answer.
 */
export function mergeQuestions(found: Iterable<SourcedQuestion>): Question[] {
  const byId = new Map<string, Question>();
  for (const q of found) {
    const id = questionId(q.question);
    const existing = byId.get(id);
    const source = { file: q.file, line: q.line };
    if (!existing) {
      byId.set(id, {
        id,
        question: q.question,
        answer: q.answer,
        hints: [...q.hints],
        category: q.category,
        tags: unique(q.tags),
        sources: [source],
      });
      continue;
    }
    existing.sources.push(source);
    if (q.answer !== null && (existing.answer === null || q.answer.length > existing.answer.length)) {
      existing.answer = q.answer;
      if (q.category !== null) existing.category = q.category;
    }
    existing.category ??= q.category;
    existing.hints = unique([...existing.hints, ...q.hints]);
    existing.tags = unique([...existing.tags, ...q.tags]);
  }
  return [...byId.values()];
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
