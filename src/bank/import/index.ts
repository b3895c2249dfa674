import { parseBankFile, type ParsedFile } from '../parse/parse-file.js';
import { decodeBankBytes } from '../text/decode.js';
import type { BankFile } from '../types.js';
import { isAnkiText, parseAnkiText } from './anki-text.js';
import { parseAnkiPackage } from './anki-package.js';
import { parseCsv } from './csv.js';
import { fileKind, startsLikeAnkiText } from './kinds.js';
import type { SqlJsStatic } from './sqlite.js';

export { loadSqlite, type SqlJsStatic, sqliteIfLoaded } from './sqlite.js';
export { fileKind, type FileKind, IMPORT_EXTENSIONS, MAX_COLLECTION_BYTES, MAX_PACKAGE_BYTES, needsImporters, needsSqlite, packageTooLarge } from './kinds.js';

/**
 * Any bank file → its questions and warnings, by extension: a package is read as bytes (never decoded
 * as text); a spreadsheet or a `.txt` that starts with Anki's header lines is decoded like a Markdown
 * file (BOM, UTF-16, Windows-1252 fallback) and read by its importer; everything else is Markdown/text.
 * Never throws on content. `sqlite`: needed for packages only (see sqlite.ts).
 */
export function parseAnyBankFile(file: BankFile, sqlite: SqlJsStatic | null = null): ParsedFile {
  const kind = fileKind(file.path);
  if (kind === 'anki-package') return parseAnkiPackage(file.path, file.bytes, sqlite);
  if (kind === 'markdown' && !startsLikeAnkiText(file.bytes)) return parseBankFile(file);
  const decoded = decodeBankBytes(file.bytes);
  if (!decoded.ok) return { questions: [], warnings: [{ file: file.path, line: 1, message: `${decoded.reason}; skipped` }] };
  const notes = decoded.notes.map((n) => ({ file: file.path, ...n }));
  const text = decoded.text.replace(/\r\n?/g, '\n');
  let parsed: ParsedFile;
  if (kind === 'markdown') {
    if (!isAnkiText(text)) return parseBankFile(file);
    parsed = parseAnkiText(file.path, text);
  } else {
    parsed = parseCsv(file.path, text, kind === 'tsv');
  }
  return { questions: parsed.questions, warnings: [...notes, ...parsed.warnings] };
}
