import { defineConfig } from 'vitest/config';

// Browser stories: one file at a time (each starts its own server and Chromium; the machine has 2 cores).
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    retry: 0,
  },
});
