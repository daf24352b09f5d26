// The built site on a static host that sends no COOP/COEP headers: the service worker
// (public/coi-serviceworker.js) makes the page cross-origin isolated after one reload, so wasm
// threads work, and keeps the files so the app loads and starts its model offline.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { buildSite, freePort } from '../../scripts/browser/server.ts';

const OUT = 'dist-e2e-static';
const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png', '.onnx': 'application/octet-stream',
};

let server: Server;
let url: string;
let browser: Browser;

/** A plain file server: no COOP, COEP or CSP headers, like a typical static host. */
function staticServer(root: string): Server {
  return createServer((req, res) => {
    let path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!file.startsWith(join(root, '/')) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
}

beforeAll(async () => {
  await buildSite(OUT);
  const port = await freePort();
  server = staticServer(join(process.cwd(), OUT));
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  url = `http://127.0.0.1:${port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

it('gets cross-origin isolation from the service worker, then works offline', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const first = await page.request.get(url);
  expect(first.headers()['cross-origin-embedder-policy']).toBeUndefined();

  await page.goto(url);
  // The service worker takes control and the page reloads itself once.
  await expect.poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 30_000 }).toBe(true);
  const caps = page.getByTestId('capabilities');
  await expect.poll(() => caps.getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(Number(await caps.getAttribute('data-threads'))).toBe(Math.max(1, Math.min(cores - 1, 4)));

  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect.poll(() => caps.getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
  await context.close();
});
