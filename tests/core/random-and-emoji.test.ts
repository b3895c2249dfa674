import { describe, expect, it } from 'vitest';
import { normalizeReaction } from '../../src/core/emoji.js';
import { seededRandom, shuffle } from '../../src/core/random.js';

describe('seeded randomness', () => {
  it('gives the same shuffle for the same seed and a different one for another', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(items, seededRandom('general'))).toEqual(shuffle(items, seededRandom('general')));
    expect(shuffle(items, seededRandom('general'))).not.toEqual(shuffle(items, seededRandom('random')));
    expect([...shuffle(items, seededRandom(1))].sort((a, b) => a - b)).toEqual(items);
  });
});

describe('reaction names', () => {
  it('normalizes Discord characters and Slack names to one name, keeping the raw value', () => {
    expect(normalizeReaction('👀')).toEqual({ name: 'eyes', raw: '👀' });
    expect(normalizeReaction('eyes')).toEqual({ name: 'eyes', raw: 'eyes' });
    expect(normalizeReaction(':eyes:').name).toBe('eyes');
    expect(normalizeReaction('+1::skin-tone-3').name).toBe('+1');
    expect(normalizeReaction('thumbsup').name).toBe('+1');
    expect(normalizeReaction('partyparrot').name).toBe('partyparrot');
  });
});
