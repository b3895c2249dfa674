import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBank } from '../../src/bank/load.js';
import { parseBankFile } from '../../src/bank/parse/parse-file.js';
import type { BankFile } from '../../src/bank/types.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const questionsDir = path.join(repoRoot, 'questions');

export const SEEDS = {
  notes: 'questions/interview-notes-senior-genai.txt',
  faq: 'questions/genai-faq-answered.md',
  technical: 'questions/technical-interview-questions.md',
  plain: 'questions/deep-learning-llm-answers.txt',
  hundred: 'questions/genai-100-most-asked.md',
} as const;

export function seedFile(relative: string): BankFile {
  return { path: relative, bytes: readFileSync(path.join(repoRoot, relative)) };
}

export function parseSeed(relative: string) {
  return parseBankFile(seedFile(relative));
}

export function parseText(text: string, name = 'bank.md') {
  return parseBankFile({ path: name, bytes: new TextEncoder().encode(text) });
}

export function loadSeeds() {
  return loadBank(Object.values(SEEDS).map(seedFile));
}
