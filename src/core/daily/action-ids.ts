import { type Grade, isGrade } from '../scoring/grades.js';

/**
 * A daily button's id, as built below. `unknown` is an id with a post but a verb or grade this version
 * does not make: the handler still looks the post up first, so a gone post reads as gone.
 */
export type DailyAction = { kind: 'hint' | 'reveal'; postId: string } | { kind: 'grade'; postId: string; grade: Grade } | { kind: 'unknown'; postId: string };

export const hintAction = (postId: string): string => `daily:hint:${postId}`;
export const revealAction = (postId: string): string => `daily:reveal:${postId}`;
export const gradeAction = (postId: string, grade: Grade): string => `daily:grade:${postId}:${grade}`;

/** Null when the id is not a daily button at all (another service's, or no post id). */
export function parseDailyAction(action: string): DailyAction | null {
  const [service, verb, postId = '', grade = ''] = action.split(':');
  if (service !== 'daily' || postId === '') return null;
  if (verb === 'hint' || verb === 'reveal') return { kind: verb, postId };
  if (verb === 'grade' && isGrade(grade)) return { kind: 'grade', postId, grade };
  return { kind: 'unknown', postId };
}
