import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../src/adapters/list.js';
import { defineSettings } from '../src/adapters/settings.js';
import { describeConfig, joinSettings, readConfig } from '../src/config.js';
import { repoRoot } from './helpers/bank.js';

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
    expect(config.engine.points).toEqual({ got: 3, partly: 1, missed: 0, discussed: 1 });
    expect(config.engine.defaultTimezone).toBe('UTC');
  });

  it('treats blank variables as unset', () => {
    expect(ok({ LOG_LEVEL: '  ', DISCORD_TOKEN: '' }).discord).toBeNull();
  });

  it('reads the game rules', () => {
    const config = ok({ POINTS: '5,2,0', GRADE_WINDOW_HOURS: '48', REVEAL_EMOJI: 'eyes, :brain:', DEFAULT_TIMEZONE: 'europe/berlin' });
    expect(config.engine.points).toEqual({ got: 5, partly: 2, missed: 0, discussed: 1 });
    expect(ok({ POINTS: '5,2,0,2' }).engine.points).toEqual({ got: 5, partly: 2, missed: 0, discussed: 2 });
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

  it('logs how each platform runs, or off', () => {
    expect(describeConfig(ok({}))).toMatchObject({ web: '127.0.0.1:3000', discord: 'off', slack: 'off' });
    const on = ok({ DISCORD_TOKEN: 't', DISCORD_APP_ID: '1', DISCORD_GUILD_ID: 'g1', SLACK_BOT_TOKEN: 'xoxb', SLACK_APP_TOKEN: 'xapp', HOST: '::1', DASHBOARD_TOKEN: 'd' });
    expect(describeConfig(on)).toMatchObject({ web: '::1:3000 (token required)', discord: 'guild g1', slack: 'socket mode' });
    expect(describeConfig(ok({ SLACK_BOT_TOKEN: 'xoxb', SLACK_SIGNING_SECRET: 's' })).slack).toBe('http');
  });
});

describe("each platform's settings, from its own folder", () => {
  const platformVariables = ADAPTERS.flatMap((a) => Object.keys(a.settings.env).map((name) => ({ platform: a.name, name })));

  it('keeps config.ts free of any platform: their variables live in src/adapters/<name>/settings.ts', () => {
    const source = readFileSync(path.join(repoRoot, 'src/config.ts'), 'utf8');
    expect(platformVariables.length).toBeGreaterThan(10);
    for (const { name } of platformVariables) expect(source).not.toContain(name);
    expect(source).not.toMatch(/discord|slack/i);
  });

  it('documents every variable in the README settings table', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    for (const { name } of platformVariables) expect(readme, name).toContain(`\`${name}\``);
  });

  it('refuses two platforms claiming one variable, naming both', () => {
    const a = defineSettings({ env: { SHARED_PORT: z.string().optional() }, read: () => null, describe: () => 'a' });
    const b = defineSettings({ env: { SHARED_PORT: z.string().optional() }, read: () => null, describe: () => 'b' });
    expect(() =>
      joinSettings({}, [
        { name: 'one', settings: a },
        { name: 'two', settings: b },
      ]),
    ).toThrow('SHARED_PORT is claimed by both one and two settings');
    expect(() => joinSettings({ SHARED_PORT: z.string() }, [{ name: 'one', settings: a }])).toThrow(/claimed by both core and one/);
  });

  it("runs a platform's checks across its variables and reads its settings under its name", () => {
    const spec = defineSettings({
      env: { FAKE_ID: z.string().optional(), FAKE_KEY: z.string().optional() },
      check(env, ctx) {
        if (env.FAKE_ID && !env.FAKE_KEY) ctx.addIssue({ code: 'custom', path: ['FAKE_KEY'], message: 'is needed with FAKE_ID' });
      },
      read: (env) => (env.FAKE_ID ? { id: env.FAKE_ID } : null),
      describe: (s) => s.id,
    });
    const schema = joinSettings({}, [{ name: 'fake', settings: spec }]);
    expect(schema.safeParse({ FAKE_ID: 'x' }).error?.issues).toMatchObject([{ path: ['FAKE_KEY'], message: 'is needed with FAKE_ID' }]);
    const parsed = schema.parse({ FAKE_ID: 'x', FAKE_KEY: 'k' });
    expect(spec.read(parsed)).toEqual({ id: 'x' });
  });
});
