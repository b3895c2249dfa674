import type { ParsedFile } from '../parse/parse-file.js';
import type { BankWarning } from '../types.js';
import { type AnkiNote, noteToRow, splitAnkiTags } from './anki-note.js';
import { mediaWarning } from './anki-text.js';
import { rowsToParsed } from './rows.js';
import type { SqlJsStatic } from './sqlite.js';

type Database = InstanceType<SqlJsStatic['Database']>;

/**
 * An Anki collection's notes as questions. Both schemas Anki writes: the legacy one (decks as JSON in
 * `col.decks`) and the current one (a `decks` table whose names separate levels with `\x1f`). A note's
 * deck is its first card's; fields are separated by `\x1f`. Sources and warnings say `file:N` for the Nth note
 * (by note id: a source line is 32-bit, a note id 13 digits), and warnings name the note id.
 * Throws on a database SQLite cannot read; the caller turns that into the file's one warning.
 */
export function readCollection(path: string, bytes: Uint8Array, sqlite: SqlJsStatic): ParsedFile {
  const db = new sqlite.Database(bytes);
  try {
    const decks = deckNames(db);
    const warnings: BankWarning[] = [];
    const media = { count: 0 };
    const rows = [];
    const deckOf = firstCardDecks(db);
    const statement = db.prepare('SELECT id, guid, flds, tags FROM notes ORDER BY id');
    try {
      while (statement.step()) {
        const [id, guid, flds, tags] = statement.get();
        const did = deckOf.get(Number(id));
        const note: AnkiNote = {
          at: rows.length + 1,
          noteId: Number(id),
          fields: String(flds ?? '').split('\x1f'),
          tags: splitAnkiTags(String(tags ?? '')),
          deck: did === null || did === undefined ? null : (decks.get(Number(did)) ?? null),
          guid: guid === null || guid === undefined ? null : String(guid),
          html: true,
        };
        rows.push(noteToRow(note, media));
      }
    } finally {
      statement.free();
    }
    if (media.count > 0) warnings.push(mediaWarning(path, 1, media.count));
    return rowsToParsed(path, rows, 'note', warnings);
  } finally {
    db.close();
  }
}

/** Each note's first card's deck, in one pass: a per-note lookup would scan `cards` for every note where it has no index. */
function firstCardDecks(db: Database): Map<number, number> {
  const decks = new Map<number, number>();
  const statement = db.prepare('SELECT nid, did FROM cards ORDER BY nid, ord');
  try {
    while (statement.step()) {
      const [nid, did] = statement.get();
      if (!decks.has(Number(nid))) decks.set(Number(nid), Number(did));
    }
  } finally {
    statement.free();
  }
  return decks;
}

function deckNames(db: Database): Map<number, string> {
  const names = new Map<number, string>();
  const hasTable = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decks'").length > 0;
  if (hasTable) {
    for (const [id, name] of db.exec('SELECT id, name FROM decks')[0]?.values ?? []) names.set(Number(id), String(name).replaceAll('\x1f', '::'));
    return names;
  }
  const json = db.exec('SELECT decks FROM col LIMIT 1')[0]?.values[0]?.[0];
  if (typeof json !== 'string' || json === '') return names;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return names; // no deck names: the questions load without categories
  }
  if (parsed && typeof parsed === 'object') {
    for (const deck of Object.values(parsed as Record<string, unknown>)) {
      const { id, name } = (deck ?? {}) as { id?: unknown; name?: unknown };
      if (typeof name === 'string' && (typeof id === 'number' || typeof id === 'string')) names.set(Number(id), name);
    }
  }
  return names;
}
