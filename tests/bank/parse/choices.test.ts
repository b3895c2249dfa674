import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/bank/load.js';
import { loadSeeds, parseText } from '../../helpers/bank.js';

/** [question, answer, choices, correct] of each question; choices and correct undefined when it carries none. */
const read = (text: string) => parseText(text).questions.map((q) => [q.question, q.answer, q.choices, q.correct]);
const warnings = (text: string) => parseText(text).warnings.map((w) => `${w.line}: ${w.message}`);

describe('questions that carry their own choices (choices.ts)', () => {
  it('reads lettered options under a heading with an `Answer: B` key, and keeps the explanation', () => {
    const bank =
      '## What does RAG stand for?\nA) Random Answer Generation\nB) Retrieval-Augmented Generation\nC) Recursive Attention Graph\n\nAnswer: B\nIt retrieves passages first.\n\n## What is X?\nY.\n';
    expect(read(bank)).toEqual([
      [
        'What does RAG stand for?',
        '**B.** Retrieval-Augmented Generation\n\nIt retrieves passages first.',
        ['Random Answer Generation', 'Retrieval-Augmented Generation', 'Recursive Attention Graph'],
        1,
      ],
      ['What is X?', 'Y.', undefined, undefined],
    ]);
  });

  it('reads `A.`, `(a)` and bold letters, with the key as `**Answer:** B`, `Correct: b` or a lone letter left by `A:`', () => {
    expect(read('### Which is even?\nA. 3\nB. 4\n\n**Answer:** B\n\n### Which is odd?\n(a) 2\n(b) 5\nCorrect: b\n')).toEqual([
      ['Which is even?', '**B.** 4', ['3', '4'], 1],
      ['Which is odd?', '**B.** 5', ['2', '5'], 1],
    ]);
    expect(read('Q: Which letter comes first?\nA) alpha\nB) beta\nA: A\n\nQ: Which is bold?\n**A.** this\n**B.** that\nAnswer: a\n')).toEqual([
      ['Which letter comes first?', '**A.** alpha', ['alpha', 'beta'], 0],
      ['Which is bold?', '**A.** this', ['this', 'that'], 0],
    ]);
  });

  it('reads task items, the ticked one right, and a ✅ on a lettered option', () => {
    expect(read('## Which optimizer adapts rates per parameter?\n- [ ] SGD\n- [x] Adam\n- [ ] Momentum\n\n## Which is a vector store?\n(a) pgvector ✅\n(b) Kafka\n')).toEqual([
      ['Which optimizer adapts rates per parameter?', '**B.** Adam', ['SGD', 'Adam', 'Momentum'], 1],
      ['Which is a vector store?', '**A.** pgvector', ['pgvector', 'Kafka'], 0],
    ]);
  });

  it('reads options in list banks: under a numbered question, under a bold question, and a repeated option as the key', () => {
    const bank = [
      '# Mixed',
      '',
      '1. What does RAG stand for?',
      '   A. Random Answer Generation',
      '   B. Retrieval-Augmented Generation',
      '   Answer: B',
      '',
      '2. **Which optimizer adapts learning rates per parameter?**',
      '   - [ ] SGD',
      '   - [x] Adam',
      '',
      '3. Which norm averages over the batch?',
      '   (a) Batch norm',
      '   (b) Layer norm',
      '   Correct: a — it averages over the batch dimension.',
      '',
      '**Which is a key-value store?**',
      '',
      'A) Redis',
      'B) Postgres',
      '',
      'Answer: A. Redis',
      'It keeps everything in memory.',
      '',
    ].join('\n');
    expect(read(bank)).toEqual([
      ['What does RAG stand for?', '**B.** Retrieval-Augmented Generation', ['Random Answer Generation', 'Retrieval-Augmented Generation'], 1],
      ['Which optimizer adapts learning rates per parameter?', '**B.** Adam', ['SGD', 'Adam'], 1],
      ['Which norm averages over the batch?', '**A.** Batch norm\n\nit averages over the batch dimension.', ['Batch norm', 'Layer norm'], 0],
      ['Which is a key-value store?', '**A.** Redis\n\nIt keeps everything in memory.', ['Redis', 'Postgres'], 0],
    ]);
  });

  it('keeps an answer that lists lettered points as an answer: without a key, ✅ or ticked box it is no quiz', () => {
    const bank = [
      '## What are the steps of training?',
      'A. Collect data',
      'B. Train',
      'C. Evaluate',
      '',
      '## What is a mutex?',
      'Answer: A mutex is a lock only one thread holds at a time.',
      '',
      '## What should a checklist hold?',
      '- [ ] tests',
      '- [ ] docs',
      '',
    ].join('\n');
    expect(read(bank)).toEqual([
      ['What are the steps of training?', 'A. Collect data\nB. Train\nC. Evaluate', undefined, undefined],
      ['What is a mutex?', 'A mutex is a lock only one thread holds at a time.', undefined, undefined],
      ['What should a checklist hold?', '- [ ] tests\n- [ ] docs', undefined, undefined],
    ]);
    expect(warnings(bank)).toEqual([]);
  });

  it('reads numbered options (`1)`, `1.`, `(1)`) with a key that names a number, asked with letters like any other', () => {
    const bank = [
      '## What is the capital of France?\n1) Berlin\n2) Paris\n3) Rome\n\nAnswer: 2\n',
      '## Which is even?\n1. 3\n2. 5\n3. 8\n**Answer:** 3 — eight halves into four.\n',
    ].join('\n');
    expect(read(bank)).toEqual([
      ['What is the capital of France?', '**B.** Paris', ['Berlin', 'Paris', 'Rome'], 1],
      ['Which is even?', '**C.** 8\n\neight halves into four.', ['3', '5', '8'], 2],
    ]);
    expect(warnings(bank)).toEqual([]);
    const qa = 'Q: Which norm averages over the batch?\n(1) Batch norm\n(2) Layer norm\nCorrect answer: (1)\n';
    expect(read(qa)).toEqual([['Which norm averages over the batch?', '**A.** Batch norm', ['Batch norm', 'Layer norm'], 0]]);
  });

  it('keeps a numbered answer list an answer: no `Answer: <n>` key, a ✅, a lone number or a number that starts a sentence is no quiz', () => {
    const bank = [
      '## What are the steps of a deploy?\n1. Build\n2. Test\n3. Ship\n',
      '## Which checks pass?\n1. Lint ✅\n2. Types\n',
      '## How many phases are there?\n1. Plan\n2. Do\n\n2\n',
      '## What matters most?\n1. Data\n2. Evaluation\n\nAnswer: 2 things, in that order.\n',
    ].join('\n');
    expect(read(bank).map((q) => q[2])).toEqual([undefined, undefined, undefined, undefined]);
    expect(read(bank)[0]).toEqual(['What are the steps of a deploy?', '1. Build\n2. Test\n3. Ship', undefined, undefined]);
    expect(warnings(bank)).toEqual([]);
  });

  it('says so when a numbered key names an option that is not there', () => {
    const bank = '## Which is it?\n1) one\n2) two\nAnswer: 4\n\n## What is X?\nY.\n';
    expect(read(bank).map((q) => q[2])).toEqual([undefined, undefined]);
    expect(warnings(bank)).toEqual(['1: options under this question: the key names 4 but there are only 2 options (1–2); read as a plain answer']);
  });

  it('says so, and reads a plain answer, when the options contradict each other', () => {
    const bank = '## Which is fastest?\nA) L1 cache ✅\nB) RAM\nAnswer: B\n\n## Which are caches?\n- [x] L1\n- [x] L2\n- [ ] Disk\n\n## Which is it?\nA) one\nB) two\nAnswer: D\n';
    expect(read(bank).map((q) => q[2])).toEqual([undefined, undefined, undefined]);
    expect(warnings(bank)).toEqual([
      '1: options under this question: the key and the marked option disagree (B vs A); read as a plain answer',
      '6: options under this question: more than one option is marked right (a question here has one right choice); read as a plain answer',
      '11: options under this question: the key names D but there are only 2 options (A–B); read as a plain answer',
    ]);
  });

  it('gives the same question in two files the options of the answer that wins', () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    const bank = loadBank([
      { path: 'a.md', bytes: enc('## Which is even?\nIt is 4.\n\n## What is Y?\nZ.\n') },
      { path: 'b.md', bytes: enc('## Which is even?\nA) 3\nB) 4\nAnswer: B — four halves into two.\n\n## What is Q?\nR.\n') },
    ]);
    const q = bank.questions.find((x) => x.question === 'Which is even?');
    expect(q).toMatchObject({ answer: '**B.** 4\n\nfour halves into two.', choices: ['3', '4'], correct: 1 });
  });

  it('finds no choices in the seed banks (their lettered sections and lists are no quiz)', () => {
    expect(loadSeeds().questions.filter((q) => q.choices !== undefined)).toEqual([]);
  });
});

describe('Accept: aliases for typed answers', () => {
  it('are read under a question of any shape, after the answer too, and are absent where none are written', () => {
    const heading = parseText('## What does LoRA stand for?\nLow-rank adaptation\nAccept: LoRA; low rank adaption\n\n## What is X?\nY.\n').questions;
    expect(heading.map((q) => [q.answer, q.accept])).toEqual([
      ['Low-rank adaptation', ['LoRA', 'low rank adaption']],
      ['Y.', undefined],
    ]);
    const list = parseText('1. What is Z?\n   - Zed\n   - Accept: zee, zett\n\nQ: What is V?\nA: Vee\n**Accept:** V\n').questions;
    expect(list.map((q) => [q.question, q.answer, q.accept])).toEqual([
      ['What is Z?', '- Zed', ['zee', 'zett']],
      ['What is V?', 'Vee', ['V']],
    ]);
  });
});

describe('where a question with choices is shown', () => {
  it('puts the options under the question in the daily post and the bank card', async () => {
    const { postReply } = await import('../../../src/core/daily/replies.js');
    const { renderQuestionCard, plainFlavour } = await import('../../../src/bank/render/index.js');
    const [q] = loadBank([{ path: 'q.md', bytes: new TextEncoder().encode('## Which is even?\nA) 3\nB) 4\nAnswer: B\n') }]).questions;
    if (!q) throw new Error('no question');
    const post = postReply('p1', q, 'eyes').blocks[0];
    expect(post).toMatchObject({ type: 'question', markdown: 'Which is even?\n\n**A.** 3\n**B.** 4' });
    const card = renderQuestionCard(q, plainFlavour).join('\n');
    expect(card).toMatch(/Which is even\?[\s\S]*A\. 3[\s\S]*B\. 4[\s\S]*Answer[\s\S]*B\. 4/);
  });
});
