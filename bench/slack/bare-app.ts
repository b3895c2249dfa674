import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import pino from 'pino';
import { boltLogger } from '../../src/adapters/slack/bolt-logger.js';

/**
 * The baseline: a bare Bolt app on the same receiver settings Recall uses (HTTP, signature checks,
 * ack before work). `/recall` acks "ok"; a button acks and responds "ok" at the response_url, so the
 * full round trip of a press has the same two legs as Recall's.
 */
export async function startBareApp(opts: { signingSecret: string; botToken: string; apiUrl: string }): Promise<{ url: string; stop(): Promise<void> }> {
  const logger = boltLogger(pino({ level: 'silent' }));
  const receiver = new HTTPReceiver({ signingSecret: opts.signingSecret, endpoints: '/slack/events', logger, processBeforeResponse: false });
  const app = new App({ receiver, token: opts.botToken, logger, clientOptions: { slackApiUrl: opts.apiUrl }, deferInitialization: true, convoStore: false });
  app.command('/recall', async ({ ack }) => {
    await ack('ok');
  });
  app.action({ type: 'block_actions' }, async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', replace_original: false, text: 'ok' });
  });
  await app.init();
  const server: Server = await receiver.start({ port: 0, host: '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/slack/events`, stop: () => receiver.stop() };
}
