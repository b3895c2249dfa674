import { ErrorCode, type webApi } from '@slack/bolt';
import type { SlackConfig } from './settings.js';
import { type Clock, systemClock } from '../../core/clock.js';
import type { AdapterDeps, PlatformHealth, RunningAdapter } from '../types.js';
import { registerActions } from './actions.js';
import { registerViews } from './views.js';
import { createAdminCheck } from './admin.js';
import { describeError } from './describe-error.js';
import { redactSecrets } from './bolt-logger.js';
import { DEFAULT_RETRY, type OAuthSetup, createBoltApp, startReceiver, stopReceiver } from './app.js';
import { registerCommand } from './commands.js';
import type { HandlerContext } from './context.js';
import { registerEvents } from './events.js';
import { httpHealth, socketHealth } from './health.js';
import { storeInstallationStore, storeStateStore } from './installation-store.js';
import { SlackPort } from './port.js';
import { dropRedeliveries } from './redelivery.js';
import { DEFAULT_START_RETRY, type StartRetry, initWhenReachable } from './start-retry.js';
import { installedTokens, rememberOrgTeams, singleToken } from './tokens.js';

export { SLASH_COMMAND } from './commands.js';
export { BOT_EVENTS, BOT_SCOPES } from './scopes.js';
export { EVENTS_PATH } from './app.js';
export { toSlackMessage } from './blocks.js';

/** Knobs main.ts leaves alone and tests and the benchmark set. */
export interface SlackAdapterOptions {
  /** The interface the HTTP receiver binds; all of them when unset (Slack must reach it). */
  host?: string;
  /** Web API retry policy; see DEFAULT_RETRY. */
  retryConfig?: webApi.RetryOptions;
  /** How long a slash command may take before it is acked with a note and answered later (< 3 s). */
  ackWithinMs?: number;
  /** How long an admin check is trusted. */
  adminCacheMs?: number;
  /** What request timestamps are checked against; the system clock unless a test moves time. */
  clock?: Clock;
  /** Back-off between start-up attempts while Slack cannot be reached. */
  startRetry?: StartRetry;
}

export interface SlackDeps extends AdapterDeps {
  config: SlackConfig;
  options?: SlackAdapterOptions;
}

export interface RunningSlackAdapter extends RunningAdapter {
  /** Where Slack should send events, commands and interactivity (HTTP mode); null in Socket Mode. */
  url: string | null;
  mode: 'http' | 'socket';
  /** Socket Mode: the socket is open; HTTP: the receiver is listening. */
  health(): PlatformHealth;
}

const DEFAULT_ACK_WITHIN_MS = 2_500;

/**
 * Slack through Bolt: `/recall …`, reaction reveals, buttons and Block Kit posts, over HTTP or Socket
 * Mode, for one workspace (SLACK_BOT_TOKEN) or many (OAuth installs kept in the store). Registers the
 * Slack port with the router before it starts taking requests.
 */
export async function startSlackAdapter(deps: SlackDeps): Promise<RunningSlackAdapter> {
  const { config, store, engine, router } = deps;
  const options = deps.options ?? {};
  const logger = deps.logger.child({ adapter: 'slack' });

  const oauth: OAuthSetup | null =
    config.clientId && config.clientSecret
      ? { clientId: config.clientId, clientSecret: config.clientSecret, installationStore: storeInstallationStore(store), stateStore: storeStateStore(store) }
      : null;
  if (!oauth && !config.botToken) throw new Error('Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for multi-workspace installs');
  if (oauth && config.botToken) logger.info('SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set: using OAuth installs; SLACK_BOT_TOKEN is ignored');

  const { app, receiver, intake } = createBoltApp({ config, logger, retryConfig: options.retryConfig ?? DEFAULT_RETRY, oauth, clock: options.clock ?? systemClock });
  const tokens = oauth ? installedTokens(oauth.installationStore, store) : singleToken(config.botToken ?? '');
  const port = new SlackPort(app.client, tokens, logger);
  const ctx: HandlerContext = {
    engine,
    tokens,
    port,
    logger,
    admins: createAdminCheck({ client: app.client, adminGroup: config.adminGroup, logger, ...(options.adminCacheMs !== undefined ? { ttlMs: options.adminCacheMs } : {}) }),
    ackWithinMs: options.ackWithinMs ?? DEFAULT_ACK_WITHIN_MS,
  };

  app.use(dropRedeliveries(store, logger));
  if (oauth) app.use(rememberOrgTeams(store));
  registerCommand(app, ctx);
  registerActions(app, ctx);
  registerViews(app, ctx);
  registerEvents(app, ctx, oauth?.installationStore ?? null);
  app.error(async (error) => {
    const err = { type: error.name, message: redactSecrets(error.message), code: error.code };
    const event = intake.currentEvent();
    // A request from a workspace without an install is Slack's or the sender's doing, not a bug here.
    if (error.code === ErrorCode.AuthorizationError) logger.warn({ err, ...event }, 'a Slack request from a workspace Recall has no install for');
    else logger.error({ err, ...event }, 'a Slack handler failed');
  });

  await initWhenReachable(() => app.init(), { apiUrl: config.apiUrl, logger, retry: options.startRetry ?? DEFAULT_START_RETRY });
  // Registered before the first request can arrive: a reveal already needs the port to answer.
  router.register('slack', port);
  const socket = receiver.kind === 'socket' ? socketHealth(receiver.receiver.client) : null;
  let started: Awaited<ReturnType<typeof startReceiver>>;
  try {
    started = await startReceiver(receiver, config.port, options.host);
  } catch (err) {
    const what =
      receiver.kind === 'socket'
        ? 'could not open a Socket Mode connection; check SLACK_APP_TOKEN (an xapp- token with connections:write)'
        : `could not listen on port ${config.port}; check SLACK_PORT`;
    throw new Error(`Slack ${what} (${slackReason(err)})`, { cause: err });
  }
  const { url } = started;
  let receiverStopped: Promise<void> | undefined;
  // Started in drain() and awaited in stop(): marked handled meanwhile, so a failure waits for stop() to report it.
  const stopQuietly = () => {
    const stopping = stopReceiver(receiver);
    stopping.catch(() => {});
    return stopping;
  };
  logger.info({ mode: receiver.kind, url, workspaces: oauth ? 'oauth' : 'single' }, 'Slack adapter started');

  return {
    name: 'slack',
    url,
    mode: receiver.kind,
    health: socket ?? httpHealth(started.server),
    async drain() {
      intake.inFlight.close();
      // Over HTTP the port closes now, so new connections are refused; the Socket Mode socket stays open
      // until stop(), because the handlers still running ack over it.
      if (receiver.kind === 'http') receiverStopped ??= stopQuietly();
      logger.info({ inFlight: intake.inFlight.pending() }, 'Slack adapter takes no new events; finishing the ones in hand');
      await intake.inFlight.drained();
    },
    pending: () => intake.inFlight.pending(),
    async stop() {
      // Kept-alive connections from Slack would hold the HTTP server open until they time out.
      started.server?.closeAllConnections();
      receiverStopped ??= stopQuietly();
      await receiverStopped;
      logger.info('Slack adapter stopped');
    },
  };
}

function slackReason(err: unknown): string {
  const d = describeError(err);
  return String(d['slackError'] ?? d['code'] ?? d['message']);
}
