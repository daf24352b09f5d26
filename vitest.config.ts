import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Model sessions and MNIST fixtures are heavy: keep workers few on a 2-core box.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'node_modules/**'] } },
      // React components in happy-dom with @testing-library/react.
      { extends: true, plugins: [react()], test: { name: 'ui', include: ['test/ui/**/*.test.tsx'], environment: 'happy-dom' } },
    ],
  },
});
