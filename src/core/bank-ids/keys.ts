/*
 * Every key the bank writes, in one place. One key for the whole bank: the record of known questions is
 * written whole, once per load, so a reader never sees half of one load and half of another.
 */

/** The last loaded bank's ids and question texts, and the ids edited questions kept (see record.ts). */
export const KNOWN_QUESTIONS_KEY = 'bank:known-questions';
