import type { CoreLogger } from '../logger.js';
import type { ScoringService } from '../scoring/service.js';
import type { PracticeService } from './service.js';

/**
 * The grading daily and quiz are given: scoring's grade, then the same grade taught to the person's
 * practice card. Daily and quiz already take grading as an injected dependency, so neither imports
 * practice. A practice failure is logged, not thrown: the grade itself is recorded and its answer due.
 */
export function gradingThatTeaches(
  scoring: Pick<ScoringService, 'grade' | 'gradeOn'>,
  practice: Pick<PracticeService, 'learnFromGrade'>,
  logger: CoreLogger,
): Pick<ScoringService, 'grade' | 'gradeOn'> {
  return {
    gradeOn: (user, postId) => scoring.gradeOn(user, postId),
    async grade(req) {
      const result = await scoring.grade(req);
      try {
        await practice.learnFromGrade(req);
      } catch (err) {
        logger.error({ err, kind: req.kind, postId: req.postId, user: req.user.userId, questionId: req.questionId }, 'practice: a grade could not teach its card');
      }
      return result;
    },
  };
}
