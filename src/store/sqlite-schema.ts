/** Same table @keyv/sqlite creates, so raw statements and keyv share the rows. */
export const KEYV_TABLE = 'keyv';

/**
 * Boards live in their own table so adds are one atomic upsert and rank is an
 * indexed count, instead of rewriting a JSON blob per add. The index order is
 * exactly boardTop's order, so top-n reads walk the index without sorting.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS ${KEYV_TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT );
CREATE TABLE IF NOT EXISTS recall_boards (
  board TEXT NOT NULL,
  member TEXT NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (board, member)
);
CREATE INDEX IF NOT EXISTS recall_boards_by_score ON recall_boards (board, score DESC, member);
`;

/** Inserts, or replaces a row whose envelope has expired; changes = 0 means a live value won. */
export const SET_IF_ABSENT = `
INSERT INTO ${KEYV_TABLE} (key, value) VALUES (?, ?)
ON CONFLICT (key) DO UPDATE SET value = excluded.value
WHERE json_valid(${KEYV_TABLE}.value) AND json_extract(${KEYV_TABLE}.value, '$.expires') < ?`;

/** Read before anything is written: on a file SQLite cannot read, this is the statement that fails. */
export const USER_TABLES = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`;

export const SELECT_VALUE = `SELECT value FROM ${KEYV_TABLE} WHERE key = ?`;
export const INSERT_IF_MISSING = `INSERT INTO ${KEYV_TABLE} (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`;
/** Compare-and-swap: only writes when the row still holds exactly what was read. */
export const REPLACE_IF_UNCHANGED = `UPDATE ${KEYV_TABLE} SET value = ? WHERE key = ? AND value IS ?`;
export const DELETE_IF_UNCHANGED = `DELETE FROM ${KEYV_TABLE} WHERE key = ? AND value IS ?`;
export const DELETE_VALUE = `DELETE FROM ${KEYV_TABLE} WHERE key = ? RETURNING value`;
export const PRUNE_EXPIRED = `DELETE FROM ${KEYV_TABLE} WHERE json_valid(value) AND json_extract(value, '$.expires') < ?`;

export const BOARD_ADD = `
INSERT INTO recall_boards (board, member, score) VALUES (?, ?, ?)
ON CONFLICT (board, member) DO UPDATE SET score = score + excluded.score
RETURNING score`;

export const BOARD_TOP = `
SELECT member, score FROM recall_boards WHERE board = ?
ORDER BY score DESC, member ASC LIMIT ?`;

/** One statement, so the score and both counts come from the same snapshot. */
export const BOARD_RANK = `
SELECT me.score AS score,
  1 + (SELECT COUNT(*) FROM recall_boards o WHERE o.board = me.board AND o.score > me.score)
    + (SELECT COUNT(*) FROM recall_boards o WHERE o.board = me.board AND o.score = me.score AND o.member < me.member)
  AS rank
FROM recall_boards me WHERE me.board = ? AND me.member = ?`;

export const BOARD_SIZE = `SELECT COUNT(*) AS size FROM recall_boards WHERE board = ?`;
export const BOARD_DELETE = `DELETE FROM recall_boards WHERE board = ?`;

/** Reads a transaction's values in one statement; the parameter is a JSON array of keys. */
export const SELECT_VALUES = `SELECT key, value FROM ${KEYV_TABLE} WHERE key IN (SELECT value FROM json_each(?))`;

/** Reads a transaction's scores; the parameter is a JSON array of [board, member] pairs. */
export const SELECT_SCORES = `
SELECT b.board AS board, b.member AS member, b.score AS score
FROM json_each(?) AS wanted
JOIN recall_boards b ON b.board = json_extract(wanted.value, '$[0]') AND b.member = json_extract(wanted.value, '$[1]')`;

/** One page of a scan: keys after ?1 and below ?2 (the namespace's range) whose unprefixed part contains ?4. */
export const SCAN_KEYS = `
SELECT key FROM ${KEYV_TABLE} WHERE key > ?1 AND key < ?2 AND instr(substr(key, ?3 + 1), ?4) > 0
ORDER BY key LIMIT ?5`;
