import { request } from 'node:http';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { PortRouter } from '../../../src/adapters/port-router.js';
import type { PlatformHealth } from '../../../src/adapters/types.js';
import { startWebAdapter } from '../../../src/adapters/web/index.js';
import { createBankService } from '../../../src/core/bank-service.js';
import { defaultEngineConfig } from '../../../src/core/engine-config.js';
import { createEngine } from '../../../src/core/engine.js';
import type { World } from '../../../src/core/world.js';
import { type PrometheusMetrics, countLoggedErrors, createPrometheusMetrics, instrumentEngine, instrumentPort } from '../../../src/metrics/index.js';
import { createStore } from '../../../src/store/create-store.js';
import { StoreError } from '../../../src/store/store-error.js';
import { FakeTimer } from '../../fakes/wake-timer.js';
import { createTestWorld } from '../../fakes/world.js';
import { hostileBank } from './test-bank.js';

interface Options {
  token?: string;
  platforms?: Record<string, PlatformHealth>;
  /** Serve /metrics (default yes). */
  withMetrics?: boolean;
}

interface Rig {
  url: string;
  metrics: PrometheusMetrics;
  platforms: Record<string, PlatformHealth>;
  /** What the store's ping does from now on. */
  ping: 'ok' | 'fail' | 'hang';
  stop(): Promise<void>;
}

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

/** The web adapter on a real port, over an engine wired as main.ts wires it, with the store's ping under the test's control. */
async function start(opts: Options = {}): Promise<Rig> {
  const store = await createStore('memory://');
  const realPing = store.ping.bind(store);
  const test = await createTestWorld({ store });
  const metrics = createPrometheusMetrics();
  const world: World = { ...test, logger: countLoggedErrors(test.logger, metrics), metrics };
  const loaded = hostileBank();
  const bank = createBankService(loaded, async () => loaded);
  const router = new PortRouter();
  const engine = instrumentEngine(
    createEngine({ world, config: defaultEngineConfig, bank, platform: instrumentPort(router, metrics), commands, wakeTimer: new FakeTimer() }),
    metrics,
  );
  const r: Rig = {
    url: '',
    metrics,
    platforms: opts.platforms ?? {},
    ping: 'ok',
    async stop() {
      await adapter.stop();
      await engine.stop();
      await store.close();
    },
  };
  store.ping = () => {
    if (r.ping === 'fail') return Promise.reject(new StoreError('UNREACHABLE', 'the store is gone'));
    if (r.ping === 'hang') return new Promise<void>(() => undefined);
    return realPing();
  };
  const adapter = await startWebAdapter({
    engine,
    router,
    bank,
    store,
    logger: pino({ level: 'silent' }),
    config: { port: 0, host: '127.0.0.1', dashboardToken: opts.token ?? null },
    playground: true,
    now: () => world.clock.now(),
    platformHealth: () => r.platforms,
    ...(opts.withMetrics === false ? {} : { metrics }),
    storePingTimeoutMs: 300,
  });
  r.url = adapter.url;
  rig = r;
  return r;
}

/** A raw request, to set the Host header that fetch will not. */
function raw(url: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('/healthz: the store and every chat platform', () => {
  it('answers 200 with the store reachable and each configured platform connected', async () => {
    const r = await start({ platforms: { discord: { connected: true }, slack: { connected: true } } });
    const res = await fetch(`${r.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, store: 'reachable', platforms: { discord: 'connected', slack: 'connected' } });
  });

  it('answers 503 while a platform is disconnected, with the reason, and 200 once it is back', async () => {
    const r = await start({ platforms: { discord: { connected: false, detail: 'shard 0 resuming' }, slack: { connected: true } } });
    const down = await fetch(`${r.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, store: 'reachable', platforms: { discord: 'disconnected', slack: 'connected' }, details: { discord: 'shard 0 resuming' } });

    r.platforms = { discord: { connected: true }, slack: { connected: true } };
    expect((await fetch(`${r.url}/healthz`)).status).toBe(200);
  });

  it('answers 503 when the store refuses the ping', async () => {
    const r = await start();
    r.ping = 'fail';
    const res = await fetch(`${r.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, store: 'unreachable', platforms: {} });
  });

  it('answers 503 within its timeout when the store never answers, instead of hanging with it', async () => {
    const r = await start();
    r.ping = 'hang';
    const started = performance.now();
    const res = await fetch(`${r.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, store: 'unreachable' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('/metrics: Prometheus text on the dashboard’s port', () => {
  it('serves recall_* series in the registry’s content type, counting what went through the engine', async () => {
    const r = await start();
    const command = await fetch(`${r.url}/api/command`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'Ada', text: 'help' }) });
    expect(command.status).toBe(200);

    const res = await fetch(`${r.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(r.metrics.contentType);
    const text = await res.text();
    expect(text).toContain('# TYPE recall_handle_duration_seconds histogram');
    expect(text).toContain('recall_handle_duration_seconds_count{kind="text",platform="web",outcome="ok"} 1');
    expect(text).toContain('recall_errors_total{where="background"} 0');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('is open on loopback without a token, but not to a Host naming another machine', async () => {
    const r = await start();
    expect((await raw(r.url, '/metrics', { host: `localhost:${new URL(r.url).port}` })).status).toBe(200);
    expect((await raw(r.url, '/metrics', { host: 'recall.example.com' })).status).toBe(421);
  });

  it('with DASHBOARD_TOKEN, needs it as a Bearer token, as Prometheus sends it', async () => {
    const token = 'scrape-me-please';
    const r = await start({ token });
    expect((await fetch(`${r.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${r.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const res = await fetch(`${r.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('recall_errors_total');
    // The probe stays open: a load balancer holds no token.
    expect((await fetch(`${r.url}/healthz`)).status).toBe(200);
  });

  it('is not there when no metrics are given', async () => {
    const r = await start({ withMetrics: false });
    expect((await fetch(`${r.url}/metrics`)).status).toBe(404);
  });
});
