import type { Route } from '../http/router.js';

/** What /metrics serves: a registry rendered in its own exposition format. */
export interface MetricsSource {
  contentType: string;
  render(): Promise<string>;
}

/**
 * `GET /metrics` for Prometheus. It sits behind the dashboard's auth like every other route: open on
 * loopback without DASHBOARD_TOKEN, and with it a scraper sends `Authorization: Bearer <token>`.
 */
export function metricsRoutes(source: MetricsSource): Route[] {
  return [
    {
      method: 'GET',
      path: '/metrics',
      async handler({ req, res }) {
        const text = await source.render();
        res.writeHead(200, { 'content-type': source.contentType, 'content-length': Buffer.byteLength(text) }).end(req.method === 'HEAD' ? undefined : text);
        return { streaming: true };
      },
    },
  ];
}
