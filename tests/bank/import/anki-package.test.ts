import { beforeAll, describe, expect, it } from 'vitest';
import { ankiId } from '../../../src/bank/import/anki-note.js';
import { loadSqlite, MAX_PACKAGE_BYTES, parseAnyBankFile, type SqlJsStatic } from '../../../src/bank/import/index.js';
import { loadBank } from '../../../src/bank/load.js';
import { buildCollection, type TestNote, zipPackage, zstdStored } from './build-apkg.js';

let sqlite: SqlJsStatic;
beforeAll(async () => {
  sqlite = await loadSqlite();
});

const DECKS = { 1: 'Default', 2: 'Interview::Databases', 3: 'Interview::ML' };
const NOTES: TestNote[] = [
  { id: 1700000000001, guid: 'Ab1!x', fields: ['What is <b>MVCC</b>?', '<div>Many versions,</div><div>one snapshot per reader.</div>'], tags: ' db leech ', deckId: 2 },
  { id: 1700000000002, guid: 'Cd2#y', fields: ['{{c1::Dropout}} zeroes random activations.', ''], tags: ' ml ', deckId: 3 },
  { id: 1700000000003, guid: 'Ef3$z', fields: ['', 'an answer without a question'], deckId: 1 },
  { id: 1700000000004, guid: 'Gh4%w', fields: ['What is a WAL?', 'A write-ahead log.'], deckId: 1 },
];

const parse = (bytes: Uint8Array, path = 'deck.apkg') => parseAnyBankFile({ path, bytes }, sqlite);

describe('Anki packages (.apkg)', () => {
  it('reads a legacy collection.anki2: front, back, deck (last part) as category, tags, GUIDs as ids', async () => {
    const apkg = zipPackage({ 'collection.anki2': await buildCollection(NOTES, DECKS), media: new TextEncoder().encode('{}') });
    const { questions, warnings } = parse(apkg);
    expect(questions).toEqual([
      {
        question: 'What is **MVCC**?',
        answer: 'Many versions,\n\none snapshot per reader.',
        hints: [],
        tags: ['db'],
        difficulty: null,
        id: ankiId('Ab1!x'),
        category: 'Databases',
        line: 1,
      },
      {
        question: '\\[…] zeroes random activations.',
        answer: '**Dropout** zeroes random activations.',
        hints: [],
        tags: ['ml'],
        difficulty: null,
        id: ankiId('Cd2#y'),
        category: 'ML',
        line: 2,
      },
      { question: 'What is a WAL?', answer: 'A write-ahead log.', hints: [], tags: [], difficulty: null, id: ankiId('Gh4%w'), category: null, line: 4 },
    ]);
    expect(warnings).toEqual([{ file: 'deck.apkg', line: 3, message: 'note 1700000000003 has no question; skipped', skipped: true }]);
  });

  it('prefers a zstd-compressed collection.anki21b (current schema, decks table) over the "please update" collection.anki2 beside it', async () => {
    const stub = await buildCollection([{ id: 1, guid: 'u', fields: ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', ''], deckId: 1 }], {
      1: 'Default',
    });
    const current = await buildCollection(NOTES.slice(0, 1), DECKS, 'current');
    const { questions } = parse(zipPackage({ 'collection.anki2': stub, 'collection.anki21b': zstdStored(current) }));
    expect(questions.map((q) => [q.question, q.category])).toEqual([['What is **MVCC**?', 'Databases']]);
  });

  it('loads with the rest of the bank through the loader, questions merged with Markdown by their words', async () => {
    const apkg = zipPackage({ 'collection.anki21': await buildCollection(NOTES, DECKS) });
    const bank = loadBank([
      { path: 'deck.apkg', bytes: apkg },
      { path: 'a.md', bytes: new TextEncoder().encode('### What is a WAL?\n\nA log written first.\n') },
    ]);
    const wal = bank.questions.find((q) => q.question === 'What is a WAL?');
    expect(wal?.id).toBe(ankiId('Gh4%w'));
    expect(wal?.sources.map((s) => `${s.file}:${s.line}`)).toEqual(['deck.apkg:4', 'a.md:1']);
  });

  describe('a broken package is one warning, and the rest of the bank still loads', () => {
    const cases: [string, () => Promise<Uint8Array>, RegExp][] = [
      ['not a zip', async () => new TextEncoder().encode('just some text, not a zip'), /^is not an Anki package \(an \.apkg is a zip file, and this is not one\); skipped$/],
      ['a truncated zip', async () => zipPackage({ 'collection.anki2': await buildCollection(NOTES, DECKS) }).subarray(0, 400), /^is a damaged zip \(.+\); skipped$/],
      [
        'a zip without a collection',
        async () => zipPackage({ media: new TextEncoder().encode('{}') }),
        /^is a zip without an Anki collection \(collection\.anki21b, collection\.anki21, collection\.anki2\); skipped$/,
      ],
      [
        'a collection that is not SQLite',
        async () => zipPackage({ 'collection.anki2': new TextEncoder().encode('x'.repeat(200)) }),
        /^holds a collection\.anki2 that is not an SQLite database; skipped$/,
      ],
      [
        'a damaged SQLite collection',
        async () => zipPackage({ 'collection.anki2': (await buildCollection(NOTES, DECKS)).slice(0, 1024) }),
        /^holds a collection SQLite cannot read \(.+\); skipped$/,
      ],
      [
        'a damaged zstd collection',
        async () => zipPackage({ 'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x01]) }),
        /^holds a compressed collection that cannot be unpacked \(.+\); in Anki, export it again with "Support older Anki versions" ticked; skipped$/,
      ],
      [
        'a zstd frame asking for a 2 TB window',
        async () => zipPackage({ 'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0xf8, 0x01, 0, 0]) }),
        /^holds a collection over the 128 MB limit \(it asks for more than 128 MB\); skipped$/,
      ],
    ];
    it.each(cases)('%s', async (_, make, message) => {
      const bytes = await make();
      expect(parse(bytes).warnings).toEqual([{ file: 'deck.apkg', line: 1, message: expect.stringMatching(message) }]);
      const bank = loadBank([
        { path: 'deck.apkg', bytes },
        { path: 'a.md', bytes: new TextEncoder().encode('### What is a WAL?\n\nA log.\n') },
      ]);
      expect(bank.questions.map((q) => q.question)).toEqual(['What is a WAL?']);
      expect(bank.files).toEqual(['deck.apkg', 'a.md']);
    });
  });

  it('refuses a package over the size limit before unpacking it', () => {
    const huge = new Uint8Array(MAX_PACKAGE_BYTES + 1);
    huge.set([0x50, 0x4b, 3, 4]);
    expect(parse(huge).warnings[0]?.message).toBe('is an Anki package of 64 MB, over the 64 MB limit (export it again without "Include media"); skipped');
  });
});
