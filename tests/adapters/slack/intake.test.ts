import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { SlackIntake } from '../../../src/adapters/slack/intake.js';
import { FakeClock } from '../../fakes/clock.js';
import { reactionAdded } from '../../fakes/slack/payloads.js';
import { FAKE_BOT_TOKEN } from '../../fakes/slack/server.js';
import { FAKE_SIGNING_SECRET, SlackSender } from '../../fakes/slack/signed-requests.js';
import { CHANNEL, LogLines, alice } from './harness.js';

describe('SlackIntake.guard when what it wraps throws', () => {
  it('answers 500, logs the request’s method, path, type and team at error level (no body, no token), and keeps serving', async () => {
    const logs = new LogLines();
    const clock = new FakeClock('2026-11-23T08:00:00Z');
    const intake = new SlackIntake('http');
    let calls = 0;
    const listener = intake.guard(
      (_req, res) => {
        calls++;
        if (calls === 1) throw new TypeError(`Cannot read properties of null (reading 'ssl_check') with ${FAKE_BOT_TOKEN}`);
        res.writeHead(200).end('ok');
      },
      { path: '/slack/events', signingSecret: FAKE_SIGNING_SECRET, now: () => clock.now().getTime(), logger: pino({ level: 'info' }, logs) },
    );
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const sender = new SlackSender(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, FAKE_SIGNING_SECRET, () => clock.now().getTime());
      const body = reactionAdded(alice, CHANNEL, '1.2', 'eyes');
      const failed = await sender.event(body);
      expect(failed.status).toBe(500);
      expect(failed.text).not.toMatch(/ssl_check|TypeError/);
      expect((await sender.event(body)).status).toBe(200);

      const errors = logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l['level'] === 50);
      expect(errors).toMatchObject([{ method: 'POST', path: '/slack/events', type: 'reaction_added', team: 'T1', msg: 'a Slack request failed; answered 500' }]);
      expect(logs.text).not.toContain(FAKE_BOT_TOKEN);
      expect(logs.text).not.toContain('legacy-verification-token');
      expect(intake.inFlight.size).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
