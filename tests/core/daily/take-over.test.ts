import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Harness, MINUTE, admin, channel, createHarness, postRecords, question, testBank } from './helpers.js';

// The memory store (keyv) expires leases by Date.now(), so Date follows the harness clock here.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function advance(h: Harness, ms: number): void {
  h.world.clock.advance(ms);
  vi.setSystemTime(h.world.clock.now());
}

async function tick(h: Harness, ms: number): Promise<void> {
  advance(h, ms);
  await h.tick(0);
}

/** 09:30 in Berlin is 08:30Z in November; two instances share one store, clock and platform. */
async function twoProcesses() {
  const { bank } = testBank([question('alpha'), question('beta'), question('gamma'), question('delta')]);
  const a = await createHarness({ start: '2026-11-23T08:29:00Z', bank, config: { slotLeaseMs: 2 * MINUTE } });
  vi.setSystemTime(a.world.clock.now());
  await a.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
  const b = a.restart();
  await a.daily.start();
  await b.daily.start();
  return { a, b };
}

describe('a daily slot whose posting process dies mid-post', () => {
  it('is taken over once the lease runs out, with the same question, and the message the platform made is adopted, not doubled', async () => {
    const { a, b } = await twoProcesses();
    const hang = a.platform.hangNext({ afterCommit: true });
    advance(a, MINUTE);
    // A wins the slot and never hears back from the platform: as good as killed.
    void a.timer.fire();
    await hang.reached;
    const [made] = a.platform.posts();

    await tick(b, 0);
    expect((await b.daily.status(channel)).lastPost).toBeNull();
    await tick(b, MINUTE);
    expect((await b.daily.status(channel)).lastPost).toBeNull();
    // Past the two-minute lease; B's back-off offers the slot again within a few wakes.
    for (let i = 0; i < 6; i++) await tick(b, MINUTE);

    expect(a.platform.posts()).toHaveLength(1);
    const [record, ...more] = await postRecords(b);
    expect(more).toEqual([]);
    expect(record).toMatchObject({ slotKey: '2026-11-23T09:30', dailySeq: 1, messageId: made?.messageId });
    expect(b.world.logger.at('warn').map((e) => e.msg)).toContain('taking over a daily slot an earlier attempt did not finish');
    await b.daily.stop();
  });

  it('is posted by the other process when the first never reached the platform; the late first attempt then changes nothing', async () => {
    const { a, b } = await twoProcesses();
    const hang = a.platform.hangNext();
    advance(a, MINUTE);
    const stuck = a.timer.fire();
    await hang.reached;

    for (let i = 0; i < 8; i++) await tick(b, MINUTE);
    expect(a.platform.posts()).toHaveLength(1);
    const before = await postRecords(b);

    // A wakes up from its stall and finishes what it started.
    hang.release();
    await stuck;
    expect(a.platform.posts()).toHaveLength(1);
    expect(await postRecords(b)).toEqual(before);
    expect(before).toMatchObject([{ dailySeq: 1 }]);
    await a.daily.stop();
    await b.daily.stop();
  });

  it('is left alone by the other process while the holder is alive and finishes', async () => {
    const { a, b } = await twoProcesses();
    const hang = a.platform.hangNext();
    advance(a, MINUTE);
    const posting = a.timer.fire();
    await hang.reached;
    await tick(b, 0);
    hang.release();
    await posting;
    for (let i = 0; i < 10; i++) await tick(b, MINUTE);
    expect(a.platform.posts()).toHaveLength(1);
    expect(b.world.logger.at('warn').map((e) => e.msg)).not.toContain('taking over a daily slot an earlier attempt did not finish');
    await a.daily.stop();
    await b.daily.stop();
  });

  it('stays with a live holder whose post takes longer than the lease: the lease is renewed, nobody takes over', async () => {
    const { a, b } = await twoProcesses();
    const hang = a.platform.hangNext({ afterCommit: true });
    advance(a, MINUTE);
    const posting = a.timer.fire();
    await hang.reached;
    // Ten minutes of a slow platform, five leases long; the holder's renewals run on the shared timers.
    for (let i = 0; i < 10; i++) {
      await a.world.timers.advance(MINUTE);
      vi.setSystemTime(a.world.clock.now());
      await b.tick(0);
    }
    expect(b.world.logger.at('warn').map((e) => e.msg)).not.toContain('taking over a daily slot an earlier attempt did not finish');
    hang.release();
    await posting;
    expect(a.platform.posts()).toHaveLength(1);
    expect(await postRecords(a)).toMatchObject([{ slotKey: '2026-11-23T09:30', dailySeq: 1 }]);
    await a.daily.stop();
    await b.daily.stop();
  });
});
