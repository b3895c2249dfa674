export const GRADES = ['got', 'partly', 'missed'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = { got: 'Got it', partly: 'Partly', missed: 'Missed it' };

export function isGrade(value: string): value is Grade {
  return (GRADES as readonly string[]).includes(value);
}
