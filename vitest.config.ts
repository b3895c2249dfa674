import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Integration tests start local servers; keep the default pool but give them room on a 2-core box.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
