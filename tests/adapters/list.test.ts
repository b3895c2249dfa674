import { describe, expect, it } from 'vitest';
import { discordSettings } from '../../src/adapters/discord/settings.js';
import { ADAPTERS } from '../../src/adapters/list.js';
import { type AdapterContext, type RunningAdapter, defineAdapter } from '../../src/adapters/types.js';
import { type Config, readConfig } from '../../src/config.js';

const configFrom = (env: Record<string, string>): Config => {
  const result = readConfig(env);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.config;
};
const configured = (env: Record<string, string>) => ADAPTERS.filter((a) => a.configured(configFrom(env))).map((a) => a.name);

describe('the adapter list main.ts starts from', () => {
  it('starts the chat platforms first and the web page last', () => {
    expect(ADAPTERS.map((a) => a.name)).toEqual(['discord', 'slack', 'web']);
    expect(ADAPTERS.map((a) => a.chat)).toEqual([true, true, false]);
  });

  it('turns each chat platform on only when its settings are present; the page is always on', () => {
    expect(configured({})).toEqual(['web']);
    expect(configured({ DISCORD_TOKEN: 't', DISCORD_APP_ID: '1' })).toEqual(['discord', 'web']);
    expect(configured({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toEqual(['slack', 'web']);
  });

  it('hands an entry its own settings, and refuses to start one that is not configured', async () => {
    const seen: unknown[] = [];
    const entry = defineAdapter({
      name: 'discord',
      chat: true,
      settings: discordSettings,
      async start(settings) {
        seen.push(settings.appId);
        return { name: 'discord', drain: async () => undefined, pending: () => [], stop: async () => undefined } satisfies RunningAdapter;
      },
    });
    const context = {} as AdapterContext;
    await entry.start(configFrom({ DISCORD_TOKEN: 't', DISCORD_APP_ID: '42' }), context);
    expect(seen).toEqual(['42']);
    await expect(entry.start(configFrom({}), context)).rejects.toThrow(/discord is not configured/);
  });
});
