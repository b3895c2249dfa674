import type { Grade } from '../../../src/core/scoring/grades.js';
import type { GradeRequest } from '../../../src/core/scoring/types.js';
import { CHANNEL, alice } from './harness.js';

/** A daily (or quiz) grade of one question, as daily and quiz hand it to grading. */
export function gradeOf(questionId: string, grade: Grade, at: Date, overrides: Partial<GradeRequest> = {}): GradeRequest {
  return {
    postId: `post-${questionId}-${at.getTime()}`,
    kind: 'daily',
    user: alice,
    channel: CHANNEL,
    questionId,
    category: null,
    grade,
    postedAt: at,
    closesAt: new Date(at.getTime() + 86_400_000),
    at,
    ...overrides,
  };
}
