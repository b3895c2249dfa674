import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/bank.js';
import { freePort } from '../../helpers/main-process.js';

const STARTS_WITHIN_MS = 30_000;
const STOPS_WITHIN_MS = 10_000;

let child: ChildProcess | undefined;
let dir: string | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = undefined;
  dir = undefined;
});

async function waitForPage(url: string, deadline: number, log: () => string): Promise<Response> {
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the playground did not answer at ${url} within ${STARTS_WITHIN_MS / 1000} s; its output:\n${log()}`);
    if (child?.exitCode !== null) throw new Error(`npm start exited with ${child?.exitCode} before answering; its output:\n${log()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('npm start with no tokens (the real entry point, src/main.ts, as a child process)', () => {
  it('serves the playground on a daily question, then stops cleanly on SIGTERM with exit code 0', { timeout: STARTS_WITHIN_MS + STOPS_WITHIN_MS + 10_000 }, async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'recall-start-'));
    const port = await freePort();
    // A clean environment: no Discord or Slack token, no dashboard token, nothing inherited but the basics.
    const env = { PATH: process.env.PATH ?? '', HOME: dir, PORT: String(port), STORE_URL: path.join(dir, 'recall.sqlite'), LOG_LEVEL: 'info' };
    let output = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));

    const url = `http://127.0.0.1:${port}`;
    const page = await waitForPage(`${url}/`, Date.now() + STARTS_WITHIN_MS, () => output);
    expect(await page.text()).toContain('<title>Recall playground</title>');
    expect(output).toContain(`playground at ${url}`);

    const { messages } = (await (await fetch(`${url}/api/messages?user=Newcomer`)).json()) as { messages: { daily: boolean; blocks: { type: string; titleHtml?: string }[] }[] };
    const daily = messages.find((m) => m.daily);
    expect(daily?.blocks[0]).toMatchObject({ type: 'question', titleHtml: 'Daily question' });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true, store: 'reachable', platforms: {} });
    // main.ts wires the metrics: the daily question the playground posted at start went through the counted port.
    expect(await (await fetch(`${url}/metrics`)).text()).toMatch(/^recall_posts_total\{platform="web",kind="post",outcome="ok"\} [1-9]/m);

    const stopping = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), STOPS_WITHIN_MS))]);
    expect(code, output).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(STOPS_WITHIN_MS);
  });
});
