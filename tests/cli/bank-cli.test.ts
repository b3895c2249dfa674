import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/bank.js';

/** Drives the real `npm run -s bank` entry (tsx + src/cli/bank.ts) as a user would. */
function bank(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bank.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'recall-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface JsonBank {
  questions: { id: string; question: string; answer: string | null; hints: string[]; category: string | null; tags: string[]; sources: { file: string; line: number }[] }[];
  warnings: { file: string; line: number; message: string }[];
}

// Each test starts the real CLI under tsx: seconds apiece on a loaded two-core box (20 s was not enough in CI).
describe('bank check', { timeout: 120_000 }, () => {
  it('prints exactly one JSON document with the documented fields for the seed bank', () => {
    const { code, stdout } = bank('check', 'questions', '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as JsonBank;
    expect(Object.keys(doc)).toEqual(['questions', 'warnings']);
    expect(doc.questions).toHaveLength(325);
    expect(doc.warnings).toEqual([
      { file: 'questions/genai-100-most-asked.md', line: 271, message: expect.stringContaining('has a space in its address') },
      { file: 'questions/genai-100-most-asked.md', line: 821, message: expect.stringContaining('looks like a question'), skipped: true },
    ]);
    expect(Object.keys(doc.questions[0] ?? {})).toEqual(['id', 'question', 'answer', 'hints', 'category', 'tags', 'difficulty', 'sources']);
    expect(doc.questions[0]?.sources[0]?.file).toMatch(/^questions\//);
  });

  it('adds choices and correct to questions that carry their own options, accept where Accept: is written, and to no other', () => {
    const quiz = path.join(tmp, 'quiz.md');
    writeFileSync(
      quiz,
      '## Which is even?\nA) 3\nB) 4\n\n**Answer:** B\n\n## What are the steps?\nA. Plan\nB. Do\n\n## Which optimizer is adaptive?\n- [ ] SGD\n- [x] Adam\n\n## What does LoRA stand for?\nLow-rank adaptation\nAccept: LoRA\n',
    );
    const { code, stdout } = bank('check', quiz, '--json');
    expect(code).toBe(0);
    const questions = (JSON.parse(stdout) as JsonBank).questions as (JsonBank['questions'][number] & { choices?: string[]; correct?: number })[];
    expect(questions.map((q) => [q.question, q.answer, q.choices, q.correct])).toEqual([
      ['Which is even?', '**B.** 4', ['3', '4'], 1],
      ['What are the steps?', 'A. Plan\nB. Do', undefined, undefined],
      ['Which optimizer is adaptive?', '**B.** Adam', ['SGD', 'Adam'], 1],
      ['What does LoRA stand for?', 'Low-rank adaptation', undefined, undefined],
    ]);
    expect(Object.keys(questions[3] ?? {})).toEqual(['id', 'question', 'answer', 'hints', 'category', 'tags', 'difficulty', 'sources', 'accept']);
    expect((questions[3] as { accept?: string[] }).accept).toEqual(['LoRA']);
    expect(Object.keys(questions[0] ?? {})).toEqual(['id', 'question', 'answer', 'hints', 'category', 'tags', 'difficulty', 'sources', 'choices', 'correct']);
    expect(Object.keys(questions[1] ?? {})).toEqual(['id', 'question', 'answer', 'hints', 'category', 'tags', 'difficulty', 'sources']);
  });

  it('prints a human summary with categories and each warning as file:line: message', () => {
    const broken = path.join(tmp, 'broken.md');
    writeFileSync(broken, '### Q1. What does this print?\n```python\nprint(1)\n\n### Q2. What is a list?\nAn ordered collection.\n');
    const { code, stdout } = bank('check', 'questions', broken);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^6 files, 327 questions, 170 answered, 157 for discussion; 1 question-like block skipped \(each has a warning below\)$/m);
    expect(stdout).toMatch(/Reinforcement Learning\s+15 questions, 15 answered/);
    expect(stdout).toContain(`${broken}:2: code block is never closed`);
  });

  it('fails with a clear message when a path does not exist', () => {
    const { code, stderr } = bank('check', 'no-such-folder');
    expect(code).toBe(1);
    expect(stderr).toContain('no-such-folder: no such file or folder');
  });

  it('fails when nothing at all could be read, and still reports why', () => {
    const binary = path.join(tmp, 'photo.md');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const { code, stdout, stderr } = bank('check', binary, '--json');
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as JsonBank).warnings[0]?.message).toBe('the file is binary, not text; skipped');
    expect(stderr).toContain('no questions could be read');
  });

  it('explains its usage on an unknown command', () => {
    const { code, stderr } = bank('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command `frobnicate`');
  });
});

describe('bank dupes', { timeout: 120_000 }, () => {
  it('lists pairs that are probably the same question, with the sources of both', () => {
    const one = path.join(tmp, 'one.md');
    const two = path.join(tmp, 'two.txt');
    writeFileSync(one, '1. What is a write-ahead log?\n2. What is a checkpoint?\n');
    writeFileSync(two, 'Storage\nWhat are write-ahead logs?\nThey make commits durable.\n');
    const { code, stdout } = bank('dupes', one, two);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `1 probable duplicate pair among 3 questions (similarity ≥ 0.6)\n\n1.00  What is a write-ahead log?\n      ${one}:1\n      What are write-ahead logs?\n      ${two}:2\n`,
    );
  });

  it('takes another threshold, and refuses one that is no similarity', () => {
    expect(bank('dupes', 'questions', '--threshold', '0.5').stdout).toMatch(/^23 probable duplicate pairs among 325 questions \(similarity ≥ 0\.5\)/);
    expect(bank('dupes', 'questions', '--threshold', '7').code).toBe(2);
  });
});

describe('bank show', { timeout: 120_000 }, () => {
  it('prints one question for Discord, Slack and plain text', () => {
    const { stdout } = bank('check', 'questions', '--json');
    const q = (JSON.parse(stdout) as JsonBank).questions.find((x) => x.question.startsWith('Explain the difference between GANs, VAEs'));
    expect(q).toBeDefined();
    const shown = bank('show', q?.id ?? '');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('===== discord');
    expect(shown.stdout).toContain('===== slack');
    expect(shown.stdout).toContain('===== plain');
    expect(shown.stdout).toContain('questions/genai-100-most-asked.md:33');
  });

  it('says so when no question has that id', () => {
    const { code, stderr } = bank('show', 'ffffffffffff');
    expect(code).toBe(1);
    expect(stderr).toContain('No question with id `ffffffffffff`');
  });
});
