import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { createBankService } from '../../../src/core/bank-service.js';
import { normalizeReaction } from '../../../src/core/emoji.js';
import { defaultEngineConfig } from '../../../src/core/engine-config.js';
import { createEngine } from '../../../src/core/engine.js';
import { type Button, type Reply, replyText } from '../../../src/core/reply.js';
import { FakePlatform } from '../../fakes/platform.js';
import { FakeTimer } from '../../fakes/wake-timer.js';
import { createTestWorld } from '../../fakes/world.js';
import { slack } from '../../helpers/people.js';
import { bankOf, bankText } from './harness.js';

const { channel, ann, alice } = slack;

const button = (reply: Reply, label: RegExp): Button => {
  const hit = reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])).find((b) => label.test(b.label));
  if (!hit) throw new Error(`no button ${label} in: ${replyText(reply)}`);
  return hit;
};

describe('practice through the engine (memory store)', () => {
  it('learns from a daily grade and a quiz answer, practises by the typed command and shows it in stats', async () => {
    const world = await createTestWorld({ start: '2026-12-01T08:00:00Z' });
    const platform = new FakePlatform();
    const wake = new FakeTimer();
    const loaded = bankOf(bankText());
    const bank = createBankService(loaded, async () => loaded);
    const engine = createEngine({ world, config: defaultEngineConfig, bank, platform, commands, wakeTimer: wake });
    await engine.start();
    const say = (text: string, isAdmin = false) => engine.runText(text, { user: isAdmin ? ann : alice, channel, isAdmin });
    const press = (b: Button) => engine.handleAction({ action: b.action, user: alice, channel, isAdmin: false });

    await say('daily set 08:30 UTC', true);
    world.clock.set('2026-12-01T08:30:00Z');
    await wake.fire();
    const [post] = platform.posts(channel.channelId);
    if (!post) throw new Error('no daily post');
    await engine.handleReaction({ user: alice, channel, messageId: post.messageId, reaction: normalizeReaction('eyes') });
    const [reveal] = platform.privates(alice.userId);
    if (!reveal) throw new Error('no reveal');
    await press(button(reveal.reply, /Missed/));

    world.clock.set('2026-12-01T08:40:00Z');
    expect(await engine.services.practice.dueSummary(alice, world.clock.now())).toEqual({ due: 1, newAvailable: 9, timezone: 'UTC' }); // 10 answered questions, one already a card;

    expect(replyText(await say('practice settings new 0'))).toContain('New cards per day: 0');
    const card = await say('practice');
    expect(card.ephemeral).toBe(true);
    const question = (r: Reply) => r.blocks.find((b) => b.type === 'question');
    expect(question(card)).toMatchObject({ markdown: (question(post.reply) as { markdown: string }).markdown });
    const back = await press(button(card, /Show answer/));
    expect(back.replaceMessage).toBe(true);
    const done = await press(button(back, /^Good/));
    expect(replyText(done)).toContain('**Practice done**: 1 reviewed, 100% correct.');

    const stats = replyText(await say('stats'));
    expect(stats).toContain('Cards learned: 1');
    expect(stats).toContain('Retention: 50% of 2 reviews in 30 days');
    expect(replyText(await say('practice astrology'))).toBe('No category matches `astrology`.');

    await say('quiz attention 1 solo:yes');
    const quizButtons = platform.posts(channel.channelId).flatMap((p) => p.reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])));
    const flashcard = quizButtons.find((b) => b.action.startsWith('quiz:'));
    if (!flashcard) throw new Error('no quiz question');
    const revealed = await press(flashcard); // answers this short make a flashcard: reveal, then a self-grade
    await press(button(revealed, /Missed/));
    expect((await engine.services.practice.stats(alice, world.clock.now())).reviews30).toBe(3); // daily, practice, quiz
    await engine.stop();
  });
});
