import type { RunningAdapter } from './adapters/types.js';
import type { Engine } from './core/engine.js';
import type { Logger } from './log.js';
import type { Store } from './store/store.js';

export interface StopParts {
  adapters: readonly RunningAdapter[];
  engine: Pick<Engine, 'stop' | 'pending'>;
  store: Pick<Store, 'close'>;
  logger: Logger;
  /** Past this, the process exits 1 with a log line saying what it was still waiting for. */
  withinMs: number;
  exit: (code: number) => void;
}

/**
 * Resolves with the first SIGTERM or SIGINT. Later ones are logged and ignored: a second Ctrl-C or a
 * repeated kill must not cut short the work being finished (the deadline in `stopGracefully` bounds it),
 * and without a listener Node would end the process on the spot.
 */
export function firstStopSignal(logger: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let first: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (first !== undefined) {
        logger.warn({ signal, stoppingSince: first }, 'already stopping; this signal changes nothing');
        return;
      }
      first = signal;
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

/**
 * Stops in the order that loses nothing: every adapter stops taking events and finishes the ones it has
 * (their replies included); then the engine finishes its own work and any daily post in progress,
 * through connections that are still open; then the connections close, and the store last. Resolves
 * with the exit code: 0, or 1 when a step failed.
 */
export async function stopGracefully(parts: StopParts, signal: NodeJS.Signals): Promise<number> {
  const { adapters, engine, store, logger } = parts;
  const started = Date.now();
  let step = 'finishing the events the adapters had taken';
  let failed = false;

  const deadline = setTimeout(() => {
    if (step === 'done') {
      // Everything is closed and saved; only a stray handle (a socket, a timer) keeps the process up.
      logger.warn({ handles: process.getActiveResourcesInfo() }, 'stopped, but something still holds the process open; exiting');
      parts.exit(0);
      return;
    }
    const adaptersBusy = Object.fromEntries(adapters.map((a) => [a.name, a.pending()] as const).filter(([, pending]) => pending.length > 0));
    logger.error(
      { afterMs: parts.withinMs, step, adapters: adaptersBusy, engine: engine.pending() },
      `did not stop within ${parts.withinMs / 1000} s: still ${step}; exiting without it`,
    );
    parts.exit(1);
  }, parts.withinMs);
  // Only a timer: if everything stops in time, it must not keep the process alive.
  deadline.unref();

  const attempt = async (what: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      failed = true;
      logger.error({ err }, `${what} failed while stopping`);
    }
  };

  logger.info({ signal, inFlight: Object.fromEntries(adapters.map((a) => [a.name, a.pending()] as const)) }, 'stopping: taking no new work, finishing the work in hand');
  await Promise.all(adapters.map((a) => attempt(`draining ${a.name}`, () => a.drain())));
  step = 'stopping the engine (its in-flight work and any daily post in progress)';
  await attempt('stopping the engine', () => engine.stop());
  for (const adapter of [...adapters].reverse()) {
    step = `closing the ${adapter.name} connection`;
    await attempt(`closing ${adapter.name}`, () => adapter.stop());
  }
  step = 'closing the store';
  await attempt('closing the store', () => store.close());
  step = 'done';
  logger.info({ ms: Date.now() - started, failed }, 'stopped');
  return failed ? 1 : 0;
}
