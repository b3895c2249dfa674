export { createQuizService } from './create.js';
export type { QuizDeps, QuizService, StartQuizInput } from './service.js';
export type { RoundQuestion, RoundRecord, RoundScore } from './types.js';
export { parseQuizAction } from './action-ids.js';
