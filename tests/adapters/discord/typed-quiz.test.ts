import { afterEach, describe, expect, it } from 'vitest';
import { answerOf, buttons, isEphemeral, messageText } from '../../fakes/discord/index.js';
import { quizBank } from '../../core/quiz/quick-facts.js';
import { GUILD, type Harness, STUDY, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const bank = quizBank({ 'acronyms.md': '# Acronyms\n\n## What does LoRA stand for?\nLow-rank adaptation\nAccept: LoRA\n' });

describe('discord.js adapter: a typed quiz answer', () => {
  it('opens a modal from "Type your answer" (callback 9) and scores the submission (interaction type 5)', async () => {
    h = await startHarness({ bank });
    const { fake, alice, bob } = h;
    await h.slash(alice, 'quiz', undefined, { category: 'Acronyms', count: 1 });
    const question = await fake.until(() => fake.messages(STUDY).find((m) => buttons(m).some((b) => b.customId.startsWith('quiz:'))), 'the quiz question');
    const type = buttons(question).find((b) => b.label === 'Type your answer');
    expect(type?.customId).toMatch(/^quiz:[a-z0-9]+:0:type$/);

    const opened = fake.press({ message: question, customId: type!.customId, user: bob });
    await fake.answered(opened);
    expect(opened.callbacks.map((c) => c['type'])).toEqual([9]);
    expect(opened.modal).toMatchObject({ custom_id: type!.customId.replace(/type$/, 'typed'), title: 'Question 1' });

    const submit = fake.submitModal({ opened, user: bob, values: { answer: 'low rank adaptaton' } });
    await fake.answered(submit);
    expect(isEphemeral(answerOf(submit))).toBe(true);
    // A match reads like a right choice: "Right!", the points and the bank's answer, then what was typed.
    expect(messageText(answerOf(submit))).toMatch(/Right! \+5 — Low-rank adaptation/);
    expect(messageText(answerOf(submit))).toContain('You typed “low rank adaptaton”');
    expect(messageText(answerOf(submit))).not.toContain('Noted');

    // A miss: the answer to grade yourself by, privately.
    const cy = fake.addUser({ username: 'cy', globalName: 'Cy' }, GUILD);
    const again = fake.press({ message: question, customId: type!.customId, user: cy });
    await fake.answered(again);
    const miss = fake.submitModal({ opened: again, user: cy, values: { answer: 'something else' } });
    await fake.answered(miss);
    expect(messageText(answerOf(miss))).toContain('You typed “something else”: not a match. The answer, to grade yourself by:');
    expect(messageText(answerOf(miss))).toContain('Low-rank adaptation');
    expect(buttons(answerOf(miss)).map((b) => b.label)).toEqual(['Got it', 'Partly', 'Missed it']);
    expect(h.logs.lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
