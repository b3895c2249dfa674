import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@keyv/redis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import startRedisForTheRun, { redisServerOnPath } from '../helpers/redis-global-setup.js';

const runUrl = process.env['REDIS_URL'];
const runPath = process.env['PATH'];
afterEach(() => {
  if (runUrl === undefined) delete process.env['REDIS_URL'];
  else process.env['REDIS_URL'] = runUrl;
  process.env['PATH'] = runPath;
  vi.restoreAllMocks();
});

async function ping(url: string): Promise<string> {
  const client = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await client.ping();
  } finally {
    await client.close();
  }
}

describe('the test run’s Redis (vitest global setup)', () => {
  it('leaves a REDIS_URL that is already set alone and starts nothing', async () => {
    process.env['REDIS_URL'] = 'redis://127.0.0.1:1';
    expect(await startRedisForTheRun()).toBeUndefined();
    expect(process.env['REDIS_URL']).toBe('redis://127.0.0.1:1');
  });

  it.skipIf(redisServerOnPath() === null)('starts a private server when REDIS_URL is unset, exports its URL, and stops it at the end', async () => {
    delete process.env['REDIS_URL'];
    const stop = await startRedisForTheRun();
    const url = process.env['REDIS_URL'];
    expect(stop).toBeTypeOf('function');
    expect(url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    if (!stop || !url) return;
    expect(await ping(url)).toBe('PONG');
    await stop();
    expect(process.env['REDIS_URL']).toBeUndefined();
    await expect(ping(url)).rejects.toThrow();
  });

  it('warns and leaves REDIS_URL unset when the redis-server on PATH will not start, so the Redis tests skip instead of the run failing', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'recall-fake-redis-'));
    try {
      const fake = path.join(bin, 'redis-server');
      writeFileSync(fake, '#!/bin/sh\necho "Fatal: cannot bind"\nexit 1\n');
      chmodSync(fake, 0o755);
      process.env['PATH'] = `${bin}:${runPath ?? ''}`;
      delete process.env['REDIS_URL'];
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(await startRedisForTheRun()).toBeUndefined();
      expect(process.env['REDIS_URL']).toBeUndefined();
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/exited with 1:\nFatal: cannot bind[\s\S]*Redis tests will be skipped/);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
