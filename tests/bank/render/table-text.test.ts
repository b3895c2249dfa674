import { describe, expect, it } from 'vitest';
import { formatColumns } from '../../../src/bank/render/table-text.js';

describe('formatColumns', () => {
  it('centres columns aligned to the centre', () => {
    expect(
      formatColumns(
        [
          ['Mid', 'x'],
          ['a', 'yy'],
        ],
        ['center', null],
      ),
    ).toBe('Mid | x\n----+---\n a  | yy');
  });

  it('pads short rows with empty cells', () => {
    expect(formatColumns([['A', 'B'], ['only']])).toBe('A    | B\n-----+--\nonly |');
  });

  it('counts emoji as two columns so the separators still line up', () => {
    expect(
      formatColumns([
        ['Topic', 'Level'],
        ['🧠 AI', 'hard'],
      ]),
    ).toBe('Topic | Level\n------+------\n🧠 AI | hard');
  });

  it('returns nothing for a table without rows', () => {
    expect(formatColumns([])).toBe('');
  });
});
