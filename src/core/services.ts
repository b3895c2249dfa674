import type { BankService } from './bank-service.js';
import type { DailyService } from './daily/service.js';
import type { BoardImages } from './images.js';
import type { PracticeService } from './practice/service.js';
import type { QuizService } from './quiz/service.js';
import type { ScoringService } from './scoring/service.js';

/** The core's services as commands and adapters reach them; built once in createEngine. */
export interface Services {
  bank: BankService;
  daily: DailyService;
  quiz: QuizService;
  practice: PracticeService;
  scoring: ScoringService;
  /** Draws board pictures; null where the process was started without it (then boards are words only). */
  images: BoardImages | null;
}
