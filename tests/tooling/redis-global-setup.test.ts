import { createClient } from '@keyv/redis';
import { afterEach, describe, expect, it } from 'vitest';
import startRedisForTheRun, { redisServerOnPath } from '../helpers/redis-global-setup.js';

const runUrl = process.env['REDIS_URL'];
afterEach(() => {
  if (runUrl === undefined) delete process.env['REDIS_URL'];
  else process.env['REDIS_URL'] = runUrl;
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
});
