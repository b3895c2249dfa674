import type { Difficulty } from '../../bank/types.js';
import type { ActionInvocation } from '../actions.js';
import type { BankService } from '../bank-service.js';
import type { EngineConfig } from '../engine-config.js';
import type { UserRef, WorkspaceRef } from '../refs.js';
import type { Reply } from '../reply.js';
import type { ScoringService } from '../scoring/service.js';
import type { GradeRequest } from '../scoring/types.js';
import type { World } from '../world.js';

/** The four FSRS answers a person gives in a practice session (ts-fsrs Rating.Again … Rating.Easy). */
export type PracticeRating = 'again' | 'hard' | 'good' | 'easy';
export const PRACTICE_RATINGS: readonly PracticeRating[] = ['again', 'hard', 'good', 'easy'];

/** Which cards a session draws from. */
export type PracticeDeck =
  | { kind: 'all' }
  /** Weakest categories and most-missed questions first. */
  | { kind: 'weak' }
  /** As typed (`ai`, `rag`); resolved with the bank's category matching. */
  | { kind: 'category'; category: string }
  | { kind: 'difficulty'; difficulty: Difficulty };

export interface PracticeSettings {
  /** New cards a practice session may introduce per local day (default 10). */
  newPerDay: number;
  /** The person's own zone; null means the workspace's (scoring's timezone setting). */
  timezone: string | null;
}

/** What a reminder needs to know about one person at one instant. */
export interface DueSummary {
  /** Cards due now (questions still in the bank). */
  due: number;
  /** New cards a session could still introduce today: min(today's allowance left, unseen bank questions). */
  newAvailable: number;
  /** The zone the person's day is counted in (their setting, else the workspace's). */
  timezone: string;
}

export interface CategoryMastery {
  category: string;
  /** Questions of the category in the bank now (with an answer, so they can be practised). */
  questions: number;
  /** Cards the person holds for them. */
  cards: number;
  /** Cards whose FSRS stability is at least MATURE_DAYS. */
  mastered: number;
  /** mastered / questions, 0–1. */
  share: number;
}

export interface PracticeStats {
  /** Cards the person holds for questions still in the bank. */
  learned: number;
  /** Due by the end of the person's local today (overdue included). */
  dueToday: number;
  /** Due by the end of the 7th local day from today (today included). */
  dueWeek: number;
  /** Cards due on each of the next 7 local days, today (with overdue) first: the dashboard's forecast. */
  forecast: number[];
  /** Share of reviews not rated Again over the last 30 days; null with no review. */
  retention: number | null;
  reviews30: number;
  /** Days in a row with at least one practice review, in the person's zone. */
  streak: number;
  bestStreak: number;
  mastery: CategoryMastery[];
}

/**
 * Personal spaced repetition (FSRS, via ts-fsrs): a card per (person, question id), a due index per
 * person, private one-card-at-a-time sessions driven by `practice:` buttons, and grades from daily and
 * quiz teaching the same cards. Every method may run in any process sharing the store.
 */
export interface PracticeService {
  /** Opens a session (replacing the person's previous one) and shows its first card, or says nothing is due. */
  start(user: UserRef, deck: PracticeDeck): Promise<Reply>;
  /**
   * `practice:show|grade|stop:…` presses. Answers are `ephemeral` and `replaceMessage`; a repeated or
   * redelivered press records once and shows the session as it now stands.
   */
  handleAction(inv: ActionInvocation): Promise<Reply>;
  /** Daily and quiz grades teach the person's card for that question (see README for the mapping). Idempotent per (kind, post, user). */
  learnFromGrade(req: GradeRequest): Promise<void>;
  settings(user: UserRef): Promise<PracticeSettings>;
  /** Throws UserError outside 0–100. */
  setNewPerDay(user: UserRef, n: number): Promise<PracticeSettings>;
  /** Validated like daily's timezone (IANA names); `null` goes back to the workspace's zone. */
  setTimezone(user: UserRef, zone: string | null): Promise<PracticeSettings>;
  /** The person's zone: their own setting, else the workspace's. */
  timezoneOf(user: UserRef): Promise<string>;
  /** For reminders: due now and new still available today. Reads the due index, not every card. */
  dueSummary(user: UserRef, now: Date): Promise<DueSummary>;
  stats(user: UserRef, now: Date): Promise<PracticeStats>;
  /** User ids in a workspace that hold at least one card or practice setting, by id. */
  people(ws: WorkspaceRef): Promise<string[]>;
}

export interface PracticeDeps {
  world: World;
  config: EngineConfig;
  bank: BankService;
  /** Raw scoring (not the engine's learning wrapper): points when PRACTICE_POINTS is on, and the workspace zone. */
  scoring: Pick<ScoringService, 'grade' | 'timezoneOf'>;
}

/** A card counts as mastered once FSRS expects it to be remembered this many days out. */
export const MATURE_DAYS = 21;
