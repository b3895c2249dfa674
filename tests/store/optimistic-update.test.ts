import { describe, expect, it } from 'vitest';
import { retryCompareAndSet } from '../../src/store/optimistic-update.js';

describe('retrying a compare-and-set', () => {
  it('keeps trying after lost rounds and returns the winning value', async () => {
    let rounds = 0;
    const value = await retryCompareAndSet('k', async () => (++rounds < 8 ? { won: false as const } : { won: true as const, value: rounds }));
    expect(value).toBe(8);
    expect(rounds).toBe(8);
  });

  it('passes on an error thrown by a round instead of retrying it', async () => {
    await expect(retryCompareAndSet('k', async () => Promise.reject(new Error('connection reset')))).rejects.toThrow('connection reset');
  });
});
