import { z } from 'zod';
import { defineSettings, optionalText, wholeNumber } from '../settings.js';

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

/**
 * On with SLACK_BOT_TOKEN (one workspace; HTTP with the signing secret, or Socket Mode with the app
 * token), or with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (installs in many workspaces over OAuth).
 */
export const slackSettings = defineSettings({
  env: {
    SLACK_BOT_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_API_URL: z.string().url().optional(),
    SLACK_CLIENT_ID: optionalText,
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: optionalText,
    SLACK_ADMIN_GROUP: optionalText,
    SLACK_PORT: wholeNumber(3001, 1, 65535),
  },
  check(env, ctx) {
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
  },
  read: (env): SlackConfig | null =>
    env.SLACK_BOT_TOKEN || (env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET)
      ? {
          botToken: env.SLACK_BOT_TOKEN ?? null,
          signingSecret: env.SLACK_SIGNING_SECRET ?? null,
          appToken: env.SLACK_APP_TOKEN ?? null,
          apiUrl: env.SLACK_API_URL ?? null,
          clientId: env.SLACK_CLIENT_ID ?? null,
          clientSecret: env.SLACK_CLIENT_SECRET ?? null,
          stateSecret: env.SLACK_STATE_SECRET ?? null,
          adminGroup: env.SLACK_ADMIN_GROUP ?? null,
          port: env.SLACK_PORT,
        }
      : null,
  describe: (slack) => (slack.appToken ? 'socket mode' : 'http'),
});
