import type { Difficulty, Question } from '../../bank/types.js';

/** The fields of a question an admin may change; a field left out keeps the files' value. */
export interface QuestionFields {
  question?: string;
  answer?: string | null;
  category?: string | null;
  tags?: string[];
  difficulty?: Difficulty | null;
}

/** Who made a change and when: kept with it, shown in the dashboard. */
export interface ChangeMeta {
  /** A person's name as the platform shows it, or their id. */
  by: string;
  at: Date;
}

/** A question that lives only in the store (an approved suggestion) until a team exports it to a file. */
export interface AddedRecord {
  id: string;
  question: string;
  answer: string | null;
  hints: string[];
  category: string | null;
  tags: string[];
  difficulty: Difficulty | null;
  /** Shown with the question: "suggested by <name>". */
  suggestedBy: string;
  /** Who approved it, and when (ISO). */
  by: string;
  at: string;
}

export interface OverrideRecord {
  fields: QuestionFields;
  by: string;
  at: string;
}

export interface HideRecord {
  by: string;
  at: string;
}

/**
 * Everything the team changed on top of its files, keyed by question id. Plain objects, not maps: the
 * record is one JSON value in the store.
 */
export interface OverlayRecord {
  v: 1;
  generation: number;
  /** In the order they were added: the order they join the bank in. */
  added: AddedRecord[];
  overrides: Record<string, OverrideRecord>;
  hidden: Record<string, HideRecord>;
}

/** A question to add (an approved suggestion). */
export interface NewQuestion {
  question: string;
  answer: string | null;
  category?: string | null;
  tags?: string[];
  difficulty?: Difficulty | null;
  hints?: string[];
  /** The name shown as "suggested by". */
  suggestedBy: string;
  /**
   * The id to give it; by default the one its words make, as a file question would get. Passing the
   * suggestion's own id (`suggestion-<n>`) makes a retried approval land on the same question.
   */
  id?: string;
}

/** One question as an admin sees it: what is served, and what the overlay did to it. */
export interface BankEntry {
  /** As served, overrides applied. */
  question: Question;
  /** The question as the files (or the approved suggestion) have it, when an override changes it. */
  original: Question | null;
  override: OverrideRecord | null;
  hidden: HideRecord | null;
  /** Set when the question lives in the store rather than in a file. */
  added: AddedRecord | null;
}
