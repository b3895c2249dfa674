import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebConfig } from './settings.js';
import { emojiCharacter } from '../../core/emoji.js';
import { InFlight } from '../../core/in-flight.js';
import type { AdapterDeps, PlatformHealth, RunningAdapter } from '../types.js';
import { bankRoutes } from './api/bank.js';
import { bankEditRoutes } from './api/bank-edits.js';
import { boardRoutes } from './api/boards.js';
import { channelRoutes } from './api/channel.js';
import type { ApiDeps } from './api/deps.js';
import { suggestionRoutes } from './api/suggestions.js';
import { OpenModals } from './modals.js';
import { type MetricsSource, metricsRoutes } from './api/metrics.js';
import { practiceRoutes } from './api/practice.js';
import { scheduleRoutes } from './api/schedules.js';
import { preparePlayground } from './bootstrap.js';
import { ChannelLog } from './channel-log.js';
import { checkHealth } from './health.js';
import { createWebServer } from './http/server.js';
import { loadAssets } from './http/static.js';
import { createWebPort } from './port.js';
import { PLAYGROUND } from './refs.js';

export interface WebAdapterDeps extends AdapterDeps {
  config: WebConfig;
  /** No chat platform is configured: the page is the playground channel, not just a dashboard. */
  playground: boolean;
  /** The engine's clock, for "this week" on the boards; the system clock unless a test moves time. */
  now?: () => Date;
  /** The chat platforms' connections for /healthz, by name (the other adapters' `health()`); none by default. */
  platformHealth?: () => Record<string, PlatformHealth>;
  /** Served at /metrics when given. */
  metrics?: MetricsSource;
  /** How long /healthz waits for the store (default 2 s). */
  storePingTimeoutMs?: number;
}

/**
 * The playground and dashboard: a third adapter. It registers the `web` platform with the router
 * (messages live in the channel log the page reads), serves the page and its JSON API, and on the
 * playground's first start sets up a daily schedule and posts today's question.
 */
export async function startWebAdapter(deps: WebAdapterDeps): Promise<RunningAdapter & { url: string }> {
  const { engine, bank, store, logger, config } = deps;
  const now = deps.now ?? (() => new Date());
  const log = new ChannelLog(store, logger, now);
  deps.router.register('web', createWebPort(log));
  const assets = await loadAssets();
  const revealReaction = (await engine.services.daily.status(PLAYGROUND)).revealReaction;
  const modals = new OpenModals(() => now().getTime());
  const api: ApiDeps = {
    engine,
    bank,
    log,
    logger,
    now,
    modals,
    playground: deps.playground,
    tokenRequired: config.dashboardToken !== null,
    revealEmoji: emojiCharacter(revealReaction),
  };
  if (deps.playground) await preparePlayground(engine, logger);

  const inFlight = new InFlight();
  const server = createWebServer({
    inFlight,
    routes: [
      ...channelRoutes(api),
      ...boardRoutes(api),
      ...bankRoutes(api),
      ...bankEditRoutes(api),
      ...scheduleRoutes(api),
      ...suggestionRoutes(api),
      ...practiceRoutes(api),
      ...(deps.metrics ? metricsRoutes(deps.metrics) : []),
    ],
    assets,
    auth: { token: config.dashboardToken, playground: deps.playground },
    logger,
    health: () => checkHealth({ store, platforms: deps.platformHealth ?? (() => ({})), logger, pingTimeoutMs: deps.storePingTimeoutMs }),
  });
  const port = await listen(server, config.port, config.host);
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info(
    { url, playground: deps.playground, tokenRequired: api.tokenRequired },
    `${deps.playground ? 'playground' : 'dashboard'} at ${url}${api.tokenRequired ? ' (open it once with ?token=<DASHBOARD_TOKEN>)' : ''}`,
  );

  let closed: Promise<void> | undefined;
  const close = () => (closed ??= new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    name: 'web',
    url,
    async drain() {
      // The port closes now; a request on a connection already open is answered 503 (see createWebServer).
      inFlight.close();
      void close();
      await inFlight.drained();
    },
    pending: () => inFlight.pending(),
    async stop() {
      const done = close();
      // Open event streams would hold close() forever.
      server.closeAllConnections();
      await done;
      await log.flush();
    },
  };
}

/** Resolves with the bound port (port 0 picks a free one), or rejects with a message that says what to change. */
function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(
        new Error(
          err.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use; set PORT to another one` : `the web server could not listen on ${host}:${port}: ${err.message}`,
        ),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
