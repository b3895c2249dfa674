import type { BankService } from './bank-service.js';
import type { DailyService } from './daily/service.js';
import type { QuizService } from './quiz/service.js';
import type { ScoringService } from './scoring/service.js';

/** The core's services as commands and adapters reach them; built once in createEngine. */
export interface Services {
  bank: BankService;
  daily: DailyService;
  quiz: QuizService;
  scoring: ScoringService;
}
