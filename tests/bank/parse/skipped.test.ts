import { describe, expect, it } from 'vitest';
import { parseText } from '../../helpers/bank.js';

const skipped = (warnings: { message: string; skipped?: true; line: number }[]) => warnings.filter((w) => w.skipped).map((w) => w.line);

describe('no silent drops: a block that looks like a question becomes one or is reported', () => {
  it('reads a short bold "A versus B?" question with a difficulty emoji, in a bank of bold questions', () => {
    const { questions, warnings } = parseText(
      '# Caching\n\n**What is a cache?**\n\nA fast store in front of a slow one.\n\n**Redis versus Memcached? 👶**\n\nRedis keeps data types; Memcached keeps strings.\n',
    );
    expect(warnings).toEqual([]);
    expect(questions.map((q) => [q.question, q.answer])).toEqual([
      ['What is a cache?', 'A fast store in front of a slow one.'],
      ['Redis versus Memcached?', 'Redis keeps data types; Memcached keeps strings.'],
    ]);
  });

  it('warns with the line when a bold line among bold questions does not ask, instead of hiding it in the answer above', () => {
    const { questions, warnings } = parseText(
      '**What is a queue?**\n\nFirst in, first out.\n\n**Why use a stack?**\n\nUndo.\n\n**Queues against stacks**\n\nOrder of removal differs.\n',
    );
    expect(questions).toHaveLength(2);
    expect(warnings).toEqual([
      {
        line: 9,
        skipped: true,
        file: 'bank.md',
        message: expect.stringMatching(/^"Queues against stacks" looks like a question but was not read as one: it is bold like the questions here/),
      },
    ]);
  });

  it('warns about a question in a preamble that is left out', () => {
    const { questions, warnings } = parseText('Notes from the platform team.\nWhy do we keep these?\n\n1. What is a load balancer?\n2. What is a CDN?\n');
    expect(questions.map((q) => q.question)).toEqual(['What is a load balancer?', 'What is a CDN?']);
    expect(skipped(warnings)).toEqual([2]);
    expect(warnings[0]?.message).toContain('"Why do we keep these?" looks like a question');
  });

  it('warns about a question line outside every question heading of a heading bank', () => {
    const { questions, warnings } = parseText('## Networking\n\n### What is TCP?\nA reliable stream.\n\n### What is UDP?\nDatagrams.\n\n## Extra\n\nWhat is QUIC?\n');
    expect(questions.map((q) => q.question)).toEqual(['What is TCP?', 'What is UDP?']);
    expect(warnings).toEqual([{ file: 'bank.md', line: 11, skipped: true, message: expect.stringContaining('this file asks its questions in headings') }]);
  });

  it('counts a question that is too long to post as skipped', () => {
    const { warnings } = parseText(`1. ${'why '.repeat(400)}so long?\n2. What is short?\n`);
    expect(warnings).toEqual([expect.objectContaining({ line: 1, skipped: true })]);
  });

  it('takes a list of bulleted prompts that start like questions, as it takes bulleted questions, but not a list of advice', () => {
    const { questions, warnings } = parseText('# Notes\n- Explain things simply\n- Practice daily\n\n## Warm-up\n- Explain a hash map\n- Describe a heap\n');
    expect(warnings).toEqual([]);
    // A list of advice that merely starts with a verb is not a list of questions.
    expect(questions.map((q) => q.question)).toEqual(['Explain a hash map', 'Describe a heap']);
  });
});
