export { createDailyService } from './create.js';
export type { DailyDeps, DailyService } from './service.js';
export type {
  DailyChannelSettings,
  DailyConfigureInput,
  DailyPost,
  DailyProblem,
  DailyStatus,
  PublicTrigger,
  QuestionScope,
  RevealMode,
} from './types.js';
export { describeRevealMode } from './reveal-mode.js';
export { describeScope } from './scope.js';
