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
  return [...mergeById(found).values()];
}

/**
 * A copy of the string that shares nothing with the file text it was cut from. V8 keeps slices of a
 * string as views into the parent, so one kept category or question pins its whole file's text, and an
 * ASCII answer cut from a file with one emoji stays two bytes per character. Measured on a 100,000
 * question bank: the file texts alone were ~115 MB of the bank's retained heap.
 */
function own(text: string): string {
  return decoder.decode(encoder.encode(text));
}
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function mergeById(found: Iterable<SourcedQuestion>): Map<string, Question> {
  const byId = new Map<string, Question>();
  for (const q of found) {
    const id = questionId(q.question);
    const existing = byId.get(id);
    const source = { file: q.file, line: q.line };
    if (!existing) {
      byId.set(id, {
        id,
        question: own(q.question),
        answer: q.answer === null ? null : own(q.answer),
        hints: q.hints.map(own),
        category: q.category === null ? null : own(q.category),
        tags: unique(q.tags).map(own),
        sources: [source],
      });
      continue;
    }
    existing.sources.push(source);
    if (q.answer !== null && (existing.answer === null || q.answer.length > existing.answer.length)) {
      existing.answer = own(q.answer);
      if (q.category !== null) existing.category = own(q.category);
    }
    existing.category ??= q.category === null ? null : own(q.category);
    existing.hints = unique([...existing.hints, ...q.hints.map(own)]);
    existing.tags = unique([...existing.tags, ...q.tags.map(own)]);
  }
  return byId;
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
