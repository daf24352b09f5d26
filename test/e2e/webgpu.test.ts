// The WebGPU code path in Debian's headless Chromium. With --enable-unsafe-webgpu (even beside
// --disable-gpu) Chromium offers a WebGPU adapter: SwiftShader, Vulkan emulated on the CPU (vendor
// google, architecture swiftshader, a fallback adapter). On it the image model runs two orders of
// magnitude slower than on WASM threads (logged below), so 'auto' passes over a software adapter;
// ?backend=webgpu forces it. A live run on
// WebGPU must give the numbers WASM gives on the same files, in the same browser and in the CLI.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSets } from '../../scripts/demo-data/build-sets.ts';
import type { Report } from '../../src/report/schema.ts';
import { runCli } from '../cli/run-cli.ts';
import { collectErrors, launchChromium } from '../../scripts/browser/chromium.ts';
import { buildAndPreview, type Served } from '../../scripts/browser/server.ts';

// 2 per class: 20 real + 20 synthetic, the fewest rows a side may have (MIN_ROWS_PER_SIDE). At
// 7-10 s per image on SwiftShader (2 busy cores) the WebGPU run's 40 images take 5-7 minutes.
const PER_CLASS = 2;
const N = 10 * PER_CLASS;
const SET = 'copies';
const KEYS = ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal'] as const;
const POLL = { timeout: 60_000, interval: 200 };
/**
 * WebGPU vs WASM in the same browser on the same decoded pixels (so decoding is not in the gap).
 * Measured here (SwiftShader, onnxruntime-web 1.30): per-item cosine 1.0000000 (min over 40),
 * max |vector component diff| 8.6e-7, max |score diff| 2.3e-8 (WASM vs CLI: 7.8e-8). 1e-3 is four
 * orders above that, room for a real GPU's other reduction order and fused kernels (vector diffs of
 * 1e-5 to 1e-4), and still 50× below one row's weight (1/20 = 0.05), so a real regression (a
 * wrong layout, a dropped op, a stale output buffer) moves the scores or the cosine far past it.
 */
const SCORE_TOL = 1e-3;
const MIN_COSINE = 0.999;

let served: Served;
let browser: Browser;
let dir: string;
/** The adapter Chromium offered, or why there is none (the WebGPU tests then skip, saying so). */
let adapter: { vendor: string; architecture: string; isFallbackAdapter?: boolean } | null = null;
let noAdapter = '';

interface Live { report: Report; vectors: Map<string, Float32Array>; embedSeconds: number; errors: string[] }
const live: Partial<Record<'wasm' | 'webgpu', Live>> = {};

async function openApp(query: string): Promise<{ page: Page; errors: string[] }> {
  const errors: string[] = [];
  const context = await browser.newContext(); // its own IndexedDB: no vector comes from the other run's cache
  const page = collectErrors(await context.newPage(), errors);
  await page.goto(`${served.url}${query}`);
  await expect.poll(() => page.getByTestId('capabilities').getAttribute('data-backend'), POLL).toMatch(/^(wasm|webgpu)$/);
  return { page, errors };
}

/** Loads the folders, runs, and returns the exported report, the cached vectors and the embed time. */
async function liveRun(page: Page, errors: string[], timeout: number): Promise<Live> {
  await page.getByTestId('real-folder').setInputFiles(join(dir, 'real'));
  await page.getByTestId('synthetic-folder').setInputFiles(join(dir, SET));
  await expect.poll(() => page.getByTestId(`summary-synthetic-${SET}`).getAttribute('data-items'), POLL).toBe(String(N));
  const t0 = Date.now();
  await page.getByTestId('run').click();
  await page.locator(`[data-testid=progress] li[data-stage="embed ${SET}"][data-status=done]`).waitFor({ timeout });
  const embedSeconds = (Date.now() - t0) / 1000;
  await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 120_000, interval: 200 }).toBe('done');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const report = JSON.parse(await readFile((await download.path())!, 'utf8')) as Report;
  const rows = await page.evaluate(() => new Promise<[string, number[]][]>((resolve, reject) => {
    const open = indexedDB.open('synthscore');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('vectors').objectStore('vectors').getAll();
      req.onsuccess = () => resolve((req.result as { key: string; vector: Float32Array }[]).map((r) => [r.key, Array.from(r.vector)]));
      req.onerror = () => reject(req.error);
    };
  }));
  return { report, vectors: new Map(rows.map(([k, v]) => [k, Float32Array.from(v)])), embedSeconds, errors };
}

const cosine = (a: Float32Array, b: Float32Array) => {
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < a.length; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
  return ab / Math.sqrt(aa * bb);
};

beforeAll(async () => {
  served = await buildAndPreview('.cache/dist-e2e-webgpu'); // its own folder: other tests rebuild theirs
  dir = await mkdtemp(join(tmpdir(), 'synthscore-e2e-webgpu-'));
  await buildDemoSets(dir, { perClass: PER_CLASS, sets: [SET] });
  browser = await launchChromium({ webgpu: true });
  const page = await browser.newPage();
  await page.goto(served.url); // a secure context (127.0.0.1): navigator.gpu exists there
  const probe = await page.evaluate(async () => {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: Record<string, unknown>; isFallbackAdapter?: boolean } | null> } }).gpu;
    if (!gpu) return { why: 'navigator.gpu is undefined (WebGPU disabled in this Chromium)' };
    const a = await gpu.requestAdapter();
    if (!a) return { why: 'navigator.gpu.requestAdapter() returned null' };
    return { adapter: { vendor: String(a.info?.vendor ?? ''), architecture: String(a.info?.architecture ?? ''), isFallbackAdapter: Boolean(a.info?.isFallbackAdapter ?? a.isFallbackAdapter) } };
  });
  await page.close();
  adapter = probe.adapter ?? null;
  noAdapter = probe.why ?? '';
  console.info(adapter ? `WebGPU adapter: ${JSON.stringify(adapter)}` : `no WebGPU adapter, the WebGPU tests skip: ${noAdapter}`);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('WebGPU in headless Chromium (SwiftShader)', () => {
  it('passes over a software adapter by default: WASM, and the capabilities line says why', async (ctx) => {
    if (!adapter) { console.info(`skipped: ${noAdapter}`); ctx.skip(); }
    const { page, errors } = await openApp('');
    const caps = page.getByTestId('capabilities');
    expect(await caps.getAttribute('data-backend')).toBe('wasm');
    if (adapter!.architecture === 'swiftshader' || adapter!.isFallbackAdapter) {
      expect(await caps.getAttribute('data-adapter')).toMatch(/\(software\)$/);
      expect(await caps.textContent()).toContain(`backend WASM (WebGPU adapter ${adapter!.architecture || adapter!.vendor} is software: not used)`);
    }
    // WASM throughput on the model alone (16 images × 3 rounds, a fresh worker): the figure to set WebGPU's against.
    const bench = await page.evaluate(() => (window as unknown as { synthscoreBench(t?: number, n?: number, r?: number, b?: string): Promise<{ imagesPerSecond: number; info: { threads: number } }> })
      .synthscoreBench(undefined, 16, 3, 'wasm'));
    console.info(`WASM bench: ${bench.imagesPerSecond.toFixed(1)} img/s at ${bench.info.threads} threads (batch 16)`);
    live.wasm = await liveRun(page, errors, 120_000);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('runs the demo\'s copies on WebGPU when asked (?backend=webgpu), with no console error', async (ctx) => {
    if (!adapter) { console.info(`skipped: ${noAdapter}`); ctx.skip(); }
    const { page, errors } = await openApp('?backend=webgpu');
    const caps = page.getByTestId('capabilities');
    expect(await caps.getAttribute('data-backend')).toBe('webgpu');
    const text = (await caps.textContent())!;
    expect(text).toMatch(/^backend WebGPU/);
    if (adapter!.architecture === 'swiftshader') expect(text).toContain('WebGPU (software adapter: swiftshader)');
    live.webgpu = await liveRun(page, errors, 900_000);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 1_000_000);

  it('gives the WASM run\'s scores and vectors, and the CLI\'s scores', async (ctx) => {
    if (!adapter) { console.info(`skipped: ${noAdapter}`); ctx.skip(); }
    const { wasm, webgpu } = live;
    expect(wasm && webgpu, 'both live runs finished').toBeTruthy();
    const cli = await runCli(['score', '--real', join(dir, 'real'), '--synthetic', `${SET}=${join(dir, SET)}`,
      '--json', join(dir, 'cli.json'), '--cache-dir', join(dir, 'cli-cache')]);
    expect(cli.code, cli.stderr).toBe(0);
    const node = (JSON.parse(await readFile(join(dir, 'cli.json'), 'utf8')) as Report).experiments[0];
    const [g, w] = [webgpu!.report.experiments[0], wasm!.report.experiments[0]];
    expect(g.counts).toEqual(w.counts);
    expect(g.counts).toEqual(node.counts);

    // Per-item vectors, matched by cache key (model @ version : content hash).
    expect(webgpu!.vectors.size).toBe(2 * N);
    let minCos = 1, maxAbs = 0;
    for (const [key, v] of webgpu!.vectors) {
      const u = wasm!.vectors.get(key);
      expect(u, key).toBeDefined();
      minCos = Math.min(minCos, cosine(v, u!));
      for (let i = 0; i < v.length; i++) maxAbs = Math.max(maxAbs, Math.abs(v[i] - u![i]));
    }
    const diff = (a: typeof g, b: typeof g) => Math.max(...KEYS.map((k) => Math.abs(a.scores[k].value - b.scores[k].value)));
    const scores = Object.fromEntries(KEYS.map((k) => [k, [g.scores[k].value, w.scores[k].value, node.scores[k].value]]));
    console.info(`WebGPU vs WASM (same browser, ${2 * N} items): min cosine ${minCos.toFixed(7)}, max |vector diff| ${maxAbs.toExponential(2)}; ` +
      `max |score diff| ${diff(g, w).toExponential(2)} (WASM vs CLI: ${diff(w, node).toExponential(2)}, WebGPU vs CLI: ${diff(g, node).toExponential(2)}); ` +
      `scores [webgpu, wasm, cli]: ${JSON.stringify(scores)}`);
    console.info(`embedding ${2 * N} images, run start to last embed done: WebGPU (SwiftShader) ${webgpu!.embedSeconds.toFixed(1)} s = ` +
      `${(2 * N / webgpu!.embedSeconds).toFixed(3)} img/s; WASM ${wasm!.embedSeconds.toFixed(1)} s = ${(2 * N / wasm!.embedSeconds).toFixed(1)} img/s ` +
      `(${(wasm!.embedSeconds ? webgpu!.embedSeconds / wasm!.embedSeconds : 0).toFixed(0)}× slower on WebGPU)`);
    expect(minCos).toBeGreaterThanOrEqual(MIN_COSINE);
    for (const k of KEYS) expect(Math.abs(g.scores[k].value - w.scores[k].value), k).toBeLessThanOrEqual(SCORE_TOL);
    // Against the CLI (onnxruntime-node, sharp's decode) the bounds the app test uses for WASM.
    for (const k of ['unrealistic', 'unrepresentative'] as const) expect(Math.abs(g.scores[k].value - node.scores[k].value), k).toBeLessThan(0.03);
    for (const k of ['unvaried', 'unoriginal'] as const) expect(Math.abs(g.scores[k].value - node.scores[k].value), k).toBeLessThanOrEqual(2 / N);
  });
});
