import { z } from 'zod';
import { type EngineConfig, defaultEngineConfig } from './core/engine-config.js';
import { parseTimezone } from './scheduler/timezone.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

const optional = z.string().trim().min(1).optional();
const number = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Every setting Recall reads from the environment, validated once at start; nothing else reads
 * process.env. Secrets (tokens, signing secret) live here only and are never logged.
 */
const EnvSchema = z
  .object({
    QUESTIONS_DIR: z.string().min(1).default('questions'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    STORE_URL: z.string().min(1).default('./data/recall.sqlite'),
    DEFAULT_TIMEZONE: z
      .string()
      .default('UTC')
      .transform((tz, ctx) => {
        const parsed = parseTimezone(tz);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }),
    REVEAL_EMOJI: z.string().default('eyes'),
    POINTS: z
      .string()
      .regex(/^\d+,\d+,\d+$/, 'three whole numbers for got it, partly and missed, like 3,1,0')
      .default('3,1,0'),
    PRACTICE_POINTS: z.enum(['on', 'off']).default('off'),
    GRADE_WINDOW_HOURS: number(24, 1, 24 * 14),
    CATCH_UP_GRACE_MINUTES: number(120, 0, 24 * 60),
    SLOT_LEASE_SECONDS: number(120, 1, 3600),
    SCHEDULE_CHECK_SECONDS: number(60, 1, 60).refine((s) => 60 % s === 0, 'must divide a minute evenly (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60)'),
    PORT: number(3000, 1, 65535),
    HOST: z.string().min(1).default('127.0.0.1'),
    DASHBOARD_TOKEN: optional,
    DISCORD_TOKEN: optional,
    DISCORD_APP_ID: optional,
    DISCORD_GUILD_ID: optional,
    DISCORD_API_BASE: z.string().url().optional(),
    DISCORD_ADMIN_ROLE: optional,
    SLACK_BOT_TOKEN: optional,
    SLACK_SIGNING_SECRET: optional,
    SLACK_APP_TOKEN: optional,
    SLACK_API_URL: z.string().url().optional(),
    SLACK_CLIENT_ID: optional,
    SLACK_CLIENT_SECRET: optional,
    SLACK_STATE_SECRET: optional,
    SLACK_ADMIN_GROUP: optional,
    SLACK_PORT: number(3001, 1, 65535),
  })
  .superRefine((env, ctx) => {
    if (env.DISCORD_TOKEN && !env.DISCORD_APP_ID) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_APP_ID'], message: 'is needed with DISCORD_TOKEN (the application id from the Discord developer portal)' });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'or SLACK_APP_TOKEN is needed with SLACK_BOT_TOKEN (HTTP requests are signature-checked; Socket Mode needs the app token)',
      });
    }
    if (!env.SLACK_BOT_TOKEN && (env.SLACK_CLIENT_ID || env.SLACK_CLIENT_SECRET)) {
      if (!(env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_SIGNING_SECRET)) {
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_CLIENT_SECRET'],
          message: 'multi-workspace Slack needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET together',
        });
      }
    }
    if (!LOOPBACK.has(env.HOST) && !env.DASHBOARD_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['DASHBOARD_TOKEN'],
        message: `is required when HOST is ${env.HOST}: the dashboard must not be open beyond this machine without a token`,
      });
    }
  });

export interface DiscordConfig {
  token: string;
  appId: string;
  guildId: string | null;
  /** Tests point discord.js at a local fake; production leaves it unset. */
  apiBase: string | null;
  adminRole: string | null;
}

export interface SlackConfig {
  botToken: string | null;
  signingSecret: string | null;
  appToken: string | null;
  apiUrl: string | null;
  clientId: string | null;
  clientSecret: string | null;
  stateSecret: string | null;
  adminGroup: string | null;
  port: number;
}

export interface Config {
  questionsDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  storeUrl: string;
  engine: EngineConfig;
  web: { port: number; host: string; dashboardToken: string | null };
  discord: DiscordConfig | null;
  slack: SlackConfig | null;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

export function readConfig(env: Record<string, string | undefined>): ConfigResult {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  const e = parsed.data;
  const [got, partly, missed] = e.POINTS.split(',').map(Number) as [number, number, number];
  const slackWanted = Boolean(e.SLACK_BOT_TOKEN || (e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET));
  return {
    ok: true,
    config: {
      questionsDir: e.QUESTIONS_DIR,
      logLevel: e.LOG_LEVEL,
      storeUrl: e.STORE_URL,
      engine: {
        ...defaultEngineConfig,
        points: { got, partly, missed },
        gradeWindowMs: e.GRADE_WINDOW_HOURS * 3_600_000,
        catchUpGraceMs: e.CATCH_UP_GRACE_MINUTES * 60_000,
        slotLeaseMs: e.SLOT_LEASE_SECONDS * 1000,
        scheduleCheckMs: e.SCHEDULE_CHECK_SECONDS * 1000,
        defaultTimezone: e.DEFAULT_TIMEZONE,
        practicePoints: e.PRACTICE_POINTS === 'on',
        revealReactions: e.REVEAL_EMOJI.split(',')
          .map((r) => r.trim().replace(/^:|:$/g, ''))
          .filter(Boolean),
      },
      web: { port: e.PORT, host: e.HOST, dashboardToken: e.DASHBOARD_TOKEN ?? null },
      discord:
        e.DISCORD_TOKEN && e.DISCORD_APP_ID
          ? { token: e.DISCORD_TOKEN, appId: e.DISCORD_APP_ID, guildId: e.DISCORD_GUILD_ID ?? null, apiBase: e.DISCORD_API_BASE ?? null, adminRole: e.DISCORD_ADMIN_ROLE ?? null }
          : null,
      slack: slackWanted
        ? {
            botToken: e.SLACK_BOT_TOKEN ?? null,
            signingSecret: e.SLACK_SIGNING_SECRET ?? null,
            appToken: e.SLACK_APP_TOKEN ?? null,
            apiUrl: e.SLACK_API_URL ?? null,
            clientId: e.SLACK_CLIENT_ID ?? null,
            clientSecret: e.SLACK_CLIENT_SECRET ?? null,
            stateSecret: e.SLACK_STATE_SECRET ?? null,
            adminGroup: e.SLACK_ADMIN_GROUP ?? null,
            port: e.SLACK_PORT,
          }
        : null,
    },
  };
}

/** What is safe to log about the configuration: which platforms are on, never a secret. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    questionsDir: config.questionsDir,
    store: config.storeUrl.replace(/\/\/[^@/]*@/, '//***@'),
    web: `${config.web.host}:${config.web.port}${config.web.dashboardToken ? ' (token required)' : ''}`,
    discord: config.discord ? (config.discord.guildId ? `guild ${config.discord.guildId}` : 'global') : 'off',
    slack: config.slack ? (config.slack.appToken ? 'socket mode' : 'http') : 'off',
    timezone: config.engine.defaultTimezone,
  };
}
