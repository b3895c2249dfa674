import type { BankService } from './bank-service.js';
import type { DailyService } from './daily/service.js';
import type { DigestService } from './digest/service.js';
import type { BoardImages } from './images.js';
import type { PracticeReminders } from './practice/remind.js';
import type { PracticeService } from './practice/service.js';
import type { QuizService } from './quiz/service.js';
import type { ScoringService } from './scoring/service.js';
import type { SuggestionsService } from './suggestions/service.js';

/** The core's services as commands and adapters reach them; built once in createEngine. */
export interface Services {
  bank: BankService;
  daily: DailyService;
  digest: DigestService;
  quiz: QuizService;
  practice: PracticeService;
  /** `practice remind`: each person's private nudge when cards are due. */
  reminders: PracticeReminders;
  scoring: ScoringService;
  /** Questions the team suggests, and their moderation. */
  suggestions: SuggestionsService;
  /** Draws board pictures; null where the process was started without it (then boards are words only). */
  images: BoardImages | null;
}
