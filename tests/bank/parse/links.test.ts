import { describe, expect, it } from 'vitest';
import { parseText } from '../../helpers/bank.js';

describe('broken links', () => {
  it('warn with the line when a link address has a space, and keep the question', () => {
    const { questions, warnings } = parseText(
      '### What is a B-tree?\nSee [the diagram](https://example.com/img/btree CLgWww.png) and [the paper](https://example.com/p.pdf "Bayer").\n\n- also ![a figure](https://example.com/f g.png)\n',
    );
    expect(questions).toHaveLength(1);
    expect(warnings).toEqual([
      {
        file: 'bank.md',
        line: 2,
        message: 'link "the diagram" has a space in its address (https://example.com/img/btree CLgWww.png), so it is no link; it is posted as plain text (write the space as %20)',
      },
      { file: 'bank.md', line: 4, message: expect.stringContaining('link "a figure" has a space in its address (https://example.com/f g.png)') },
    ]);
  });
});
