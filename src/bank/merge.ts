import { questionId } from './ids.js';
import type { RawQuestion } from './parse/draft.js';
import type { BankWarning, Question, SourceRef } from './types.js';

export interface SourcedQuestion extends RawQuestion {
  file: string;
}

/**
 * The same question in several places becomes one: sources list every place, the longest answer wins
 * (banks that share questions differ in how much they explain), hints and tags are united, and the
 * category is the one from the place that supplied the answer. "The same" means the same words once
 * numbering, contractions, quotes and punctuation are folded (see normalizeQuestionText). A question's
 * id is its author's `Id:` when it has one, else made from those words. Problems with explicit ids
 * (two questions claiming one) are pushed onto `warnings`.
 */
export function mergeQuestions(found: Iterable<SourcedQuestion>, warnings: BankWarning[] = []): Question[] {
  const groups = mergeByWords(found);
  const taken = new Map<string, SourceRef>();
  for (const [key, g] of groups) taken.set(key, g.question.sources[0] ?? { file: '', line: 0 });
  for (const [key, g] of groups) {
    if (!g.explicit) continue;
    const other = taken.get(g.explicit.id);
    if (other && other !== taken.get(key)) {
      warnings.push({ ...g.explicit.at, message: `id \`${g.explicit.id}\` is already the id of the question at ${other.file}:${other.line}; this one keeps the id made from its words` });
      continue;
    }
    taken.set(g.explicit.id, taken.get(key) ?? g.explicit.at);
    g.question.id = g.explicit.id;
  }
  for (const g of groups.values()) for (const w of g.idWarnings) warnings.push(w);
  return [...groups.values()].map((g) => g.question);
}

interface Group {
  question: Question;
  explicit: { id: string; at: SourceRef } | null;
  idWarnings: BankWarning[];
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

function mergeByWords(found: Iterable<SourcedQuestion>): Map<string, Group> {
  const byKey = new Map<string, Group>();
  for (const q of found) {
    const key = questionId(q.question);
    const existing = byKey.get(key);
    const source = { file: q.file, line: q.line };
    if (!existing) {
      byKey.set(key, {
        question: {
          id: key,
          question: own(q.question),
          answer: q.answer === null ? null : own(q.answer),
          hints: q.hints.map(own),
          category: q.category === null ? null : own(q.category),
          tags: unique(q.tags).map(own),
          difficulty: q.difficulty,
          sources: [source],
        },
        explicit: q.id === null ? null : { id: own(q.id), at: source },
        idWarnings: [],
      });
      continue;
    }
    const merged = existing.question;
    merged.sources.push(source);
    if (q.answer !== null && (merged.answer === null || q.answer.length > merged.answer.length)) {
      merged.answer = own(q.answer);
      if (q.category !== null) merged.category = own(q.category);
    }
    merged.category ??= q.category === null ? null : own(q.category);
    merged.difficulty ??= q.difficulty;
    merged.hints = unique([...merged.hints, ...q.hints.map(own)]);
    merged.tags = unique([...merged.tags, ...q.tags.map(own)]);
    if (q.id === null) continue;
    if (!existing.explicit) existing.explicit = { id: own(q.id), at: source };
    else if (existing.explicit.id !== q.id) {
      const first = existing.explicit;
      existing.idWarnings.push({ ...source, message: `this question already has the id \`${first.id}\` (${first.at.file}:${first.at.line}); \`${q.id}\` is ignored` });
    }
  }
  return byKey;
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
