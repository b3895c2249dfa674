import type { BankService } from '../bank-service.js';
import type { EngineConfig } from '../engine-config.js';
import type { PlatformPort } from '../platform.js';
import type { ScoringService } from '../scoring/service.js';
import type { World } from '../world.js';

export interface QuizDeps {
  world: World;
  config: EngineConfig;
  bank: BankService;
  platform: PlatformPort;
  /** Only grading: a quiz hands each answer over and leaves boards, streaks and seasons to scoring. */
  scoring: Pick<ScoringService, 'grade'>;
}

/** Markers and finished rounds are kept this long: past any round, short enough not to pile up. */
export const KEEP_MS = 2 * 24 * 60 * 60 * 1000;
