import { z } from 'zod';
import { defineSettings, optionalText, wholeNumber } from '../settings.js';

export interface WebConfig {
  port: number;
  host: string;
  dashboardToken: string | null;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Always on: the page listens on HOST:PORT, and beyond loopback only with DASHBOARD_TOKEN. */
export const webSettings = defineSettings({
  env: {
    PORT: wholeNumber(3000, 1, 65535),
    HOST: z.string().min(1).default('127.0.0.1'),
    DASHBOARD_TOKEN: optionalText,
  },
  check(env, ctx) {
    if (!LOOPBACK.has(env.HOST) && !env.DASHBOARD_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['DASHBOARD_TOKEN'],
        message: `is required when HOST is ${env.HOST}: the dashboard must not be open beyond this machine without a token`,
      });
    }
  },
  read: (env): WebConfig => ({ port: env.PORT, host: env.HOST, dashboardToken: env.DASHBOARD_TOKEN ?? null }),
  describe: (web) => `${web.host}:${web.port}${web.dashboardToken ? ' (token required)' : ''}`,
});
