import { describe, expect, it } from 'vitest';
import { replyText } from '../../../src/core/reply.js';
import { HOUR, MINUTE, admin, alice, bob, buttonsOf, carol, channel, createHarness, react, testBank, question } from './helpers.js';

/** A channel whose only question is `alpha`, posted at once by hand. */
async function posted(reveal: string, start = '2026-11-23T08:30:00Z') {
  const { bank } = testBank([question('alpha', { hints: ['Starts with A.'] })]);
  const h = await createHarness({ start, bank });
  await h.daily.configure(channel, { when: '06:00', timezone: 'Europe/Berlin', reveal }, admin);
  await h.daily.start();
  const post = await h.daily.postNow(channel, admin);
  return { h, post };
}

const gradeActions = (postId: string) => ['got', 'partly', 'missed'].map((g) => `daily:grade:${postId}:${g}`);

describe('revealing the answer in private mode', () => {
  it('sends the answer with grade buttons privately to each person who reacts 👀, once each', async () => {
    const { h, post } = await posted('private');

    await h.daily.handleReaction(react(alice, post.messageId));
    await h.daily.handleReaction(react(alice, post.messageId, ':eyes:')); // a repeat or a retried event
    await h.daily.handleReaction(react(bob, post.messageId, 'eyes'));

    const [toAlice, ...moreForAlice] = h.platform.privates('alice');
    expect(moreForAlice).toEqual([]);
    expect(toAlice?.parentMessageId).toBe(post.messageId);
    expect(replyText(toAlice?.reply ?? { blocks: [] })).toContain('alpha is the answer.');
    expect(buttonsOf(toAlice?.reply ?? { blocks: [] }).map((b) => b.action)).toEqual(gradeActions(post.postId));
    expect(buttonsOf(toAlice?.reply ?? { blocks: [] }).map((b) => b.label)).toEqual(['Got it', 'Partly', 'Missed it']);
    expect(h.platform.privates('bob')).toHaveLength(1);
    expect(h.platform.threads()).toEqual([]);
  });

  it('lets someone react again after a failed delivery', async () => {
    const { h, post } = await posted('private');
    h.platform.failNext(new Error('DMs are closed'));

    await h.daily.handleReaction(react(alice, post.messageId));
    expect(h.platform.privates('alice')).toEqual([]);
    expect(h.world.logger.at('error').at(-1)).toMatchObject({ msg: expect.stringContaining('could not deliver a daily reveal'), obj: { postId: post.postId, userId: 'alice' } });

    await h.daily.handleReaction(react(alice, post.messageId));
    expect(h.platform.privates('alice')).toHaveLength(1);
  });
});

describe('revealing the answer in thread mode', () => {
  it('posts the answer once in the thread as a spoiler and gives every reactor grade buttons privately', async () => {
    const { h, post } = await posted('thread');

    await h.daily.handleReaction(react(alice, post.messageId));
    await h.daily.handleReaction(react(bob, post.messageId));

    const threads = h.platform.threads(post.messageId);
    expect(threads).toHaveLength(1);
    expect(threads[0]?.reply.blocks).toContainEqual({ type: 'text', markdown: 'alpha is the answer.', spoiler: true });
    for (const user of ['alice', 'bob']) {
      const [note, ...more] = h.platform.privates(user);
      expect(more).toEqual([]);
      expect(buttonsOf(note?.reply ?? { blocks: [] }).map((b) => b.action)).toEqual(gradeActions(post.postId));
      expect(replyText(note?.reply ?? { blocks: [] })).not.toContain('alpha is the answer.');
    }
  });
});

describe('revealing the answer publicly after N reactions', () => {
  it('waits for the Nth person, posts the answer once in the thread, and hands later reactors grade buttons', async () => {
    const { h, post } = await posted('public-at after 2');

    await h.daily.handleReaction(react(alice, post.messageId));
    await h.daily.handleReaction(react(alice, post.messageId)); // the same person twice counts once
    expect(h.platform.threads()).toEqual([]);
    expect(replyText(h.platform.privates('alice')[0]?.reply ?? { blocks: [] })).toBe('The answer goes up in the thread once 2 people have reacted 👀 (1 so far).');

    await h.daily.handleReaction(react(bob, post.messageId));
    const threads = h.platform.threads(post.messageId);
    expect(threads).toHaveLength(1);
    expect(replyText(threads[0]?.reply ?? { blocks: [] })).toContain('alpha is the answer.');
    expect(buttonsOf(threads[0]?.reply ?? { blocks: [] }).map((b) => b.action)).toEqual(gradeActions(post.postId));
    expect(h.platform.privates('bob')).toEqual([]);

    await h.daily.handleReaction(react(carol, post.messageId));
    expect(h.platform.threads()).toHaveLength(1);
    expect(buttonsOf(h.platform.privates('carol')[0]?.reply ?? { blocks: [] })).toHaveLength(3);
  });
});

describe('revealing the answer publicly at a time', () => {
  it('posts the answer in the thread when the time comes, once, however often the timer and the wakes look', async () => {
    // Posted 09:30 Berlin by hand; the reveal is at 17:00 Berlin, 16:00Z.
    const { h, post } = await posted('public-at:17:00');
    expect(post.publicRevealAt).toBe('2026-11-23T16:00:00.000Z');

    await h.daily.handleReaction(react(alice, post.messageId));
    expect(replyText(h.platform.privates('alice')[0]?.reply ?? { blocks: [] })).toBe('The answer goes up in the thread at Mon 23 Nov, 17:00 (Europe/Berlin).');

    await h.world.timers.advance(7 * HOUR + 29 * MINUTE);
    expect(h.platform.threads()).toEqual([]);
    await h.world.timers.advance(MINUTE);
    expect(h.platform.threads(post.messageId)).toHaveLength(1);

    await h.tick(MINUTE);
    await h.daily.handleReaction(react(bob, post.messageId));
    expect(h.platform.threads()).toHaveLength(1);
    expect(buttonsOf(h.platform.privates('bob')[0]?.reply ?? { blocks: [] })).toHaveLength(3);
  });

  it('still reveals when the timer was lost to a restart, on the next wake', async () => {
    const { h, post } = await posted('public-at 17:00');
    await h.daily.stop(); // the process goes down and its timer with it

    h.world.clock.set('2026-11-23T16:05:00Z');
    const restarted = h.restart();
    await restarted.daily.start();

    expect(h.platform.threads(post.messageId)).toHaveLength(1);
    await restarted.tick(MINUTE);
    expect(h.platform.threads()).toHaveLength(1);
    await restarted.daily.stop();
  });

  it('reveals on the wake after a failed thread post', async () => {
    const { h, post } = await posted('public-at 17:00');
    h.world.clock.set('2026-11-23T16:00:00Z');
    h.platform.failNext(new Error('rate limited'));
    await h.tick();
    expect(h.platform.threads()).toEqual([]);
    expect(h.world.logger.at('error').some((e) => e.msg.includes('public daily reveal failed'))).toBe(true);

    await h.tick(MINUTE);
    expect(h.platform.threads(post.messageId)).toHaveLength(1);
    await h.daily.stop();
  });
});

describe('reactions that are not reveals', () => {
  it('ignores a reaction on a message that is not a daily post', async () => {
    const { h } = await posted('private');
    const before = h.platform.calls.length;
    await h.daily.handleReaction(react(alice, 'some-other-message'));
    expect(h.platform.calls).toHaveLength(before);
    expect(h.world.logger.at('debug').at(-1)?.msg).toBe('reaction on a message that is not a daily post; ignored');
  });

  it('ignores an emoji that is not a reveal reaction', async () => {
    const { h, post } = await posted('private');
    const before = h.platform.calls.length;
    await h.daily.handleReaction(react(alice, post.messageId, '👍'));
    expect(h.platform.calls).toHaveLength(before);
    expect(h.world.logger.at('debug').at(-1)?.msg).toBe('reaction is not a reveal reaction; ignored');
  });

  it('ignores 👀 on the same message id in another channel', async () => {
    const { h, post } = await posted('private');
    const elsewhere = { ...channel, channelId: 'random' };
    await h.daily.handleReaction(react(alice, post.messageId, '👀', elsewhere));
    expect(h.platform.privates()).toEqual([]);
  });
});
