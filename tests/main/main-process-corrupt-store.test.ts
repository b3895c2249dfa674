import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type MainProcess, freePort, startMain } from '../helpers/main-process.js';

const EXITS_WITHIN_MS = 30_000;

let main: MainProcess | undefined;
let dir: string | undefined;
afterEach(() => {
  main?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
  main = undefined;
  dir = undefined;
});

describe('src/main.ts (the real process) with STORE_URL at a corrupt SQLite file', () => {
  it('exits 1 with an error naming the file, serves nothing, and leaves the file exactly as it was', { timeout: EXITS_WITHIN_MS + 5_000 }, async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'recall-corrupt-'));
    const questions = path.join(dir, 'questions');
    mkdirSync(questions);
    writeFileSync(path.join(questions, 'bank.md'), '### What is a vector index?\n\n**Answer:**\nA structure for nearest-neighbour search.\n');
    const storeDir = path.join(dir, 'data');
    mkdirSync(storeDir);
    const file = path.join(storeDir, 'recall.sqlite');
    const garbage = randomBytes(16_384);
    writeFileSync(file, garbage);
    const port = await freePort();

    main = startMain({ HOME: dir, PORT: String(port), STORE_URL: file, QUESTIONS_DIR: questions, LOG_LEVEL: 'info' });
    const code = await main.exitWithin(EXITS_WITHIN_MS);

    expect(code, main.output()).toBe(1);
    expect(main.stderr()).toContain(`Recall could not start: SQLite store file ${file} is not a SQLite database`);
    expect(main.stderr()).toContain('Recall will not start a new store over it');
    expect(main.output(), 'it got as far as serving the playground').not.toContain(`playground at http://127.0.0.1:${port}`);
    expect(readFileSync(file).equals(garbage), 'the corrupt file was changed').toBe(true);
    expect(readdirSync(storeDir), 'a new store, journal or WAL was made next to it').toEqual(['recall.sqlite']);
  });
});
