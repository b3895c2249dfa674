import type { GradeRequest, GradeResult } from './types.js';

/**
 * Grades, streaks, teams, leaderboards, seasons and stats. `grade` is idempotent per (post, user): the
 * same grade twice counts once and a changed grade replaces the earlier one.
 */
export interface ScoringService {
  grade(req: GradeRequest): Promise<GradeResult>;
}
