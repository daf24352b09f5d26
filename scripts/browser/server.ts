// Builds the site and serves it with `vite preview` (COOP/COEP/CSP headers) on a free port, for
// the e2e tests and the browser benchmarks.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { build, preview, type PreviewServer } from 'vite';
import { buildAppDemo, DEMO_DIR, DEMO_INDEX } from '../build-app-demo.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** `vite build` of the site as users get it. Vite builds for NODE_ENV when it is set, and vitest
 *  sets it to 'test': that gave the e2e tests React's development build (1.6× the code, slower
 *  renders), so the build runs with NODE_ENV=production. */
export async function buildSite(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** `vite build` into outDir (demo data first if missing), then `vite preview` on a free port. */
export async function buildAndPreview(outDir = 'dist'): Promise<Served> {
  if (!existsSync(`${DEMO_DIR}/${DEMO_INDEX}`)) await buildAppDemo();
  await buildSite(outDir);
  const port = await freePort();
  const server: PreviewServer = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
