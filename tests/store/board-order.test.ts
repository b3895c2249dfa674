import { describe, expect, it } from 'vitest';
import { compareEntries, compareMembers } from '../../src/store/board-order.js';

describe('compareMembers', () => {
  it('orders by code point, unlike JavaScript string comparison', () => {
    // '\u{1F600}' is stored as surrogates 0xD83D…, which UTF-16 comparison puts before 0xFF5E.
    expect('\u{1F600}' < '\uFF5E').toBe(true);
    expect(compareMembers('\u{1F600}', '\uFF5E')).toBeGreaterThan(0);
  });

  it('puts a prefix before the longer member and equal members level', () => {
    expect(compareMembers('ab', 'abc')).toBeLessThan(0);
    expect(compareMembers('abc', 'ab')).toBeGreaterThan(0);
    expect(compareMembers('abc', 'abc')).toBe(0);
  });
});

describe('compareEntries', () => {
  it('puts higher scores first and breaks ties by member', () => {
    const sorted = [
      { member: 'b', score: 1 },
      { member: 'c', score: 2 },
      { member: 'a', score: 1 },
    ].sort(compareEntries);
    expect(sorted.map((entry) => entry.member)).toEqual(['c', 'a', 'b']);
  });
});
