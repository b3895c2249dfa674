import { workspaceOf } from '../refs.js';
import type { GradeRequest } from '../scoring/types.js';
import { applyReview } from './cards.js';
import { ratingForGrade } from './fsrs.js';
import type { PracticeDeps } from './service.js';
import { timezoneOf } from './settings.js';

/**
 * A daily or quiz grade, taught to the person's card for that question. The first grade of a post is
 * what is learned: a redelivery, or a grade changed later, finds the source on the card and changes
 * nothing (the scheduler saw the person's first recall, which is the honest one).
 */
export async function learnFromGrade(deps: PracticeDeps, req: GradeRequest): Promise<void> {
  // A discussion question has no answer to recall and is never a practice card (decks take answered
  // questions only), so taking part in its discussion teaches nothing; see the practice README.
  if (req.grade === 'discussed') return;
  await applyReview(deps, {
    user: { ...workspaceOf(req.user), userId: req.user.userId },
    questionId: req.questionId,
    category: req.category,
    rating: ratingForGrade(req.kind, req.grade),
    at: req.at,
    source: `${req.kind}:${req.postId}`,
    timezone: await timezoneOf(deps, req.user),
  });
}
