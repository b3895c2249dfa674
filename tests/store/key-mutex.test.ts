import { describe, expect, it } from 'vitest';
import { KeyMutex } from '../../src/store/key-mutex.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('KeyMutex', () => {
  it('never runs two tasks for the same key at once, and runs them in call order', async () => {
    const mutex = new KeyMutex();
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        mutex.run('k', async () => {
          running += 1;
          most = Math.max(most, running);
          await tick();
          order.push(i);
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('lets tasks for different keys overlap', async () => {
    const mutex = new KeyMutex();
    let running = 0;
    let most = 0;
    await Promise.all(
      ['a', 'b', 'c'].map((key) =>
        mutex.run(key, async () => {
          running += 1;
          most = Math.max(most, running);
          await tick();
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(3);
  });

  it('releases the key when a task throws, passing the error to its caller', async () => {
    const mutex = new KeyMutex();
    const failed = mutex.run('k', async () => {
      throw new Error('boom');
    });
    const next = mutex.run('k', async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('forgets keys once their tasks are done', async () => {
    const mutex = new KeyMutex();
    await Promise.all([mutex.run('a', tick), mutex.run('a', tick), mutex.run('b', tick)]);
    expect(mutex.size).toBe(0);
  });
});
