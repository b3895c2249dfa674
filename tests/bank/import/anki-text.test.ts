import { describe, expect, it } from 'vitest';
import { ankiId } from '../../../src/bank/import/anki-note.js';
import { htmlToMarkdown } from '../../../src/bank/import/html-to-markdown.js';
import { parseAnyBankFile } from '../../../src/bank/import/index.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

/** What Anki 2.1.55+ writes for "Notes in Plain Text" with HTML, deck, note type, tags and GUIDs included. */
const EXPORT = [
  '#separator:tab',
  '#html:true',
  '#guid column:1',
  '#notetype column:2',
  '#deck column:3',
  '#tags column:6',
  'g1\tBasic\tInterview::Databases\tWhat is <b>MVCC</b>?\t<div>Readers see a snapshot;</div><div>writers add versions.</div>\tdb leech',
  'g2\tCloze\tInterview::ML\t{{c1::Dropout::technique}} zeroes random {{c2::activations}}.\tSee <i>Srivastava 2014</i>\tml marked',
  'g3\tBasic\tDefault\t"A ""quoted""\tfront<br>on two lines"\tback\t',
  'g4\tBasic\tInterview::Databases\t\tan answer without a question\t',
].join('\n');

describe('Anki text exports (.txt with header lines)', () => {
  it('reads fields, decks, tags and GUIDs from the columns the header names, HTML turned into Markdown', () => {
    const { questions, warnings } = parseAnyBankFile(file('deck.txt', EXPORT));
    expect(questions).toEqual([
      {
        question: 'What is **MVCC**?',
        answer: 'Readers see a snapshot;\n\nwriters add versions.',
        hints: [],
        tags: ['db'],
        difficulty: null,
        id: ankiId('g1'),
        category: 'Databases',
        line: 7,
      },
      {
        question: '\\[technique] zeroes random \\[…].',
        answer: '**Dropout** zeroes random **activations**.\n\nSee _Srivastava 2014_',
        hints: [],
        tags: ['ml'],
        difficulty: null,
        id: ankiId('g2'),
        category: 'ML',
        line: 8,
      },
      { question: 'A "quoted" front\\\non two lines', answer: 'back', hints: [], tags: [], difficulty: null, id: ankiId('g3'), category: null, line: 9 },
    ]);
    expect(warnings).toEqual([{ file: 'deck.txt', line: 10, message: 'note has no question; skipped', skipped: true }]);
    expect(ankiId('g1')).toMatch(/^anki-[0-9a-f]{12}$/);
  });

  it('takes the separator, #columns names, #tags and #deck for every note, and plain fields as they are', () => {
    const text = ['#separator:Semicolon', '#html:false', '#tags:imported', '#deck:Networking', '#columns:Extra;Back;Front', 'x;TCP is <reliable>;What is TCP?'].join('\n');
    const { questions } = parseAnyBankFile(file('net.txt', text));
    expect(questions).toEqual([
      { question: 'What is TCP?', answer: 'TCP is <reliable>', hints: [], tags: ['imported'], difficulty: null, id: null, category: 'Networking', line: 6 },
    ]);
  });

  it('warns about header lines it cannot use and names pictures and sounds it cannot bring along', () => {
    const text = ['#separator:Tabs please', '#html:true', '#deck column:zero', 'What is this? <img src="net.png">\tA diagram [sound:a.mp3]'].join('\n');
    const { questions, warnings } = parseAnyBankFile(file('m.txt', text));
    expect(questions.map((q) => [q.question, q.answer])).toEqual([['What is this? \\[image: net.png]', 'A diagram \\[sound: a.mp3]']]);
    expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      expect.stringMatching(/^1: `#separator:Tabs please` is not a separator Anki writes/),
      '1: 2 pictures or sounds in the notes cannot be posted; each is shown as its file name, e.g. [image: diagram.png]',
      expect.stringMatching(/^3: `#deck column:zero` does not name a column/),
    ]);
  });

  it('leaves a .txt without Anki header lines to the Markdown/text reader', () => {
    const { questions } = parseAnyBankFile(file('notes.txt', '# Databases\n\n### What is MVCC?\n\nVersions.\n'));
    expect(questions.map((q) => [q.question, q.category])).toEqual([['What is MVCC?', 'Databases']]);
  });
});

describe('HTML fields to Markdown', () => {
  it.each([
    ['<b>bold</b> and <i>italic</i>', '**bold** and _italic_'],
    ['<ul><li>one</li><li>two &amp; three</li></ul>', '- one\n- two & three'],
    ['<div>a</div><div><br></div><div><br></div><div>b</div>', 'a\n\nb'],
    ['<pre><code>x = 1</code></pre>', '```\nx = 1\n```'],
    ['<a href="https://example.com">docs</a>', '[docs](https://example.com)'],
    ['<script>alert(1)</script>safe&nbsp;text', 'safe text'],
    ['unclosed <b>bold <i>tags', 'unclosed **bold _tags_**'],
    ['plain words,\n  spread over lines', 'plain words, spread over lines'],
    ['1. not a list, 2 * 3', '1\\. not a list, 2 \\* 3'],
  ])('%s', (html, markdown) => {
    expect(htmlToMarkdown(html).markdown).toBe(markdown);
  });
});
