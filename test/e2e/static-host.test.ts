// The built site on a static host that sends no COOP/COEP headers: the service worker
// (public/coi-serviceworker.js) makes the page cross-origin isolated after one reload, so wasm
// threads work, and keeps the files so the app loads and starts its model offline; once the user
// keeps the whole app for offline use, images, text and tables are all scored offline.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { buildSite, freePort } from '../../scripts/browser/server.ts';
import { digit, encode } from '../ingest/fixtures.ts';

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

/** Real and synthetic sets of each modality, small: 24 + 24 rows each. */
async function sets(): Promise<Record<'image' | 'text' | 'table', [string, string]>> {
  const dir = await mkdtemp(join(tmpdir(), 'synthscore-offline-'));
  const images = async (name: string, from: number) => {
    await mkdir(join(dir, name));
    for (let i = 0; i < 24; i++) await writeFile(join(dir, name, `${i}.png`), await encode.png(digit(i % 10, from + i)));
    return join(dir, name);
  };
  const jokes: { body: string }[] = JSON.parse(await readFile('node_modules/one-liner-joke/jokes.json', 'utf8'));
  const jsonl = async (name: string, from: number) => {
    await writeFile(join(dir, name), jokes.slice(from, from + 24).map((j) => JSON.stringify({ text: j.body })).join('\n'));
    return join(dir, name);
  };
  const penguins: Record<string, unknown>[] = JSON.parse(await readFile('node_modules/vega-datasets/data/penguins.json', 'utf8'));
  const csv = async (name: string, from: number) => {
    const rows = penguins.slice(from, from + 40);
    const cols = Object.keys(rows[0]);
    await writeFile(join(dir, name), [cols.join(','), ...rows.map((r) => cols.map((c) => String(r[c] ?? '')).join(','))].join('\n'));
    return join(dir, name);
  };
  return {
    image: [await images('real', 0), await images('synth', 100)],
    text: [await jsonl('real.jsonl', 0), await jsonl('synth.jsonl', 100)],
    table: [await csv('real.csv', 0), await csv('synth.csv', 150)],
  };
}

// Regression: offline, text runs failed ("The text model could not be loaded … Failed to fetch"):
// the service worker kept only what had been fetched, and the text model never was.
it('keeps the whole app for offline use on request, then scores images, text and a table offline', async () => {
  const data = await sets();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 30_000 }).toBe(true);
  const offline = page.getByTestId('offline');
  await expect.poll(() => offline.getAttribute('data-kept'), { timeout: 30_000 }).toBe('false');
  await page.getByTestId('keep-offline').click();
  await expect.poll(() => offline.getAttribute('data-kept'), { timeout: 120_000 }).toBe('true');

  await context.setOffline(true);
  for (const modality of ['text', 'table', 'image'] as const) {
    await page.reload();
    const [real, synth] = data[modality];
    if (modality === 'image') {
      await page.getByTestId('real-files').setInputFiles(Array.from({ length: 24 }, (_, i) => join(real, `${i}.png`)));
      await page.getByTestId('synthetic-files').setInputFiles(Array.from({ length: 24 }, (_, i) => join(synth, `${i}.png`)));
    } else {
      await page.getByTestId('real-files').setInputFiles(real);
      await page.getByTestId('synthetic-files').setInputFiles(synth);
    }
    await expect.poll(() => page.getByTestId('run').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 180_000, interval: 250 }).toMatch(/done|failed/);
    const error = await page.getByTestId('error').textContent().catch(() => null);
    expect(await page.getByTestId('phase').getAttribute('data-phase'), `${modality} offline: ${error}`).toBe('done');
    await expect.poll(() => page.getByTestId('results').isVisible()).toBe(true);
  }
  await context.close();
});
