import { describe, expect, it } from 'vitest';
import { describeConfig, readConfig } from '../src/config.js';

const ok = (env: Record<string, string>) => {
  const result = readConfig(env);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.config;
};
const errors = (env: Record<string, string>) => {
  const result = readConfig(env);
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.errors;
};

describe('configuration', () => {
  it('has defaults that run the playground on a fresh machine', () => {
    const config = ok({});
    expect(config).toMatchObject({
      questionsDir: 'questions',
      logLevel: 'info',
      storeUrl: './data/recall.sqlite',
      web: { port: 3000, host: '127.0.0.1', dashboardToken: null },
      discord: null,
      slack: null,
    });
    expect(config.engine.points).toEqual({ got: 3, partly: 1, missed: 0 });
    expect(config.engine.defaultTimezone).toBe('UTC');
  });

  it('treats blank variables as unset', () => {
    expect(ok({ LOG_LEVEL: '  ', DISCORD_TOKEN: '' }).discord).toBeNull();
  });

  it('reads the game rules', () => {
    const config = ok({ POINTS: '5,2,0', GRADE_WINDOW_HOURS: '48', REVEAL_EMOJI: 'eyes, :brain:', DEFAULT_TIMEZONE: 'europe/berlin' });
    expect(config.engine.points).toEqual({ got: 5, partly: 2, missed: 0 });
    expect(config.engine.gradeWindowMs).toBe(48 * 3_600_000);
    expect(config.engine.revealReactions).toEqual(['eyes', 'brain']);
    expect(config.engine.defaultTimezone).toBe('Europe/Berlin');
  });

  it('reads the several-instances settings, and refuses a check interval cron cannot keep', () => {
    expect(ok({}).engine).toMatchObject({ slotLeaseMs: 120_000, scheduleCheckMs: 60_000 });
    expect(ok({ SLOT_LEASE_SECONDS: '30', SCHEDULE_CHECK_SECONDS: '15' }).engine).toMatchObject({ slotLeaseMs: 30_000, scheduleCheckMs: 15_000 });
    expect(errors({ SCHEDULE_CHECK_SECONDS: '7' })).toEqual(['SCHEDULE_CHECK_SECONDS: must divide a minute evenly (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60)']);
    expect(errors({ SLOT_LEASE_SECONDS: '0' })[0]).toMatch(/^SLOT_LEASE_SECONDS: /);
  });

  it('turns on Discord and Slack only with complete credentials, and says what is missing', () => {
    expect(ok({ DISCORD_TOKEN: 't', DISCORD_APP_ID: '1' }).discord).toMatchObject({ token: 't', appId: '1', guildId: null });
    expect(errors({ DISCORD_TOKEN: 't' })).toEqual([expect.stringMatching(/^DISCORD_APP_ID: is needed with DISCORD_TOKEN/)]);
    expect(ok({ SLACK_BOT_TOKEN: 'xoxb', SLACK_SIGNING_SECRET: 's' }).slack).toMatchObject({ botToken: 'xoxb', appToken: null });
    expect(errors({ SLACK_BOT_TOKEN: 'xoxb' })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: or SLACK_APP_TOKEN is needed/)]);
  });

  it('refuses to open the dashboard beyond loopback without a token', () => {
    expect(errors({ HOST: '0.0.0.0' })).toEqual([expect.stringMatching(/^DASHBOARD_TOKEN: is required when HOST is 0\.0\.0\.0/)]);
    expect(ok({ HOST: '0.0.0.0', DASHBOARD_TOKEN: 'secret' }).web.host).toBe('0.0.0.0');
  });

  it.each([
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
    [{ DEFAULT_TIMEZONE: 'Mars/Olympus' }, /^DEFAULT_TIMEZONE: `Mars\/Olympus` is not a timezone/],
    [{ POINTS: 'lots' }, /^POINTS: three whole numbers/],
    [{ PORT: 'eighty' }, /^PORT: /],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(errors(env)[0]).toMatch(message);
  });

  it('never puts a secret in what it logs', () => {
    const config = ok({
      DISCORD_TOKEN: 'discord-secret',
      DISCORD_APP_ID: '1',
      SLACK_BOT_TOKEN: 'xoxb-secret',
      SLACK_SIGNING_SECRET: 'signing-secret',
      STORE_URL: 'redis://:hunter2@127.0.0.1:6379',
      DASHBOARD_TOKEN: 'dash-secret',
    });
    const logged = JSON.stringify(describeConfig(config));
    for (const secret of ['discord-secret', 'xoxb-secret', 'signing-secret', 'hunter2', 'dash-secret']) expect(logged).not.toContain(secret);
    expect(logged).toContain('redis://***@127.0.0.1:6379');
  });
});
