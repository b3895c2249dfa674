import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { questionId } from '../../src/bank/ids.js';
import { openBankService } from '../../src/core/bank-service.js';
import { loadBankFromDisk } from '../../src/io/load-bank-from-disk.js';
import { createStore } from '../../src/store/create-store.js';
import { repoRoot } from '../helpers/bank.js';

/** The real `npm run -s bank` entry (tsx + src/cli/bank.ts), as a team runs it beside its bot's store. */
function bank(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bank.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'recall-export-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const admin = { by: 'Ada', at: new Date('2026-12-04T12:00:00Z') };

// Each test starts the real CLI under tsx one to three times: seconds apiece on a loaded two-core box.
describe('npm run bank -- export', { timeout: 120_000 }, () => {
  it('writes the store’s additions and edits as files that, committed into the bank, load as the same questions once', async () => {
    const questions = path.join(tmp, 'questions');
    mkdirSync(questions);
    writeFileSync(path.join(questions, 'os.md'), '## Memory\n\n### What is a page fault?\n\nA trap on a missing page.\n\n### What is a TLB?\n\nA cache of translations.\n');
    const storeUrl = `sqlite://${path.join(tmp, 'recall.sqlite')}`;
    const load = () => loadBankFromDisk([questions]);
    const store = await createStore(storeUrl);
    const running = await openBankService(await load(), load, { store });
    const huge = await running.edits.add({ question: 'What is a huge page?', answer: 'A 2 MB page.', category: 'Memory', tags: ['os'], suggestedBy: 'Grace' }, admin);
    await running.edits.edit(questionId('What is a TLB?'), { answer: 'A small cache of recent translations.' }, admin);
    const before = running
      .all()
      .map((q) => [q.id, q.question, q.answer])
      .sort();

    const out = path.join(questions, 'from-the-bot');
    const run = bank({ STORE_URL: storeUrl, QUESTIONS_DIR: questions }, 'export', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote ${path.join(out, 'suggested.md')}: 1 question.`);
    expect(run.stdout).toContain(`Wrote ${path.join(out, 'edited.md')}: 1 question.`);
    expect(run.stdout).toMatch(/os\.md:\d+ {2}\(id [0-9a-f]{12}\)/);
    expect(readFileSync(path.join(out, 'suggested.md'), 'utf8')).toContain(`### What is a huge page?\nId: ${huge.id}\nTags: os`);

    // Committed into the bank folder as written: the bot reloads and serves each question once.
    await running.reload();
    const after = running
      .all()
      .map((q) => [q.id, q.question, q.answer])
      .sort();
    expect(after).toEqual(before);
    expect(running.get(huge.id)?.sources[0]?.file).toMatch(/from-the-bot\/suggested\.md$/);
    // "suggested by" survives the trip: written as a `Suggested-by:` line, read back by the loader (worker and cache).
    expect(readFileSync(path.join(out, 'suggested.md'), 'utf8')).toContain('Suggested-by: Grace');
    expect(running.get(huge.id)?.suggestedBy).toBe('Grace');
    const restarted = await openBankService(await load(), load, { store });
    expect(restarted.get(huge.id)?.suggestedBy).toBe('Grace');
    // `bank check` reads the exported files with no warning.
    const check = bank({}, 'check', out);
    expect(check.code).toBe(0);
    expect(check.stdout).not.toMatch(/warning/);
    await store.close();
  });

  it('says what it needs, and that there is nothing to export', () => {
    expect(bank({}, 'export').code).toBe(2);
    const empty = bank({ STORE_URL: `sqlite://${path.join(tmp, 'empty.sqlite')}`, QUESTIONS_DIR: path.join(repoRoot, 'questions') }, 'export', path.join(tmp, 'none'));
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('Nothing to export');
  });
});
