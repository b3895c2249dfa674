import { type ScheduleRunner, type WakeTimer, createScheduleRunner } from '../../scheduler/index.js';
import type { World } from '../world.js';
import type { SlotHandlers } from './claim.js';

/** Keeps a runner's schedules in step with settings in the store (one channel's, one person's…). */
export interface StoreFollower {
  /** Cheap when nothing changed; `force` reads everything again (at start). Never rejects. */
  sync(opts?: { force?: boolean }): Promise<void>;
}

export interface FollowingRunnerDeps {
  world: World;
  wakeTimer: WakeTimer;
  /** How late a slot may be noticed and still be posted; anything later is reported missed. */
  graceMs: number;
  wakeEveryMs: number;
  /** The job's slot claims (claim.ts): what the runner calls for a due or missed slot. */
  slots: SlotHandlers;
  /** Work for every wake after the due slots have had their turn (the daily question's timed reveals). */
  afterWake?: (() => Promise<void>) | undefined;
}

export interface FollowingRunner<F extends StoreFollower> {
  /** What `follow` built over the runner: watch and unwatch go through it. */
  readonly follower: F;
  /** True between start() and stop(). */
  readonly running: boolean;
  /** Reads every schedule from the store and starts the runner; resolves once missed slots are caught up. */
  start(): Promise<void>;
  /** Stops waking; resolves when slots already being handled have finished. */
  stop(): Promise<void>;
}

/**
 * A schedule runner whose every wake first follows the store (so a schedule set or turned off through
 * another process is picked up within a wake), then hands out due slots, then does `afterWake`.
 */
export function createFollowingRunner<F extends StoreFollower>(deps: FollowingRunnerDeps, follow: (runner: ScheduleRunner) => F): FollowingRunner<F> {
  const { world, afterWake } = deps;
  const runner = createScheduleRunner({
    clock: world.clock,
    timer: {
      every: (intervalMs, wake) =>
        deps.wakeTimer.every(intervalMs, async () => {
          await follower.sync();
          await wake();
          if (afterWake) await afterWake();
        }),
    },
    graceMs: deps.graceMs,
    wakeEveryMs: deps.wakeEveryMs,
    onSlot: deps.slots.onSlot,
    onMissed: deps.slots.onMissed,
    logger: world.logger,
  });
  const follower = follow(runner);
  let running = false;

  return {
    follower,
    get running() {
      return running;
    },
    async start() {
      if (running) return;
      running = true;
      await follower.sync({ force: true });
      await runner.start();
    },
    async stop() {
      running = false;
      await runner.stop();
    },
  };
}
