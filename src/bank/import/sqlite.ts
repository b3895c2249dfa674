import initSqlJs, { type SqlJsStatic } from 'sql.js';

let ready: SqlJsStatic | null = null;
let loading: Promise<SqlJsStatic> | null = null;

/**
 * SQLite for reading Anki collections: sql.js, SQLite compiled to WebAssembly, so no native build and
 * a database opened straight from bytes. Compiling it is asynchronous (tens of ms), so it is loaded
 * once, before the first package; reading a package after that is synchronous like every other parse.
 */
export function loadSqlite(wasmPath?: string): Promise<SqlJsStatic> {
  // sql.js finds its .wasm beside its own script; a bundled worker is elsewhere, so src/io says where it is.
  loading ??= initSqlJs(wasmPath ? { locateFile: () => wasmPath } : undefined).then((sql) => {
    ready = sql;
    return sql;
  });
  // A failed load (a missing .wasm) is not kept: the next package tries again, and says why again.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The loaded SQLite, or null when loadSqlite has not finished in this thread. */
export function sqliteIfLoaded(): SqlJsStatic | null {
  return ready;
}

export type { SqlJsStatic };
