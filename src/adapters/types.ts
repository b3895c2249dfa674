import type { BankService } from '../core/bank-service.js';
import type { Engine } from '../core/engine.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { PortRouter } from './port-router.js';

/** What main.ts hands every adapter: the engine to call, the router to register its port with. */
export interface AdapterDeps {
  engine: Engine;
  router: PortRouter;
  bank: BankService;
  store: Store;
  logger: Logger;
}

/** Whether a chat platform's connection is up right now, with a word on why not. */
export interface PlatformHealth {
  connected: boolean;
  detail?: string;
}

/**
 * A started adapter. On SIGTERM main.ts drains every adapter, stops the engine, then stops the
 * adapters in reverse order.
 */
export interface RunningAdapter {
  name: string;
  /**
   * Takes no new events from now on (an HTTP endpoint answers 503, nothing new reaches the engine) and
   * resolves once the events already taken are handled and answered. The platform connection stays
   * up until stop(): a daily post the engine is finishing still needs it.
   */
  drain(): Promise<void>;
  /** What drain() is still waiting for, for the log when stopping takes too long. */
  pending(): string[];
  /** Closes the platform connection; called after drain() and the engine's stop(). */
  stop(): Promise<void>;
  /** Chat platforms report their connection for /healthz and the metrics; the dashboard has none. */
  health?(): PlatformHealth;
}
