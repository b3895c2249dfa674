import { describe, expect, it } from 'vitest';
import { parseText } from '../../helpers/bank.js';

const levels = (text: string) => parseText(text).questions.map((q) => [q.question, q.difficulty]);

describe('difficulty markers become a level and leave the question text', () => {
  it('reads trailing emoji markers with their usual meaning when the file has no legend', () => {
    expect(levels('1. What is a mutex? 👶\n2. How does a semaphore differ from a mutex? ⭐️\n3. Design a lock-free queue 🚀\n')).toEqual([
      ['What is a mutex?', 'easy'],
      ['How does a semaphore differ from a mutex?', 'medium'],
      ['Design a lock-free queue', 'hard'],
    ]);
  });

  it('follows the legend line of the file, which is itself neither a question nor an answer', () => {
    const { questions, warnings } = parseText(
      'Legend: 🌱 beginner · 🌳 intermediate · 🔥 advanced\n\n1. What is a thread? 🌱\n2. What is a deadlock? 🔥\n3. Why pin a thread to a core? 🌳\n',
    );
    expect(warnings).toEqual([]);
    expect(questions.map((q) => [q.question, q.difficulty])).toEqual([
      ['What is a thread?', 'easy'],
      ['What is a deadlock?', 'hard'],
      ['Why pin a thread to a core?', 'medium'],
    ]);
  });

  it('lets a legend give the usual emoji another meaning, and reads a legend written as a list', () => {
    expect(levels('- 🚀 = easy\n- 👶 = hard\n\n1. What is a fork? 🚀\n2. What is copy-on-write? 👶\n')).toEqual([
      ['What is a fork?', 'easy'],
      ['What is copy-on-write?', 'hard'],
    ]);
  });

  it('reads (easy), [hard] and "Difficulty: medium", in the question or on a line under it', () => {
    const { questions } = parseText(
      '## Memory\n\n### What is a page fault? (Beginner)\nA miss in the page table.\n\n### What is a TLB shootdown? [hard]\nInvalidating other cores.\n\n### What is NUMA?\nDifficulty: medium\n\nNon-uniform memory access.\n\n### What is a huge page? (Difficulty: advanced)\nA 2 MB page.\n',
    );
    expect(questions.map((q) => [q.question, q.difficulty, q.tags])).toEqual([
      ['What is a page fault?', 'easy', ['easy']],
      ['What is a TLB shootdown?', 'hard', ['hard']],
      ['What is NUMA?', 'medium', ['medium']],
      ['What is a huge page?', 'hard', ['hard']],
    ]);
    expect(questions[2]?.answer).toBe('Non-uniform memory access.');
  });

  it('takes the marker off bold questions, inside or after the bold', () => {
    expect(levels('**What is an inode? 👶**\n\nA file record.\n\n**Why journal a file system?** 🚀\n\nCrash safety.\n')).toEqual([
      ['What is an inode?', 'easy'],
      ['Why journal a file system?', 'hard'],
    ]);
  });

  it('reads a level from the tags line, a Difficulty column and front matter', () => {
    expect(levels('### What is a socket?\nTags: net, intermediate\n\nAn endpoint.\n')).toEqual([['What is a socket?', 'medium']]);
    expect(levels('| Question | Answer | Difficulty |\n| --- | --- | --- |\n| What is DNS? | Names to addresses. | Easy |\n')).toEqual([['What is DNS?', 'easy']]);
    expect(levels('---\ndifficulty: hard\n---\n\n1. What is BGP?\n2. What is OSPF? 👶\n')).toEqual([
      ['What is BGP?', 'hard'],
      ['What is OSPF?', 'easy'],
    ]);
  });

  it('leaves an emoji that is no difficulty marker where it is, and a question without a marker without a level', () => {
    expect(levels('1. What is a CPU cache? 🔧\n2. What is a register?\n')).toEqual([
      ['What is a CPU cache? 🔧', null],
      ['What is a register?', null],
    ]);
  });
});
