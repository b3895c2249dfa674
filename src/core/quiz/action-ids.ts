import { type SelfGrade, isSelfGrade } from '../scoring/grades.js';

/** Button letters: a bank's own options go up to H (questions/README.md); made-up choices use A–D. */
export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

export type QuizAction =
  | { kind: 'choice'; roundId: string; index: number; choice: number }
  | { kind: 'reveal'; roundId: string; index: number }
  | { kind: 'type'; roundId: string; index: number }
  | { kind: 'typed'; roundId: string; index: number }
  | { kind: 'grade'; roundId: string; index: number; grade: SelfGrade };

export function choiceAction(roundId: string, index: number, choice: number): string {
  return `quiz:${roundId}:${index}:${LETTERS[choice] ?? choice}`;
}

export function revealAction(roundId: string, index: number): string {
  return `quiz:${roundId}:${index}:reveal`;
}

/** The button that opens the form for a typed answer. */
export function typeAction(roundId: string, index: number): string {
  return `quiz:${roundId}:${index}:type`;
}

/** The form's submission (Reply.modal.submit). */
export function typedAction(roundId: string, index: number): string {
  return `quiz:${roundId}:${index}:typed`;
}

export function gradeAction(roundId: string, index: number, grade: SelfGrade): string {
  return `quiz:${roundId}:${index}:grade:${grade}`;
}

/** Null for anything this service did not make (an old format, a forged id). */
export function parseQuizAction(action: string): QuizAction | null {
  const m = /^quiz:([a-z0-9]+):(\d{1,3}):(.+)$/.exec(action);
  if (!m) return null;
  const roundId = m[1] as string;
  const index = Number(m[2]);
  const rest = m[3] as string;
  if (rest === 'reveal') return { kind: 'reveal', roundId, index };
  if (rest === 'type' || rest === 'typed') return { kind: rest, roundId, index };
  const grade = /^grade:(.+)$/.exec(rest)?.[1];
  // Quizzes draw answered questions only, so a quiz grade is always a self-grade, never `discussed`.
  if (grade !== undefined) return isSelfGrade(grade) ? { kind: 'grade', roundId, index, grade } : null;
  const choice = (LETTERS as readonly string[]).indexOf(rest);
  return choice >= 0 ? { kind: 'choice', roundId, index, choice } : null;
}
