/** The self-grades a person gives a question with an answer: the three grade buttons. */
export const GRADES = ['got', 'partly', 'missed'] as const;
export type SelfGrade = (typeof GRADES)[number];

/**
 * Every grade a record can hold. `discussed` is participation in a discussion question (one with no
 * answer in the bank): there is nothing to get right, so it scores its own small points and never
 * counts as got, partly or missed (nor in the got-it rate), and it teaches no practice card.
 */
export const ALL_GRADES = [...GRADES, 'discussed'] as const;
export type Grade = (typeof ALL_GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = { got: 'Got it', partly: 'Partly', missed: 'Missed it', discussed: 'Discussed' };

export function isGrade(value: string): value is Grade {
  return (ALL_GRADES as readonly string[]).includes(value);
}

export function isSelfGrade(value: string): value is SelfGrade {
  return (GRADES as readonly string[]).includes(value);
}

/** The grades a question offers: a discussion question (no answer) only `discussed`, any other the three self-grades. */
export function gradesFor(question: { answer: string | null }): readonly Grade[] {
  return question.answer === null ? ['discussed'] : GRADES;
}
