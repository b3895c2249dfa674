import { describe, expect, it } from 'vitest';
import { createQuizService } from '../../../src/core/quiz/index.js';
import { TYPED_FIELD } from '../../../src/core/quiz/handle-action.js';
import { modalProblems, replyText } from '../../../src/core/reply.js';
import { createTestWorld } from '../../fakes/world.js';
import { FakePlatform } from '../../fakes/platform.js';
import { defaultEngineConfig } from '../../../src/core/engine-config.js';
import { ALICE, BOB, CAROL, CHANNEL, RecordingScoring, buttonsOf, questionPosts } from './setup.js';
import { quizBankService } from './quick-facts.js';
import type { RoundRecord } from '../../../src/core/quiz/index.js';
import { activeKey, roundKey } from '../../../src/core/quiz/keys.js';
import type { ActiveRound } from '../../../src/core/quiz/types.js';
import type { UserRef } from '../../../src/core/refs.js';

const ACRONYMS = '# Acronyms\n\n## What does LoRA stand for?\nLow-rank adaptation\nAccept: LoRA\n';
const bank = quizBankService({ 'acronyms.md': ACRONYMS });

async function typedWorld() {
  const world = await createTestWorld({ seed: 3 });
  const platform = new FakePlatform();
  const scoring = new RecordingScoring();
  const quiz = createQuizService({ world, config: defaultEngineConfig, bank, platform, scoring });
  const press = (user: UserRef, action: string, values?: Record<string, string>) =>
    quiz.handleAction({ action, user, channel: CHANNEL, isAdmin: false, ...(values ? { values } : {}) });
  await quiz.start({ channel: CHANNEL, user: ALICE, categories: ['acronyms'], count: 1 });
  const active = await world.store.get<ActiveRound>(activeKey(CHANNEL));
  const round = (await world.store.get<RoundRecord>(roundKey(CHANNEL, active!.roundId)))!;
  return { world, platform, scoring, quiz, press, round };
}

describe('typed answers', () => {
  it('asks a short answer with Accept: aliases to be typed, in a form within every platform limit', async () => {
    const w = await typedWorld();
    expect(w.round.questions[0]).toMatchObject({ kind: 'typed', accept: ['Low-rank adaptation', 'LoRA'] });
    const post = questionPosts(w.platform)[0]!;
    const [type] = buttonsOf(post.reply);
    expect(type).toMatchObject({ label: 'Type your answer', action: `quiz:${w.round.id}:0:type` });
    const form = await w.press(BOB, type!.action);
    expect(form.modal).toMatchObject({ submit: `quiz:${w.round.id}:0:typed`, fields: [{ id: TYPED_FIELD, style: 'short' }] });
    expect(modalProblems(form.modal!)).toEqual([]);
    // Where no form can open, the blocks are the flashcard's way: the answer and the self-grade buttons.
    expect(form.ephemeral).toBe(true);
    expect(replyText(form)).toContain('Low-rank adaptation');
    expect(buttonsOf(form).map((b) => b.label)).toEqual(['Got it', 'Partly', 'Missed it']);
  });

  it('scores a typed match like a right choice, after normalising case, punctuation and a small typo', async () => {
    const w = await typedWorld();
    const submit = `quiz:${w.round.id}:0:typed`;
    const bob = await w.press(BOB, submit, { [TYPED_FIELD]: '  low rank adaption! ' });
    expect(replyText(bob)).toContain('Right! +5 — Low-rank adaptation');
    expect(replyText(bob)).toContain('You typed “low rank adaption!”');
    expect(replyText(bob)).not.toContain('Noted');
    expect(buttonsOf(bob)).toMatchObject([{ label: '✓ Type your answer', disabled: true, selected: true }]);
    expect(replyText(await w.press(CAROL, submit, { [TYPED_FIELD]: 'lora' }))).toContain('Right! +5 — Low-rank adaptation');
    expect(w.scoring.requests.map((r) => [r.user.userId, r.grade, r.points])).toEqual([
      ['bob', 'got', 5],
      ['carol', 'got', 5],
    ]);
    // A second submission: the first answer stands, still marked right.
    const again = await w.press(BOB, submit, { [TYPED_FIELD]: 'lora' });
    expect(replyText(again)).toContain('You already answered this one.');
    expect(replyText(again)).toContain('You typed “low rank adaption!”');
  });

  it('shows the answer to grade yourself by when the typed answer does not match, and takes one try only', async () => {
    const w = await typedWorld();
    const submit = `quiz:${w.round.id}:0:typed`;
    const miss = await w.press(BOB, submit, { [TYPED_FIELD]: 'a low-rank update of the weights' });
    expect(replyText(miss)).toContain('You typed “a low-rank update of the weights”: not a match. The answer, to grade yourself by:');
    expect(replyText(miss)).toContain('Low-rank adaptation');
    expect(w.scoring.requests).toEqual([]);
    expect(replyText(await w.press(BOB, submit, { [TYPED_FIELD]: 'LoRA' }))).toBe('You already answered this one.');
    const partly = buttonsOf(miss).find((b) => b.label === 'Partly')!;
    expect(replyText(await w.press(BOB, partly.action))).toContain('Partly (+1)');
    expect(w.scoring.requests.map((r) => [r.user.userId, r.grade, r.points])).toEqual([['bob', 'partly', 1]]);
  });

  it('refuses an empty answer with a field error, and closes showing the answer and who got it', async () => {
    const w = await typedWorld();
    const submit = `quiz:${w.round.id}:0:typed`;
    expect((await w.press(BOB, submit, { [TYPED_FIELD]: '   ' })).fieldErrors).toEqual({ [TYPED_FIELD]: 'type something' });
    await w.press(BOB, submit, { [TYPED_FIELD]: 'LoRA' });
    await w.world.timers.advance(30_000);
    const closed = w.platform.calls.find((c) => c.kind === 'update')!;
    expect(replyText(closed.reply)).toContain('Low-rank adaptation');
    expect(replyText(closed.reply)).toContain('1 of 1 got it.');
    expect(buttonsOf(closed.reply).every((b) => b.disabled)).toBe(true);
    expect(replyText(await w.press(CAROL, submit, { [TYPED_FIELD]: 'LoRA' }))).toMatch(/over|Time's up/);
  });
});
