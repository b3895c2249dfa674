import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { startDiscordAdapter } from '../../../src/adapters/discord/index.js';
import { PortRouter } from '../../../src/adapters/port-router.js';
import { defaultEngineConfig } from '../../../src/core/engine-config.js';
import { createEngine } from '../../../src/core/engine.js';
import { FakeDiscord, answerOf, messageText } from '../../fakes/discord/index.js';
import { FakeTimer } from '../../fakes/wake-timer.js';
import { createTestWorld } from '../../fakes/world.js';
import { FAST, GUILD, type Harness, STUDY, recordingLogger, seedBank, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('discord.js adapter: the gateway connection', () => {
  it('connects with v=10&encoding=json, uncompressed, with only the intents it needs', async () => {
    h = await startHarness();
    expect(h.fake.gateway.queries[0]).toBe('?v=10&encoding=json');
    const [session] = h.fake.gateway.sessions.values();
    // Guilds (1), GuildMessages (512), GuildMessageReactions (1024), DirectMessages (4096).
    expect(session?.intents).toBe(1 | 512 | 1024 | 4096);
    expect(h.fake.requests[0]?.path).toBe('/gateway/bot');
  });

  it('closing mid-session: the client resumes, a command sent meanwhile is replayed and answered once, and the next slot posts once', async () => {
    h = await startHarness();
    const { fake, world, wake } = h;
    await h.slash(h.ann, 'daily', 'set', { time: '09:30' });

    fake.gateway.closeAll(4000);
    await fake.until(() => [...fake.gateway.sessions.values()].every((s) => s.socket === null), 'the socket to close');
    // Sent while the bot is away: Discord keeps it in the session and replays it on RESUME.
    const meanwhile = fake.slash({ guildId: GUILD, channelId: STUDY, user: h.alice, name: 'daily', subcommand: 'status' });

    await fake.until(() => fake.gateway.stats.resumes === 1, 'a RESUME', 5_000);
    await fake.answered(meanwhile);
    expect(messageText(answerOf(meanwhile))).toMatch(/Daily question/);
    expect(meanwhile.callbacks).toHaveLength(1);
    expect(fake.gateway.stats.identifies).toBe(1);
    expect(fake.gateway.stats.connections['/resume']).toBe(1);
    await fake.until(() => h?.logs.lines.some((l) => l.msg === 'discord: gateway session resumed'), 'the resume to be logged');

    world.clock.set('2026-11-23T09:30:00Z');
    await wake.fire();
    await wake.fire();
    expect(fake.messages(STUDY)).toHaveLength(1);
  });

  // discord.js spaces IDENTIFYs 5 s apart, as Discord requires, so this one takes that long.
  it('an invalid session: the client identifies afresh and keeps answering', { timeout: 15_000 }, async () => {
    h = await startHarness();
    h.fake.gateway.invalidateAll(false);
    await h.fake.until(() => h?.fake.gateway.stats.identifies === 2, 'a second IDENTIFY', 8_000);
    await h.fake.until(() => h?.adapter.client.isReady(), 'the client to be ready again', 5_000);
    const status = await h.slash(h.alice, 'daily', 'status');
    expect(status.text).toMatch(/No daily question is set up/);
  });

  it('a wrong token stops the start with a clear error, and the token is not logged', async () => {
    const fake = await FakeDiscord.start({ guilds: [{ id: GUILD, channels: [{ id: STUDY }] }] });
    try {
      const world = await createTestWorld();
      const bank = seedBank();
      const router = new PortRouter();
      const engine = createEngine({ world, config: defaultEngineConfig, bank, platform: router, commands, wakeTimer: new FakeTimer() });
      const logs = recordingLogger();
      const start = startDiscordAdapter({
        engine,
        router,
        bank,
        store: world.store,
        logger: logs.logger,
        config: { token: 'not-the-token', appId: fake.appId, guildId: GUILD, apiBase: fake.apiBase, adminRole: null },
        tuning: FAST,
      });
      await expect(start).rejects.toThrow(/invalid token/i);
      expect(logs.raw.join('')).not.toContain('not-the-token');
      expect(() => router.post({ platform: 'discord', workspaceId: GUILD, channelId: STUDY }, { blocks: [] })).toThrow(/not running/);
    } finally {
      await fake.close();
    }
  });
});
