import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buttons, isEphemeral, messageText } from '../../fakes/discord/index.js';
import { ADMIN_ROLE, GUILD, type Harness, STUDY, removeTempDirs, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(removeTempDirs);

describe.each(['memory', 'sqlite'] as const)('discord.js adapter: the daily question (%s store)', (store) => {
  it('registers the commands, takes /daily set from an admin, and posts the scheduled question with its embed and buttons', async () => {
    h = await startHarness({ store });
    const { fake, world, wake, ann } = h;

    const registered = fake.world.commands.guild.get(GUILD) ?? [];
    expect(registered.map((c) => c['name'])).toEqual(h.engine.commands.map((c) => c.name));
    expect(fake.requests.some((r) => r.method === 'PUT' && r.path === `/applications/${fake.appId}/guilds/${GUILD}/commands`)).toBe(true);

    const set = await h.slash(ann, 'daily', 'set', { time: '09:30', days: 'weekdays', timezone: 'Europe/Berlin' });
    expect(set.text).toMatch(/Daily question set/);
    expect(set.text).toMatch(/09:30/);
    expect(isEphemeral(set.answer)).toBe(true);
    const callback = fake.requests.find((r) => r.path === `/interactions/${set.interaction.id}/${set.interaction.token}/callback`);
    expect(callback?.authHeader).toBe(false);
    expect(fake.messages(STUDY)).toHaveLength(0);

    // 08:30 UTC is 09:30 in Berlin.
    world.clock.set('2026-11-23T08:30:00Z');
    await wake.fire();
    await wake.fire();
    const posts = fake.messages(STUDY);
    expect(posts).toHaveLength(1);
    const post = posts[0];
    if (!post) throw new Error('no post');
    const embed = post.embeds[0] ?? {};
    expect(embed['title']).toBe('Daily question');
    expect(String(embed['description']).length).toBeGreaterThan(10);
    expect(JSON.stringify(embed['footer'])).toMatch(/React 👀 to see the answer/);
    const labels = buttons(post).map((b) => b.label);
    expect(labels).toContain('Reveal');
    expect(buttons(post).every((b) => b.customId.startsWith('daily:') && b.customId.length <= 100)).toBe(true);
    expect(post['nonce']).toBeDefined();

    const status = await h.slash(h.alice, 'daily', 'status');
    expect(status.text).toMatch(/Last post: #1/);
    expect(h.logs.raw.join('')).not.toContain(fake.token);
    expect(world.logger.at('error')).toEqual([]);
  });
});

describe('discord.js adapter: who may change the schedule', () => {
  it("refuses a non-admin's /daily set, and schedules nothing", async () => {
    h = await startHarness();
    const refused = await h.slash(h.alice, 'daily', 'set', { time: '09:30' });
    expect(refused.text).toBe('Only admins can use `daily set`.');
    expect(isEphemeral(refused.answer)).toBe(true);
    expect(await h.engine.services.daily.listChannels()).toEqual([]);
  });

  it('takes /daily set from a member with the configured admin role', async () => {
    h = await startHarness();
    const carol = h.fake.addUser({ username: 'carol' }, GUILD, { roles: [ADMIN_ROLE.id] });
    const set = await h.slash(carol, 'daily', 'set', { time: '10:00' });
    expect(set.text).toMatch(/Daily question set/);
  });

  it('posts right away with /daily now and says so privately', async () => {
    h = await startHarness();
    const now = await h.slash(h.ann, 'daily', 'now');
    expect(now.text).toMatch(/Posted daily question #1/);
    expect(h.fake.messages(STUDY)).toHaveLength(1);
    expect(messageText(h.fake.messages(STUDY)[0] ?? { content: '' })).toMatch(/Daily question/);
  });
});
