import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/bank.js';
import { freePort } from '../helpers/main-process.js';

export { freePort };

/**
 * Real processes for the several-instances tests: redis-server from the machine (Debian's package, which
 * .ci/run installs) and Recall itself as `node --import tsx src/main.ts`, each with its own output kept
 * for the failure message.
 */

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns something truthy; the message says what never happened. */
export async function eventually<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs: number,
  context: () => string = () => '',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const hit = await check();
    if (hit) return hit;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${context() ? `\n${context()}` : ''}`);
    await sleep(100);
  }
}

/** Where redis-server is, or null. */
export function findRedisServer(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = found.stdout.trim();
  return found.status === 0 && bin ? bin : null;
}

/** CI (.ci/run) installs Redis and sets this, so there a missing server fails instead of skipping. */
export const redisRequired = process.env['RECALL_REQUIRE_REDIS'] === '1';

/**
 * Whether the Redis tests can run here. Locally a machine without redis-server skips them, loudly; in CI
 * the guard test in each file fails instead.
 */
export function redisAvailability(suite: string): { missing: boolean; binary: string | null } {
  const binary = findRedisServer();
  if (!binary && !redisRequired) {
    console.warn(`\n*** SKIPPED: ${suite} needs redis-server on PATH (apt-get install -y redis-server); .ci/run installs it. ***\n`);
  }
  return { missing: binary === null, binary };
}

/** One redis-server on a loopback port with an append-only file, so a restart keeps every write. */
export class RedisServer {
  private child: ChildProcess | undefined;
  private output = '';

  private constructor(
    private readonly binary: string,
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async start(binary: string, dir: string): Promise<RedisServer> {
    mkdirSync(dir, { recursive: true });
    const server = new RedisServer(binary, dir, await freePort());
    await server.launch();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  private async launch(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--protected-mode', 'no'];
    const child = spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    // Only this launch's output counts: an earlier run's "Ready" must not pass for this one's.
    this.output = '';
    child.stdout?.on('data', (c: Buffer) => (this.output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (this.output += c.toString()));
    await eventually(
      () => this.output.includes('Ready to accept connections') || child.exitCode !== null,
      'redis-server to start',
      10_000,
      () => this.output,
    );
    if (child.exitCode !== null) throw new Error(`redis-server exited at start:\n${this.output}`);
  }

  /** Stops the server the hard way (no goodbye to clients), as a crash or a host restart would. */
  async stop(): Promise<void> {
    const child = this.child;
    // A process killed by a signal has signalCode set and exitCode null.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }
}

export interface RecallProcess {
  readonly name: string;
  /** The dashboard's URL (/healthz, /metrics). */
  readonly url: string;
  readonly env: Record<string, string>;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
  /** Milliseconds from SIGTERM to exit, with the exit code. */
  stop(): Promise<{ code: number | null; ms: number }>;
}

/** Starts `src/main.ts` with only the environment given (plus PATH and HOME), and waits until it serves. */
export async function startRecall(name: string, env: Record<string, string>, home: string): Promise<RecallProcess> {
  const port = await freePort();
  const fullEnv = { PATH: process.env['PATH'] ?? '', HOME: home, PORT: String(port), LOG_LEVEL: 'info', ...env };
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: repoRoot, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    () => /Recall (dashboard|playground): /.test(output) || child.exitCode !== null,
    `${name} to start`,
    60_000,
    () => output,
  );
  if (child.exitCode !== null) throw new Error(`${name} exited at start with ${child.exitCode}:\n${output}`);
  return {
    name,
    url,
    env: fullEnv,
    output: () => output,
    exited,
    kill: (signal) => void child.kill(signal),
    async stop() {
      const started = Date.now();
      child.kill('SIGTERM');
      const { code } = await exited;
      return { code, ms: Date.now() - started };
    },
  };
}

/** A small bank, so three processes start in a second rather than parsing the seeds three times. */
export function writeSmallBank(dir: string, count = 12): string {
  mkdirSync(dir, { recursive: true });
  const lines = ['# Cluster test bank', ''];
  for (let i = 1; i <= count; i++) lines.push(`## Q${i}. What is fact ${i}?`, '', `**Answer:** Fact ${i} is the ${i}th fact.`, '');
  writeFileSync(path.join(dir, 'bank.md'), lines.join('\n'));
  return dir;
}
