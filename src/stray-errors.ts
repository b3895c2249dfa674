import type { Logger } from './log.js';

/** The part of `process` this needs, so a test can hand it an EventEmitter. */
export interface ErrorSource {
  on(event: 'uncaughtException', listener: (err: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * The last resort: an error that escaped every handler is logged as a bug (and so counted in
 * recall_errors_total) and the process keeps serving. Handlers catch their own errors at the source;
 * this is for the ones nobody foresaw, such as a library rejecting a promise no one awaits. Without it
 * Node ends the process, and one bad request would take down Discord, the dashboard and every Slack
 * workspace with it. A crash loop under a supervisor would drop more than the one failed request does.
 */
export function keepRunningOnStrayErrors(source: ErrorSource, logger: Logger): void {
  source.on('uncaughtException', (err) => {
    logger.error({ err }, 'an error escaped every handler; Recall keeps running');
  });
  source.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'a promise failed with no handler; Recall keeps running');
  });
}
