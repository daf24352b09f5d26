import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Tests that load an ONNX or TF.js model or run the CLI as a process: `integration`. Everything
// else outside test/ui and test/e2e is `unit` (pure, seconds: `npm run test:unit`).
const integration = [
  'test/cli/**/*.test.ts',
  'test/models/image-parity.test.ts',
  'test/models/inception-parity.test.ts',
  'test/models/ort-gemm.test.ts',
  'test/models/text-parity.test.ts',
  'test/core/text-map.test.ts',
  'test/pipeline/text-scores.test.ts',
  'test/pipeline/rerun-loop.test.ts',
  'test/ingest/node-decode-fast.test.ts',
];
const notNode = ['test/e2e/**', 'test/ui/**'];
// Big inputs made on the fly (memory and time of bombs, huge texts): opt-in, `npm run test:slow`.
const slow = ['test/slow/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Model sessions and MNIST fixtures are heavy: keep workers few on a 2-core box.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...notNode, ...integration, ...slow] } },
      { extends: true, test: { name: 'slow', include: slow, testTimeout: 900_000 } },
      { extends: true, test: { name: 'integration', include: integration } },
      // React components and hooks in happy-dom with @testing-library/react.
      { extends: true, plugins: [react()], test: { name: 'ui', include: ['test/ui/**/*.test.{ts,tsx}'], environment: 'happy-dom' } },
    ],
  },
});
