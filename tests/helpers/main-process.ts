import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { repoRoot } from './bank.js';

/** The real entry point, `tsx src/main.ts`, as a child process with only the environment given. */
export interface MainProcess {
  child: ChildProcess;
  /** stdout and stderr as they arrived, for failure messages. */
  output(): string;
  stderr(): string;
  /** The exit code (null when killed by a signal), or 'timeout' if it has not exited within `ms`. */
  exitWithin(ms: number): Promise<number | null | 'timeout'>;
  /** Resolves once a line of output contains `text`. */
  waitForOutput(text: string, ms: number): Promise<void>;
  /** Ends it if a failed test left it running. */
  kill(): void;
}

export function startMain(env: Record<string, string>): MainProcess {
  let output = '';
  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
    stderr += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return {
    child,
    output: () => output,
    stderr: () => stderr,
    exitWithin: (ms) => Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref())]),
    async waitForOutput(text, ms) {
      const until = Date.now() + ms;
      while (!output.includes(text)) {
        if (child.exitCode !== null) throw new Error(`src/main.ts exited with ${child.exitCode} before printing "${text}"; its output:\n${output}`);
        if (Date.now() > until) throw new Error(`src/main.ts did not print "${text}" within ${ms} ms; its output:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** pino's JSON lines from the child's output; other lines (the URL on stdout) are skipped. */
export function logLines(output: string): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // A line cut by the buffer boundary; the rest are enough.
    }
  }
  return lines;
}
