import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createBankService } from '../../src/core/bank-service.js';
import { defaultEngineConfig } from '../../src/core/engine-config.js';
import { createEngine } from '../../src/core/engine.js';
import { InFlight } from '../../src/core/in-flight.js';
import { replyText } from '../../src/core/reply.js';
import { FakePlatform } from '../fakes/platform.js';
import { FakeTimer } from '../fakes/wake-timer.js';
import { createTestWorld } from '../fakes/world.js';
import { loadSeeds } from '../helpers/bank.js';
import { slack } from '../helpers/people.js';
import { SlowBoardsStore } from '../helpers/slow-boards-store.js';

const settled = async (p: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setTimeout(r, 20));
  return done;
};

describe('InFlight', () => {
  it('is drained at once when nothing runs, and otherwise once the last piece of work settles, however it settles', async () => {
    const work = new InFlight();
    expect(await settled(work.drained())).toBe(true);

    let finish = () => {};
    const ok = work.run('a', () => new Promise<void>((r) => (finish = r)));
    const failing = work.run('b', () => Promise.reject(new Error('boom')));
    await expect(failing).rejects.toThrow('boom');
    const drained = work.drained();
    expect(await settled(drained)).toBe(false);
    expect(work.pending()).toEqual(['a']);
    finish();
    await ok;
    expect(await settled(drained)).toBe(true);
  });

  it('counts what runs by label, and a begin() ended twice counts once', () => {
    const work = new InFlight();
    const first = work.begin('slack block_actions');
    work.begin('slack block_actions');
    work.begin('slack /recall');
    expect(work.pending()).toEqual(['slack block_actions ×2', 'slack /recall']);
    first();
    first();
    expect(work.size).toBe(2);
  });

  it('only raises a flag on close: work already let in still runs', async () => {
    const work = new InFlight();
    expect(work.open).toBe(true);
    work.close();
    expect(work.open).toBe(false);
    expect(await work.run('late', async () => 7)).toBe(7);
  });
});

describe('engine.stop()', () => {
  const { channel, ann } = slack;

  async function engineOn(store: SlowBoardsStore) {
    const world = await createTestWorld({ store });
    const seeds = loadSeeds();
    const platform = new FakePlatform();
    const engine = createEngine({ world, config: defaultEngineConfig, bank: createBankService(seeds, async () => seeds), platform, commands, wakeTimer: new FakeTimer() });
    await engine.start();
    return { world, engine, platform };
  }

  it('waits for a command in flight, and names it while it waits', async () => {
    const store = new SlowBoardsStore('recall');
    const { engine } = await engineOn(store);
    const held = store.hold();
    const board = engine.runText('leaderboard', { user: ann, channel, isAdmin: false });
    await held.reached;

    const stopping = engine.stop();
    expect(engine.pending()).toEqual(['typed command', 'command leaderboard']);
    expect(await settled(stopping)).toBe(false);
    held.release();
    expect(replyText(await board)).toMatch(/People/);
    await stopping;
    expect(engine.pending()).toEqual([]);
  });

  it('starts no timed work once stopping: a quiz question whose time runs out afterwards is left for the next press or start', async () => {
    const running = await engineOn(new SlowBoardsStore('recall'));
    const stopped = await engineOn(new SlowBoardsStore('recall'));
    for (const { engine } of [running, stopped]) {
      expect(replyText(await engine.runText('quiz 1', { user: ann, channel, isAdmin: false }))).toMatch(/question/i);
    }
    await stopped.engine.stop();
    const callsAtStop = stopped.platform.calls.length;

    // The question's time limit passes in both.
    await running.world.timers.advance(10 * 60_000);
    await stopped.world.timers.advance(10 * 60_000);
    expect(
      running.platform.calls.filter((c) => c.kind === 'update'),
      'the running engine closes the question',
    ).not.toEqual([]);
    expect(stopped.platform.calls).toHaveLength(callsAtStop);
    await running.engine.stop();
  });
});
