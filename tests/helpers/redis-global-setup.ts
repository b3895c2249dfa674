import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * Vitest global setup: when REDIS_URL is unset and redis-server is on PATH, start a private, memory-only
 * server on a free loopback port for the run and hand its URL to every test as REDIS_URL (workers inherit
 * the environment), so `npm test` covers the Redis store wherever it can. A REDIS_URL already set (CI's
 * own server, a developer's) is used as it is; without redis-server, or when it will not start, the Redis
 * tests skip, loudly (and fail under RECALL_REQUIRE_REDIS).
 */
export default async function startRedisForTheRun(): Promise<(() => Promise<void>) | undefined> {
  if (process.env['REDIS_URL']) return undefined;
  const binary = redisServerOnPath();
  if (!binary) return undefined;
  const port = await freePort();
  const server = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await ready(server);
  } catch (err) {
    console.warn(`\n*** ${err instanceof Error ? err.message : String(err)}\n*** The Redis tests will be skipped. ***\n`);
    return undefined;
  }
  process.env['REDIS_URL'] = `redis://127.0.0.1:${port}`;
  // Should vitest exit without running the teardown (an error, Ctrl-C twice), the server goes with it.
  const killOnExit = (): void => void server.kill('SIGKILL');
  process.once('exit', killOnExit);
  return async () => {
    process.off('exit', killOnExit);
    delete process.env['REDIS_URL'];
    await stop(server);
  };
}

export function redisServerOnPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = found.stdout.trim();
  return found.status === 0 && bin ? bin : null;
}

/** Resolves once the server accepts connections; rejects with its output if it exits or stays silent. */
function ready(server: ChildProcess, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const settle = (error?: Error): void => {
      clearTimeout(timer);
      server.off('exit', exited);
      server.off('error', failed);
      server.stdout?.off('data', read);
      server.stderr?.off('data', read);
      // Keep draining its log so a full pipe can never stall the server.
      server.stdout?.resume();
      server.stderr?.resume();
      if (error) {
        server.kill('SIGKILL');
        reject(error);
      } else resolve();
    };
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) settle();
    };
    const exited = (code: number | null): void => settle(new Error(`redis-server for the test run exited with ${code}:\n${output}`));
    const failed = (err: Error): void => settle(new Error(`redis-server for the test run could not be started: ${err.message}`));
    const timer = setTimeout(() => settle(new Error(`redis-server for the test run did not start within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', exited);
    server.once('error', failed);
  });
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

/** Imports nothing of the project's, so a file mid-edit elsewhere cannot stop the whole run at its setup. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
