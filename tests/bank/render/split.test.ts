import { describe, expect, it } from 'vitest';
import { DISCORD_MESSAGE_LIMIT } from '../../../src/adapters/discord/markdown-flavour.js';
import { SLACK_SECTION_LIMIT } from '../../../src/adapters/slack/mrkdwn-flavour.js';
import { splitMessage } from '../../../src/bank/render/split.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FENCE_LINE = /^[ \t>]*```.*$/gm;

/** Deterministic filler prose: `count` words of varying length. */
function words(count: number, seed = 0): string {
  return Array.from({ length: count }, (_, index) => `w${(index + seed) % 97}${'x'.repeat((index * 7 + seed) % 9)}`).join(' ');
}

function wordsOf(text: string): string[] {
  return text.replace(FENCE_LINE, '').split(/\s+/).filter(Boolean);
}

function fenceCount(chunk: string): number {
  return chunk.match(FENCE_LINE)?.length ?? 0;
}

describe('splitMessage', () => {
  it('exports the platform limits', () => {
    expect(DISCORD_MESSAGE_LIMIT).toBe(2000);
    expect(SLACK_SECTION_LIMIT).toBe(3000);
  });

  it('returns a message that fits as a single chunk, without edge whitespace', () => {
    expect(splitMessage('\n\nHello there.\n\n', 2000)).toEqual(['Hello there.']);
  });

  it('returns no chunks for blank text', () => {
    expect(splitMessage(' \n\n \t\n', 2000)).toEqual([]);
  });

  it('refuses a limit that cannot hold a single code point', () => {
    expect(() => splitMessage('abc', 1)).toThrow(RangeError);
  });

  it('splits a 5,000-character answer at paragraph boundaries, every chunk within the limit, losing no words', () => {
    // Each paragraph spans three lines, so a line cut would be possible everywhere: only the preference keeps paragraphs whole.
    const paragraphs = Array.from({ length: 16 }, (_, index) => [words(15, index), words(15, index + 1), words(15, index + 2)].join('\n'));
    const answer = paragraphs.join('\n\n');
    expect(answer.length).toBeGreaterThan(5000);

    const chunks = splitMessage(answer, DISCORD_MESSAGE_LIMIT);

    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      for (const paragraph of chunk.split('\n\n')) expect(paragraphs).toContain(paragraph);
    }
    expect(wordsOf(chunks.join('\n\n'))).toEqual(wordsOf(answer));
  });

  it('falls back to line boundaries when there are no blank lines', () => {
    const lines = Array.from({ length: 60 }, (_, index) => words(12, index));
    const text = lines.join('\n');

    const chunks = splitMessage(text, 1000);

    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(1000);
      for (const line of chunk.split('\n')) expect(lines).toContain(line);
    }
    expect(chunks.join('\n')).toBe(text);
  });

  it('falls back to word boundaries inside one long line', () => {
    const line = words(900);

    const chunks = splitMessage(line, 500);

    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(500);
      expect(chunk).toBe(chunk.trim());
    }
    expect(chunks.join(' ')).toBe(line);
  });

  it('hard-cuts a single 10,000-character word into full-size pieces', () => {
    const word = 'a'.repeat(10_000);

    const chunks = splitMessage(word, DISCORD_MESSAGE_LIMIT);

    expect(chunks).toHaveLength(5);
    for (const chunk of chunks) expect(chunk).toHaveLength(DISCORD_MESSAGE_LIMIT);
    expect(chunks.join('')).toBe(word);
  });

  it('never cuts an emoji in half, even when the limit falls between its two code units', () => {
    const text = `a${'😀'.repeat(3000)}`;

    const chunks = splitMessage(text, DISCORD_MESSAGE_LIMIT);

    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(chunk).not.toMatch(LONE_SURROGATE);
    }
    expect(chunks.join('')).toBe(text);
  });

  it('keeps multi-code-point emoji such as a ZWJ family together', () => {
    const family = '👨‍👩‍👧';
    const text = family.repeat(40);

    const chunks = splitMessage(text, 50);

    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(50);
      expect(chunk.replaceAll(family, '')).toBe('');
    }
  });

  it('cuts a grapheme longer than the limit between code points, never between surrogate halves', () => {
    // Skin-tone modifiers extend the thumb into one 42-code-unit grapheme made of surrogate pairs.
    const text = `👍${'🏽'.repeat(20)}`;

    const chunks = splitMessage(text, 5);

    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(5);
      expect(chunk).not.toMatch(LONE_SURROGATE);
    }
    expect(chunks.join('')).toBe(text);
  });

  it('closes and reopens a long code block with the same language, every chunk balanced and within the limit', () => {
    const codeLines = Array.from({ length: 300 }, (_, index) => `x_${index} = compute(${index})  # step ${index}`);
    const text = `Here is the code:\n\n\`\`\`python\n${codeLines.join('\n')}\n\`\`\`\n\nThat is all.`;

    const chunks = splitMessage(text, DISCORD_MESSAGE_LIMIT);

    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(fenceCount(chunk) % 2).toBe(0);
      expect(chunk).not.toMatch(/```python\n```/);
    }
    for (const chunk of chunks.slice(1, -1)) {
      expect(chunk.startsWith('```python\n')).toBe(true);
      expect(chunk.endsWith('\n```')).toBe(true);
    }
    const codeSeen = chunks.flatMap((chunk) => chunk.split('\n')).filter((line) => line.startsWith('x_'));
    expect(codeSeen).toEqual(codeLines);
  });

  it('reopens a code block that lives inside a quote with its quote prefix', () => {
    const codeLines = Array.from({ length: 40 }, (_, index) => `> value_${index} = ${index * 3}`);
    const text = `> \`\`\`js\n${codeLines.join('\n')}\n> \`\`\``;

    const chunks = splitMessage(text, 200);

    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(200);
      expect(chunk.startsWith('> ```js\n')).toBe(true);
      expect(chunk.endsWith('\n> ```')).toBe(true);
    }
  });

  it('hard-cuts a code line longer than the limit and still keeps the fences balanced', () => {
    const text = `\`\`\`\n${'y'.repeat(4500)}\n\`\`\``;

    const chunks = splitMessage(text, DISCORD_MESSAGE_LIMIT);

    expect(chunks).toHaveLength(3);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(chunk).toMatch(/^```\ny+\n```$/);
    }
    expect(chunks.join('').replaceAll(/[^y]/g, '')).toHaveLength(4500);
  });

  it('never leaves an empty code block behind, even when the closing fence is longer than the opening one', () => {
    const text = '````\naaaa\n`````\nafter';

    const chunks = splitMessage(text, 14);

    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(14);
      expect(chunk).not.toMatch(/^`{3,}\n`{3,}$/m);
    }
    expect(chunks.at(-1)).toBe('after');
    expect(chunks.slice(0, -1).join('').replaceAll(/[^a]/g, '')).toBe('aaaa');
  });

  it('leaves fence-like lines alone when fences are switched off', () => {
    const text = `${'```\n'}${'word '.repeat(200).trim()}`;

    const chunks = splitMessage(text, 300, { fences: false });

    expect(chunks.filter((chunk) => chunk.includes('```'))).toHaveLength(1);
  });

  it('keeps a protected span whole when a word cut would land inside it', () => {
    const link = '<https://example.com/page|a link with several words in it>';
    const text = `${words(30)} ${link} ${words(30, 5)}`;
    const linkStart = text.indexOf(link);

    const chunks = splitMessage(text, linkStart + 40, { keepTogether: /<[^<>\n]*>/g });

    expect(chunks.some((chunk) => chunk.includes(link))).toBe(true);
  });

  it('never returns empty or whitespace-only chunks', () => {
    const text = `${'a'.repeat(90)}\n\n\n   \n\n${'b'.repeat(90)}\n   \n${'c'.repeat(90)}`;

    const chunks = splitMessage(text, 100);

    expect(chunks).toEqual(['a'.repeat(90), 'b'.repeat(90), 'c'.repeat(90)]);
  });
});
