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

/** A started adapter; main.ts stops them in reverse order on SIGTERM. */
export interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
}
