import type { Config } from '../config.js';
import type { BankService } from '../core/bank-service.js';
import type { Engine } from '../core/engine.js';
import type { ChannelRef, Platform } from '../core/refs.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { PortRouter } from './port-router.js';
import type { SettingsSpec } from './settings.js';
import type { MetricsSource } from './web/api/metrics.js';

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
  /**
   * Whether this process should schedule work for the channel (Discord under sharding: only its own
   * guilds). Asked of every running adapter; one that has no opinion on a channel answers true.
   */
  ownsChannel?(channel: ChannelRef): boolean;
  /** One line for whoever started Recall, printed on stdout (the web page's address). */
  banner?: string;
}

/** What main.ts hands every adapter's start: AdapterDeps, and what the adapters need to know of each other. */
export interface AdapterContext extends AdapterDeps {
  /** The chat platforms configured in this process; with none the web page is the playground. */
  chatPlatforms: readonly Platform[];
  /** The running adapters' connections, for /healthz (read when asked, so later adapters count too). */
  platformHealth: () => Record<string, PlatformHealth>;
  metrics: MetricsSource;
}

/**
 * One platform in main.ts's list (src/adapters/list.ts): its settings (read by config.ts into
 * `config[name]`), whether they are present, and how to start it; what start returns says how to drain
 * and stop it. Made with `defineAdapter`.
 */
export interface AdapterEntry<N extends Platform = Platform, S = unknown> {
  name: N;
  /** A chat platform, rather than the page every process serves. */
  chat: boolean;
  settings: SettingsSpec<S>;
  configured(config: Config): boolean;
  start(config: Config, context: AdapterContext): Promise<RunningAdapter>;
}

export interface AdapterSpec<N extends Platform, S> {
  name: N;
  chat: boolean;
  /** The platform's variables and what it makes of them (its `settings.ts`); null settings keep it off. */
  settings: SettingsSpec<S>;
  start(settings: NonNullable<S>, context: AdapterContext): Promise<RunningAdapter>;
}

/** Keeps each adapter's settings typed inside its own entry while the list holds them all alike. */
export function defineAdapter<N extends Platform, S>(spec: AdapterSpec<N, S>): AdapterEntry<N, S> {
  const mine = (config: Config): S | null => (config as unknown as Record<string, S | null>)[spec.name] ?? null;
  return {
    name: spec.name,
    chat: spec.chat,
    settings: spec.settings,
    configured: (config) => mine(config) !== null,
    async start(config, context) {
      const settings = mine(config);
      if (settings === null || settings === undefined) throw new Error(`${spec.name} is not configured; main.ts starts only configured adapters`);
      return spec.start(settings, context);
    },
  };
}
