import { createHash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { deserialize, serialize } from 'node:v8';
import type { BankWarning, Question } from '../bank/types.js';

/**
 * A whole loaded bank kept on disk, so a restart with unchanged files reads one entry instead of
 * parsing and merging 100,000 questions again. It is written and read in frames of a few hundred
 * questions, each read or write a turn of the event loop of its own, so no step holds the loop for long.
 * Frames are V8-serialized, not JSON: reading them back copies strings as they are instead of decoding
 * and scanning UTF-8 text, about three times faster for a large bank (the V8 version is part of the
 * key, so another Node never reads them). Each frame is its length, the SHA-256 of its body, and the
 * body; the first holds the key and the number of question frames, the last the warnings. A frame that
 * fails its checksum or shape makes the whole entry a miss.
 */

export interface BankSnapshot {
  questions: Question[];
  warnings: BankWarning[];
}

const FRAME_QUESTIONS = 500;
const HEAD = 4 + 32;

export async function writeSnapshot(file: string, key: string, snapshot: BankSnapshot): Promise<void> {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      const frames = Math.ceil(snapshot.questions.length / FRAME_QUESTIONS);
      await handle.write(frame({ key, frames }));
      for (let i = 0; i < frames; i++) {
        await handle.write(frame(snapshot.questions.slice(i * FRAME_QUESTIONS, (i + 1) * FRAME_QUESTIONS)));
        await nextTurn();
      }
      await handle.write(frame(snapshot.warnings));
    } finally {
      await handle.close();
    }
    // Written aside and renamed, so a crash mid-write leaves no half entry under the real name.
    await rename(temp, file);
  } catch {
    // Best effort: a snapshot that cannot be written only costs the next start its speed.
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/**
 * The bank stored for `key`, or null on a miss, a damaged entry or one written for another key. Read a
 * frame at a time: the file is twice the bank's text (V8 keeps most strings as UTF-16), too much to hold.
 */
export async function readSnapshot(file: string, key: string): Promise<BankSnapshot | null> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const size = (await handle.stat()).size;
    let at = 0;
    const head = Buffer.alloc(HEAD);
    const next = async (): Promise<unknown> => {
      if (at + HEAD > size || (await handle.read(head, 0, HEAD, at)).bytesRead !== HEAD) return undefined;
      const length = head.readUInt32LE(0);
      if (at + HEAD + length > size) return undefined;
      const body = Buffer.allocUnsafe(length);
      if ((await handle.read(body, 0, length, at + HEAD)).bytesRead !== length) return undefined;
      at += HEAD + length;
      if (!checksum(body).equals(head.subarray(4))) return undefined;
      try {
        return deserialize(body) as unknown;
      } catch {
        return undefined;
      }
    };
    const header = await next();
    if (!isHeader(header) || header.key !== key) return null;
    const questions: Question[] = [];
    for (let i = 0; i < header.frames; i++) {
      const chunk = await next();
      if (!Array.isArray(chunk) || !chunk.every(isQuestion)) return null;
      for (const q of chunk) questions.push(q);
    }
    const warnings = await next();
    if (!Array.isArray(warnings) || !warnings.every(isWarning) || at !== size) return null;
    return { questions, warnings };
  } finally {
    await handle.close();
  }
}

/** Part of a snapshot's key: frames written by one V8 are not promised to read back in another. */
export const SNAPSHOT_FORMAT = `v8-${process.versions.v8}`;

function frame(value: unknown): Buffer {
  const body = serialize(value);
  const head = Buffer.alloc(HEAD);
  head.writeUInt32LE(body.length, 0);
  checksum(body).copy(head, 4);
  return Buffer.concat([head, body]);
}

function checksum(body: Uint8Array): Buffer {
  // Guards against torn or damaged files, not against an attacker who can write the store's folder anyway.
  return createHash('sha256').update(body).digest();
}

function isHeader(value: unknown): value is { key: string; frames: number } {
  const h = value as { key?: unknown; frames?: unknown } | null;
  return typeof h === 'object' && h !== null && typeof h.key === 'string' && Number.isInteger(h.frames) && (h.frames as number) >= 0;
}

function isQuestion(value: unknown): value is Question {
  const q = value as Partial<Question> | null;
  return (
    typeof q === 'object' &&
    q !== null &&
    typeof q.id === 'string' &&
    typeof q.question === 'string' &&
    (q.answer === null || typeof q.answer === 'string') &&
    Array.isArray(q.hints) &&
    Array.isArray(q.tags) &&
    (q.category === null || typeof q.category === 'string') &&
    (q.difficulty === null || typeof q.difficulty === 'string') &&
    Array.isArray(q.sources) &&
    q.sources.length > 0
  );
}

function isWarning(value: unknown): value is BankWarning {
  const w = value as Partial<BankWarning> | null;
  return typeof w === 'object' && w !== null && typeof w.file === 'string' && typeof w.line === 'number' && typeof w.message === 'string';
}
