import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replyOrDefer } from '../../../src/adapters/kit/reply-or-defer.js';

function paths(calls: string[]) {
  return {
    ready: async (value: string) => {
      calls.push(`ready ${value}`);
      return 'replied';
    },
    defer: async () => {
      calls.push('defer');
    },
    late: async (value: string) => {
      calls.push(`late ${value}`);
      return 'edited';
    },
  };
}

describe('answering in the platform’s window, or deferring', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends work ready in time as the reply itself, without deferring', async () => {
    const calls: string[] = [];
    await expect(replyOrDefer(Promise.resolve('hi'), 2_000, paths(calls))).resolves.toBe('replied');
    expect(calls).toEqual(['ready hi']);
  });

  it('defers slow work when the time is up, then answers it when done', async () => {
    const calls: string[] = [];
    let finish!: (value: string) => void;
    const work = new Promise<string>((resolve) => {
      finish = resolve;
    });
    const answered = replyOrDefer(work, 2_000, paths(calls));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['defer']);
    finish('done');
    await expect(answered).resolves.toBe('edited');
    expect(calls).toEqual(['defer', 'late done']);
  });

  it('defers at once when told to wait no time (a busy adapter)', async () => {
    const calls: string[] = [];
    await expect(replyOrDefer(Promise.resolve('hi'), 0, paths(calls))).resolves.toBe('edited');
    expect(calls).toEqual(['defer', 'late hi']);
  });

  it('waits for the deferral to be sent before answering', async () => {
    const calls: string[] = [];
    let acked!: () => void;
    const answered = replyOrDefer(Promise.resolve('hi'), 0, {
      ...paths(calls),
      defer: () =>
        new Promise<void>((resolve) => {
          acked = () => {
            calls.push('defer');
            resolve();
          };
        }),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([]);
    acked();
    await answered;
    expect(calls).toEqual(['defer', 'late hi']);
  });
});
