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
  /**
   * The place in `questions` of the question each key names: a number, not an object per question. An
   * adopted question's place is stored as -1 - place until it is copied (see adopt, copyAdopted): a second
   * map or set of 100,000 places cost a reload its longest pause, growing.
   */
  private readonly byKey = new Map<string, number>();
  /** In the order first met, which is the bank's order. */
  private readonly questions: Question[] = [];
  /** By place, the questions with an explicit id or an id warning: the only ones finish() has to look at again. */
  private readonly marked = new Map<number, Marks>();
  private readonly copy: (text: string) => string;

  /**
   * `fresh`: the strings given share nothing with a file's text already (made by the parse worker's
   * pack, or out of JSON.parse), so copying them again would only cost time.
   */
  constructor(options: { fresh?: boolean } = {}) {
    this.copy = options.fresh ? same : own;
  }

  add(q: SourcedQuestion): void {
    this.addFrom(q.file, q);
  }

  /** How many questions so far: the place the next new one takes. */
  get size(): number {
    return this.questions.length;
  }

  /**
   * add() without a copy of the question to give it its file: a large bank merges 100,000 of them.
   * Returns the place of the question it made or merged into.
   */
  addFrom(file: string, q: RawQuestion & { key?: string }): number {
    const own = this.copy;
    const key = q.key ?? questionId(q.question);
    const found = this.byKey.get(key);
    const at = found === undefined || found >= 0 ? found : -1 - found;
    const source = { file, line: q.line };
    if (at === undefined) {
      const place = this.questions.length;
      const made: Question = {
        id: key,
        question: own(q.question),
        answer: q.answer === null ? null : own(q.answer),
        // Fresh lists are the parse's own, so they are kept rather than copied.
        hints: own === same ? q.hints : q.hints.map(own),
        category: q.category === null ? null : own(q.category),
        tags: q.tags.length === 0 && own === same ? q.tags : unique(q.tags).map(own),
        difficulty: q.difficulty,
        sources: [source],
      };
      // Set one by one rather than spread into the literal: spreads cost ~2 µs a question, a fifth of a
      // 100,000-question restart from the cache. The order is the one the spreads gave (JSON keeps it).
      if (q.choices && q.correct !== undefined) {
        made.choices = q.choices.map(own);
        made.correct = q.correct;
      }
      if (q.accept) made.accept = q.accept.map(own);
      if (q.suggestedBy) made.suggestedBy = own(q.suggestedBy);
      this.questions.push(made);
      this.byKey.set(key, place);
      if (q.id !== null) this.marked.set(place, { explicit: { id: own(q.id), at: source }, idWarnings: [] });
      return place;
    }
    const merged = found !== undefined && found < 0 ? this.copyAdopted(key, at) : (this.questions[at] as Question);
    merged.sources.push(source);
    if (q.answer !== null && (merged.answer === null || q.answer.length > merged.answer.length)) {
      merged.answer = own(q.answer);
      if (q.category !== null) merged.category = own(q.category);
      // The options go with the answer that names the right one.
      delete merged.choices;
      delete merged.correct;
      Object.assign(merged, choicesOf(q, own));
    }
    merged.category ??= q.category === null ? null : own(q.category);
    merged.difficulty ??= q.difficulty;
    merged.hints = unique([...merged.hints, ...q.hints.map(own)]);
    merged.tags = unique([...merged.tags, ...q.tags.map(own)]);
    if (q.accept) merged.accept = unique([...(merged.accept ?? []), ...q.accept.map(own)]);
    if (q.suggestedBy && merged.suggestedBy === undefined) merged.suggestedBy = own(q.suggestedBy);
    if (q.id === null) return at;
    const marks = this.marked.get(at);
    if (!marks) this.marked.set(at, { explicit: { id: own(q.id), at: source }, idWarnings: [] });
    else if (marks.explicit.id !== q.id) {
      const first = marks.explicit;
      marks.idWarnings.push({ ...source, message: `this question already has the id \`${first.id}\` (${first.at.file}:${first.at.line}); \`${q.id}\` is ignored` });
    }
    return at;
  }

  /**
   * Takes a file's questions as an earlier merge made them, when nothing but that file made them (its
   * bytes unchanged, no explicit ids, no question shared with another file): a reload then builds no new
   * object for them. They may be served by the bank right now, so they are never changed: a question a
   * later file merges into is copied first (see copyAdopted). Refused (false, nothing taken) when one of
   * them is already in this merge: the caller then merges the file's parse as usual.
   */
  adopt(questions: readonly Question[]): boolean {
    for (const q of questions) if (this.byKey.has(q.id)) return false;
    for (const q of questions) {
      // Within one file every id is its own (a file's repeats were merged when these were made).
      const place = this.questions.length;
      this.questions.push(q);
      this.byKey.set(q.id, -1 - place);
    }
    return true;
  }

  /** The question at `place` as merged so far, and whether anything but `file` had a part in it (sources, an explicit id). */
  madeOnlyBy(place: number, file: string): Question | undefined {
    const q = this.questions[place];
    if (!q || this.marked.has(place)) return undefined;
    for (const s of q.sources) if (s.file !== file) return undefined;
    return q;
  }

  /** The adopted question at `place` (an earlier load's object, maybe being served) replaced by a copy to merge into. */
  private copyAdopted(key: string, place: number): Question {
    const q = this.questions[place] as Question;
    const copy = { ...q, sources: [...q.sources] };
    this.questions[place] = copy;
    this.byKey.set(key, place);
    return copy;
  }

  /** Settles explicit ids; kept short (it sees only the marked questions) since it runs in one piece. */
  finish(warnings: BankWarning[]): Question[] {
    const marked = [...this.marked].sort((a, b) => a[0] - b[0]);
    // Whose an id is: the question it was claimed for, else the question whose words make it.
    const taken = (id: string): SourceRef | undefined => {
      if (this.claimed.has(id)) return this.claimed.get(id);
      const at = this.byKey.get(id);
      return at === undefined ? undefined : this.questions[at < 0 ? -1 - at : at]?.sources[0];
    };
    for (const [at, { explicit }] of marked) {
      const question = this.questions[at] as Question;
      const other = taken(explicit.id);
      const own = taken(question.id);
      if (other && other !== own) {
        warnings.push({
          ...explicit.at,
          message: `id \`${explicit.id}\` is already the id of the question at ${other.file}:${other.line}; this one keeps the id made from its words`,
        });
        continue;
      }
      this.claimed.set(explicit.id, own ?? explicit.at);
      question.id = explicit.id;
    }
    for (const [, marks] of marked) for (const w of marks.idWarnings) warnings.push(w);
    return this.questions;
  }

  /** Explicit ids given out by finish() that are not also some question's words. */
  private readonly claimed = new Map<string, SourceRef>();
}

function choicesOf(q: RawQuestion, own: (text: string) => string): Pick<Question, 'choices' | 'correct'> {
  return q.choices && q.correct !== undefined ? { choices: q.choices.map(own), correct: q.correct } : {};
}

interface Marks {
  explicit: { id: string; at: SourceRef };
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
  const owned = { ...q, question: own(q.question), answer: opt(q.answer), hints: q.hints.map(own), tags: q.tags.map(own), id: opt(q.id), category: opt(q.category) };
  if (q.choices) owned.choices = q.choices.map(own);
  if (q.accept) owned.accept = q.accept.map(own);
  if (q.suggestedBy) owned.suggestedBy = own(q.suggestedBy);
  return owned;
}

function own(text: string): string {
  return decoder.decode(encoder.encode(text));
}
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const same = (text: string): string => text;

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
