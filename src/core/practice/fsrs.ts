import { type Card, type Grade as FsrsGrade, Rating, State, createEmptyCard, fsrs, generatorParameters } from 'ts-fsrs';
import type { SelfGrade } from '../scoring/grades.js';
import type { GradeRequest } from '../scoring/types.js';
import { MATURE_DAYS, type PracticeRating } from './service.js';
import type { FsrsState } from './types.js';

/**
 * ts-fsrs with its defaults (FSRS-6 weights, 90% requested retention, learning steps 1m/10m, relearning
 * 10m). Fuzz stays off: the same review gives the same interval in every process and every test.
 */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

const RATINGS: Record<PracticeRating, FsrsGrade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

/**
 * A grade given elsewhere, as the FSRS rating it teaches (README explains the choice): a self-grade
 * "got it" is a normal recall (Good, not Easy: nobody said it was effortless), "partly" a recall with
 * a struggle (Hard), "missed" a lapse (Again). A quiz choice is only right or wrong: right → Good,
 * wrong → Again; a quiz flashcard self-grade maps like the daily one.
 */
export const GRADE_RATINGS: Record<GradeRequest['kind'], Record<SelfGrade, PracticeRating>> = {
  daily: { got: 'good', partly: 'hard', missed: 'again' },
  quiz: { got: 'good', partly: 'hard', missed: 'again' },
};

export function ratingForGrade(kind: GradeRequest['kind'], grade: SelfGrade): PracticeRating {
  return GRADE_RATINGS[kind][grade];
}

export function emptyState(now: Date): FsrsState {
  return fromCard(createEmptyCard(now));
}

/** The card after one review at `now`. */
export function review(state: FsrsState, rating: PracticeRating, now: Date): FsrsState {
  return fromCard(scheduler.next(toCard(state), now, RATINGS[rating]).card);
}

/** When each rating would bring the card back, for the buttons' labels. */
export function previewDues(state: FsrsState, now: Date): Record<PracticeRating, number> {
  const all = scheduler.repeat(toCard(state), now);
  return {
    again: all[Rating.Again].card.due.getTime(),
    hard: all[Rating.Hard].card.due.getTime(),
    good: all[Rating.Good].card.due.getTime(),
    easy: all[Rating.Easy].card.due.getTime(),
  };
}

/** In review (not learning) with a stability of at least MATURE_DAYS: FSRS expects it remembered weeks out. */
export function isMastered(state: FsrsState): boolean {
  return state.state === State.Review && state.stability >= MATURE_DAYS;
}

function toCard(s: FsrsState): Card {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state as State,
    ...(s.lastReview !== null ? { last_review: new Date(s.lastReview) } : {}),
  };
}

function fromCard(c: Card): FsrsState {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ? c.last_review.getTime() : null,
  };
}
