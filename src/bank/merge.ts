import { questionId } from './ids.js';
import type { RawQuestion } from './parse/draft.js';
import type { BankWarning, Question, SourceRef } from './types.js';

export interface SourcedQuestion extends RawQuestion {
  file: string;
  /** questionId(question), when the parser already made it (the parse worker does, off the main thread). */
  key?: string;
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
  const merger = new QuestionMerger();
  for (const q of found) merger.add(q);
  return merger.finish(warnings);
}

/**
 * mergeQuestions one question at a time, so a loader can merge each file as it arrives: the work is
 * spread over many short turns of the event loop instead of one long one at the end, and a file's parse
 * (with the file text its strings point into) can be dropped as soon as it is merged.
 */
export class QuestionMerger {
  private readonly byKey = new Map<string, Group>();
  /** In the order first met, which is the bank's order. */
  private readonly questions: Question[] = [];
  /** Groups with an explicit id or an id warning: the only ones finish() has to look at again. */
  private readonly marked = new Set<Group>();
  private readonly copy: (text: string) => string;

  /**
   * `fresh`: the strings given share nothing with a file's text already (made by ownedQuestion in the
   * parse worker, or out of JSON.parse), so copying them again would only cost time.
   */
  constructor(options: { fresh?: boolean } = {}) {
    this.copy = options.fresh ? same : own;
  }

  add(q: SourcedQuestion): void {
    this.addFrom(q.file, q);
  }

  /** add() without a copy of the question to give it its file: a large bank merges 100,000 of them. */
  addFrom(file: string, q: RawQuestion & { key?: string }): void {
    const group = addByWords(this.byKey, q, file, this.copy);
    if (group.question.sources.length === 1) this.questions.push(group.question);
    if (group.explicit) this.marked.add(group);
  }

  /** Settles explicit ids; kept short (it sees only the marked groups) since it runs in one piece. */
  finish(warnings: BankWarning[]): Question[] {
    const marked = [...this.marked].sort((a, b) => a.order - b.order);
    // Whose an id is: the group it was claimed for, else the group whose words make it.
    const taken = (id: string): SourceRef | undefined => (this.claimed.has(id) ? this.claimed.get(id) : this.byKey.get(id)?.question.sources[0]);
    for (const g of marked) {
      if (!g.explicit) continue;
      const other = taken(g.explicit.id);
      const own = taken(g.question.id);
      if (other && other !== own) {
        warnings.push({ ...g.explicit.at, message: `id \`${g.explicit.id}\` is already the id of the question at ${other.file}:${other.line}; this one keeps the id made from its words` });
        continue;
      }
      this.claimed.set(g.explicit.id, own ?? g.explicit.at);
      g.question.id = g.explicit.id;
    }
    for (const g of marked) for (const w of g.idWarnings) warnings.push(w);
    return this.questions;
  }

  /** Explicit ids given out by finish() that are not also some group's words. */
  private readonly claimed = new Map<string, SourceRef>();
}

interface Group {
  /** Its place in the bank, to settle ids in the same order as a single pass would. */
  order: number;
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
/** A parsed question whose strings share nothing with its file's text (see own), made where parsing ran. */
export function ownedQuestion(q: RawQuestion): RawQuestion {
  const opt = (text: string | null): string | null => (text === null ? null : own(text));
  return { ...q, question: own(q.question), answer: opt(q.answer), hints: q.hints.map(own), tags: q.tags.map(own), id: opt(q.id), category: opt(q.category) };
}

function own(text: string): string {
  return decoder.decode(encoder.encode(text));
}
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const same = (text: string): string => text;

function addByWords(byKey: Map<string, Group>, q: RawQuestion & { key?: string }, file: string, own: (text: string) => string): Group {
  const key = q.key ?? questionId(q.question);
  const existing = byKey.get(key);
  const source = { file, line: q.line };
  if (!existing) {
    const group: Group = {
      order: byKey.size,
      question: {
        id: key,
        question: own(q.question),
        answer: q.answer === null ? null : own(q.answer),
        // Fresh lists are the parse's own, so they are kept rather than copied.
        hints: own === same ? q.hints : q.hints.map(own),
        category: q.category === null ? null : own(q.category),
        tags: q.tags.length === 0 && own === same ? q.tags : unique(q.tags).map(own),
        difficulty: q.difficulty,
        sources: [source],
      },
      explicit: q.id === null ? null : { id: own(q.id), at: source },
      idWarnings: NO_WARNINGS,
    };
    byKey.set(key, group);
    return group;
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
  if (q.id === null) return existing;
  if (!existing.explicit) existing.explicit = { id: own(q.id), at: source };
  else if (existing.explicit.id !== q.id) {
    const first = existing.explicit;
    if (existing.idWarnings === NO_WARNINGS) existing.idWarnings = [];
    existing.idWarnings.push({ ...source, message: `this question already has the id \`${first.id}\` (${first.at.file}:${first.at.line}); \`${q.id}\` is ignored` });
  }
  return existing;
}

/** Shared by the groups that have no id warning (nearly all): one array less per question. */
const NO_WARNINGS: BankWarning[] = [];

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
