import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeoutError, settledWithin, withTimeout } from '../../src/shared/timeout.js';

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(err: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('waiting on work for at most a while', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('withTimeout gives the result of work that finishes in time, and leaves no timer behind', async () => {
    const work = deferred<string>();
    const result = withTimeout(work.promise, 1_000, 'too slow');
    work.resolve('pong');
    await expect(result).resolves.toBe('pong');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('withTimeout rejects with a TimeoutError carrying the message once the time is up', async () => {
    const result = withTimeout(new Promise<never>(() => undefined), 1_000, 'the store did not answer');
    const caught = result.catch((err: unknown) => err);
    await vi.advanceTimersByTimeAsync(999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const err = await caught;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ message: 'the store did not answer', ms: 1_000 });
  });

  it('withTimeout passes the work’s own failure through, not as a timeout', async () => {
    const err = await withTimeout(Promise.reject(new Error('refused')), 1_000, 'too slow').catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toBe('refused');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('settledWithin gives the value in time, null when late, and the work goes on', async () => {
    const quick = settledWithin(Promise.resolve(7), 100);
    await expect(quick).resolves.toEqual({ value: 7 });

    const slow = deferred<number>();
    const late = settledWithin(slow.promise, 100);
    await vi.advanceTimersByTimeAsync(100);
    await expect(late).resolves.toBeNull();
    slow.resolve(8);
    await expect(slow.promise).resolves.toBe(8);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('settledWithin with no time at all does not wait, even for work already done', async () => {
    await expect(settledWithin(Promise.resolve(1), 0)).resolves.toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('settledWithin rejects when the work fails in time', async () => {
    await expect(settledWithin(Promise.reject(new Error('boom')), 100)).rejects.toThrow('boom');
    expect(vi.getTimerCount()).toBe(0);
  });
});
