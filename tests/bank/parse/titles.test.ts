import { describe, expect, it } from 'vitest';
import { parseText } from '../../helpers/bank.js';

const read = (text: string) => parseText(text).questions.map((q) => [q.question, q.answer, q.category]);

describe('section titles written as lines in Q:/A: and list files', () => {
  it('reads [bracketed] titles as sections, and a Q: without an A: stays unanswered', () => {
    expect(read('[Storage]\nQ: What is RAID 5?\nA: Striping with parity.\n\nQ: What is a WAL?\n\n[Networking]\n\nQ: What is ARP?\nA: IP to MAC.\n')).toEqual([
      ['What is RAID 5?', 'Striping with parity.', 'Storage'],
      ['What is a WAL?', null, 'Storage'],
      ['What is ARP?', 'IP to MAC.', 'Networking'],
    ]);
  });

  it('reads ALL-CAPS and colon-ended titles as sections, but not a colon line that introduces an answer list, or a short capitalised answer', () => {
    expect(read('STORAGE ENGINES\n\nQ: What is an LSM tree?\n\nPaging:\nQ: What is a page table?\nA: A map from virtual to physical pages.\n')).toEqual([
      ['What is an LSM tree?', null, 'STORAGE ENGINES'],
      ['What is a page table?', 'A map from virtual to physical pages.', 'Paging'],
    ]);
    expect(
      read('Q: How do you size a pool?\nA: Measure first.\n\nSteps:\n1. Find the wait time\n2. Divide\n\nQ: Is Redis single-threaded?\nA: Mostly.\n\nYES\n\nQ: Next?\n'),
    ).toEqual([
      ['How do you size a pool?', 'Measure first.\n\nSteps:\n\n1. Find the wait time\n2. Divide', null],
      ['Is Redis single-threaded?', 'Mostly.\n\nYES', null],
      ['Next?', null, null],
    ]);
  });

  it('reads setext-underlined titles as sections, even right under an unanswered Q:', () => {
    expect(read('Caching\n=======\n\nQ: What is a cache stampede?\nEviction\n--------\nQ: What is LRU?\nA: Least recently used goes first.\n')).toEqual([
      ['What is a cache stampede?', null, 'Caching'],
      ['What is LRU?', 'Least recently used goes first.', 'Eviction'],
    ]);
  });

  it('reads a plain title line between Q:/A: pairs as a section', () => {
    expect(read('Q: What is a B-tree?\nA: A balanced search tree.\n\nConcurrency Control\n\nQ: What is MVCC?\nA: Versions instead of locks.\n')).toEqual([
      ['What is a B-tree?', 'A balanced search tree.', null],
      ['What is MVCC?', 'Versions instead of locks.', 'Concurrency Control'],
    ]);
  });

  it('reads these titles in numbered list files too', () => {
    expect(read('[Processes]\n1. What is a zombie process?\n2. What is fork bomb?\n\n[Memory]\n\n3. What is swap?\n')).toEqual([
      ['What is a zombie process?', null, 'Processes'],
      ['What is fork bomb?', null, 'Processes'],
      ['What is swap?', null, 'Memory'],
    ]);
  });

  it('reads "---" under an answer line as a rule ending the question, not as a title', () => {
    expect(read('Q: What is a socket?\nA: An endpoint.\n---\nQ: What is a port?\nA: A number.\n')).toEqual([
      ['What is a socket?', 'An endpoint.', null],
      ['What is a port?', 'A number.', null],
    ]);
  });
});
