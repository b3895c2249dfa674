import { describe, expect, it } from 'vitest';
import quiz from '../../commands/quiz.js';
import { parseCommandText } from '../../src/core/commands/parse-text.js';
import { replyText } from '../../src/core/reply.js';
import { commandRunner } from '../helpers/commands.js';
import { ALICE, BOB, CHANNEL, bank, liveRound, quizWorld } from '../core/quiz/setup.js';

async function setup() {
  const w = await quizWorld();
  const run = commandRunner([quiz], { quiz: w.quiz, bank });
  return { w, run };
}

describe('quiz command', () => {
  it('starts a public round with a category and a count', async () => {
    const { w, run } = await setup();
    const reply = await run({ command: 'quiz', user: ALICE, channel: CHANNEL, options: { category: 'mlops', count: 2 } });
    expect(reply.ephemeral).toBeUndefined();
    expect(replyText(reply)).toContain('**Quiz time!** 2 questions from Model Deployment & MLOps');
    expect((await liveRound(w)).questions).toHaveLength(2);
  });

  it('starts a solo round', async () => {
    const { w, run } = await setup();
    await run({ command: 'quiz', options: { category: 'mlops', count: 1, solo: true } });
    expect((await liveRound(w)).solo).toBe(true);
  });

  it('reads `quiz ai 5` positionally, and a bare number as the count', async () => {
    expect(parseCommandText('quiz ai 5', [quiz]).options).toEqual({ category: 'ai', count: 5 });
    expect(parseCommandText('quiz rag 3 yes', [quiz]).options).toEqual({ category: 'rag', count: 3, solo: true });
    const { w, run } = await setup();
    await run({ command: 'quiz', options: parseCommandText('quiz 2', [quiz]).options });
    expect((await liveRound(w)).questions).toHaveLength(2);
  });

  it('explains a count out of range', async () => {
    const { run } = await setup();
    for (const count of [0, 99]) {
      const reply = await run({ command: 'quiz', options: { count } });
      expect(reply.ephemeral).toBe(true);
      expect(replyText(reply)).toBe(`\`count\` must be from 1 to 20, not ${count}.`);
    }
    expect(replyText(await run({ command: 'quiz', options: { category: '99' } }))).toBe('A round has from 1 to 20 questions, not 99.');
  });

  it('lists the categories when none matches', async () => {
    const { run } = await setup();
    const reply = await run({ command: 'quiz', options: { category: 'knitting' } });
    expect(reply.ephemeral).toBe(true);
    expect(replyText(reply)).toMatch(/^No category matches `knitting`\. Categories with answers: .*Model Deployment & MLOps.*Transformer Architecture/);
  });

  it('tells a second starter, privately, that a round is running', async () => {
    const { run } = await setup();
    await run({ command: 'quiz', user: ALICE, options: { category: 'mlops', count: 3 } });
    const reply = await run({ command: 'quiz', user: BOB });
    expect(reply).toEqual({ blocks: [{ type: 'text', markdown: 'A round is already running here (question 1 of 3); wait for it to end.' }], ephemeral: true });
  });
});
