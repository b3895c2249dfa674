import { afterEach, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../helpers/bank.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

interface BankJson {
  total: number;
  questions: { id: string; html: string; answerHtml: string | null; category: string | null; answered: boolean }[];
}

/** The dashboard's bank filter box over the real web adapter: the bank service's full-text index, searched as people type. */
describe('the bank API: the filter box searches the full-text index', () => {
  it('ranks LoRA questions first, finds a word in answers, completes a word cut short and forgives a typo', async () => {
    h = await startHarness({ bank: loadSeeds() });
    const lora = await h.json<BankJson>('/api/bank?q=LoRA&limit=5');
    expect(lora.questions[0]?.html).toMatch(/\bLoRA\b/);
    expect(lora.questions.map((q) => q.html).join('\n')).not.toContain('exploration-exploitation');

    const chunking = await h.json<BankJson>('/api/bank?q=chunking&limit=50');
    expect(chunking.total).toBeGreaterThan(0);
    expect(chunking.questions.every((q) => `${q.html} ${q.answerHtml}`.toLowerCase().includes('chunk'))).toBe(true);

    const cut = await h.json<BankJson>('/api/bank?q=quantiz&limit=3');
    expect(cut.questions[0]?.html).toMatch(/quantization/i);
    const typo = await h.json<BankJson>('/api/bank?q=reinforcment&category=Reinforcement%20Learning&limit=50');
    expect(typo.total).toBeGreaterThan(0);
    expect(new Set(typo.questions.map((q) => q.category))).toEqual(new Set(['Reinforcement Learning']));
  });

  it('pages through hits with offset and limit, and sends each answer for the page to fold away', async () => {
    h = await startHarness({ bank: loadSeeds() });
    const first = await h.json<BankJson>('/api/bank?q=model&limit=20');
    const second = await h.json<BankJson>('/api/bank?q=model&offset=20&limit=20');
    expect(first.total).toBeGreaterThan(40);
    expect(second.total).toBe(first.total);
    expect(second.questions).toHaveLength(20);
    expect(new Set([...first.questions, ...second.questions].map((q) => q.id)).size).toBe(40);
    for (const q of first.questions) expect(q.answerHtml === null).toBe(!q.answered);
  });

  it('draws display formulas without an inline style, which the page’s CSP would refuse', async () => {
    h = await startHarness({ bank: loadSeeds() });
    const lora = (await h.json<BankJson>('/api/bank?q=Explain%20LoRA%20Low-Rank%20Adaptation&limit=1')).questions[0];
    expect(lora?.answerHtml).toContain('<math display="block"');
    expect(lora?.answerHtml).not.toContain('style=');
  });
});
