export { createScoringService } from './create.js';
export type { ScoringOptions, ScoringService } from './service.js';
export type * from './types.js';
export { BOARD_KINDS, BOARD_PERIODS } from './types.js';
export { leaderboardMarkdown, md, points, seasonLine, standingsBlocks, statsFields } from './replies.js';
