import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A private redis-server for the run when REDIS_URL is unset and redis-server is on PATH.
    globalSetup: ['tests/helpers/redis-global-setup.ts'],
    // Integration tests start local servers; keep the default pool but give them room on a 2-core box.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
