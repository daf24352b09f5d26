import { defineConfig } from 'vitest/config';

// End-to-end tests: Debian's Chromium driven by playwright-core (see scripts/browser/chromium.ts).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // One browser at a time on a small machine; the app test alone uses every core.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
