import { describe, expect, it } from 'vitest';
import { createScheduleRunner } from '../../src/scheduler/runner.js';
import type { Logger } from '../../src/scheduler/ports.js';
import type { ScheduleRunnerOptions } from '../../src/scheduler/runner.js';
import { FakeClock } from '../fakes/clock.js';
import { FakeTimer } from '../fakes/wake-timer.js';
import { HOUR, MINUTE, deferred, schedule } from './helpers.js';

// 09:30 in Berlin is 07:30Z during summer time.
const NINE_THIRTY_BERLIN = schedule('09:30', 'Europe/Berlin');
const GRACE = 10 * MINUTE;

interface Call {
  id: string;
  key: string;
  at: string;
}

/** A runner wired to fakes, recording what it hands out. */
function harness(start: string, overrides: Partial<ScheduleRunnerOptions> = {}) {
  const clock = new FakeClock(start);
  const timer = new FakeTimer();
  const posted: Call[] = [];
  const missed: Call[] = [];
  const logged: { level: 'warn' | 'error'; context: Record<string, unknown>; message: string }[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (context, message) => logged.push({ level: 'warn', context, message }),
    error: (context, message) => logged.push({ level: 'error', context, message }),
  };
  const runner = createScheduleRunner({
    clock,
    timer,
    graceMs: GRACE,
    logger,
    onSlot: (id, key, slot) => {
      posted.push({ id, key, at: slot.toISOString() });
    },
    onMissed: (id, key, slot) => {
      missed.push({ id, key, at: slot.toISOString() });
    },
    ...overrides,
  });
  return { clock, timer, runner, posted, missed, logged };
}

describe('the schedule runner', () => {
  it('posts a slot once even when the timer wakes many times in that minute', async () => {
    const { clock, timer, runner, posted } = harness('2026-06-01T07:29:00Z');
    runner.add('channel-a', NINE_THIRTY_BERLIN);
    await runner.start();
    expect(posted).toEqual([]);

    clock.set('2026-06-01T07:30:00Z');
    for (let wake = 0; wake < 6; wake++) {
      await timer.fire();
      clock.advance(10_000);
    }

    expect(posted).toEqual([{ id: 'channel-a', key: '2026-06-01T09:30', at: '2026-06-01T07:30:00.000Z' }]);
  });

  it('does not hand out a slot twice while its handler is still running', async () => {
    const entered = deferred();
    const gate = deferred();
    const calls: string[] = [];
    const { clock, timer, runner } = harness('2026-06-01T07:29:00Z', {
      onSlot: async (_id, key) => {
        calls.push(key);
        entered.resolve();
        await gate.promise;
      },
    });
    runner.add('channel-a', NINE_THIRTY_BERLIN);
    await runner.start();

    clock.set('2026-06-01T07:30:00Z');
    const wakes = [timer.fire()];
    await entered.promise;
    wakes.push(timer.fire(), timer.fire());
    clock.advance(5_000);
    wakes.push(timer.fire());
    gate.resolve();
    await Promise.all(wakes);

    expect(calls).toEqual(['2026-06-01T09:30']);
  });

  it('re-reads the clock on every wake, so a long sleep still catches up', async () => {
    const { clock, timer, runner, posted, missed } = harness('2026-06-01T07:29:00Z');
    runner.add('channel-a', NINE_THIRTY_BERLIN);
    await runner.start();

    // One wake, three days later (laptop lid closed): the last slot is 5 minutes old.
    clock.set('2026-06-04T07:35:00Z');
    await timer.fire();

    expect(missed.map((call) => call.key)).toEqual(['2026-06-01T09:30', '2026-06-02T09:30', '2026-06-03T09:30']);
    expect(posted.map((call) => call.key)).toEqual(['2026-06-04T09:30']);
  });

  it('delivers on start a slot that is late by no more than the grace period, once', async () => {
    const { clock, timer, runner, posted, missed } = harness('2026-06-01T07:35:00Z');
    runner.add('channel-a', NINE_THIRTY_BERLIN);
    await runner.start();
    clock.advance(MINUTE);
    await timer.fire();

    expect(posted.map((call) => call.key)).toEqual(['2026-06-01T09:30']);
    expect(missed).toEqual([]);
  });

  it('reports a slot that is later than the grace period as missed instead of posting it', async () => {
    const { runner, posted, missed } = harness('2026-06-01T07:45:00Z');
    runner.add('channel-a', NINE_THIRTY_BERLIN, '2026-05-31T09:30');
    await runner.start();

    expect(missed).toEqual([{ id: 'channel-a', key: '2026-06-01T09:30', at: '2026-06-01T07:30:00.000Z' }]);
    expect(posted).toEqual([]);
  });

  it('counts exactly the grace period as on time', async () => {
    const { runner, posted } = harness('2026-06-01T07:40:00Z');
    runner.add('channel-a', NINE_THIRTY_BERLIN, '2026-05-31T09:30');
    await runner.start();

    expect(posted.map((call) => call.key)).toEqual(['2026-06-01T09:30']);
  });

  it('does not re-deliver after a restart mid-day when given the last slot it saw', async () => {
    const first = harness('2026-06-01T07:29:00Z');
    first.runner.add('channel-a', NINE_THIRTY_BERLIN);
    await first.runner.start();
    first.clock.set('2026-06-01T07:30:00Z');
    await first.timer.fire();
    await first.runner.stop();
    const stored = first.posted.at(-1)?.key;
    expect(stored).toBe('2026-06-01T09:30');

    // Five minutes later a new process starts; the slot is still inside the grace period.
    const second = harness('2026-06-01T07:35:00Z');
    second.runner.add('channel-a', NINE_THIRTY_BERLIN, stored);
    await second.runner.start();
    expect(second.posted).toEqual([]);
    expect(second.missed).toEqual([]);

    second.clock.set('2026-06-02T07:30:00Z');
    await second.timer.fire();
    expect(second.posted.map((call) => call.key)).toEqual(['2026-06-02T09:30']);
  });

  it('would re-deliver after that restart without the last slot, which is why callers pass it', async () => {
    const restarted = harness('2026-06-01T07:35:00Z');
    restarted.runner.add('channel-a', NINE_THIRTY_BERLIN);
    await restarted.runner.start();
    expect(restarted.posted.map((call) => call.key)).toEqual(['2026-06-01T09:30']);
  });

  it('logs an onSlot error and still runs the next slot and the other schedules', async () => {
    const posted: string[] = [];
    const { clock, timer, runner, logged } = harness('2026-06-01T07:29:00Z', {
      onSlot: (id, key) => {
        if (id === 'broken' && key === '2026-06-01T09:30') throw new Error('chat API is down');
        posted.push(`${id} ${key}`);
      },
    });
    runner.add('broken', NINE_THIRTY_BERLIN);
    runner.add('healthy', NINE_THIRTY_BERLIN);
    await runner.start();

    clock.set('2026-06-01T07:30:00Z');
    await timer.fire();
    clock.set('2026-06-02T07:30:00Z');
    await timer.fire();

    expect(posted).toEqual(['healthy 2026-06-01T09:30', 'broken 2026-06-02T09:30', 'healthy 2026-06-02T09:30']);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 'error',
      context: { scheduleId: 'broken', slotKey: '2026-06-01T09:30', err: new Error('chat API is down') },
    });
  });

  it('hands out several due slots of one schedule oldest first, one at a time', async () => {
    const order: string[] = [];
    let running = 0;
    const { clock, timer, runner } = harness('2026-06-01T06:55:00Z', {
      graceMs: HOUR,
      onSlot: async (_id, key) => {
        running++;
        expect(running).toBe(1);
        await Promise.resolve();
        order.push(key);
        running--;
      },
    });
    runner.add('channel-a', schedule('*/10 9 * * *', 'Europe/Berlin'));
    await runner.start();
    clock.set('2026-06-01T07:35:00Z');
    await timer.fire();

    expect(order).toEqual(['2026-06-01T09:00', '2026-06-01T09:10', '2026-06-01T09:20', '2026-06-01T09:30']);
  });

  it('stops delivering a removed schedule, and re-adding it does not repeat a slot', async () => {
    const { clock, timer, runner, posted } = harness('2026-06-01T07:29:00Z');
    runner.add('channel-a', NINE_THIRTY_BERLIN);
    await runner.start();
    clock.set('2026-06-01T07:30:00Z');
    await timer.fire();

    runner.remove('channel-a');
    clock.set('2026-06-02T07:30:00Z');
    await timer.fire();
    expect(posted.map((call) => call.key)).toEqual(['2026-06-01T09:30']);

    // Edited back in within the grace period of today's slot, which it never posted.
    clock.set('2026-06-02T07:31:00Z');
    runner.add('channel-a', NINE_THIRTY_BERLIN);
    await timer.fire();
    runner.add('channel-a', NINE_THIRTY_BERLIN);
    await timer.fire();
    expect(posted.map((call) => call.key)).toEqual(['2026-06-01T09:30', '2026-06-02T09:30']);
  });

  it('lets a replaced schedule finish its slot before the new one for the same id starts', async () => {
    const entered = deferred();
    const gate = deferred();
    const events: string[] = [];
    const { clock, timer, runner } = harness('2026-06-01T07:29:00Z', {
      onSlot: async (_id, key) => {
        events.push(`start ${key}`);
        if (key.endsWith('09:30')) {
          entered.resolve();
          await gate.promise;
        }
        events.push(`end ${key}`);
      },
    });
    runner.add('channel-a', NINE_THIRTY_BERLIN);
    await runner.start();
    clock.set('2026-06-01T07:30:00Z');
    const first = timer.fire();
    await entered.promise;

    clock.set('2026-06-01T07:31:00Z');
    runner.add('channel-a', schedule('09:31', 'Europe/Berlin'));
    const second = timer.fire();
    gate.resolve();
    await Promise.all([first, second]);

    expect(events).toEqual(['start 2026-06-01T09:30', 'end 2026-06-01T09:30', 'start 2026-06-01T09:31', 'end 2026-06-01T09:31']);
  });

  it('asks the timer for a minute beat and lets go of it on stop', async () => {
    const { clock, timer, runner, posted } = harness('2026-06-01T07:29:00Z');
    runner.add('channel-a', NINE_THIRTY_BERLIN);
    await runner.start();
    expect(timer.requestedIntervals).toEqual([60_000]);
    expect(timer.subscriberCount).toBe(1);

    await runner.stop();
    expect(timer.subscriberCount).toBe(0);
    clock.set('2026-06-01T07:30:00Z');
    await runner.wake();
    expect(posted).toEqual([]);
  });

  it('warns about an unreadable lastSeenSlot and falls back to the grace window', async () => {
    const { runner, posted, logged } = harness('2026-06-01T07:35:00Z');
    runner.add('channel-a', NINE_THIRTY_BERLIN, 'not-a-slot');
    await runner.start();

    expect(logged).toMatchObject([{ level: 'warn', context: { scheduleId: 'channel-a', lastSeenSlot: 'not-a-slot' } }]);
    expect(posted.map((call) => call.key)).toEqual(['2026-06-01T09:30']);
  });

  it('fires a 02:30 schedule once on the spring-forward morning', async () => {
    const { clock, timer, runner, posted } = harness('2026-03-28T23:00:00Z');
    runner.add('channel-a', schedule('02:30', 'Europe/Berlin'));
    await runner.start();
    for (let minute = 0; minute < 4 * 60; minute++) {
      clock.advance(MINUTE);
      await timer.fire();
    }
    expect(posted).toEqual([{ id: 'channel-a', key: '2026-03-29T03:00', at: '2026-03-29T01:00:00.000Z' }]);
  });

  describe('slots a handler asks to retry', () => {
    it('offers them again 1, 2, 4 and then at most 8 wakes apart until the handler is done', async () => {
      const offered: string[] = [];
      let retries = 5;
      const { clock, timer, runner } = harness('2026-06-01T07:29:00Z', {
        graceMs: 2 * HOUR,
        onSlot: (_id, _key, _slot) => {
          offered.push(clock.now().toISOString().slice(11, 16));
          return retries-- > 0 ? 'retry' : 'done';
        },
      });
      runner.add('channel-a', NINE_THIRTY_BERLIN);
      await runner.start();
      for (let i = 0; i < 60; i++) {
        clock.advance(MINUTE);
        await timer.fire();
      }
      expect(offered).toEqual(['07:30', '07:31', '07:33', '07:37', '07:45', '07:53']);
    });

    it('hands a slot still not done when its grace runs out to onMissed, once', async () => {
      const { clock, timer, runner, missed } = harness('2026-06-01T07:29:00Z', { onSlot: () => 'retry' });
      runner.add('channel-a', NINE_THIRTY_BERLIN);
      await runner.start();
      for (let i = 0; i < 60; i++) {
        clock.advance(MINUTE);
        await timer.fire();
      }
      expect(missed).toEqual([{ id: 'channel-a', key: '2026-06-01T09:30', at: '2026-06-01T07:30:00.000Z' }]);
    });

    it('keeps later slots of the same schedule on time while one is retried', async () => {
      const offered: string[] = [];
      const { clock, timer, runner } = harness('2026-06-01T07:29:00Z', {
        graceMs: 3 * 24 * HOUR,
        onSlot: (_id, key) => {
          offered.push(`${key}@${clock.now().toISOString().slice(0, 16)}`);
          return key === '2026-06-01T09:30' ? 'retry' : 'done';
        },
      });
      runner.add('channel-a', NINE_THIRTY_BERLIN);
      await runner.start();
      clock.set('2026-06-02T07:30:00Z');
      await timer.fire();
      expect(offered.filter((o) => o.startsWith('2026-06-02T09:30'))).toEqual(['2026-06-02T09:30@2026-06-02T07:30']);
    });
  });

  it('runs at most maxConcurrent schedules in their handlers at once, and every one gets its slot', async () => {
    let inHandler = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const { clock, timer, runner, posted } = harness('2026-06-01T07:29:00Z', {
      maxConcurrent: 3,
      onSlot: async (id, key, slot) => {
        inHandler++;
        most = Math.max(most, inHandler);
        await new Promise<void>((resolve) => gates.push(resolve));
        inHandler--;
        posted.push({ id, key, at: slot.toISOString() });
      },
    });
    for (let i = 0; i < 10; i++) runner.add(`channel-${i}`, NINE_THIRTY_BERLIN);
    await runner.start();
    clock.set('2026-06-01T07:30:00Z');
    const woken = timer.fire();
    while (posted.length < 10) {
      await new Promise((r) => setTimeout(r, 0));
      gates.shift()?.();
    }
    await woken;
    expect(most).toBe(3);
    expect(new Set(posted.map((p) => p.id)).size).toBe(10);
  });
});
