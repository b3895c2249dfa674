import type { BankLoadResult } from './types.js';

export interface BankSummary {
  files: number;
  questions: number;
  answered: number;
  byCategory: { category: string; questions: number; answered: number }[];
}

export function summarizeBank(bank: BankLoadResult): BankSummary {
  const byCategory = new Map<string, { questions: number; answered: number }>();
  for (const q of bank.questions) {
    const key = q.category ?? '(no category)';
    const entry = byCategory.get(key) ?? { questions: 0, answered: 0 };
    entry.questions++;
    if (q.answer !== null) entry.answered++;
    byCategory.set(key, entry);
  }
  return {
    files: bank.files.length,
    questions: bank.questions.length,
    answered: bank.questions.filter((q) => q.answer !== null).length,
    byCategory: [...byCategory.entries()].map(([category, v]) => ({ category, ...v })).sort((a, b) => b.questions - a.questions || a.category.localeCompare(b.category)),
  };
}

export function formatWarning(w: { file: string; line: number; message: string }): string {
  return `${w.file}:${w.line}: ${w.message}`;
}
