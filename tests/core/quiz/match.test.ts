import { describe, expect, it } from 'vitest';
import { matchesTyped, normalise } from '../../../src/core/quiz/match.js';

describe('a typed answer against the accepted ones', () => {
  it('folds case, punctuation, accents, spacing and a leading article', () => {
    expect(normalise('  The Fine-Tuning! ')).toBe('fine tuning');
    expect(matchesTyped('fine tuning', ['Fine-tuning.'])).toBe(true);
    expect(matchesTyped('finetuning', ['Fine-tuning'])).toBe(true);
    expect(matchesTyped('CAFÉ', ['cafe'])).toBe(true);
    expect(matchesTyped('a hash table', ['Hash table'])).toBe(true);
  });

  it('lets small typos pass, by length, and not larger ones', () => {
    expect(matchesTyped('quantisation', ['Quantization'])).toBe(true);
    expect(matchesTyped('dropot', ['Dropout'])).toBe(true);
    expect(matchesTyped('gradiant desent', ['Gradient descent'])).toBe(true);
    expect(matchesTyped('LRV', ['LRU'])).toBe(false);
    expect(matchesTyped('dropping', ['Dropout'])).toBe(false);
    expect(matchesTyped('batch norm', ['Layer norm'])).toBe(false);
  });

  it('takes any accepted alias, and never bends a number', () => {
    expect(matchesTyped('lora', ['Low-rank adaptation', 'LoRA'])).toBe(true);
    expect(matchesTyped('low rank adaption', ['Low-rank adaptation', 'LoRA'])).toBe(true);
    expect(matchesTyped('13', ['12'])).toBe(false);
    expect(matchesTyped('BERT base has 13 layers', ['BERT base has 12 layers'])).toBe(false);
    expect(matchesTyped('12 layers', ['12 layers.'])).toBe(true);
  });

  it('matches nothing for an empty answer or an empty list', () => {
    expect(matchesTyped('   ', ['x'])).toBe(false);
    expect(matchesTyped('x', [])).toBe(false);
  });
});
