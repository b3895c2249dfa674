import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebServer } from '../../../src/adapters/web/http/server.js';
import { InFlight } from '../../../src/core/in-flight.js';
import { RecordingLogger } from '../../fakes/world.js';
import { SlowBoardsStore } from '../../helpers/slow-boards-store.js';
import { type Harness, startHarness } from './harness.js';
import { statusOrRefused } from '../../helpers/http.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('the web adapter on drain (real adapter, real engine)', () => {
  it('answers the command in flight, takes no new request, and then has nothing pending', async () => {
    const store = new SlowBoardsStore('recall');
    h = await startHarness({ store });
    const held = store.hold();
    const inFlight = h.post('/api/command', { user: 'Ada', text: 'leaderboard' });
    await held.reached;

    const drained = h.adapter.drain();
    expect(h.adapter.pending()).toEqual(['web POST /api/command']);
    expect([503, 'refused']).toContain(await statusOrRefused(() => (h as Harness).post('/api/command', { user: 'Bo', text: 'help' })));
    held.release();

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.stringify(await answer.json())).toMatch(/People · week 48/);
    await drained;
    expect(h.adapter.pending()).toEqual([]);
  });
});

describe('createWebServer with a closed InFlight', () => {
  it('answers every request 503 with a short reason and closes the connection', async () => {
    const inFlight = new InFlight();
    const server = createWebServer({
      routes: [],
      assets: new Map(),
      auth: { token: null, playground: true },
      logger: new RecordingLogger(),
      health: async () => ({ status: 200, json: { ok: true } }),
      inFlight,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      inFlight.close();
      const refused = await fetch(`${base}/api/command`, { method: 'POST', body: '{}' });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('connection')).toBe('close');
      expect(await refused.json()).toEqual({ error: 'Recall is stopping; try again in a moment.' });
      expect(inFlight.size).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
