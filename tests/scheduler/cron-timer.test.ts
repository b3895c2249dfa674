import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCronTimer, cronLineForInterval } from '../../src/scheduler/cron-timer.js';

describe('the node-cron wake timer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('wakes on the minute boundary, every minute, until stopped', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-29T07:29:30Z') });
    const wakes: string[] = [];
    const handle = createCronTimer().every(60_000, async () => {
      wakes.push(new Date().toISOString());
    });

    await vi.advanceTimersByTimeAsync(29_000);
    expect(wakes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000 + 60_000);
    expect(wakes).toEqual(['2026-03-29T07:30:00.000Z', '2026-03-29T07:31:00.000Z']);

    handle.cancel();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(wakes).toHaveLength(2);
  });

  it.each([
    [60_000, '* * * * *'],
    [5 * 60_000, '*/5 * * * *'],
    [1_000, '* * * * * *'],
    [15_000, '*/15 * * * * *'],
  ])('turns a %i ms beat into `%s`', (intervalMs, line) => {
    expect(cronLineForInterval(intervalMs)).toBe(line);
  });

  it.each([0, 1_500, 7 * 60_000, 90 * 60_000])('refuses a %i ms beat cron cannot express', (intervalMs) => {
    expect(() => cronLineForInterval(intervalMs)).toThrow(RangeError);
  });
});
