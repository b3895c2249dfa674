import { AsyncLocalStorage } from 'node:async_hooks';
import type { CoreLogger } from '../core/logger.js';
import type { HandledKind, Metrics } from '../core/metrics.js';

/** One event the engine is handling; `open` until its handler has returned. */
export interface Handling {
  kind: HandledKind;
  failed: boolean;
  open: boolean;
}

/** Where a failure surfaced: an engine handler, a request an adapter was serving, or background work. */
export type FailureSite = HandledKind | 'request' | 'background';

/** Counts failures by site; the Prometheus metrics are one. */
export interface FailureCounter {
  failed(where: FailureSite): void;
}

/** The event whose handler is running, across every await inside it. */
export const handling = new AsyncLocalStorage<Handling>();

/**
 * A request an adapter is serving (a Slack delivery, a dashboard call), across every await inside it:
 * an error logged there outside any engine handler is the request's failure, not background work.
 */
export const serving = new AsyncLocalStorage<true>();

/**
 * Where the error being logged right now belongs, marking the running handler as failed. The engine
 * turns a bug into a logged error and a friendly reply (or nothing, for a reaction), so it never reaches
 * a caller as an exception: the log is the one place every failure passes through. An error logged
 * while a handler runs marks that handler's outcome; one logged by work the handler started but did not
 * wait for (a timer, a scheduled post) counts as background, unless a request is still being served.
 */
function failureSite(): FailureSite {
  const current = handling.getStore();
  if (current?.open) {
    current.failed = true;
    return current.kind;
  }
  return serving.getStore() ? 'request' : 'background';
}

/** For the process logger's hook (see createLogger): counts one error-level line, wherever it was logged. */
export function countErrorLine(metrics: FailureCounter): () => void {
  return () => metrics.failed(failureSite());
}

/** The same count for a logger the process logger does not cover (tests, the benchmark's worlds). */
export function countLoggedErrors(logger: CoreLogger, metrics: Metrics): CoreLogger {
  return {
    debug: (obj, msg) => logger.debug(obj, msg),
    info: (obj, msg) => logger.info(obj, msg),
    warn: (obj, msg) => logger.warn(obj, msg),
    error(obj, msg) {
      const site = failureSite();
      metrics.failed(site === 'request' ? 'background' : site);
      logger.error(obj, msg);
    },
  };
}
