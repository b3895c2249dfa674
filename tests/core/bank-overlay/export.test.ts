import { describe, expect, it } from 'vitest';
import { questionId } from '../../../src/bank/ids.js';
import { loadBank } from '../../../src/bank/load.js';
import { type BankService, openBankService } from '../../../src/core/bank-service.js';
import { EDITED_FILE, SUGGESTED_FILE, exportOverlay } from '../../../src/core/bank-overlay/export.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';

const OS = '## Memory\n\n1. What is a page fault?\nAnswer: A trap on a missing page.\n\n2. What is a TLB?\nAnswer: A cache of translations.\n';
const admin = { by: 'Ada', at: new Date('2026-12-04T12:00:00Z') };
const pageFault = questionId('What is a page fault?');

type Files = Record<string, string>;
async function start(store: Store, files: Files): Promise<BankService> {
  const load = async () => loadBank(Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) })));
  return openBankService(await load(), load, { store });
}
const served = (bank: BankService) =>
  bank
    .all()
    .map((q) => ({ id: q.id, question: q.question, answer: q.answer, category: q.category, tags: [...q.tags].sort(), difficulty: q.difficulty, suggestedBy: q.suggestedBy }));

const sorted = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => a.id.localeCompare(b.id));

describe('bank export: the overlay as canonical files', () => {
  it('round trip: export, commit the files, reload: the same questions, each once, with the same ids', async () => {
    const store = new MemoryStore('t');
    const files: Files = { 'os.md': OS };
    const bank = await start(store, files);
    await bank.edits.add(
      {
        question: 'What is a huge page?',
        answer: 'A 2 MB or 1 GB page.\n\n```\ncat /proc/meminfo\n```',
        category: 'Memory',
        tags: ['os'],
        difficulty: 'hard',
        suggestedBy: 'Grace',
      },
      admin,
    );
    await bank.edits.add({ question: 'Explain copy-on-write.', answer: null, category: null, hints: ['Think of fork().'], suggestedBy: 'Linus' }, admin);
    await bank.edits.add({ question: 'A note, not a question', answer: 'x', suggestedBy: 'Grace', id: 'hidden-one' }, admin);
    await bank.edits.hide('hidden-one', admin);
    await bank.edits.edit(pageFault, { question: 'What is a page fault, exactly?', answer: 'A trap taken when a page is not mapped.', tags: ['os'] }, admin);
    const before = served(bank);

    const result = exportOverlay(bank.overlayEntries());
    expect(result.left).toEqual([]);
    expect(result.files.map((f) => f.name)).toEqual([SUGGESTED_FILE, EDITED_FILE]);
    expect(result.replaces).toEqual([{ id: pageFault, file: 'os.md', line: 3 }]);
    const suggested = result.files[0]?.text ?? '';
    expect(suggested).toContain(`### What is a huge page?\nId: ${questionId('What is a huge page?')}\nTags: os, hard\nSuggested-by: Grace`);
    expect(before.find((q) => q.question === 'Explain copy-on-write.')?.suggestedBy).toBe('Linus');
    expect(suggested).toContain('### Q: Explain copy-on-write.');
    expect(suggested).not.toContain('A note, not a question');

    // Committed as they are, the original still in os.md: nothing is served twice.
    for (const f of result.files) files[`exported/${f.name}`] = f.text;
    await bank.reload();
    // The same questions; additions, now file questions, sit where their file is in the bank's order.
    expect(sorted(served(bank))).toEqual(sorted(before));
    expect(bank.all().map((q) => q.id)).toEqual([...new Set(bank.all().map((q) => q.id))]);
    expect(bank.get(questionId('What is a huge page?'))?.sources[0]?.file).toBe(`exported/${SUGGESTED_FILE}`);
    // The credit came back from the file's `Suggested-by:` line, not from the store's addition (a file question took its place).
    expect(bank.lookup(questionId('What is a huge page?'))?.added).toBeNull();
    expect(bank.get(questionId('What is a huge page?'))?.suggestedBy).toBe('Grace');

    // The team then replaces the original with the exported copy: still the same questions once.
    files['os.md'] = OS.replace('1. What is a page fault?\nAnswer: A trap on a missing page.\n', '');
    await bank.reload();
    expect(sorted(served(bank))).toEqual(sorted(before));
    // A restart reads the same.
    const restarted = await start(store, files);
    expect(sorted(served(restarted))).toEqual(sorted(before));
  });

  it('leaves out, and names, a question that would not read back the same', async () => {
    const bank = await start(new MemoryStore('t'), { 'os.md': OS });
    await bank.edits.add({ question: 'What does this print?\nprint(1)', answer: '1', suggestedBy: 'Grace' }, admin);
    await bank.edits.add({ question: 'What is a rule?', answer: 'Above\n\n---\n\nBelow', suggestedBy: 'Grace' }, admin);
    await bank.edits.add({ question: 'What is fine?', answer: 'This.', suggestedBy: 'Grace' }, admin);
    const result = exportOverlay(bank.overlayEntries());
    expect(result.left.map((l) => l.reason)).toEqual([expect.stringMatching(/several lines/), expect.stringMatching(/answer read back differently/)]);
    expect(result.files.map((f) => f.ids)).toEqual([[questionId('What is fine?')]]);
  });
  it('keeps a bank’s own options, its right option and typed-answer aliases through an edit, the export and a reload', async () => {
    const store = new MemoryStore('t');
    const quiz = [
      '## Geography',
      '',
      '### What is the capital of France?',
      '',
      'A) Berlin',
      'B) Paris',
      'C) Rome',
      '',
      'Answer: B',
      '',
      'Paris has been the capital since 987.',
      '',
      '### What does LoRA stand for?',
      '',
      '**Answer:**',
      'Low-rank adaptation',
      'Accept: LoRA, low rank adaptation',
      '',
    ].join('\n');
    const files: Files = { 'quiz.md': quiz };
    const bank = await start(store, files);
    const capital = questionId('What is the capital of France?');
    const lora = questionId('What does LoRA stand for?');
    // Wording edits keep what the file carried (an answer edit would drop the options: tested in bank-edit).
    await bank.edits.edit(capital, { question: 'Which city is the capital of France?' }, admin);
    await bank.edits.edit(lora, { question: 'What does LoRA stand for, in fine-tuning?' }, admin);
    const carried = (b: BankService) =>
      sorted(b.all().map((q) => ({ id: q.id, question: q.question, answer: q.answer, choices: q.choices, correct: q.correct, accept: q.accept })));
    const before = carried(bank);
    expect(before.find((q) => q.id === capital)?.choices).toEqual(['Berlin', 'Paris', 'Rome']);

    const result = exportOverlay(bank.overlayEntries());
    expect(result.left).toEqual([]);
    const edited = result.files.find((f) => f.name === EDITED_FILE)?.text ?? '';
    expect(edited).toContain('A) Berlin\nB) Paris\nC) Rome\n\nAnswer: B\n\nParis has been the capital since 987.');
    expect(edited).toContain('Accept: LoRA, low rank adaptation');

    // Committed in place of the originals: served exactly as before, options, key and aliases included.
    files['quiz.md'] = '';
    files[`exported/${EDITED_FILE}`] = edited;
    await bank.reload();
    expect(carried(bank)).toEqual(before);
  });
});
