import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createWebServer } from '../../../../src/adapters/web/http/server.js';
import { createLogger } from '../../../../src/log.js';
import { countErrorLine, createPrometheusMetrics } from '../../../../src/metrics/index.js';
import { logSink } from '../../../helpers/log-sink.js';

describe('the web server when a handler throws', () => {
  it('answers 500 without the stack, logs the method and path at error level counted as a request failure, and keeps serving', async () => {
    const { stream, lines } = logSink();
    const metrics = createPrometheusMetrics();
    const server = createWebServer({
      routes: [
        {
          method: 'GET',
          path: '/api/broken',
          handler: async () => {
            await new Promise((r) => setTimeout(r, 1));
            throw new TypeError("Cannot read properties of null (reading 'id')");
          },
        },
      ],
      assets: new Map(),
      auth: { token: null, playground: true },
      logger: createLogger('info', countErrorLine(metrics), stream),
      health: async () => ({ status: 200, json: { ok: true } }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const broken = await fetch(`${base}/api/broken?user=Ada`);
      expect(broken.status).toBe(500);
      expect(await broken.text()).not.toContain('TypeError');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(lines.filter((l) => l['level'] === 50)).toMatchObject([{ method: 'GET', path: '/api/broken', msg: 'web request failed' }]);
      const metric = await metrics.registry.getSingleMetric('recall_errors_total')?.get();
      expect(metric?.values.find((v) => v.labels['where'] === 'request')?.value).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
