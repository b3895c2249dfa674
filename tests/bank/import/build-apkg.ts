import { zipSync } from 'fflate';
import { loadSqlite } from '../../../src/bank/import/index.js';

export interface TestNote {
  id: number;
  guid: string;
  fields: string[];
  tags?: string;
  deckId: number;
}

/**
 * Builds an Anki package the way Anki lays one out: a zip holding `collection.anki2` (or `.anki21`),
 * a SQLite database in the legacy schema (`col` with the decks as JSON, `notes` with fields joined by
 * \x1f, `cards` tying notes to decks), made with the same sql.js the importer reads it with.
 */
export async function buildCollection(notes: TestNote[], decks: Record<number, string>, schema: 'legacy' | 'current' = 'legacy'): Promise<Uint8Array> {
  const SQL = await loadSqlite();
  const db = new SQL.Database();
  db.run(
    'CREATE TABLE notes (id INTEGER PRIMARY KEY, guid TEXT NOT NULL, mid INTEGER NOT NULL, mod INTEGER NOT NULL, usn INTEGER NOT NULL, tags TEXT NOT NULL, flds TEXT NOT NULL, sfld TEXT NOT NULL, csum INTEGER NOT NULL, flags INTEGER NOT NULL, data TEXT NOT NULL)',
  );
  db.run('CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER NOT NULL, did INTEGER NOT NULL, ord INTEGER NOT NULL)');
  const deckJson = JSON.stringify(Object.fromEntries(Object.entries(decks).map(([id, name]) => [id, { id: Number(id), name }])));
  if (schema === 'legacy') {
    db.run('CREATE TABLE col (id INTEGER PRIMARY KEY, decks TEXT NOT NULL, models TEXT NOT NULL)');
    db.run('INSERT INTO col VALUES (1, ?, ?)', [deckJson, '{}']);
  } else {
    db.run('CREATE TABLE col (id INTEGER PRIMARY KEY, decks TEXT NOT NULL, models TEXT NOT NULL)');
    db.run("INSERT INTO col VALUES (1, '', '')");
    db.run('CREATE TABLE decks (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    for (const [id, name] of Object.entries(decks)) db.run('INSERT INTO decks VALUES (?, ?)', [Number(id), name.replaceAll('::', '\x1f')]);
  }
  let card = 1;
  for (const n of notes) {
    db.run('INSERT INTO notes VALUES (?, ?, 1, 0, 0, ?, ?, ?, 0, 0, ?)', [n.id, n.guid, n.tags ?? '', n.fields.join('\x1f'), n.fields[0] ?? '', '']);
    db.run('INSERT INTO cards VALUES (?, ?, ?, 0)', [card++, n.id, n.deckId]);
  }
  const bytes = db.export();
  db.close();
  return bytes;
}

export function zipPackage(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files);
}

/**
 * A Zstandard frame of raw (stored) blocks: valid zstd that any decoder reads, made without a
 * compressor (fzstd only decodes, and this Node has no zstd). Blocks are at most 128 KB.
 */
export function zstdStored(bytes: Uint8Array): Uint8Array {
  const BLOCK = 128 * 1024;
  const blocks = Math.max(1, Math.ceil(bytes.length / BLOCK));
  const out = new Uint8Array(4 + 1 + 4 + blocks * 3 + bytes.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xfd2fb528, true);
  out[4] = 0xa0; // single segment, 4-byte content size, no checksum, no dictionary
  view.setUint32(5, bytes.length, true);
  let at = 9;
  for (let b = 0; b < blocks; b++) {
    const chunk = bytes.subarray(b * BLOCK, (b + 1) * BLOCK);
    const header = (b === blocks - 1 ? 1 : 0) | (0 << 1) | (chunk.length << 3);
    out[at] = header & 0xff;
    out[at + 1] = (header >> 8) & 0xff;
    out[at + 2] = (header >> 16) & 0xff;
    out.set(chunk, at + 3);
    at += 3 + chunk.length;
  }
  return out;
}
