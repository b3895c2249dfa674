import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { loadBank } from '../../../src/bank/load.js';
import { openBankService } from '../../../src/core/bank-service.js';
import { defaultEngineConfig } from '../../../src/core/engine-config.js';
import { type Engine, createEngine } from '../../../src/core/engine.js';
import { replyText } from '../../../src/core/reply.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { FakePlatform } from '../../fakes/platform.js';
import { FakeTimer } from '../../fakes/wake-timer.js';
import { createTestWorld } from '../../fakes/world.js';
import { web } from '../../helpers/people.js';

const redisUrl = process.env['REDIS_URL'];
const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });
const OS = '## Memory\n\n1. What is a page fault?\nAnswer: A trap on a missing page.\n';
const { alice, bob, channel } = web;
const ann = { ...web.carol, name: 'Ann' };
const stores: Store[] = [];

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/**
 * A Recall as main.ts builds one (its own Redis connection, bank service opened over the store, engine
 * and commands), with a fake platform. Two of them on one Redis namespace stand for two processes: they
 * share nothing but the store, as two processes do.
 */
async function recall(namespace: string): Promise<{ engine: Engine; platform: FakePlatform; say(who: typeof alice, text: string, isAdmin?: boolean): Promise<string> }> {
  const store = await createStore(redisUrl ?? '', { namespace });
  stores.push(store);
  const world = await createTestWorld({ start: '2026-12-04T12:00:00Z', store });
  const load = async () => loadBank([file('os.md', OS)]);
  const bank = await openBankService(await load(), load, { store });
  const platform = new FakePlatform();
  const engine = createEngine({ world, config: defaultEngineConfig, bank, platform, commands, wakeTimer: new FakeTimer() });
  return { engine, platform, say: async (who, text, isAdmin = false) => replyText(await engine.runText(text, { user: who, channel, isAdmin })) };
}

describe.skipIf(!redisUrl)('suggestions on two processes sharing Redis', () => {
  it('a suggestion made on one is approved on the other; the first serves the approved question at once, and a restart keeps it', async () => {
    const namespace = `suggest-test-${process.pid}-${Date.now()}`;
    const one = await recall(namespace);
    const two = await recall(namespace);

    expect(await one.say(alice, 'suggest What is thrashing? || Paging so much that no work gets done. || Memory || paging')).toMatch(/s1.*pending/);
    // The other process sees it pending (admins only), and approves it.
    expect(await two.say(bob, 'suggest pending')).toMatch(/admin/i);
    expect(await two.say(ann, 'suggest pending', true)).toMatch(/What is thrashing\?/);
    expect(await two.say(ann, 'suggest approve s1', true)).toMatch(/Approved s1/);
    // Approving again on the first process: once is once.
    expect(await one.say(ann, 'suggest approve s1', true)).toMatch(/approved already/);

    // The first process serves it on its next command, without a reload, with who suggested it.
    const shown = await one.say(ann, 'bank search thrashing', true);
    expect(shown).toMatch(/thrashing/i);
    expect(one.engine.services.bank.all().find((q) => q.suggestedBy === 'Alice')?.question).toBe('What is thrashing?');
    expect(await one.say(alice, 'suggest mine')).toMatch(/s1.*approved/);
    expect(await one.say(alice, 'stats')).toMatch(/Questions contributed: 1/);

    // A restart (a new process on the same store) still has it: never lost.
    const three = await recall(namespace);
    expect(three.engine.services.bank.all().find((q) => q.suggestedBy === 'Alice')?.answer).toBe('Paging so much that no work gets done.');
    expect(three.engine.services.bank.all()).toHaveLength(2);
  });

  it('the pending limit holds across processes: the eleventh is refused wherever it is made', async () => {
    const namespace = `suggest-limit-${process.pid}-${Date.now()}`;
    const one = await recall(namespace);
    const two = await recall(namespace);
    // 5 per 10 minutes is the rate limit; the world's clock does not move here, so five go through, then both processes refuse.
    const made = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => (n % 2 ? one : two).say(alice, `suggest Question number ${n}? || answer ${n}`)));
    expect(made.filter((t) => /pending/.test(t))).toHaveLength(5);
    expect(made.filter((t) => /5 suggestions in 10 minutes/.test(t))).toHaveLength(2);
  });
});
