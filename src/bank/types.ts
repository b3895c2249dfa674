/** Where a question was read: a path relative to the bank root and a 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

/** One question as the bank holds it; `question`, `answer` and `hints` are Markdown. */
export interface Question {
  /** Stable id derived from the normalized question text: re-wrapping or renumbering keeps it. */
  id: string;
  question: string;
  answer: string | null;
  hints: string[];
  /** The section the question sits in; `null` when the file has no sections. */
  category: string | null;
  tags: string[];
  sources: SourceRef[];
}

/** Something the loader could not read as written; the rest of the bank still loads. */
export interface BankWarning {
  file: string;
  line: number;
  message: string;
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
