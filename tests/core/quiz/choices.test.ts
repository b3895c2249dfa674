import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/random.js';
import { type AnsweredQuestion, buildRoundQuestions } from '../../../src/core/quiz/build.js';
import { gistOf } from '../../../src/core/quiz/gist.js';
import { replyText } from '../../../src/core/reply.js';
import { ALICE, BOB, CHANNEL, bank, buttonsOf, liveRound, questionPosts, quizWorld } from './setup.js';

const answered = bank.all().filter((q): q is AnsweredQuestion => q.answer !== null);
const opts = (seed: number) => ({ random: seededRandom(seed), maxChoiceChars: 160, gist: (q: AnsweredQuestion) => gistOf(q.answer) });

describe('multiple choice', () => {
  const mlops = answered.filter((q) => q.category === 'Model Deployment & MLOps');

  it('offers the right gist and three other gists of the same category, all different', () => {
    for (const q of buildRoundQuestions(mlops, answered, opts(1))) {
      expect(q.kind).toBe('choice');
      expect(q.choices).toHaveLength(4);
      expect(new Set(q.choices).size).toBe(4);
      const own = answered.find((a) => a.id === q.questionId)!;
      expect(q.choices[q.correct]).toBe(gistOf(own.answer));
      const others = new Set(mlops.filter((a) => a.id !== q.questionId).map((a) => gistOf(a.answer)));
      expect(q.choices.filter((_, i) => i !== q.correct).every((c) => others.has(c))).toBe(true);
      expect(q.choices.every((c) => c.length <= 160)).toBe(true);
    }
  });

  it('puts the right answer in different places', () => {
    const places = new Set(buildRoundQuestions(mlops, answered, opts(3)).map((q) => q.correct));
    expect(places.size).toBeGreaterThan(1);
  });

  it('posts buttons A to D with the choices written out in the question', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, categories: ['mlops'], count: 1 });
    const post = questionPosts(w.platform)[0]!;
    const round = await liveRound(w);
    const buttons = buttonsOf(post.reply);
    expect(buttons.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(buttons.map((b) => b.action)).toEqual(['A', 'B', 'C', 'D'].map((l) => `quiz:${round.id}:0:${l}`));
    expect(buttons.every((b) => b.action.length <= 100)).toBe(true);
    const text = replyText(post.reply);
    expect(text).toContain('Question 1 of 1');
    expect(text).toContain(round.questions[0]!.question);
    for (const letter of ['A', 'B', 'C', 'D']) expect(text).toContain(`**${letter}.** `);
    expect(round.questions[0]!.choices).toHaveLength(4);
  });

  it('falls back to a flashcard when the right answer has no short first sentence', () => {
    const long = { ...mlops[0]!, answer: `${'A very long sentence that goes on '.repeat(6)}and ends.` };
    const [q] = buildRoundQuestions([long], mlops, opts(1));
    expect(q?.kind).toBe('flashcard');
  });
});

describe('flashcards', () => {
  it('are used when the category has too few other answers to be wrong with', () => {
    const python = answered.filter((q) => q.category === 'Second half was on python');
    expect(python.length).toBeLessThan(4);
    expect(buildRoundQuestions(python, answered, opts(1)).map((q) => q.kind)).toEqual(python.map(() => 'flashcard'));
  });

  it('reveal the answer privately and take one honest self-grade', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, categories: ['python'], count: 1 });
    const round = await liveRound(w);
    const reveal = buttonsOf(questionPosts(w.platform)[0]!.reply);
    expect(reveal.map((b) => b.action)).toEqual([`quiz:${round.id}:0:reveal`]);

    const shown = await w.press(BOB, reveal[0]!.action);
    expect(shown.ephemeral).toBe(true);
    expect(replyText(shown)).toContain(round.questions[0]!.answer);
    const grades = buttonsOf(shown);
    expect(grades.map((b) => [b.label, b.action])).toEqual([
      ['Got it', `quiz:${round.id}:0:grade:got`],
      ['Partly', `quiz:${round.id}:0:grade:partly`],
      ['Missed it', `quiz:${round.id}:0:grade:missed`],
    ]);

    // The grade takes the place of the private answer: the answer stays, the pick marked, every grade off.
    const graded = await w.press(BOB, grades[1]!.action);
    expect(graded).toMatchObject({ ephemeral: true, replaceMessage: true });
    expect(replyText(graded)).toBe(`${round.questions[0]!.answer}\nNoted: Partly (+1).\n[Got it (disabled)] [✓ Partly (disabled)] [Missed it (disabled)]`);
    expect(replyText(await w.press(BOB, grades[0]!.action))).toContain('You already answered this one.\n[Got it (disabled)] [✓ Partly (disabled)]');
    expect(replyText(await w.press(BOB, reveal[0]!.action))).toContain('You graded this one already.\n[Got it (disabled)] [✓ Partly (disabled)]');
    expect(w.scoring.requests.map((r) => [r.user.userId, r.grade, r.points, r.kind])).toEqual([['bob', 'partly', 1, 'quiz']]);

    await w.world.timers.advance(30_000);
    const update = w.platform.calls.find((c) => c.kind === 'update')!;
    expect(replyText(update.reply)).toContain(round.questions[0]!.answer);
    expect(replyText(update.reply)).toContain('0 of 1 said they got it.');
    expect(buttonsOf(update.reply).every((b) => b.disabled)).toBe(true);
  });
});

describe('a seeded random', () => {
  const snapshot = async (seed: number) => {
    const w = await quizWorld({ seed });
    await w.quiz.start({ channel: CHANNEL, user: ALICE, count: 5 });
    const round = await liveRound(w);
    return { id: round.id, questions: round.questions.map((q) => [q.questionId, q.kind, q.correct, ...q.choices]) };
  };

  it('makes the same round twice, and another seed another round', async () => {
    const first = await snapshot(11);
    expect(await snapshot(11)).toEqual(first);
    expect((await snapshot(12)).questions).not.toEqual(first.questions);
  });
});
