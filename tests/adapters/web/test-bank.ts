import { loadBank } from '../../../src/bank/load.js';
import type { BankFile, BankLoadResult } from '../../../src/bank/types.js';
import { loadSeeds } from '../../helpers/bank.js';

const file = (path: string, text: string): BankFile => ({ path, bytes: new TextEncoder().encode(text) });

/** A question that tries to run a script, the question it is about, and one without an answer. */
export const HOSTILE_BANK = file(
  'questions/web-safety.md',
  [
    '---',
    'category: Web safety',
    'tags: [xss, security]',
    '---',
    '',
    'Q: What does <script>window.__pwned=1</script> do in a question?',
    'A: Nothing, when the page escapes it: <script>window.__pwned=2</script> shows as text. **Always** escape, then format.',
    '',
    'Q: What does a Content-Security-Policy do?',
    "A: It tells the browser which sources may load and run; `script-src 'self'` blocks inline scripts.",
    '',
    'Q: Why should a chat bot escape what people write?',
    '',
  ].join('\n'),
);

/** A file the loader warns about: a code fence that is never closed. */
export const BROKEN_FILE = file('questions/broken.md', ['# Broken', '', '### Is this fence ever closed?', '', '```python', 'print("no")', ''].join('\n'));

export function hostileBank(): BankLoadResult {
  return loadBank([HOSTILE_BANK, BROKEN_FILE]);
}

/** The seed banks plus the hostile and broken files: a real-sized bank with something to escape and warn about. */
export function seedsWithHostile(): BankLoadResult {
  const seeds = loadSeeds();
  const extra = hostileBank();
  return { questions: [...seeds.questions, ...extra.questions], warnings: [...seeds.warnings, ...extra.warnings], files: [...seeds.files, ...extra.files] };
}
