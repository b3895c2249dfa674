import { afterEach, describe, expect, it } from 'vitest';
import { type FakeMessage, buttons, isEphemeral, messageText } from '../../fakes/discord/index.js';
import { GUILD, type Harness, STUDY, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const quizQuestions = (harness: Harness): FakeMessage[] => harness.fake.messages(STUDY).filter((m) => buttons(m).some((b) => b.customId.startsWith('quiz:')));

describe('discord.js adapter: a quiz round', () => {
  it('runs from /quiz through answers and closed questions to the summary and the leaderboard', async () => {
    h = await startHarness();
    const { fake, alice, bob, world } = h;

    const suggestions = fake.autocomplete({ guildId: GUILD, channelId: STUDY, user: bob, name: 'quiz', option: 'category', value: 'reinf' });
    await fake.answered(suggestions);
    const offered = suggestions.callbacks[0]?.['data'] as { choices: { name: string; value: string }[] };
    expect(offered.choices.map((c) => c.value)).toContain('Reinforcement Learning');

    const started = await h.slash(bob, 'quiz', undefined, { category: 'Reinforcement Learning', count: 2 });
    expect(started.text).toMatch(/Quiz time!.*2 questions/);
    expect(isEphemeral(started.answer)).toBe(false);

    for (let i = 0; i < 2; i++) {
      const question = await fake.until(() => quizQuestions(h as Harness)[i], `quiz question ${i + 1}`);
      const first = buttons(question)[0];
      if (!first) throw new Error('no buttons');
      if (/Reveal/.test(first.label)) {
        // A flashcard: the answer comes privately, with self-grade buttons.
        for (const who of [alice, bob]) {
          const revealed = await h.press(who, question, /Reveal/);
          expect(isEphemeral(revealed.answer)).toBe(true);
          await h.press(who, revealed.answer, /Got it/);
        }
      } else {
        const mine = await h.press(alice, question, new RegExp(`^${first.label}$`));
        expect(isEphemeral(mine.answer)).toBe(true);
        await h.press(bob, question, new RegExp(`^${first.label}$`));
      }
      await world.timers.advance(world.timers.count > 0 ? 31_000 : 0);
      // The closed question is edited in place: its buttons go grey.
      await fake.until(() => buttons(fake.message(question.id)).every((b) => b.disabled), `question ${i + 1} to close`);
    }

    const summary = await fake.until(() => fake.messages(STUDY).find((m) => m.content.startsWith('**Quiz over!**')), 'the summary');
    expect(messageText(summary)).toMatch(/2 questions from Reinforcement Learning/);

    // A press on the finished round is answered, privately, not left to fail.
    const late = await h.press(alice, quizQuestions(h)[0] ?? summary, /./);
    expect(isEphemeral(late.answer)).toBe(true);
    expect(late.text.length).toBeGreaterThan(0);

    const board = await h.slash(alice, 'leaderboard');
    expect(board.text).toMatch(/Leaderboard|Top|week/i);
    expect(h.logs.lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(world.logger.at('error')).toEqual([]);
  });
});
