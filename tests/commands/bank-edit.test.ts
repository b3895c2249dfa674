import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { questionId } from '../../src/bank/ids.js';
import { loadBank } from '../../src/bank/load.js';
import { openBankService } from '../../src/core/bank-service.js';
import { defaultEngineConfig } from '../../src/core/engine-config.js';
import { createEngine } from '../../src/core/engine.js';
import { replyText } from '../../src/core/reply.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { FakePlatform } from '../fakes/platform.js';
import { FakeTimer } from '../fakes/wake-timer.js';
import { createTestWorld } from '../fakes/world.js';
import { inChannel } from '../helpers/commands.js';
import { slack } from '../helpers/people.js';

const { channel, ann, alice } = slack;
const BANK =
  '## Paging\n\n1. What is a page fault?\nAnswer: A trap on a missing page.\n\n2. What is a TLB?\nAnswer: A cache of translations.\n\n3. Remember to fix the slides?\nAnswer: Yes.\n';
const note = questionId('Remember to fix the slides?');
const tlb = questionId('What is a TLB?');

/** One Recall process: the real engine, commands and bank service over a store it may share with another. */
async function process(store: Store) {
  const world = await createTestWorld({ start: '2026-11-23T08:00:00Z', store });
  const platform = new FakePlatform();
  const load = async () => loadBank([{ path: 'os.md', bytes: new TextEncoder().encode(BANK) }]);
  const bank = await openBankService(await load(), load, { store });
  const engine = createEngine({ world, config: defaultEngineConfig, bank, platform, commands, wakeTimer: new FakeTimer() });
  await engine.start();
  return { engine, platform, bank, ...inChannel(engine, channel) };
}

describe('bank edit, hide, unhide and revert', () => {
  it('are for admins only', async () => {
    const { say } = await process(new MemoryStore('t'));
    for (const line of [`bank hide ${note}`, `bank unhide ${note}`, `bank edit ${tlb} answer:x`, `bank revert ${tlb}`]) {
      expect(replyText(await say(alice, line))).toBe(`Only admins can use \`bank ${line.split(' ')[1]}\`.`);
    }
  });

  it('a question hidden on one process is never posted by another sharing the store, and an edit is what both post', async () => {
    const store = new MemoryStore('t');
    const one = await process(store);
    const two = await process(store);
    expect(replyText(await one.say(ann, `bank hide ${note.slice(0, 8)}`, true))).toMatch(/^Hidden: it is never posted[\s\S]*🙈 Hidden by Ann/);
    const edited = replyText(await one.say(ann, `bank edit ${tlb} answer:"A small cache of recent translations." tags:"os, memory"`, true));
    expect(edited).toContain('A small cache of recent translations.');
    expect(edited).toContain('Original answer: A cache of translations.');

    expect(replyText(await two.say(ann, 'daily set 09:30', true))).toMatch(/09:30/);
    for (let i = 0; i < 4; i++) await two.say(ann, 'daily now', true);
    const posted = two.platform.posts('C-study').map((p) => two.platform.text(p));
    expect(posted).toHaveLength(4);
    expect(posted.some((t) => t.includes('Remember to fix the slides'))).toBe(false);
    expect(posted.filter((t) => t.includes('What is a TLB?'))).toHaveLength(2);

    expect(replyText(await two.say(alice, 'bank search slides'))).toBe('No question mentions `slides`.');
    expect(replyText(await two.say(alice, `bank show ${note}`))).toMatch(/No question has the id/);
    const shown = await two.say(ann, `bank show ${note}`, true);
    // The day it was hidden is data each platform writes for its reader; in plain text, `23 Nov 2026`.
    expect(replyText(shown)).toMatch(/🙈 Hidden by Ann \(\d{1,2} [A-Z][a-z]{2,3} \d{4}\)/);
    expect(shown.blocks.find((b) => b.type === 'dated')).toMatchObject({ small: true, dates: [{ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }] });
    const quiz = replyText(await two.say(alice, 'quiz 5'));
    expect(quiz).not.toContain('Remember to fix the slides');

    await two.say(ann, `bank unhide ${note}`, true);
    await two.say(ann, `bank revert ${tlb}`, true);
    await one.say(alice, 'bank stats');
    expect(one.bank.get(note)).toBeDefined();
    expect(one.bank.get(tlb)?.answer).toBe('A cache of translations.');
  });

  it('says what to fix for an unknown id, nothing to change, or a bad difficulty', async () => {
    const { say } = await process(new MemoryStore('t'));
    expect(replyText(await say(ann, 'bank hide nope1234', true))).toMatch(/No question has the id `nope1234`/);
    expect(replyText(await say(ann, `bank edit ${tlb}`, true))).toMatch(/Say what to change/);
    expect(replyText(await say(ann, `bank edit ${tlb} difficulty:extreme`, true))).toMatch(/difficulty/i);
    expect(replyText(await say(ann, `bank edit ${tlb} answer:- difficulty:hard`, true))).toMatch(/discussion question[\s\S]*Original answer: A cache of translations/);
  });

  it('an edited answer drops the options the file carried (a stale right option never shows), or takes new ones from an answer with its own key', async () => {
    const CHOICES = '## Numbers\n\n### Which number is even?\n\nA) 3\nB) 14\nC) 21\n\nAnswer: B\n\n### What is seven squared?\n\n49.\n';
    const store = new MemoryStore('t');
    const world = await createTestWorld({ start: '2026-11-23T08:00:00Z', store });
    const load = async () => loadBank([{ path: 'n.md', bytes: new TextEncoder().encode(CHOICES) }]);
    const bank = await openBankService(await load(), load, { store });
    const engine = createEngine({ world, config: defaultEngineConfig, bank, platform: new FakePlatform(), commands, wakeTimer: new FakeTimer() });
    await engine.start();
    const { say } = inChannel(engine, channel);
    const even = questionId('Which number is even?');
    expect(bank.get(even)).toMatchObject({ choices: ['3', '14', '21'], correct: 1, answer: '**B.** 14' });

    // The file's key was wrong to begin with: the admin gives the answer in words.
    await say(ann, `bank edit ${even} answer:"Any multiple of 2, like 14 or 22."`, true);
    const edited = bank.get(even);
    expect(edited?.answer).toBe('Any multiple of 2, like 14 or 22.');
    expect(edited?.choices).toBeUndefined();
    expect(edited?.correct).toBeUndefined();
    // A quiz on it no longer offers the file's options with B marked right.
    const quiz = await engine.runText('quiz Numbers 1', { user: alice, channel, isAdmin: false });
    const labels = quiz.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons.map((x) => x.label) : []));
    expect(replyText(quiz)).not.toMatch(/\b21\b/);
    expect(labels).not.toEqual(['A', 'B', 'C']);
    // Another process, and a restart, serve the same.
    const restarted = await openBankService(await load(), load, { store });
    expect(restarted.get(even)?.choices).toBeUndefined();

    // An answer that carries its own options and key (the dashboard's multi-line answer) makes them the question's options.
    await bank.edits.edit(even, { answer: 'A) 7\nB) 9\nC) 12\n\nAnswer: C\nTwelve is 2 × 6.' }, { by: 'Ann', at: world.clock.now() });
    expect(bank.get(even)).toMatchObject({ question: 'Which number is even?', choices: ['7', '9', '12'], correct: 2, answer: '**C.** 12\n\nTwelve is 2 × 6.' });
    // Reverting brings the file's own options back.
    await bank.edits.revert(even);
    expect(bank.get(even)).toMatchObject({ choices: ['3', '14', '21'], correct: 1 });
    // Editing only the wording keeps the options that go with the unchanged answer.
    await bank.edits.edit(even, { question: 'Which of these is even?' }, { by: 'Ann', at: world.clock.now() });
    expect(bank.get(even)).toMatchObject({ question: 'Which of these is even?', choices: ['3', '14', '21'], correct: 1 });
  });
  it('an edited answer drops the accepted aliases of the old one (an old alias never counts as right), or takes the Accept: line it carries', async () => {
    const TYPED = '## Tuning\n\n### What does LoRA stand for?\n\nLow-rank adaptation.\n\nAccept: LoRA adapters, low rank adaptation\n';
    const store = new MemoryStore('t');
    const load = async () => loadBank([{ path: 't.md', bytes: new TextEncoder().encode(TYPED) }]);
    const bank = await openBankService(await load(), load, { store });
    const id = questionId('What does LoRA stand for?');
    expect(bank.get(id)?.accept).toEqual(['LoRA adapters', 'low rank adaptation']);

    await bank.edits.edit(id, { answer: 'Layer-wise rank adaptation.' }, { by: 'Ann', at: new Date('2026-11-23T08:00:00Z') });
    expect(bank.get(id)?.answer).toBe('Layer-wise rank adaptation.');
    expect(bank.get(id)?.accept).toBeUndefined();

    await bank.edits.edit(id, { answer: 'Low-rank adaptation.\nAccept: LoRA, low-rank adapters' }, { by: 'Ann', at: new Date('2026-11-23T08:01:00Z') });
    expect(bank.get(id)).toMatchObject({ answer: 'Low-rank adaptation.', accept: ['LoRA', 'low-rank adapters'] });
    // Editing only the wording keeps the aliases that go with the unchanged answer.
    await bank.edits.edit(id, { question: 'What is LoRA short for?' }, { by: 'Ann', at: new Date('2026-11-23T08:02:00Z') });
    expect(bank.get(id)?.accept).toEqual(['LoRA', 'low-rank adapters']);
  });
});
