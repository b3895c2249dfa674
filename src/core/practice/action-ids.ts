import { PRACTICE_RATINGS, type PracticeRating } from './service.js';

/** `practice:show:<sid>:<n>`, `practice:grade:<sid>:<n>:<rating>`, `practice:stop:<sid>`: well under 100 characters. */
export type PracticeAction =
  | { kind: 'show'; sessionId: string; n: number }
  | { kind: 'grade'; sessionId: string; n: number; rating: PracticeRating }
  | { kind: 'stop'; sessionId: string };

export const showAction = (sessionId: string, n: number): string => `practice:show:${sessionId}:${n}`;
export const gradeAction = (sessionId: string, n: number, rating: PracticeRating): string => `practice:grade:${sessionId}:${n}:${rating}`;
export const stopAction = (sessionId: string): string => `practice:stop:${sessionId}`;

const SESSION_ID = /^[a-z0-9]{1,40}$/;

/** Null for anything malformed: a forged or stale id is answered, never thrown on. */
export function parsePracticeAction(action: string): PracticeAction | null {
  const [service, verb, sessionId = '', nText = '', rating = '', ...rest] = action.split(':');
  if (service !== 'practice' || !SESSION_ID.test(sessionId) || rest.length > 0) return null;
  if (verb === 'stop') return nText === '' ? { kind: 'stop', sessionId } : null;
  if (!/^[1-9]\d{0,6}$/.test(nText)) return null;
  const n = Number(nText);
  if (verb === 'show') return rating === '' ? { kind: 'show', sessionId, n } : null;
  if (verb === 'grade' && (PRACTICE_RATINGS as readonly string[]).includes(rating)) return { kind: 'grade', sessionId, n, rating: rating as PracticeRating };
  return null;
}
