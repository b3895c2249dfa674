import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/bank/load.js';
import { parseBankFile } from '../../src/bank/parse/parse-file.js';
import { parseText } from '../helpers/bank.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('bad input never crashes and never hides the rest', () => {
  it('skips a binary file with a warning while the other files load', () => {
    const result = loadBank([
      { path: 'image.md', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]) },
      { path: 'good.md', bytes: bytes('1. What is a tensor?\n') },
    ]);
    expect(result.questions.map((q) => q.question)).toEqual(['What is a tensor?']);
    expect(result.warnings).toEqual([{ file: 'image.md', line: 1, message: 'the file is binary, not text; skipped' }]);
  });

  it('warns about an empty file', () => {
    expect(parseBankFile({ path: 'empty.md', bytes: new Uint8Array() }).warnings).toEqual([{ file: 'empty.md', line: 1, message: 'the file is empty; skipped' }]);
    expect(parseBankFile({ path: 'blank.md', bytes: bytes('\n\n  \n') }).warnings[0]?.message).toBe('the file has no text; skipped');
  });

  it('reads CRLF line endings and a byte-order mark like plain LF text', () => {
    const { questions } = parseBankFile({
      path: 'win.md',
      bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('## Topic\r\n1. What is X?\r\n\r\nX is a thing.\r\n2. What is Y?\r\n')]),
    });
    expect(questions.map((q) => [q.question, q.answer, q.category, q.line])).toEqual([
      ['What is X?', 'X is a thing.', 'Topic', 2],
      ['What is Y?', null, 'Topic', 5],
    ]);
  });

  it('reads a file that is not UTF-8 as Windows-1252 and says on which line it went wrong', () => {
    const latin1 = Uint8Array.from([...bytes('1. What is a caf'), 0xe9, ...bytes('?\n')]);
    const { questions, warnings } = parseBankFile({ path: 'latin1.md', bytes: latin1 });
    expect(questions[0]?.question).toBe('What is a café?');
    expect(warnings).toEqual([{ file: 'latin1.md', line: 1, message: expect.stringContaining('not valid UTF-8') }]);
  });

  it('skips a 5 MB single line with a warning instead of posting it', () => {
    const huge = `${'word '.repeat(1_000_000)}?`;
    const { questions, warnings } = parseText(`${huge}\n\n1. What is a small question?\n`);
    expect(questions.map((q) => q.question)).toEqual(['What is a small question?']);
    expect(warnings).toEqual([{ file: 'bank.md', line: 1, message: 'line is 5,000,001 characters long (limit 20,000); skipped' }]);
  });

  it('skips a question that is too long to post, with a warning', () => {
    const { questions, warnings } = parseText(`1. ${'very '.repeat(400)}long question?\n2. What is short?\n`);
    expect(questions.map((q) => q.question)).toEqual(['What is short?']);
    expect(warnings).toEqual([{ file: 'bank.md', line: 1, skipped: true, message: expect.stringMatching(/^question is 2,014 characters long, skipped/) }]);
  });

  it('closes a code fence that never ends so the questions after it still load', () => {
    const { questions, warnings } = parseText('### Q1. What does this print?\n```python\nprint(1)\n\n### Q2. What is a list?\nAn ordered collection.\n');
    expect(questions.map((q) => q.question)).toEqual(['What does this print?', 'What is a list?']);
    expect(questions[0]?.answer).toBe('```python\nprint(1)\n```');
    expect(warnings).toEqual([{ file: 'bank.md', line: 2, message: 'code block is never closed; closed it at line 3 (before the first blank line)' }]);
  });

  it('ends a <details> that is never closed at the next question, with a warning', () => {
    const { questions, warnings } = parseText('<details>\n<summary>What is A?</summary>\n\nA is first.\n\n<details>\n<summary>What is B?</summary>\n\nB is second.\n</details>\n');
    expect(questions.map((q) => [q.question, q.answer])).toEqual([
      ['What is A?', 'A is first.'],
      ['What is B?', 'B is second.'],
    ]);
    expect(warnings).toEqual([{ file: 'bank.md', line: 1, message: '`<details>` is never closed; its answer ends at the next question or section' }]);
  });

  it('says when a file has no questions at all', () => {
    const { questions, warnings } = parseText('Just some notes about the team offsite.\nNothing to quiz on here.\n', 'notes.md');
    expect(questions).toEqual([]);
    expect(warnings).toEqual([{ file: 'notes.md', line: 1, message: expect.stringMatching(/^no questions found/) }]);
  });

  it('reads UTF-16 files that carry a byte-order mark', () => {
    const text = '1. What is UTF-16?\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    expect(parseBankFile({ path: 'u16.md', bytes: utf16 }).questions[0]?.question).toBe('What is UTF-16?');
  });
});
