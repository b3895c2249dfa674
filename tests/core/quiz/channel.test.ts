import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { replyText } from '../../../src/core/reply.js';
import { ALICE, BOB, CHANNEL, OTHER_CHANNEL, questionPosts, quizWorld } from './setup.js';

const start = { categories: ['mlops'], count: 3 };

describe('one round per channel', () => {
  it('refuses a second start in the same channel, saying where the round is', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, ...start });
    await expect(w.quiz.start({ channel: CHANNEL, user: BOB, ...start })).rejects.toThrow(
      new UserError('conflict', 'A round is already running here (question 1 of 3); wait for it to end.'),
    );
    await w.world.timers.advance(30_000);
    await expect(w.quiz.start({ channel: CHANNEL, user: BOB })).rejects.toThrow('A round is already running here (question 2 of 3); wait for it to end.');
    expect(questionPosts(w.platform)).toHaveLength(2);
  });

  it('runs rounds in two channels side by side', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, ...start });
    await w.quiz.start({ channel: OTHER_CHANNEL, user: BOB, ...start });
    expect(questionPosts(w.platform, CHANNEL)).toHaveLength(1);
    expect(questionPosts(w.platform, OTHER_CHANNEL)).toHaveLength(1);
  });

  it('moves on a round whose timer was lost, so it cannot hold the channel past its time', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, categories: ['mlops'], count: 1 });
    w.world.clock.advance(45_000); // the process restarted: no timer will fire
    const reply = await w.quiz.start({ channel: CHANNEL, user: BOB, categories: ['mlops'], count: 1 });
    expect(replyText(reply)).toContain('Quiz time!');
    const texts = w.platform.posts().map((p) => replyText(p.reply));
    expect(texts.filter((t) => t.includes('Quiz over!'))).toHaveLength(1);
    expect(questionPosts(w.platform)).toHaveLength(2);
  });

  it('frees the channel when the first question cannot be posted', async () => {
    const w = await quizWorld();
    w.platform.failNext(new Error('missing access'));
    await expect(w.quiz.start({ channel: CHANNEL, user: ALICE, ...start })).rejects.toThrow('missing access');
    await expect(w.quiz.start({ channel: CHANNEL, user: ALICE, ...start })).resolves.toBeDefined();
  });

  it('keeps the round going when a closed question cannot be updated', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, ...start });
    w.platform.failNext(new Error('unknown message')); // the next call is the update of question 1
    await w.world.timers.advance(30_000);
    expect(w.world.logger.at('warn').map((e) => e.msg)).toEqual(['quiz: could not update a closed question']);
    expect(questionPosts(w.platform)).toHaveLength(2);
  });

  it('ends the round with a summary and frees the channel when the next question cannot be posted', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, ...start });
    const post = w.platform.post.bind(w.platform);
    let failures = 1;
    w.platform.post = async (channel, reply) => {
      if (failures-- > 0) throw new Error('rate limited');
      return post(channel, reply);
    };
    await w.world.timers.advance(30_000);
    expect(w.world.logger.at('error').map((e) => e.msg)).toEqual(['quiz: could not post the next question; ending the round']);
    expect(replyText(w.platform.posts().at(-1)!.reply)).toContain('Quiz over!');
    await expect(w.quiz.start({ channel: CHANNEL, user: BOB, ...start })).resolves.toBeDefined();
  });
});
