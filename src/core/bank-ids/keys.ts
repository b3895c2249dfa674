/*
 * Every key the bank writes, in one place. The record of known questions is split in chunks so a reload
 * touches only what changed; a reader still never sees half of one load and half of another, because
 * chunks are written under keys no head names yet and one small head key is then swapped to them.
 */

/** The head: which chunks make up the last load's record (see stored.ts). */
export const KNOWN_HEAD_KEY = 'bank:known:head';

/** Every chunk key starts so; a generation (one write of the record) never reuses another's keys. */
export const KNOWN_CHUNK_PREFIX = 'bank:known:chunk:';

export const knownChunkKey = (generation: string, n: number): string => `${KNOWN_CHUNK_PREFIX}${generation}:${n}`;

/**
 * The whole record in one value, as Recall wrote it before the chunks: ~11 MB of JSON for 100,000
 * questions, decoded and encoded on the main thread on every reload. Read once to migrate, then deleted.
 */
export const KNOWN_QUESTIONS_KEY = 'bank:known-questions';

/** True for the keys of the record itself, which say nothing about a store's history. */
export const isKnownRecordKey = (key: string): boolean => key === KNOWN_QUESTIONS_KEY || key.startsWith('bank:known:');
