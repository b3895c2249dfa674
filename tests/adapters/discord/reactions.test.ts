import { TextChannel } from 'discord.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type FakeMessage, buttons, messageText } from '../../fakes/discord/index.js';
import { GUILD, type Harness, STUDY, removeTempDirs, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(removeTempDirs);

async function dailyPost(harness: Harness, reveal?: string): Promise<FakeMessage> {
  await harness.slash(harness.ann, 'daily', 'set', { time: '09:30', ...(reveal ? { reveal } : {}) });
  harness.world.clock.set('2026-11-23T09:30:00Z');
  await harness.wake.fire();
  const post = harness.fake.messages(STUDY)[0];
  if (!post) throw new Error('no daily post');
  return post;
}

describe('discord.js adapter: reveal reactions', () => {
  it('a 👀 on a post the restarted client never cached reveals the answer to that person only, by DM', async () => {
    h = await startHarness();
    const post = await dailyPost(h);
    const restarted = await h.restart();
    const channel = restarted.client.channels.cache.get(STUDY);
    if (!(channel instanceof TextChannel)) throw new Error('study channel not cached');
    expect(channel.messages.cache.has(post.id)).toBe(false);

    h.fake.react({ message: post, user: h.alice, emoji: '👀' });
    const [dm] = await h.fake.until(() => (h?.fake.dms(h.alice.id).length ? h.fake.dms(h.alice.id) : undefined), 'the reveal DM');
    if (!dm) throw new Error('no dm');
    expect(messageText(dm)).toMatch(/Answer to daily question #1/);
    expect(buttons(dm).map((b) => b.label)).toEqual(['Got it', 'Partly', 'Missed it']);
    expect(h.fake.dms(h.bob.id)).toEqual([]);
    // Nothing about the answer went to the channel.
    expect(h.fake.messages(STUDY)).toHaveLength(1);

    // A repeated reaction (or a replay) does not send it again; other emoji do nothing.
    h.fake.react({ message: post, user: h.alice, emoji: '👀' });
    h.fake.react({ message: post, user: h.bob, emoji: '🎉' });
    await new Promise((r) => setTimeout(r, 150));
    expect(h.fake.dms(h.alice.id)).toHaveLength(1);
    expect(h.fake.dms(h.bob.id)).toHaveLength(0);
    expect(h.logs.lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("ignores the bot's own reactions", async () => {
    h = await startHarness();
    const post = await dailyPost(h);
    h.fake.react({ message: post, user: h.fake.bot, emoji: '👀' });
    h.fake.react({ message: post, user: h.bob, emoji: '👀' });
    await h.fake.until(() => h?.fake.dms(h.bob.id).length === 1, "bob's reveal");
    expect(h.fake.world.dmChannelOf.has(h.fake.bot.id)).toBe(false);
  });

  it('with DMs closed, the answer goes under the post as a spoiler that mentions the person', async () => {
    h = await startHarness();
    const dave = h.fake.addUser({ username: 'dave', dmsClosed: true }, GUILD);
    const post = await dailyPost(h);
    h.fake.react({ message: post, user: dave, emoji: '👀' });
    const [inThread] = await h.fake.until(() => (h?.fake.messages(post.id).length ? h.fake.messages(post.id) : undefined), 'the spoiler in the thread');
    if (!inThread) throw new Error('no thread message');
    expect(inThread.content).toContain(`<@${dave.id}>`);
    expect(inThread.content).toMatch(/\|\|[\s\S]+\|\|/);
    expect(buttons(inThread).map((b) => b.label)).toEqual(['Got it', 'Partly', 'Missed it']);
    const create = h.fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${STUDY}/messages/${post.id}/threads`);
    expect(create?.status).toBe(201);

    // A second person with closed DMs finds the thread already there.
    const erin = h.fake.addUser({ username: 'erin', dmsClosed: true }, GUILD);
    h.fake.react({ message: post, user: erin, emoji: '👀' });
    await h.fake.until(() => h?.fake.messages(post.id).length === 2, "erin's spoiler");

    // Grading from the thread counts for the presser.
    const graded = await h.press(dave, inThread, /Got it/);
    expect(graded.text).toMatch(/Got it/);
  });

  it('thread mode puts one spoilered answer under the post and DMs each reactor their grade buttons', async () => {
    h = await startHarness();
    const post = await dailyPost(h, 'thread');
    h.fake.react({ message: post, user: h.alice, emoji: '👀' });
    h.fake.react({ message: post, user: h.bob, emoji: '👀' });
    await h.fake.until(() => h?.fake.dms(h.alice.id).length === 1 && h.fake.dms(h.bob.id).length === 1, 'both grade prompts');
    const thread = h.fake.messages(post.id);
    expect(thread).toHaveLength(1);
    expect(thread[0]?.content).toMatch(/^-# Answer to daily question #1[\s\S]*\|\|[\s\S]+\|\|$/);
    expect(h.fake.world.channels.get(post.id)?.['name']).toBe('Daily question');
  });
});
