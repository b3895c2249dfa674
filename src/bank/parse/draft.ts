import type { Difficulty } from '../types.js';

/** A question being read; becomes a RawQuestion when the next question or section starts. */
export interface Draft {
  questionLines: string[];
  line: number;
  number: number | null;
  answer: string;
  hints: string[];
  /** `Accept:` aliases for a typed quiz answer. */
  accept: string[];
  tags: string[];
  difficulty: Difficulty | null;
  /** The author's `Id:` line, as written (checked when the question is finished). */
  id: string | null;
  /** A `Suggested-by:` line's name. */
  suggestedBy: string | null;
  category: string | null;
  /** Asked with a `Q:` marker, so its answer needs an `A:`: a title line after it is never the answer. */
  marked: boolean;
  /** Depth of the heading that asked the question; deeper headings belong to its answer. */
  headingDepth: number | null;
  answerStarted: boolean;
  /** Asked by a bullet item, so a sibling bullet that also asks is the next question. */
  fromBullet: boolean;
  /** What the last line added, so an attached next line can continue it. */
  last: 'question' | 'hint' | 'answer' | 'elaboration';
}

export interface RawQuestion {
  question: string;
  answer: string | null;
  hints: string[];
  tags: string[];
  difficulty: Difficulty | null;
  /** An explicit `Id:`; null when the id is to be derived from the question's words. */
  id: string | null;
  category: string | null;
  line: number;
  /** Set only for a question that carries its own options (choices.ts); `correct` indexes `choices`. */
  choices?: string[];
  correct?: number;
  /** `Accept:` aliases, only when the question has some. */
  accept?: string[];
  /** From a `Suggested-by:` line, only when the question has one. */
  suggestedBy?: string;
}

export function newDraft(text: string | string[], line: number, category: string | null, opts: { number?: number | null; headingDepth?: number | null } = {}): Draft {
  return {
    questionLines: typeof text === 'string' ? [text] : text,
    line,
    number: opts.number ?? null,
    answer: '',
    hints: [],
    accept: [],
    tags: [],
    difficulty: null,
    id: null,
    suggestedBy: null,
    category,
    marked: false,
    headingDepth: opts.headingDepth ?? null,
    answerStarted: false,
    fromBullet: false,
    last: 'question',
  };
}

/** Appends Markdown to the answer, as a new paragraph or as the next line of the current one. */
export function appendAnswer(draft: Draft, markdown: string, newParagraph: boolean): void {
  const text = markdown.replace(/\s+$/, '');
  if (text.trim() === '') return;
  draft.answer = draft.answer === '' ? text : `${draft.answer}${newParagraph ? '\n\n' : '\n'}${text}`;
  draft.answerStarted = true;
  draft.last = 'answer';
}
