import { describe, expect, it } from 'vitest';
import { discordChunks, discordMarkdown, isPlain } from '../../../src/adapters/discord/markdown.js';
import { discordFlavour } from '../../../src/adapters/discord/markdown-flavour.js';
import { render } from '../../../src/bank/render/index.js';
import { loadSeeds } from '../../helpers/bank.js';

/** What the engine says most often, as it says it. */
const ENGINE_PHRASES = [
  'Recorded: Got it (+3). Streak 1.',
  'Already recorded: Got it.',
  'Changed from Got it to Missed it (−3).',
  'Only admins can use `daily set`.',
  '**People · week 48, 2026 (23 Nov – 29 Nov)**\nNobody has points this week. Grade a daily question to get on the board.\n\nYou have no points this week.',
  'You are not in a team: `team list` shows them, `team join <name>` joins one.',
  'That question is no longer available.',
  'The answer goes up in the thread at Tue 24 Nov, 17:00 (Europe/Berlin).',
  '🏆 **Ann** wins with 3 points.',
  // No other mark in the line: only the `$` says it needs the renderer.
  'Set $T=0$ for greedy decoding.',
];

describe('discord.js adapter: Markdown for Discord, fast', () => {
  it('leaves text alone only where the bank renderer would too (seed bank and engine phrases)', () => {
    const seeds = loadSeeds();
    const texts = [...ENGINE_PHRASES, ...seeds.questions.flatMap((q) => [q.question, q.answer ?? '', ...q.hints]).filter(Boolean)];
    const plain = texts.filter(isPlain);
    expect(plain.length).toBeGreaterThan(texts.length / 2);
    for (const text of plain) expect(render(text, discordFlavour)).toBe(text);
  });

  it('renders anything else with the bank renderer', () => {
    for (const text of ['**Board**\n1. Ann — 3\n2. Bob — 1', 'a * b', '| a | b |\n|---|---|\n| 1 | 2 |', '#### deep', '||x||', '-# small']) {
      expect(isPlain(text)).toBe(false);
      expect(discordMarkdown(text)).toBe(render(text, discordFlavour));
    }
  });

  it('splits only long text, and never returns an empty chunk', () => {
    expect(discordChunks('short')).toEqual(['short']);
    expect(discordChunks('   ')).toEqual([]);
    const long = Array.from({ length: 50 }, (_, i) => `Line ${i} ${'x'.repeat(60)}`).join('\n\n');
    const chunks = discordChunks(long);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(2000);
  });
});
