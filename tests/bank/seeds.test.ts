import { describe, expect, it } from 'vitest';
import { SEEDS, parseSeed } from '../helpers/bank.js';

const find = (qs: { question: string }[], start: string) => {
  const q = qs.find((x) => x.question.startsWith(start));
  if (!q) throw new Error(`no question starting with "${start}"`);
  return q as (typeof qs)[number] & { answer: string | null; category: string | null; hints: string[]; tags: string[]; line: number };
};

describe('interview notes with Obsidian callouts', () => {
  const { questions, warnings } = parseSeed(SEEDS.notes);

  it('reads the eight numbered questions and nothing of the preamble', () => {
    expect(warnings).toEqual([]);
    expect(questions).toHaveLength(8);
    const all = questions.map((q) => `${q.question}\n${q.answer ?? ''}`).join('\n');
    expect(all).not.toMatch(/Mayank|Interviewer|Senior GenAI Engineer/);
  });

  it('joins a question wrapped onto the next line', () => {
    expect(questions[0]?.question).toBe('what type of transformer architecture is mistral, llama, Encoder decoder or both');
    expect(questions[0]?.line).toBe(5);
  });

  it('takes the callout and its lazy continuation lines as the answer', () => {
    const answer = questions[0]?.answer ?? '';
    expect(answer.startsWith('**Mistral** and **LLaMA** are both **decoder-only**')).toBe(true);
    expect(answer).toContain("Here's the breakdown:");
    expect(answer).toContain('**Encoder-Decoder models** (like T5, BART)');
    expect(answer).not.toContain('[!Ans]');
    expect(answer).not.toMatch(/^>/m);
  });

  it('reads "my ans -" as the answer and posts a code question as a code block, not bold lines', () => {
    const q = find(questions, '```\na = [1,2,3]');
    expect(q.question).toBe('```\na = [1,2,3]\nb = [1,2,3]\nprint(a == b)\nprint(a is b)\n```');
    expect(q.answer).toBe('first true second false');
  });

  it('leaves unanswered notes unanswered and names sections after their title lines', () => {
    expect(find(questions, 'Something on temperature').answer).toBeNull();
    expect(find(questions, 'Have you ever used flask').category).toBe('Second half was on python');
    expect(find(questions, 'what are decorator').answer).toMatch(/^\*\*Decorators\*\* in Python/);
  });
});

describe('numbered bold questions with answer bullets', () => {
  const { questions, warnings } = parseSeed(SEEDS.faq);

  it('reads the three real questions and skips empty placeholders', () => {
    expect(warnings).toEqual([]);
    expect(questions.map((q) => q.question)).toEqual([
      'Describe the backpropagation algorithm.',
      'Explain the Architecture of Transformers.',
      'Explain how the self-attention layer works in Transformer models.',
    ]);
    expect(questions.every((q) => q.category === 'Technical Foundation')).toBe(true);
  });

  it('takes the indented text under "- Answer" as the answer, nested lists and math included', () => {
    expect(questions[0]?.answer).toMatch(/^Backpropagation is an algorithm used for training neural networks\./);
    const transformers = questions[1]?.answer ?? '';
    expect(transformers.startsWith('Transformers are a neural network architecture')).toBe(true);
    expect(transformers).toContain('1. Encoder-Decoder Structure');
    expect(transformers).toContain('5. Output: The final output');
    expect(questions[2]?.answer).toContain('$$sum_{z1} = \\sum_{j=1}^{len(seq)} x_{1j}*v_j$$');
    expect(questions.some((q) => /^Answer/.test(q.answer ?? ''))).toBe(false);
  });
});

describe('long unanswered lists with titled sub-lists and hints', () => {
  const { questions, warnings } = parseSeed(SEEDS.technical);

  // Counted by eye: 100 numbered and 79 in the titled lists (four lines of the evaluation list say what
  // to cover in the answer to the question above them and are its hints).
  it('reads all 100 numbered and 79 titled-list questions, none answered', () => {
    expect(warnings).toEqual([]);
    expect(questions).toHaveLength(179);
    expect(questions.every((q) => q.answer === null)).toBe(true);
  });

  it('names lettered sections without their letter and titled lists by their subject', () => {
    expect(find(questions, 'What is an Artificial Neural Network').category).toBe('Artificial Neural Network (ANN)');
    expect(find(questions, 'How does RAG maintain context').category).toBe('System Design and Best Practices');
    expect(find(questions, 'What is Fine-tuning?').category).toBe('Fine tuning');
    expect(find(questions, 'What are vector databases').category).toBe('Vector Database');
    expect(find(questions, 'What ethical considerations').category).toBe('Miscellaneous');
  });

  it('turns Hint: lines into hints, not answers or questions', () => {
    const q = find(questions, 'What are vector databases, and how do they differ');
    expect(q.hints).toEqual([expect.stringMatching(/^Discuss the fundamental differences in data storage/)]);
    expect(questions.some((x) => /^Hint/i.test(x.question))).toBe(false);
    expect(find(questions, 'What are the key challenges in indexing').hints).toHaveLength(1);
  });

  it('keeps an elaboration line as a hint of the question above it, right under it or after a blank line', () => {
    expect(find(questions, 'What are ROUGE scores').hints).toEqual([expect.stringMatching(/^Explain the ROUGE metric/)]);
    expect(find(questions, 'How do you determine if fine-tuning has improved').hints).toEqual([expect.stringMatching(/^Discuss comparing baseline metrics/)]);
    expect(find(questions, 'How would you set up an A/B test').hints).toEqual([expect.stringMatching(/^Describe the importance of testing/)]);
    expect(questions.some((q) => /^(?:Talk about overfitting|Discuss comparing baseline|Describe the importance of testing)/.test(q.question))).toBe(false);
    expect(find(questions, 'Discuss the trade-offs of using GPUs').hints).toEqual([]);
  });

  it('splits a parenthesized note after the question mark into a tag', () => {
    const q = find(questions, 'What\'s "few-shot" learning in LLMs?');
    expect(q.question).toBe('What\'s "few-shot" learning in LLMs?');
    expect(q.tags).toEqual(['RAG']);
    expect(find(questions, 'How do you train LLM models with billions').tags).toEqual(['training pipeline of llm']);
  });

  it('joins a question wrapped across lines', () => {
    expect(find(questions, "How does Hugging Face's Accelerate").question).toMatch(/across different hardware setups\?$/);
  });
});

describe('plain-text sections with answer paragraphs', () => {
  const { questions, warnings } = parseSeed(SEEDS.plain);

  it('reads 65 questions, every one answered', () => {
    expect(warnings).toEqual([]);
    expect(questions).toHaveLength(65);
    expect(questions.every((q) => q.answer !== null)).toBe(true);
  });

  it('finds the unnumbered first question of each section after its bare title line', () => {
    const firsts = questions.filter((q, i) => i === 0 || questions[i - 1]?.category !== q.category);
    expect(firsts.map((q) => [q.category, q.question.slice(0, 40)])).toEqual([
      ['Technical Foundation', 'Explain how the self-attention layer wor'],
      ['Reinforcement Learning', 'What is reinforcement learning, and how '],
      ['Large Language Models', 'Define “pre-training” vs. “fine-tuning” '],
      ['LLM System Design', 'You need to design a system that uses an'],
    ]);
    expect(firsts[1]?.answer).toMatch(/^Reinforcement learning involves training an agent/);
  });

  it('takes the paragraph after a numbered question as its answer and stops at the next one', () => {
    const q = find(questions, 'Describe the backpropagation algorithm.');
    expect(q.line).toBe(4);
    expect(q.answer).toMatch(/^Backpropagation is an algorithm.*gradient descent\.$/s);
    expect(q.answer).not.toContain('single-layer');
  });

  it('never swallows a section title into the answer before it', () => {
    const last = find(questions, 'Describe the concept of “transfer learning”');
    expect(last.answer).not.toContain('Reinforcement Learning\n');
    expect(last.answer).toMatch(/pre-trained model\.$/);
  });
});

describe('### QN. headings with **Answer:**, tables, code and mis-encoded emoji', () => {
  const { questions, warnings } = parseSeed(SEEDS.hundred);

  it('reads the 100 questions, all answered, and nothing from the contents, tips or conclusion', () => {
    // The diagram link with a space in its address, and the one question-shaped line of the tips, are
    // said, not posted broken or dropped in silence.
    expect(warnings).toEqual([
      {
        file: SEEDS.hundred,
        line: 271,
        message: expect.stringMatching(
          /^link "Transformer Architecture Diagram \(Attention Is All You Need\)" has a space in its address \(https:\/\/miro\.medium\.com\/\S+ CLgWww\.png\)/,
        ),
      },
      { file: SEEDS.hundred, line: 821, skipped: true, message: expect.stringMatching(/^"Explain Trade-offs: Why did you choose Pinecone/) },
    ]);
    expect(questions).toHaveLength(100);
    expect(questions.every((q) => q.answer !== null)).toBe(true);
    const all = questions.map((q) => `${q.question}\n${q.answer}`).join('\n');
    expect(all).not.toMatch(/Back to Top|Table of Contents|STAR Method|Good luck/);
  });

  it('strips the Q number and the **Answer:** marker', () => {
    const q1 = questions[0];
    expect(q1?.question).toBe('What is Generative AI and how does it differ from Discriminative AI?');
    expect(q1?.line).toBe(22);
    expect(q1?.answer?.startsWith('- **Generative AI**: Creates *new* content')).toBe(true);
  });

  it('keeps tables and code blocks in answers as Markdown', () => {
    expect(find(questions, 'Explain the difference between GANs, VAEs').answer).toMatch(/^\| Model Type \| Mechanism \| Best For \|\n\| :--- /);
    expect(find(questions, 'What are prompt templates').answer).toContain('```python\ntemplate = """');
  });

  it('turns aside callouts inside answers into quotes a chat client can show', () => {
    const answer = find(questions, 'What is Generative AI').answer ?? '';
    expect(answer).toContain('> **Tip:** **Visual Reference**');
    expect(answer).not.toContain('[!TIP]');
  });

  it('repairs Mac Roman mojibake into the emoji and dashes that were meant', () => {
    expect(find(questions, 'What are the main challenges in deploying').answer).toContain('**💰 Computational Costs**');
    expect(find(questions, 'What is transfer learning in the context of LLMs').answer).toContain('application—it');
    const all = questions.map((q) => `${q.question}${q.answer}${q.category}`).join('');
    expect(all).not.toMatch(/ü§|‚Äî|√|Ô∏è/);
    expect(questions[0]?.category).toBe('Foundational Concepts');
    expect(find(questions, 'How would you build a chatbot').category).toBe('Practical Implementation');
  });
});
