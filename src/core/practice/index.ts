export { createPracticeService } from './create.js';
export { GRADE_RATINGS, ratingForGrade } from './fsrs.js';
export { parsePracticeAction } from './action-ids.js';
export { MATURE_DAYS, PRACTICE_RATINGS } from './service.js';
export type {
  CategoryMastery,
  DueSummary,
  PracticeDeck,
  PracticeDeps,
  PracticeRating,
  PracticeService,
  PracticeSettings,
  PracticeStats,
} from './service.js';
export { gradingThatTeaches } from './teach.js';
export { hasPractice, practiceFields } from './format.js';
