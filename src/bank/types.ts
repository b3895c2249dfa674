/** Where a question was read: a path relative to the bank root and a 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** One question as the bank holds it; `question`, `answer` and `hints` are Markdown. */
export interface Question {
  /**
   * The author's `Id:` when the question has one; otherwise derived from the normalized question text,
   * so re-wrapping or renumbering keeps it (and a reload hands an edited question its old id).
   */
  id: string;
  question: string;
  answer: string | null;
  hints: string[];
  /** The section the question sits in; `null` when the file has no sections. */
  category: string | null;
  tags: string[];
  /** From a marker (`👶`, `(easy)`, `[hard]`, `Difficulty: medium`); also among the tags. */
  difficulty: Difficulty | null;
  sources: SourceRef[];
  /** Set on a question a team member suggested and an admin approved (it lives in the store until exported). */
  suggestedBy?: string;
  /**
   * A question that carries its own options (`A) …` with `Answer: B`, `- [x]` task items, a ✅): the
   * options as inline Markdown, in the author's order, and the index of the right one. Absent otherwise;
   * `answer` is then the right option, lettered, and any explanation the author gave.
   */
  choices?: string[];
  correct?: number;
  /** `Accept:` aliases: other answers a typed quiz answer may match besides the answer itself. Absent when none. */
  accept?: string[];
}

/** Something the loader could not read as written; the rest of the bank still loads. */
export interface BankWarning {
  file: string;
  line: number;
  message: string;
  /** Set when a block that looked like a question was not taken as one; `bank check` counts them. */
  skipped?: true;
}

export interface BankLoadResult {
  questions: Question[];
  warnings: BankWarning[];
  /** Files that were read (relative paths), including ones that only produced warnings. */
  files: string[];
}

/** A file's raw bytes as handed to the bank by whatever reads the disk (core never touches node:fs). */
export interface BankFile {
  path: string;
  bytes: Uint8Array;
}
