import { describe, expect, it } from 'vitest';
import { parseAnyBankFile } from '../../../src/bank/import/index.js';
import { loadBank } from '../../../src/bank/load.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

describe('CSV and TSV banks', () => {
  it('reads columns by header name in any order and case, ignoring unknown columns', () => {
    const csv = 'Difficulty,Notes,QUESTION,Answer,Tags,category\nhard,internal,What is a lease?,A lock with a timeout.,"db, locks",Databases\n';
    const { questions, warnings } = parseAnyBankFile(file('bank.csv', csv));
    expect(warnings).toEqual([]);
    expect(questions).toEqual([
      { question: 'What is a lease?', answer: 'A lock with a timeout.', hints: [], tags: ['db', 'locks', 'hard'], difficulty: 'hard', id: null, category: 'Databases', line: 2 },
    ]);
  });

  it('keeps line breaks and doubled quotes inside quoted fields, and gives each row the line it starts on', () => {
    const csv = 'question,answer\n"What does\nthis print?","It prints ""hi"".\n\nThen exits."\n\nWhat is X?,Y\n';
    const { questions } = parseAnyBankFile(file('q.csv', csv));
    expect(questions.map((q) => [q.line, q.question, q.answer])).toEqual([
      [2, 'What does\nthis print?', 'It prints "hi".\n\nThen exits.'],
      [7, 'What is X?', 'Y'],
    ]);
  });

  it('splits .tsv on tabs and a .csv on the semicolons its header uses', () => {
    expect(parseAnyBankFile(file('q.tsv', 'question\tanswer\nWhat is a, b?\tc; d\n')).questions[0]).toMatchObject({ question: 'What is a, b?', answer: 'c; d' });
    expect(parseAnyBankFile(file('q.csv', 'question;answer\nWhat is a, b?;c\n')).questions[0]).toMatchObject({ question: 'What is a, b?', answer: 'c' });
  });

  it('refuses a file without a header naming a question column, with one warning', () => {
    const { questions, warnings } = parseAnyBankFile(file('raw.csv', 'What is X?,Y\nWhat is Z?,W\n'));
    expect(questions).toEqual([]);
    expect(warnings).toEqual([
      { file: 'raw.csv', line: 1, message: expect.stringMatching(/needs a header row naming a `question` column.*first row is `What is X\?,Y`; skipped$/) },
    ]);
  });

  it('warns with file:line for rows it cannot use and still reads the others', () => {
    const csv = [
      'question,answer,difficulty,id',
      ',an answer without a question,,', // 2
      'What is an unquoted, comma?,answer,extra,,x', // 3: more cells than the header
      `What is long?,${'x'.repeat(20_001)},,`, // 4
      'What is Z?,W,legendary,', // 5: not a level
      'What is bad id?,A,,has spaces', // 6
      ',,,', // 7: empty, ignored
      '"What is unclosed?,A', // 8: swallows the rest
      'What is lost?,B',
    ].join('\n');
    const { questions, warnings } = parseAnyBankFile(file('b.csv', csv));
    expect(questions.map((q) => q.question)).toEqual(['What is an unquoted', 'What is Z?', 'What is bad id?']);
    expect(questions[1]?.tags).toEqual(['legendary']);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'row has no question; skipped'],
      [3, expect.stringMatching(/^row has 6 cells but the header 4; the extra cells are ignored \(a `,` inside a cell needs the cell in double quotes\)$/)],
      [3, expect.stringMatching(/^difficulty `answer` is not a level/)],
      [4, 'row has an answer of 20,001 characters (limit 20,000); skipped'],
      [5, expect.stringMatching(/^difficulty `legendary` is not a level .*; kept as a tag$/)],
      [6, expect.stringMatching(/^`Id: has spaces` is not a usable id/)],
      [9, expect.stringMatching(/^a quoted field that starts on or after line 8 is never closed/)],
    ]);
  });

  it('merges with Markdown files in one bank, explicit ids included', () => {
    const bank = loadBank([
      file('a.md', '### What is a lease?\n\nA lock with a timeout.\n'),
      file('b.csv', 'question,answer,id\nWhat is a lease?,,lease-1\nWhat is MVCC?,Versions,\n'),
    ]);
    expect(bank.questions.map((q) => [q.id, q.sources.map((s) => `${s.file}:${s.line}`)])).toEqual([
      ['lease-1', ['a.md:1', 'b.csv:2']],
      [expect.stringMatching(/^[0-9a-f]{12}$/), ['b.csv:3']],
    ]);
  });
});
