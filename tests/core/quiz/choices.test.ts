import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/random.js';
import { type AnsweredQuestion, buildRoundQuestions } from '../../../src/core/quiz/build.js';
import { gistOf } from '../../../src/core/quiz/gist.js';
import { replyText } from '../../../src/core/reply.js';
import { loadBank } from '../../../src/bank/load.js';
import { QUICK_FACTS } from './quick-facts.js';
import { ALICE, BOB, CHANNEL, bank, buttonsOf, liveRound, questionPosts, quizWorld } from './setup.js';

const answered = bank.all().filter((q): q is AnsweredQuestion => q.answer !== null);
const opts = (seed: number) => ({ random: seededRandom(seed), maxChoiceChars: 160, gist: (q: AnsweredQuestion) => gistOf(q.answer) });

/** A bank of one file, as the quiz gets it: answered questions only. */
function answeredIn(markdown: string): AnsweredQuestion[] {
  const { questions } = loadBank([{ path: 'q.md', bytes: new TextEncoder().encode(markdown) }]);
  return questions.filter((q): q is AnsweredQuestion => q.answer !== null);
}
const wrongOf = (q: { choices: string[]; correct: number }) => q.choices.filter((_, i) => i !== q.correct);

describe('multiple choice made from other answers (the rule in build.ts)', () => {
  const facts = answered.filter((q) => q.category === 'Quick Facts');

  it('offers the whole right answer and three whole answers of the same category, all different', () => {
    expect(facts).toHaveLength(8);
    for (const q of buildRoundQuestions(facts.slice(0, 1), answered, opts(1))) {
      expect(q.kind).toBe('choice');
      expect(q.choices).toHaveLength(4);
      expect(new Set(q.choices).size).toBe(4);
      expect(q.choices[q.correct]).toBe(q.answer);
      const others = new Set(facts.filter((a) => a.id !== q.questionId).map((a) => a.answer));
      expect(wrongOf(q).every((c) => others.has(c))).toBe(true);
    }
  });

  it('puts the right answer in different places', () => {
    const places = new Set(facts.flatMap((f, i) => buildRoundQuestions([f], answered, opts(i)).map((q) => q.correct)));
    expect(places.size).toBeGreaterThan(1);
  });

  it("never offers one question's right answer as a wrong choice of another in the same round", () => {
    for (let seed = 0; seed < 20; seed++) {
      const round = buildRoundQuestions(facts.slice(0, 4), answered, opts(seed));
      const rights = new Set(round.map((q) => q.answer));
      expect(round.map((q) => q.kind)).toEqual(['choice', 'choice', 'choice', 'choice']);
      for (const q of round) expect(wrongOf(q).filter((c) => rights.has(c))).toEqual([]);
    }
  });

  it('never cuts an answer to its first part: "Batch vs layer normalization" is a flashcard, and its batch half is nobody\'s choice', () => {
    const bank = answeredIn(
      `# Norms\n\n## Batch vs layer normalization?\nBatch norm normalizes each feature over the batch. Layer norm normalizes over the features of each example.\n\n${[
        ['Which norm does a transformer block use?', 'Layer norm normalizes over features.'],
        ['What does weight decay do?', 'It shrinks weights toward zero.'],
        ['What does dropout do?', 'It zeroes random units in training.'],
        ['What does a residual connection do?', 'It adds the input back to the output.'],
      ]
        .map(([q, a]) => `## ${q}\n${a}`)
        .join('\n\n')}\n`,
    );
    const [batch, ...rest] = bank;
    expect(gistOf(batch!.answer)).toBeNull();
    expect(buildRoundQuestions([batch!], bank, opts(1))[0]?.kind).toBe('flashcard');
    for (const q of buildRoundQuestions(rest, bank, opts(2))) expect(q.choices.some((c) => c.startsWith('Batch norm'))).toBe(false);
  });

  it('offers only choices of the same kind: no sentence among terms, no number among words, no length that gives it away', () => {
    const bank = answeredIn(
      `# Kinds\n\n${[
        ['Which cache evicts the least recently used entry first?', 'LRU'],
        ['Which structure gives O(1) average lookup by key?', 'Hash table'],
        ['Which tree keeps itself balanced with node colours?', 'Red-black tree'],
        ['Which queue serves the smallest key first?', 'Priority queue'],
        ['Which sort is stable and O(n log n) in the worst case?', 'Merge sort'],
        ['What does a bloom filter answer?', 'Whether an element is probably in a set or surely not in it'],
        ['How many bits are in a byte?', '8'],
        ['How many layers does BERT-base have?', '12'],
        ['Which search halves the range each step?', 'Binary search over a sorted array, comparing with the middle element each time'],
      ]
        .map(([q, a]) => `## ${q}\n${a}`)
        .join('\n\n')}\n`,
    );
    const terms = new Set(['LRU', 'Hash table', 'Red-black tree', 'Priority queue', 'Merge sort']);
    for (let seed = 0; seed < 10; seed++) {
      // One question a round: in a round of all five, each right answer is kept out of the others' choices.
      for (const q of bank.slice(0, 5).flatMap((term) => buildRoundQuestions([term], bank, opts(seed)))) {
        expect(q.kind).toBe('choice');
        expect(q.choices.every((c) => terms.has(c))).toBe(true);
      }
    }
    // Two numbers are too few to be wrong with, so they are typed; the statements have nothing of their kind: flashcards.
    expect(buildRoundQuestions(bank.slice(5), bank, opts(1)).map((q) => q.kind)).toEqual(['flashcard', 'typed', 'typed', 'flashcard']);
  });

  it('offers no wrong choice that answers nearly the same question', () => {
    const bank = answeredIn(
      `# Reg\n\n${[
        ['Which regularizer randomly zeroes units during training?', 'Dropout'],
        ['Which regularizer randomly zeroes whole units during training?', 'Spatial dropout'],
        ['Which penalty shrinks every weight toward zero?', 'Weight decay'],
        ['Which technique halts training once validation loss rises?', 'Early stopping'],
        ['Which layer rescales activations with batch statistics?', 'Batch normalization'],
        ['Which trick enlarges the data with transformed copies?', 'Data augmentation'],
      ]
        .map(([q, a]) => `## ${q}\n${a}`)
        .join('\n\n')}\n`,
    );
    for (let seed = 0; seed < 10; seed++) {
      const [dropout] = buildRoundQuestions(bank.slice(0, 1), bank, opts(seed));
      expect(dropout?.kind).toBe('choice');
      expect(dropout?.choices).not.toContain('Spatial dropout');
    }
  });

  it('posts buttons A to D with the choices written out in the question', async () => {
    const w = await quizWorld();
    await w.quiz.start({ channel: CHANNEL, user: ALICE, categories: ['quick facts'], count: 1 });
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

  it('falls back to a flashcard when the right answer is long, or more than one sentence', () => {
    const long = { ...facts[0]!, answer: `${'A very long sentence that goes on '.repeat(6)}and ends.` };
    expect(buildRoundQuestions([long], answered, opts(1))[0]?.kind).toBe('flashcard');
    const two = { ...facts[0]!, answer: 'Gradient descent. It follows the slope down.' };
    expect(buildRoundQuestions([two], answered, opts(1))[0]?.kind).toBe('flashcard');
  });

  it('makes the seed banks (answers in paragraphs and lists) flashcards rather than cut their answers', () => {
    const seeds = answered.filter((q) => q.category !== 'Quick Facts');
    const built = buildRoundQuestions(seeds, seeds, opts(1));
    for (const q of built.filter((x) => x.kind === 'choice')) expect(q.choices[q.correct]).toBe(gistOf(q.answer));
    expect(built.filter((q) => q.kind === 'flashcard').length).toBeGreaterThan(seeds.length * 0.9);
  });
});

describe("a bank's own choices", () => {
  const own = answeredIn(
    '# Own\n\n## Which optimizer adapts its rates per parameter?\n- [ ] SGD\n- [x] Adam\n- [ ] Momentum\n\n## Which is **not** a vector store?\nA) pgvector\nB) Qdrant\nC) `Kafka`\nD) Milvus\nE) Weaviate\nAnswer: C — it is a log.\n',
  );

  it("are asked as written, in the author's order, the key right", () => {
    const [adam] = buildRoundQuestions(own.slice(0, 1), answered, opts(1));
    expect(adam).toMatchObject({ kind: 'choice', choices: ['SGD', 'Adam', 'Momentum'], correct: 1 });
    const [kafka] = buildRoundQuestions(own.slice(1), answered, opts(1));
    expect(kafka).toMatchObject({ kind: 'choice', choices: ['pgvector', 'Qdrant', 'Kafka', 'Milvus', 'Weaviate'], correct: 2, answer: '**C.** `Kafka`\n\nit is a log.' });
  });

  it("keep a right answer of the round out of every made-up question's wrong choices", () => {
    const bank = answeredIn(`${QUICK_FACTS}\n## Which regularizer is also called weight dropping?\n- [x] Dropout\n- [ ] Pooling\n`);
    const ownDropout = bank.find((q) => q.choices)!;
    const others = bank.filter((q) => !q.choices && q.answer !== 'Dropout');
    for (let seed = 0; seed < 20; seed++) {
      for (const q of buildRoundQuestions([ownDropout, ...others.slice(0, 3)], bank, opts(seed)).slice(1)) expect(q.choices).not.toContain('Dropout');
    }
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
