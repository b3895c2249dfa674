import { performance } from 'node:perf_hooks';
import type { Engine } from '../core/engine.js';
import type { HandledKind, Metrics, Outcome } from '../core/metrics.js';
import type { Platform } from '../core/refs.js';
import { type Handling, handling } from './handling.js';

/**
 * The engine as adapters see it, timing each command, typed command, button and reaction. The outcome
 * is `error` when the handler threw or logged an error (the process logger's countErrorLine hook, or
 * countLoggedErrors around any other logger, marks it); a UserError is a person's mistake, answered, and
 * counts as ok.
 */
export function instrumentEngine(engine: Engine, metrics: Metrics): Engine {
  async function timed<T>(kind: HandledKind, platform: Platform, run: () => Promise<T>): Promise<T> {
    const context: Handling = { kind, failed: false, open: true };
    const started = performance.now();
    try {
      return await handling.run(context, run);
    } catch (err) {
      // A logged error has been counted already; a thrown one reaches the adapter uncounted.
      if (!context.failed) metrics.failed(kind);
      context.failed = true;
      throw err;
    } finally {
      context.open = false;
      const outcome: Outcome = context.failed ? 'error' : 'ok';
      metrics.handled(kind, platform, (performance.now() - started) / 1000, outcome);
    }
  }
  return {
    // Spread, so whatever else the engine offers (services, start, stop, and anything added) passes through.
    ...engine,
    runCommand: (inv) => timed('command', inv.channel.platform, () => engine.runCommand(inv)),
    runText: (text, who) => timed('text', who.channel.platform, () => engine.runText(text, who)),
    handleAction: (inv) => timed('action', inv.channel.platform, () => engine.handleAction(inv)),
    handleReaction: (inv) => timed('reaction', inv.channel.platform, () => engine.handleReaction(inv)),
  };
}
