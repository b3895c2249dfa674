import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../../src/adapters/kit/recent-ids.js';

describe('remembering recent ids to drop a repeated event', () => {
  it('says an id is new once, and seen after', () => {
    const ids = new RecentIds(3);
    expect(ids.add('a')).toBe(true);
    expect(ids.add('a')).toBe(false);
    expect(ids.has('a')).toBe(true);
    expect(ids.has('b')).toBe(false);
  });

  it('forgets the oldest id first once it holds more than its limit', () => {
    const ids = new RecentIds(2);
    for (const id of ['a', 'b', 'c']) ids.add(id);
    expect(ids.has('a')).toBe(false);
    expect(ids.has('b')).toBe(true);
    expect(ids.has('c')).toBe(true);
    expect(ids.add('a')).toBe(true);
  });
});
