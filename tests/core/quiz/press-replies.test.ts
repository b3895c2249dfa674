import { describe, expect, it } from 'vitest';
import { answeredReply } from '../../../src/core/quiz/press-replies.js';
import { closedQuestionReply, questionReply } from '../../../src/core/quiz/replies.js';
import type { RoundQuestion, RoundRecord } from '../../../src/core/quiz/types.js';
import { markPicked, replyText } from '../../../src/core/reply.js';
import { ALICE, CHANNEL } from './setup.js';

const choiceQ: RoundQuestion = {
  questionId: 'q1',
  category: 'ml',
  question: 'What is overfitting?',
  answer: 'Fitting noise in the training data. It shows as a gap between train and test error.',
  kind: 'choice',
  choices: ['Too little data.', 'Fitting noise in the training data.', 'A slow optimiser.', 'A small learning rate.'],
  correct: 1,
  postedAt: 1_000,
  deadline: 31_000,
  messageId: 'm1',
  closed: false,
  answers: {},
};

const flashQ: RoundQuestion = { ...choiceQ, questionId: 'q2', kind: 'flashcard', choices: [], correct: -1 };

function round(questions: RoundQuestion[]): RoundRecord {
  return { id: 'r1', channel: CHANNEL, starter: ALICE, solo: false, categories: null, startedAt: 0, current: 0, finished: false, questions, scores: {} };
}

describe('markPicked', () => {
  const buttons = [
    { action: 'x:a', label: 'A', style: 'primary' as const },
    { action: 'x:b', label: 'B', style: 'danger' as const },
  ];
  it('marks the pick ✓ and switches it off; the others go grey and stay live unless the pick is final', () => {
    expect(markPicked(buttons, 'x:b', { final: false })).toEqual([
      { action: 'x:a', label: 'A', style: 'secondary' },
      { action: 'x:b', label: '✓ B', style: 'danger', disabled: true, selected: true },
    ]);
    expect(markPicked(buttons, 'x:b', { final: true })[0]).toEqual({ action: 'x:a', label: 'A', style: 'secondary', disabled: true });
  });
});

describe('a quiz answer, privately', () => {
  it('a right choice: the pick marked ✓ in green, every button off, and which question it was', () => {
    const r = round([{ ...choiceQ, answers: { alice: { pick: 1, right: true, points: 5 } } }]);
    const reply = answeredReply(r, 0, 'alice');
    expect(reply?.ephemeral).toBe(true);
    // Asks to replace, which adapters do only on a message the presser alone sees (its own copy, on Slack where
    // the marked pick stays pressable); pressed on the channel post, which serves everyone, it comes as a new one.
    expect(reply?.replaceMessage).toBe(true);
    expect(reply?.blocks).toEqual([
      { type: 'text', markdown: 'Right! +5' },
      {
        type: 'buttons',
        buttons: [
          { action: 'quiz:r1:0:A', label: 'A', style: 'secondary', disabled: true },
          { action: 'quiz:r1:0:B', label: '✓ B', style: 'success', disabled: true, selected: true },
          { action: 'quiz:r1:0:C', label: 'C', style: 'secondary', disabled: true },
          { action: 'quiz:r1:0:D', label: 'D', style: 'secondary', disabled: true },
        ],
      },
      { type: 'context', markdown: 'Your answer to question 1 of 1' },
    ]);
  });

  it('a wrong choice: the pick marked ✓ in red, and the words say which was right', () => {
    const r = round([{ ...choiceQ, answers: { alice: { pick: 3, right: false, points: 0 } } }]);
    expect(replyText(answeredReply(r, 0, 'alice')!)).toBe('Not quite — it was B.\n[A (disabled)] [B (disabled)] [C (disabled)] [✓ D (disabled)]\nYour answer to question 1 of 1');
    expect(answeredReply(r, 0, 'alice')?.blocks[1]).toMatchObject({ buttons: [{}, {}, {}, { style: 'danger', selected: true }] });
  });

  it('a second press keeps the first answer and says so', () => {
    const r = round([{ ...choiceQ, answers: { alice: { pick: 3, right: false, points: 0 } } }]);
    expect(replyText(answeredReply(r, 0, 'alice', 'You already answered this one.')!)).toMatch(/^You already answered this one\.\n.*\[✓ D \(disabled\)\]/);
  });

  it('a flashcard grade replaces the private answer it was pressed on: answer kept, grade marked, all off', () => {
    const r = round([{ ...flashQ, answers: { alice: { pick: 'got', right: true, points: 3 } } }]);
    const reply = answeredReply(r, 0, 'alice');
    expect(reply).toMatchObject({ ephemeral: true, replaceMessage: true });
    expect(replyText(reply!)).toBe(`${flashQ.answer}\nNoted: Got it (+3).\n[✓ Got it (disabled)] [Partly (disabled)] [Missed it (disabled)]`);
  });

  it('nothing to show for someone who has not answered', () => {
    expect(answeredReply(round([choiceQ]), 0, 'alice')).toBeNull();
  });
});

describe('a quiz question post', () => {
  it('ends in a deadline each platform counts down, not a fixed "30s"', () => {
    const reply = questionReply(round([choiceQ]), 0, 30_000);
    expect(reply.blocks.at(-1)).toEqual({ type: 'deadline', markdown: '30s to answer · closes', at: 31_000 });
    expect(replyText(reply)).toContain('30s to answer · closes at 1970-01-01T00:00:31.000Z');
  });
});

describe('a closed quiz question', () => {
  const texts = (q: RoundQuestion) => closedQuestionReply(round([q]), 0).blocks.flatMap((b) => (b.type === 'text' ? [b.markdown] : []));

  it('shows the whole answer; the short form is not said twice when the answer opens with it', () => {
    expect(texts(choiceQ)).toEqual(['**Answer: B**', choiceQ.answer]);
  });

  it('keeps the choice beside an answer that does not open with it (a bank that carries its own options)', () => {
    expect(texts({ ...choiceQ, answer: 'It learns the noise.\n\nMore data or regularisation helps.' })).toEqual([
      '**Answer: B** — Fitting noise in the training data.',
      'It learns the noise.\n\nMore data or regularisation helps.',
    ]);
  });

  it("names a bank's own right option once, with the button's letter, then only the explanation", () => {
    const own = { ...choiceQ, choices: ['Berlin', 'Paris', 'Rome'], correct: 1 };
    expect(texts({ ...own, answer: '**B.** Paris' })).toEqual(['**Answer: B** — Paris']);
    expect(texts({ ...own, answer: '**B.** Paris\n\nThe seat of government since 987.' })).toEqual(['**Answer: B** — Paris', 'The seat of government since 987.']);
    // A list of six cut to the buttons: the author's `E` is not the button's letter, so it is not said at all.
    expect(texts({ ...own, answer: '**E.** Paris\n\nBecause.' })).toEqual(['**Answer: B** — Paris', 'Because.']);
    const closed = replyText(closedQuestionReply(round([{ ...own, answer: '**B.** `Paris`\n\nBecause.' }]), 0));
    expect(closed.match(/Paris/g)).toHaveLength(2); // the ✅ option in the list, and the answer line
  });

  it('says the choice once when it is the whole answer', () => {
    expect(texts({ ...choiceQ, answer: '*Fitting noise in the training data*' })).toEqual(['**Answer: B** — Fitting noise in the training data.']);
  });

  it('has no countdown left: every button off', () => {
    const reply = closedQuestionReply(round([choiceQ]), 0);
    expect(reply.blocks.some((b) => b.type === 'deadline')).toBe(false);
    expect(reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])).every((b) => b.disabled)).toBe(true);
  });
});
