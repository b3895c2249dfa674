import { describe, expect, it } from 'vitest';
import { createQuizService } from '../../../src/core/quiz/index.js';
import { type Reply, replyText } from '../../../src/core/reply.js';
import { ALICE, BOB, CAROL, CHANNEL, bank, buttonsOf, choice, liveRound, questionPosts, quizWorld } from './setup.js';

/** What a press's answer says in words; its buttons (the person's pick, marked) are checked in press-replies.test.ts. */
const said = (reply: Reply): string | undefined => reply.blocks.find((b) => b.type === 'text')?.markdown;

const MLOPS = ['quick facts']; // quick-facts.ts: every answer there is a whole short term, so every question has choices.

describe('a quiz round from start to summary', () => {
  it('asks each question, scores by speed, closes on time and sums up', async () => {
    const w = await quizWorld();
    const announce = await w.quiz.start({ channel: CHANNEL, user: ALICE, categories: MLOPS, count: 3 });
    expect(announce.ephemeral).toBeUndefined();
    expect(replyText(announce)).toContain('3 questions from Quick Facts, 30s each');
    const round = await liveRound(w);

    for (let i = 0; i < 3; i++) {
      expect(questionPosts(w.platform)).toHaveLength(i + 1);
      const deadline = (await liveRound(w)).questions[i]!.deadline;
      expect(deadline).toBe(w.world.clock.now().getTime() + 30_000);
      await w.world.timers.advance(2_000); // first third: +2
      expect(said(await w.press(ALICE, await choice(w, 'right')))).toBe('Right! +5');
      await w.world.timers.advance(10_000); // second third: +1
      expect(said(await w.press(BOB, await choice(w, 'right')))).toBe('Right! +4');
      await w.world.timers.advance(12_000); // last third: no bonus
      const carol = await w.press(CAROL, await choice(w, i < 2 ? 'right' : 'wrong'));
      expect(carol.ephemeral).toBe(true);
      expect(said(carol)).toMatch(i < 2 ? /^Right! \+3$/ : /^Not quite — it was [A-D]\.$/);
      await w.world.timers.advance(6_000); // the 30s limit: the question closes
      const closed = w.platform.calls.filter((c) => c.kind === 'update');
      expect(closed).toHaveLength(i + 1);
      const update = closed[i];
      expect(update?.kind === 'update' && update.messageId).toBe(questionPosts(w.platform)[i]?.messageId);
      expect(buttonsOf(update!.reply).every((b) => b.disabled)).toBe(true);
      expect(replyText(update!.reply)).toContain(i < 2 ? '3 of 3 got it.' : '2 of 3 got it.');
      expect(replyText(update!.reply)).toMatch(/\*\*Answer: [A-D]\*\* — /);
      // A made-up choice is a whole answer (build.ts), never its first part, so the closed post names it once.
      const asked = round.questions[i]!;
      expect(asked.choices[asked.correct]).toBe(asked.answer);
      expect(replyText(update!.reply)).toContain(`— ${asked.answer}`);
      expect(update!.reply.blocks.filter((b) => b.type === 'text' && b.markdown === asked.answer)).toEqual([]);
      // While it was open, its closing time was a deadline the platforms count down, not a fixed "30s".
      expect(questionPosts(w.platform)[i]!.reply.blocks.at(-1)).toEqual({ type: 'deadline', markdown: '30s to answer · closes', at: deadline });
    }

    const summary = w.platform.posts().at(-1)!;
    expect(summary.reply.blocks.some((b) => b.type === 'question')).toBe(false);
    expect(replyText(summary.reply)).toContain('🏆 **Alice** wins with 15 points.');
    expect(replyText(summary.reply)).toContain('1. Alice — 15 points · 3 of 3 right\n2. Bob — 12 points · 3 of 3 right\n3. Carol — 6 points · 2 of 3 right');

    const requests = w.scoring.requests;
    expect(requests).toHaveLength(9);
    expect(new Set(requests.map((r) => `${r.postId}/${r.user.userId}`)).size).toBe(9);
    expect(requests.every((r) => r.kind === 'quiz' && r.postId.startsWith(`${round.id}:`))).toBe(true);
    expect(requests.filter((r) => r.user.userId === 'alice').map((r) => [r.grade, r.points])).toEqual([
      ['got', 5],
      ['got', 5],
      ['got', 5],
    ]);
    expect(requests.filter((r) => r.user.userId === 'bob').map((r) => r.points)).toEqual([4, 4, 4]);
    expect(requests.filter((r) => r.user.userId === 'carol').map((r) => [r.grade, r.points])).toEqual([
      ['got', 3],
      ['got', 3],
      ['missed', 0],
    ]);
    const first = requests[0]!;
    expect(first.closesAt.getTime() - first.postedAt.getTime()).toBe(30_000);
    expect(first.questionId).toBe(round.questions[0]?.questionId);
    expect(first.category).toBe('Quick Facts');

    // The channel is free again.
    await expect(w.quiz.start({ channel: CHANNEL, user: BOB, categories: MLOPS, count: 1 })).resolves.toBeDefined();
  });

  it('says when the category has fewer answered questions than asked, and asks those', async () => {
    const w = await quizWorld();
    const reply = await w.quiz.start({ channel: CHANNEL, user: ALICE, categories: ['python'], count: 5 });
    expect(replyText(reply)).toContain('Only 2 answered questions to ask from, so this round has 2.');
    expect((await liveRound(w)).questions).toHaveLength(2);
  });

  it('asks the configured number of questions when no count is given', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE });
    expect((await liveRound(w)).questions).toHaveLength(5);
  });
});

describe('answers', () => {
  it('counts a duplicate delivery of the same button once', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, categories: MLOPS, count: 2 });
    const right = await choice(w, 'right');
    const replies = await Promise.all([w.press(ALICE, right), w.press(ALICE, right)]);
    expect(replies.map(said).sort()).toEqual(['Right! +5', 'You already answered this one.']);
    expect(said(await w.press(ALICE, await choice(w, 'wrong')))).toBe('You already answered this one.');
    expect(w.scoring.requests).toHaveLength(1);
    expect((await liveRound(w)).scores['alice']).toEqual({ name: 'Alice', points: 5, right: 1, answered: 1 });
  });

  it('refuses an answer after the deadline and closes the question then, even if its timer never fired', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, categories: MLOPS, count: 2 });
    const right = await choice(w, 'right');
    w.world.clock.advance(31_000); // time passes, but no timer runs (as after a restart)
    expect(said(await w.press(BOB, right))).toBe("Time's up on that question.");
    expect(w.scoring.requests).toHaveLength(0);
    expect(w.platform.calls.filter((c) => c.kind === 'update')).toHaveLength(1);
    expect(questionPosts(w.platform)).toHaveLength(2);
    // The old timer firing later changes nothing.
    await w.world.timers.advance(1_000);
    expect(w.platform.calls.filter((c) => c.kind === 'update')).toHaveLength(1);
  });

  it('ends the round when a late answer comes to its last question', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, categories: MLOPS, count: 1 });
    const right = await choice(w, 'right');
    w.world.clock.advance(30_000);
    expect(said(await w.press(BOB, right))).toBe('This round is over.');
    expect(replyText(w.platform.posts().at(-1)!.reply)).toContain('Nobody answered this time.');
  });

  it('answers "This round is over." for a finished round, an unknown round or a strange button', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, categories: MLOPS, count: 1 });
    const right = await choice(w, 'right');
    await w.world.timers.advance(30_000);
    for (const action of [right, 'quiz:zzzzzzzz:0:A', 'quiz:nonsense', `${right.slice(0, -1)}Z`]) {
      const reply = await w.press(BOB, action);
      expect(reply).toEqual({ blocks: [{ type: 'text', markdown: 'This round is over.' }], ephemeral: true });
    }
  });

  it('takes a button on another process (or after a restart) from the state in the store', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, categories: MLOPS, count: 2 });
    const other = createQuizService({ world: w.world, config: w.config, bank, platform: w.platform, scoring: w.scoring });
    const reply = await other.handleAction({ action: await choice(w, 'right'), user: BOB, channel: CHANNEL, isAdmin: false });
    expect(said(reply)).toBe('Right! +5');
    expect(said(await w.press(BOB, await choice(w, 'right')))).toBe('You already answered this one.');
  });
});

describe('solo rounds', () => {
  it('lets only the starter answer and moves on as soon as they do', async () => {
    const w = await quizWorld();
    const reply = await w.quiz.start({ channel: CHANNEL, user: ALICE, categories: MLOPS, count: 3, solo: true });
    expect(replyText(reply)).toContain('**Solo quiz for Alice!**');
    expect(said(await w.press(BOB, await choice(w, 'right')))).toBe('This is a solo round for Alice; you can start your own once it ends.');
    expect(said(await w.press(ALICE, await choice(w, 'right')))).toBe('Right! +5');
    expect(questionPosts(w.platform)).toHaveLength(2);
    await w.world.timers.advance(15_000);
    expect(said(await w.press(ALICE, await choice(w, 'wrong')))).toMatch(/^Not quite/);
    expect(questionPosts(w.platform)).toHaveLength(3);
    await w.world.timers.advance(31_000); // Alice lets the last one run out
    expect(replyText(w.platform.posts().at(-1)!.reply)).toContain('🏆 **Alice** wins with 5 points.');
    expect(w.scoring.requests.map((r) => r.user.userId)).toEqual(['alice', 'alice']);
  });
});
