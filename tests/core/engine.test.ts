import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createBankService } from '../../src/core/bank-service.js';
import { normalizeReaction } from '../../src/core/emoji.js';
import { defaultEngineConfig } from '../../src/core/engine-config.js';
import { createEngine } from '../../src/core/engine.js';
import { type Button, type Reply, replyText } from '../../src/core/reply.js';
import { createStore } from '../../src/store/create-store.js';
import { FakePlatform } from '../fakes/platform.js';
import { FakeTimer } from '../fakes/wake-timer.js';
import { createTestWorld } from '../fakes/world.js';
import { loadSeeds } from '../helpers/bank.js';
import { inChannel } from '../helpers/commands.js';
import { slack } from '../helpers/people.js';

const { channel, ann, alice, bob } = slack;

const buttons = (reply: Reply): Button[] => reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
const button = (reply: Reply, label: RegExp): Button => {
  const hit = buttons(reply).find((b) => label.test(b.label));
  if (!hit) throw new Error(`no button ${label} in: ${replyText(reply)}`);
  return hit;
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function harness(storeKind: 'memory' | 'sqlite') {
  let url = 'memory://';
  if (storeKind === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-engine-'));
    dirs.push(dir);
    url = path.join(dir, 'recall.sqlite');
  }
  // Monday 23 November 2026, 08:00 UTC = 09:00 in Berlin.
  const world = await createTestWorld({ start: '2026-11-23T08:00:00Z', store: await createStore(url) });
  const platform = new FakePlatform();
  const wake = new FakeTimer();
  const seeds = loadSeeds();
  const bank = createBankService(seeds, async () => seeds);
  const engine = createEngine({ world, config: defaultEngineConfig, bank, platform, commands, wakeTimer: wake });
  await engine.start();
  const { say, press } = inChannel(engine, channel);
  return { world, platform, wake, engine, say, press };
}

describe.each(['memory', 'sqlite'] as const)('a team using Recall for a day (%s store)', (storeKind) => {
  it('schedules, posts, reveals, grades, quizzes and ranks through the one command list', async () => {
    const { world, platform, wake, engine, say, press } = await harness(storeKind);

    expect(replyText(await say(alice, 'daily set 09:30 weekdays Europe/Berlin'))).toBe('Only admins can use `daily set`.');
    const set = await say(ann, 'daily set 09:30 weekdays Europe/Berlin', true);
    expect(replyText(set)).toMatch(/09:30/);
    expect(platform.posts()).toHaveLength(0);

    world.clock.set('2026-11-23T08:30:00Z');
    await wake.fire();
    await wake.fire();
    const posts = platform.posts('C-study');
    expect(posts).toHaveLength(1);
    const post = posts[0];
    if (!post) throw new Error('no post');
    expect(platform.text(post)).toMatch(/React 👀 to see the answer/);

    await engine.handleReaction({ user: alice, channel, messageId: post.messageId, reaction: normalizeReaction('eyes') });
    await engine.handleReaction({ user: bob, channel, messageId: post.messageId, reaction: normalizeReaction('👀') });
    await engine.handleReaction({ user: bob, channel, messageId: post.messageId, reaction: normalizeReaction('tada') });
    const [toAlice] = platform.privates('U-alice');
    const [toBob, ...moreToBob] = platform.privates('U-bob');
    expect(toAlice && toBob).toBeTruthy();
    expect(moreToBob).toEqual([]);
    if (!toAlice || !toBob) throw new Error('no reveal');

    const got = button(toAlice.reply, /Got it/);
    expect(replyText(await press(alice, got))).toMatch(/Got it/);
    expect(replyText(await press(alice, got))).toMatch(/Already recorded/);
    await press(bob, button(toBob.reply, /Partly/));

    const board = replyText(await say(alice, 'leaderboard people week'));
    expect(board).toMatch(/Alice[^\n]*3/);
    expect(board).toMatch(/Bob[^\n]*1/);

    await say(ann, 'team create Attention Heads', true);
    expect(replyText(await say(bob, 'team join Attention Heads'))).toMatch(/Attention Heads/);

    const started = await say(bob, 'quiz "Reinforcement Learning" 2 yes');
    expect(replyText(started)).toMatch(/2 questions/);
    for (let i = 0; i < 2; i++) {
      const question = platform.posts('C-study').at(-1);
      if (!question) throw new Error('no quiz question');
      const first = buttons(question.reply)[0];
      if (!first) throw new Error(`no buttons on quiz question: ${platform.text(question)}`);
      const answered = await press(bob, first);
      // A flashcard answers privately with self-grade buttons; a multiple-choice press is the answer.
      if (/Reveal/.test(first.label)) await press(bob, button(answered, /Got it/));
    }
    expect(platform.text(platform.posts('C-study').at(-1) ?? post)).toMatch(/^\*\*Quiz over!\*\* 2 questions from Reinforcement Learning/);

    const after = replyText(await say(alice, 'leaderboard teams week'));
    expect(after).toMatch(/Attention Heads/);

    const unknown = await engine.handleAction({ action: 'bogus:1', user: alice, channel, isAdmin: false });
    expect(replyText(unknown)).toMatch(/no longer exists/);
    expect(replyText(await say(alice, 'dance'))).toMatch(/There is no `dance` command/);
    expect(world.logger.at('error')).toEqual([]);
    await engine.stop();
  });

  it('finds someone by their name in any case once they have used a command, before any grade', async () => {
    const { say, engine } = await harness(storeKind);
    expect(replyText(await say(alice, 'stats CAROL'))).toBe('**CAROL** has not graded any question yet.');
    await say(slack.carol, 'help');
    // Carol's Slack id is U-carol; her name is what the platform sent with her command.
    expect(replyText(await say(alice, 'stats CAROL'))).toBe('**Carol** has not graded any question yet.');
    await engine.stop();
  });
});
