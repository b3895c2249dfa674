import type { EngineConfig } from '../engine-config.js';
import type { World } from '../world.js';

export interface ScoringOptions {
  world: World;
  config: EngineConfig;
}

/** What every part of scoring shares: the world, the rules, and this process's small caches. */
export interface ScoringDeps extends ScoringOptions {
  /**
   * Team boards this process has registered or is registering. The registry only grows, so caching
   * "done" is safe, and sharing the in-flight write keeps a burst of grades from queueing on its key.
   */
  teamBoardRegistrations: Map<string, Promise<void>>;
  /**
   * While the start-up pass over an older version's grades runs (in this process or another), the pass
   * it waits for; grades wait for it too, since a grade landing on a row the pass has not reached yet
   * would hide that row's missing points from it (see repair.ts).
   */
  settling: { pass: Promise<unknown> | undefined };
}

export function scoringDeps(options: ScoringOptions): ScoringDeps {
  return { ...options, teamBoardRegistrations: new Map(), settling: { pass: undefined } };
}
