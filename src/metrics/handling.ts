import { AsyncLocalStorage } from 'node:async_hooks';
import type { CoreLogger } from '../core/logger.js';
import type { HandledKind, Metrics } from '../core/metrics.js';

/** One event the engine is handling; `open` until its handler has returned. */
export interface Handling {
  kind: HandledKind;
  failed: boolean;
  open: boolean;
}

/** The event whose handler is running, across every await inside it. */
export const handling = new AsyncLocalStorage<Handling>();

/**
 * A logger that counts every error-level line as a failure. The engine turns a bug into a logged error
 * and a friendly reply (or nothing, for a reaction), so it never reaches a caller as an exception: the
 * log is the one place every failure passes through. An error logged while a handler runs also marks
 * that handler's outcome; one logged by work the handler started but did not wait for (a timer, a
 * scheduled post) counts as background.
 */
export function countLoggedErrors(logger: CoreLogger, metrics: Metrics): CoreLogger {
  return {
    debug: (obj, msg) => logger.debug(obj, msg),
    info: (obj, msg) => logger.info(obj, msg),
    warn: (obj, msg) => logger.warn(obj, msg),
    error(obj, msg) {
      const current = handling.getStore();
      if (current?.open) current.failed = true;
      metrics.failed(current?.open ? current.kind : 'background');
      logger.error(obj, msg);
    },
  };
}
