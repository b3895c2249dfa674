import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBankFile } from '../../src/bank/parse/parse-file.js';

/**
 * The per-file loader (what the parse worker runs) on hostile input: it never throws, every warning
 * names a line of the file, and hostile shapes cost no more per KB than plain text, by a loose ratio.
 * Fixed seed, so CI runs the same cases every time.
 */

const SEED = 20261203;
const RUNS = 2_000;
const encoder = new TextEncoder();

const PIECES = [
  '# Title',
  '## Q1. What is X?',
  '### 2) Why?',
  'What is **bold**?',
  'plain text',
  '- item',
  '* item',
  '1. one',
  '2) two',
  '  - nested',
  '    - deeper',
  '> quote',
  '> [!ANSWER]- Answer',
  '>> deep',
  '```',
  '```python',
  '~~~',
  '    code',
  '\tcode',
  '| Q | A |',
  '|---|---|',
  '| a | b \\| c |',
  '<details>',
  '<summary>Q?</summary>',
  '</details>',
  '<!-- c -->',
  '',
  '',
  '---',
  '===',
  '- [ ] task',
  '[ref]: http://x',
  '[^1]: note',
  'Q: question?',
  'A: answer',
  'Answer:',
  'Hint: think',
  'id: q-1',
  '---\ncategory: x\ntags: [a]\n---',
  '$$ \\frac{a}{b} $$',
  '😀 emoji?',
  '(easy)',
  '[hard]',
  'Difficulty: medium',
  '\u00a0',
  '\r',
];

function checkParsed(text: string): void {
  const bytes = encoder.encode(text);
  const parsed = parseBankFile({ path: 'fuzz.md', bytes });
  const lines = text.split(/\r\n?|\n/).length + 1;
  for (const w of parsed.warnings) {
    expect(w.file).toBe('fuzz.md');
    expect(w.line).toBeGreaterThanOrEqual(1);
    expect(w.line).toBeLessThanOrEqual(lines);
  }
  for (const q of parsed.questions) expect(typeof q.question).toBe('string');
}

const markdownish = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }), { maxLength: 40 })
  .map((lines) => lines.join('\n'));

const deepNesting = fc
  .record({
    depth: fc.integer({ min: 30, max: 6_000 }),
    marker: fc.constantFrom('- ', '> ', '1. ', '* ', '> - ', '- > '),
    layout: fc.constantFrom('one line', 'indented lines', 'quote lines'),
  })
  .map(({ depth, marker, layout }) => {
    // Block levels the text asks for: a list counts two (list and item), a quote one. Indented lines
    // may not nest at all (`1.` items need three spaces), so only the other layouts promise a cut.
    const levels = { '- ': 2, '* ': 2, '1. ': 2, '> ': 1, '> - ': 3, '- > ': 3 }[marker] * depth;
    const cut = layout === 'one line' ? levels > 40 && marker.length * depth <= 20_000 : layout === 'quote lines' ? Math.min(depth, 120) > 40 : false;
    const body =
      layout === 'one line'
        ? `${marker.repeat(depth)}x`
        : layout === 'indented lines'
          ? Array.from({ length: Math.min(depth, 120) }, (_, i) => `${'  '.repeat(i)}${marker}x`).join('\n')
          : Array.from({ length: Math.min(depth, 120) }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n');
    return { text: `## Q1. Before?\nYes.\n\n${body}\n\n## Q2. After?\nYes.\n`, cut };
  });

const hugeLine = fc
  .record({ length: fc.integer({ min: 1_000, max: 30_000 }), alphabet: fc.constantFrom('*_', '[](', '`<>|', '\\*[_`', 'a *b* [c](d) ', '$\\{}') })
  .map(({ length, alphabet }) => `## Q1. Huge?\n${alphabet.repeat(Math.ceil(length / alphabet.length)).slice(0, length)}\n`);

describe('the bank loader on hostile input', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3_000 }), (bytes) => {
        const parsed = parseBankFile({ path: 'fuzz.md', bytes });
        for (const w of parsed.warnings) expect(w.line).toBeGreaterThanOrEqual(1);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never throws on Markdown-shaped garbage, and every warning names a line of the file', () => {
    fc.assert(fc.property(markdownish, checkParsed), { seed: SEED, numRuns: RUNS });
  });

  it('reads past deep nesting, with a warning at the line where it is cut', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(deepNesting, ({ text, cut }) => {
        const parsed = parseBankFile({ path: 'deep.md', bytes: encoder.encode(text) });
        expect(parsed.questions.map((q) => q.question).at(-1)).toBe('After?');
        const warned = parsed.warnings.filter((w) => w.message.includes('nest more than'));
        if (cut) expect(warned).toHaveLength(1);
        for (const w of warned) expect(w.line).toBeGreaterThanOrEqual(4);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never throws on huge lines of Markdown punctuation', () => {
    fc.assert(fc.property(hugeLine, checkParsed), { seed: SEED, numRuns: RUNS });
  });

  it('spends no more per KB on hostile shapes than on plain text, by a loose ratio', () => {
    // Summed over many cases, CPU time, and compared with plain text of the same sizes: a ratio, not a timer.
    const hostile = [...fc.sample(deepNesting, { seed: SEED, numRuns: 60 }).map((d) => d.text), ...fc.sample(hugeLine, { seed: SEED, numRuns: 60 })];
    const plain = hostile.map((t) => `## Q1. Plain?\n${'Plain answer words here. '.repeat(Math.ceil(t.length / 25)).slice(0, t.length)}\n`);
    const cpu = (texts: string[]): number => {
      const start = process.cpuUsage();
      for (const t of texts) parseBankFile({ path: 'x.md', bytes: encoder.encode(t) });
      const used = process.cpuUsage(start);
      return used.user + used.system;
    };
    cpu(plain.slice(0, 10));
    const plainCpu = cpu(plain);
    const hostileCpu = cpu(hostile);
    // Text nested up to the cap (40 levels) is scanned once per level, so the bound is that factor, not 1.
    expect(hostileCpu / plainCpu).toBeLessThan(60);
  });
});
