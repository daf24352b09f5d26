import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Model sessions and MNIST fixtures are heavy: keep workers few on a 2-core box.
    pool: 'forks',
    maxWorkers: 2,
  },
});
