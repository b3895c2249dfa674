import type { Server } from 'node:http';
import { type App, AuthorizationError, HTTPReceiver, type InstallationStore, SocketModeReceiver, type StateStore, type webApi } from '@slack/bolt';
import type { SlackConfig } from './settings.js';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../log.js';
import { settledWithin } from '../../shared/timeout.js';
import { boltLevelOf, boltLogger } from './bolt-logger.js';
import { IntakeApp, SlackIntake, safeError } from './intake.js';
import { BOT_SCOPES } from './scopes.js';

/** The one endpoint for events, commands and interactivity (the manifest points all three here). */
export const EVENTS_PATH = '/slack/events';

/**
 * Production retries: Retry-After is always honoured for `ratelimited`; 5xx and network failures get a
 * few quick tries, then the error surfaces (a daily post reports it to the admin rather than waiting
 * Bolt's default half hour).
 */
export const DEFAULT_RETRY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000, randomize: true };

export interface OAuthSetup {
  clientId: string;
  clientSecret: string;
  installationStore: InstallationStore;
  /** Used when SLACK_STATE_SECRET is unset; with it, Bolt signs the state instead. */
  stateStore: StateStore;
}

export interface BoltSetup {
  config: SlackConfig;
  logger: Logger;
  retryConfig: webApi.RetryOptions;
  oauth: OAuthSetup | null;
  /** The time requests' timestamps are checked against. */
  clock: Clock;
}

export type Receiver = { kind: 'http'; receiver: HTTPReceiver } | { kind: 'socket'; receiver: SocketModeReceiver };

/**
 * A Bolt App over HTTP (SlackIntake's door checks the signature, the timestamp and the body's shape
 * before Bolt sees a request: 401 or 400, and no handler runs) or over Socket Mode when an app-level token is set. Initialisation is deferred so `auth.test`
 * failures surface from start() instead of as an unhandled rejection in the constructor.
 */
export function createBoltApp(setup: BoltSetup): { app: App; receiver: Receiver; intake: SlackIntake } {
  const { config, oauth } = setup;
  const logger = boltLogger(setup.logger);
  const logLevel = boltLevelOf(setup.logger);
  // slackApiUrl needs its trailing slash: the client appends method names to it.
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: setup.retryConfig,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/` } : {}),
  };
  const installer = oauth
    ? {
        clientId: oauth.clientId,
        clientSecret: oauth.clientSecret,
        installationStore: oauth.installationStore,
        scopes: [...BOT_SCOPES],
        ...(config.stateSecret ? { stateSecret: config.stateSecret } : {}),
      }
    : {};
  const installerOptions = {
    clientOptions,
    ...(oauth && !config.stateSecret ? { stateStore: oauth.stateStore } : {}),
  };

  const intake = new SlackIntake(config.appToken ? 'socket' : 'http');
  let receiver: Receiver;
  if (config.appToken) {
    receiver = {
      kind: 'socket',
      receiver: new SocketModeReceiver({
        appToken: config.appToken,
        logger,
        logLevel,
        ...installer,
        // In Socket Mode the port only serves the OAuth install pages.
        installerOptions: { ...installerOptions, port: config.port },
      }),
    };
  } else {
    if (!config.signingSecret) throw new Error('Slack over HTTP needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)');
    receiver = {
      kind: 'http',
      receiver: new HTTPReceiver({
        signingSecret: config.signingSecret,
        endpoints: EVENTS_PATH,
        logger,
        logLevel,
        // Ack first, then work: Slack's 3-second window is never spent waiting on the store or the API.
        processBeforeResponse: false,
        // The door checks signatures instead (see SlackIntake.guard): against the world's clock, and
        // refusing a timestamp from the future, which Bolt's check lets through.
        signatureVerification: false,
        processEventErrorHandler: async ({ error, request, response }) => {
          if (response.headersSent) return false;
          if (error instanceof AuthorizationError) {
            response.writeHead(401).end();
            return true;
          }
          setup.logger.error({ err: safeError(error), ...intake.identityOf(request) }, 'Bolt failed on a Slack request; answered 500');
          response.writeHead(500).end();
          return false;
        },
        ...installer,
        installerOptions,
      }),
    };
  }

  if (receiver.kind === 'http') {
    const check = { path: EVENTS_PATH, signingSecret: config.signingSecret ?? '', now: () => setup.clock.now().getTime(), logger: setup.logger };
    receiver.receiver.requestListener = intake.guard(receiver.receiver.requestListener, check);
  }
  const token = oauth ? {} : { token: config.botToken ?? undefined };
  const app = new IntakeApp(
    {
      receiver: receiver.receiver,
      ...token,
      logger,
      logLevel,
      clientOptions,
      deferInitialization: true,
      // Recall keeps no per-conversation state in Bolt; the store holds everything.
      convoStore: false,
    },
    intake,
    receiver.kind,
  );
  return { app, receiver, intake };
}

/** Starts listening; for HTTP, the address actually bound (port 0 picks a free one) and the server, for health. */
export async function startReceiver(receiver: Receiver, port: number, host: string | undefined): Promise<{ url: string | null; server: Server | null }> {
  if (receiver.kind === 'socket') {
    await receiver.receiver.start();
    return { url: null, server: null };
  }
  const server: Server = await receiver.receiver.start(host ? { port, host } : { port });
  const address = server.address();
  if (address === null || typeof address === 'string') return { url: null, server };
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${shownHost}:${address.port}${EVENTS_PATH}`, server };
}

const SOCKET_STOP_MS = 5_000;

/** Stops taking requests. A Socket Mode close handshake that never completes is not waited on forever. */
export async function stopReceiver(receiver: Receiver): Promise<void> {
  if (receiver.kind === 'http') {
    await receiver.receiver.stop();
    return;
  }
  await settledWithin(receiver.receiver.client.disconnect(), SOCKET_STOP_MS);
  // Closes the OAuth pages' server, if there is one; the socket is already down.
  await receiver.receiver.stop();
}
