// The app end to end in Debian's Chromium: a fresh profile opens on the demo's build-time report;
// load a real and a synthetic folder through the folder inputs, run, and read the four scores. The
// page must be cross-origin isolated (wasm threads), must make no request to any other origin, and
// must stay responsive for the whole run, results and saving included (no main-thread task over
// 100 ms, read from Chromium's trace).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR, DEMO_REPORT, ensureAppDemo, type DemoReportFile } from '../../scripts/build-app-demo.ts';
import { buildDemoSets } from '../../scripts/demo-data/build-sets.ts';
import type { Report } from '../../src/report/schema.ts';
import { IMAGE_EDIT_KINDS } from '../../src/core/image/pixel-edits.ts';
import { IMAGE_CALIBRATION_SAMPLES } from '../../src/pipeline/image/calibrate.ts';
import { runCli } from '../cli/run-cli.ts';
import { collectErrors, launchChromium } from '../../scripts/browser/chromium.ts';
import { longest, startMainThreadTrace, stopMainThreadTrace, type MainThreadTask } from '../../scripts/browser/main-thread.ts';
import { monotonicMicros, startStallProbe, stalledWithin } from '../../scripts/browser/stall-probe.ts';
import { buildAndPreview, type Served } from '../../scripts/browser/server.ts';

const PER_CLASS = 15;
const N = 10 * PER_CLASS;
let served: Served;
let browser: Browser;
let page: Page;
let dir: string;
const requests: string[] = [];
/** Every worker the page started, in order (the scoring worker's script is score.worker-*.js). */
const workersStarted: string[] = [];
let scoreWorkersAfterCancel = 0;
const scoreWorkers = () => workersStarted.filter((u) => u.includes('score.worker')).length;
const consoleErrors: string[] = [];
/** vitest's expect.poll gives up after 1 s by default; this machine may be busy. */
const POLL = { timeout: 30_000, interval: 100 };

const scoreOf = async (p: Page, exp: string, key: string) =>
  Number(await p.getByTestId(`cell-${exp}-${key}`).textContent());
const KEYS = ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal'] as const;
/** The demo report the page serves, as built for this model, demo data and engine. */
let demo: Report;
const idbCount = (p: Page, store: string) => p.evaluate((name) => new Promise<number>((resolve, reject) => {
  const open = indexedDB.open('synthscore');
  let absent = false;
  // No database yet: do not create one (the app's own upgrade must make it).
  open.onupgradeneeded = () => { absent = true; open.transaction!.abort(); };
  open.onerror = () => (absent ? resolve(0) : reject(open.error));
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(name)) { db.close(); resolve(0); return; }
    const req = db.transaction(name).objectStore(name).count();
    req.onsuccess = () => { db.close(); resolve(req.result); };
    req.onerror = () => reject(req.error);
  };
}), store);

beforeAll(async () => {
  await ensureAppDemo(); // the demo report is rebuilt if the model, the demo data or the engine changed
  demo = (JSON.parse(await readFile(join(DEMO_DIR, DEMO_REPORT), 'utf8')) as DemoReportFile).report;
  served = await buildAndPreview('.cache/dist-e2e-app'); // its own folder: another test rebuilding dist/ cannot pull files from under a reload
  dir = await mkdtemp(join(tmpdir(), 'synthscore-e2e-'));
  // The demo's real digits and its 'drawn' set (stroke-template fakes), 15 per class: 150 + 150.
  await buildDemoSets(dir, { perClass: PER_CLASS, sets: ['drawn'] });
  // Bad input mixed into the synthetic set: the run goes on and says what it skipped.
  const png = await readFile(join(dir, 'drawn', '3', 's0.png'));
  await writeFile(join(dir, 'drawn', '3', 'truncated.png'), png.subarray(0, png.length >> 1));
  await writeFile(join(dir, 'drawn', '3', 'notes.txt'), 'not an image');
  browser = await launchChromium();
  const context = await browser.newContext();
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on('worker', (w) => { requests.push(w.url()); workersStarted.push(w.url()); });
  collectErrors(page, consoleErrors);
  // Main-thread long tasks, for the responsiveness check.
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the app', () => {
  it('is cross-origin isolated and runs WASM with threads', async () => {
    await page.goto(served.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const caps = page.getByTestId('capabilities');
    await expect.poll(() => caps.getAttribute('data-backend'), { timeout: 30_000 }).toBe('wasm');
    const threads = Number(await caps.getAttribute('data-threads'));
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(threads).toBe(Math.max(1, Math.min(cores - 1, 4))); // a core is left to the page
    expect(await caps.textContent()).toContain('mobilenet-v2-1.4-nsfwjs');
    // Isolation gives real wasm threads: a fresh worker asked for 2 runs the model on 2.
    const bench = await page.evaluate(() => (window as unknown as { synthscoreBench(t: number, n: number, r: number): Promise<{ info: { threads: number; crossOriginIsolated: boolean } }> })
      .synthscoreBench(2, 2, 1));
    expect(bench.info).toMatchObject({ threads: 2, crossOriginIsolated: true });
  });

  it('opens a fresh profile on the demo\'s results, labelled as the demo, without pressing anything', async () => {
    // The page was loaded by the previous test in a fresh context: no past report of the user's.
    const banner = page.getByTestId('demo-banner');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain('Demo: MNIST digits — drop your own folders to score them');
    expect(demo.experiments.map((ex) => ex.name)).toEqual(['fresh', 'copies', 'repeats', 'dropped-classes', 'drawn']);
    for (const ex of demo.experiments) {
      for (const k of KEYS) expect(await page.getByTestId(`cell-${ex.name}-${k}`).textContent()).toBe(ex.scores[k].value.toFixed(3));
    }
    // Each set shows what it was built to show: copies are unoriginal, drawn digits unrealistic.
    const byName = Object.fromEntries(demo.experiments.map((ex) => [ex.name, ex.scores]));
    expect(byName.copies.unoriginal.value).toBeGreaterThan(byName.fresh.unoriginal.value + 0.1);
    expect(byName.drawn.unrealistic.value).toBeGreaterThan(0.8);
    // The galleries show the demo's images, served by the app itself.
    await expect.poll(() => page.getByTestId('gallery-unrealistic').locator('img[src^="blob:"]').count(), POLL).toBeGreaterThan(0);
    expect(await page.getByTestId('demo').textContent()).toBe('Run the demo live');
    // The demo is not stored as the user's: no report, no thumbnail written.
    expect(await idbCount(page, 'reports')).toBe(0);
    expect(await idbCount(page, 'thumbnails')).toBe(0);
  });

  it('lists the folders before a run, with the files it will skip', async () => {
    await page.getByTestId('real-folder').setInputFiles(join(dir, 'real'));
    await page.getByTestId('synthetic-folder').setInputFiles(join(dir, 'drawn'));
    const real = page.getByTestId('summary-real');
    await expect.poll(() => real.getAttribute('data-items'), POLL).toBe(String(N));
    const synth = page.getByTestId('summary-synthetic-drawn');
    await expect.poll(() => synth.getAttribute('data-items'), POLL).toBe(String(N + 1)); // the truncated PNG sniffs as PNG
    expect(await synth.getAttribute('data-skipped')).toBe('1');
    expect(await synth.textContent()).toContain('10 class folders');
  });

  it('cancels mid-run and keeps what was already embedded', async () => {
    await page.getByTestId('run').click();
    const embedReal = page.locator('[data-testid=progress] li[data-stage="embed real"] .count');
    await expect.poll(async () => Number((await embedReal.textContent())?.split('/')[0] || 0), { timeout: 60_000 }).toBeGreaterThanOrEqual(16);
    await page.getByTestId('cancel').click();
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), POLL).toBe('cancelled');
    expect(await page.getByTestId('demo-banner').count()).toBe(1); // the cancelled run left the demo in place
    scoreWorkersAfterCancel = scoreWorkers();
  });

  it('runs, shows progress, and scores the drawn digits as unrealistic', async () => {
    await startMainThreadTrace(browser, page);
    const probe = startStallProbe();
    const mark = (name: string) => page.evaluate((n) => performance.mark(n).startTime, name);
    const beforeMark = monotonicMicros();
    const t0 = await mark('e2e:run');
    const afterMark = monotonicMicros();
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), POLL).toBe('running');
    // The cancel stopped the run, not the worker: it still has its model, so embedding starts at once.
    await page.locator('[data-testid=progress] li[data-stage="embed real"]').waitFor({ state: 'attached', timeout: 180_000 });
    await mark('e2e:embedding');
    await page.locator('[data-testid=progress] li[data-stage="embed drawn"][data-status=done]').waitFor({ timeout: 180_000 });
    const tEmbedded = await mark('e2e:embedded');
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 120_000, interval: 100 }).toBe('done');
    const t1 = await mark('e2e:done');
    // The whole run as the user lives it (issue 17): until this run's results are on screen, with
    // images in the galleries, and its report is kept for the next visit.
    const embeddingLine = page.getByTestId('embedding');
    await expect.poll(async () => Number(await embeddingLine.getAttribute('data-embedded')) + Number(await embeddingLine.getAttribute('data-from-cache')), POLL).toBe(2 * N);
    await expect.poll(() => page.getByTestId('gallery-unrealistic').locator('img[src^="blob:"]').count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => idbCount(page, 'reports'), POLL).toBe(1);
    const tSaved = await mark('e2e:saved');
    const trace = await stopMainThreadTrace(browser, ['e2e:run', 'e2e:embedding', 'e2e:embedded', 'e2e:done', 'e2e:saved']);
    // The probe's clock, moved onto the trace's by the first mark (read between two probe readings).
    const shift = trace.origin - (beforeMark + afterMark) / 2;
    const stalls = (await probe.stop()).map((x) => ({ start: x.start + shift, end: x.end + shift }));
    expect(await page.getByTestId('demo-banner').count()).toBe(0); // the run's report replaced the demo

    const unrealistic = await scoreOf(page, 'drawn', 'unrealistic');
    expect(unrealistic).toBeGreaterThan(0.8);
    for (const k of ['unrepresentative', 'unvaried', 'unoriginal']) {
      const v = await scoreOf(page, 'drawn', k);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    const card = page.getByTestId('score-unrealistic');
    expect(Number(await card.getAttribute('data-value'))).toBeCloseTo(unrealistic, 3);
    // The cancelled run's finished batches were kept: this run took them from the cache.
    const embedding = page.getByTestId('embedding');
    const embedded = Number(await embedding.getAttribute('data-embedded'));
    const fromCache = Number(await embedding.getAttribute('data-from-cache'));
    expect(embedded + fromCache).toBe(2 * N);
    expect(fromCache).toBeGreaterThanOrEqual(16);
    expect(scoreWorkers()).toBe(scoreWorkersAfterCancel); // no new worker, no model loaded again
    // The truncated PNG fails to decode and is listed with its reason.
    await expect.poll(() => page.getByTestId('skipped').textContent(), POLL).toMatch(/truncated\.png: .*(truncat|corrupt)/i);
    expect(await page.getByTestId('progress').locator('li[data-status=done]').count()).toBeGreaterThanOrEqual(3);

    const tasks = await page.evaluate(() =>
      (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
    const during = (a: number, b: number) => tasks.filter((t) => t.start >= a && t.start <= b);
    const longestTask = (ts: { duration: number }[]) => Math.max(0, ...ts.map((t) => t.duration));
    const whileEmbedding = trace.tasks.filter((t) => t.start <= trace.at['e2e:embedded']);
    const embeddingProper = whileEmbedding.filter((t) => t.start >= trace.at['e2e:embedding']);
    const startup = whileEmbedding.filter((t) => t.start < trace.at['e2e:embedding']);
    // Each task's wall time less the time the machine stalled a thread that had nothing to do.
    const net = (t: MainThreadTask) => t.wall - stalledWithin(stalls, trace.origin + t.start * 1000, trace.origin + (t.start + t.wall) * 1000) / 1000;
    const worstOf = (ts: MainThreadTask[]) => ts.reduce((w, t) => (net(t) > net(w) ? t : w), ts[0]);
    const worstNet = worstOf(embeddingProper);
    const worstWhole = worstOf(trace.tasks);
    const afterScores = trace.tasks.filter((t) => t.start >= trace.at['e2e:embedded']);
    const worstAfter = worstOf(afterScores);
    const embeddingStalls = stalls.filter((x) => x.end >= trace.origin + trace.at['e2e:embedding'] * 1000 && x.start <= trace.origin + trace.at['e2e:embedded'] * 1000)
      .map((x) => (x.end - x.start) / 1000);
    console.info(`run ${((t1 - t0) / 1000).toFixed(1)} s (embedding ${((tEmbedded - t0) / 1000).toFixed(1)} s); ` +
      `main-thread long tasks while embedding: ${during(t0, tEmbedded).length}, longest ${longestTask(during(t0, tEmbedded)).toFixed(0)} ms; ` +
      `whole run: ${during(t0, t1).length}, longest ${longestTask(during(t0, t1)).toFixed(0)} ms; ` +
      `trace while embedding: ${whileEmbedding.length} tasks, ${(whileEmbedding.reduce((n, t) => n + t.cpu, 0) / (tEmbedded - t0) * 1000).toFixed(0)} ms CPU/s, ` +
      `longest ${longest(whileEmbedding, 'wall').toFixed(0)} ms wall, ` +
      `${longest(whileEmbedding, 'cpu').toFixed(0)} ms CPU (from the first embed stage: ${longest(embeddingProper, 'wall').toFixed(0)} ms wall; ` +
      `before it, from the click, ${(trace.at['e2e:embedding'] / 1000).toFixed(1)} s: ${longest(startup, 'wall').toFixed(0)} ms wall); ` +
      `whole run: longest ${longest(trace.tasks, 'wall').toFixed(0)} ms wall, ${longest(trace.tasks, 'cpu').toFixed(0)} ms CPU; ` +
      `machine stalls while embedding (a sleeping thread woke > 5 ms late): ${embeddingStalls.length}, longest ${Math.max(0, ...embeddingStalls).toFixed(0)} ms ` +
      `(probe clock ${(shift / 1000).toFixed(1)} ms off the trace's, mark read within ${((afterMark - beforeMark) / 1000).toFixed(0)} ms); ` +
      `longest task less the machine's stalls inside it: ${net(worstNet).toFixed(0)} ms (${worstNet.wall.toFixed(0)} ms wall, ${worstNet.cpu.toFixed(0)} ms CPU); ` +
      `whole run, click to report kept (${(tSaved / 1000 - t0 / 1000).toFixed(1)} s): ${net(worstWhole).toFixed(0)} ms less stalls (${worstWhole.wall.toFixed(0)} ms wall, ${worstWhole.cpu.toFixed(0)} ms CPU, at ${(worstWhole.start / 1000).toFixed(1)} s); ` +
      `after the scores (${afterScores.length} tasks): ${net(worstAfter).toFixed(0)} ms less stalls (${worstAfter.wall.toFixed(0)} ms wall, ${worstAfter.cpu.toFixed(0)} ms CPU)`);
    // No task over 100 ms while embedding, counting the time a task waited for a core except where
    // the machine itself stalled an idle thread (this 2-core VM does so for up to ~50 ms while one
    // core is free). From the first embed stage (before it, the click and reading the folders; a
    // fresh worker would also compile onnxruntime's wasm on every core there). The page's own work
    // per task stays small (CPU, from the click on), and the results render after it in < 100 ms CPU slices.
    expect(net(worstNet)).toBeLessThan(100);
    expect(longest(whileEmbedding, 'cpu')).toBeLessThan(50);
    expect(longest(trace.tasks, 'cpu')).toBeLessThan(100);
    // The whole run, from the click until the results are shown and the report is kept (rendering
    // and saving included): no task over 100 ms, less the machine's own stalls (issue 17).
    expect(net(worstWhole)).toBeLessThan(100);
  });

  it('exports a JSON report whose scores match the command line on the same folders', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const web = JSON.parse(await readFile((await download.path())!, 'utf8')) as Report;
    const cli = await runCli(['score', '--real', join(dir, 'real'), '--synthetic', `drawn=${join(dir, 'drawn')}`,
      '--json', join(dir, 'cli.json'), '--cache-dir', join(dir, 'cli-cache')]);
    expect(cli.code, cli.stderr).toBe(0);
    const node = JSON.parse(await readFile(join(dir, 'cli.json'), 'utf8')) as Report;
    const [w, n] = [web.experiments[0], node.experiments[0]];
    expect(w.counts.real).toBe(n.counts.real);
    expect(w.counts.synthetic).toBe(n.counts.synthetic);
    console.info('browser vs CLI:', JSON.stringify(Object.fromEntries(
      (['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal'] as const).map((k) => [k, [w.scores[k].value, n.scores[k].value]]))));
    // Chromium and sharp decode PNGs identically, and both runtimes run the same ONNX graph, so the
    // vectors agree to float rounding; the scores may move by a row or two at most.
    for (const k of ['unrealistic', 'unrepresentative'] as const) expect(Math.abs(w.scores[k].value - n.scores[k].value)).toBeLessThan(0.03);
    for (const k of ['unvaried', 'unoriginal'] as const) expect(Math.abs(w.scores[k].value - n.scores[k].value)).toBeLessThanOrEqual(2 / N);
    expect(w.skipped.map((s) => s.path).sort()).toEqual(n.skipped.map((s) => s.path).sort());
  });

  it('keeps the report across a reload; an unchanged Run shows it at once, and Run again embeds nothing', async () => {
    await page.reload();
    await page.getByTestId('results').waitFor({ timeout: 30_000 });
    // The user has a run of their own now: the page opens on it, not on the demo.
    expect(await page.getByTestId('demo-banner').count()).toBe(0);
    expect(await page.getByTestId('cell-fresh-unrealistic').count()).toBe(0);
    expect(await scoreOf(page, 'drawn', 'unrealistic')).toBeGreaterThan(0.8);
    await page.getByTestId('real-folder').setInputFiles(join(dir, 'real'));
    await page.getByTestId('synthetic-folder').setInputFiles(join(dir, 'drawn'));
    await expect.poll(() => page.getByTestId('summary-synthetic-drawn').getAttribute('data-items'), POLL).toBe(String(N + 1));
    // Nothing changed (same files, settings and engine): Run shows the kept report at once, labelled.
    const t0 = Date.now(); // reported, not asserted: a benchmark figure (issue 17: ≤ 3 s)
    await page.getByTestId('run').click();
    await page.getByTestId('stored-run').waitFor({ timeout: 30_000 });
    const unchangedMs = Date.now() - t0;
    console.info(`unchanged re-run: stored report shown ${unchangedMs} ms after the click`);
    expect(await page.getByTestId('stored-run').textContent()).toMatch(/^Nothing changed since the run of .*: this is its stored report/);
    await page.getByTestId('run-again').click();
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 120_000 }).toBe('done');
    expect(await page.getByTestId('stored-run').count()).toBe(0);
    const embedding = page.getByTestId('embedding');
    expect(await embedding.getAttribute('data-embedded')).toBe('0');
    expect(await embedding.getAttribute('data-from-cache')).toBe(String(2 * N));
    const storage = page.getByTestId('storage');
    // Each set's rows, and the calibration's edited copies of real images (kept for the next run).
    await expect.poll(() => storage.getAttribute('data-vectors'), POLL).toBe(String(2 * N + IMAGE_CALIBRATION_SAMPLES * IMAGE_EDIT_KINDS.length));
    await page.getByTestId('clear-cache').click();
    await expect.poll(() => storage.getAttribute('data-vectors'), POLL).toBe('0');
  });

  it('loads the built-in demo sets from its own origin', async () => {
    await page.reload();
    await page.getByTestId('demo').click();
    for (const name of ['real', 'synthetic-fresh', 'synthetic-copies', 'synthetic-repeats', 'synthetic-dropped-classes', 'synthetic-drawn']) {
      await expect.poll(() => page.getByTestId(`summary-${name}`).getAttribute('data-items'), POLL).toMatch(/^\d{3,}$/);
    }
    await expect.poll(() => page.getByTestId('run').isEnabled(), POLL).toBe(true);
  });

  it('runs the demo\'s copies: galleries show items, the slider moves the duplicate scores, thumbnails survive a reload', async () => {
    // The demo is loaded (previous test); keep only the 'copies' experiment to bound the run's time.
    for (const name of ['fresh', 'repeats', 'dropped-classes', 'drawn']) {
      await page.locator('.synthetic-set', { has: page.getByTestId(`summary-synthetic-${name}`) }).getByRole('button', { name: 'remove' }).click();
    }
    await page.getByTestId('run').click();
    // 600 images to embed: about 80 s on an idle 2-core machine, more when it is busy.
    await expect.poll(() => page.getByTestId('phase').getAttribute('data-phase'), { timeout: 300_000, interval: 250 }).toBe('done');
    // The live run gives the preloaded demo report's numbers: the same engine, in the browser.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const live = (JSON.parse(await readFile((await download.path())!, 'utf8')) as Report).experiments[0];
    const built = demo.experiments.find((ex) => ex.name === 'copies')!;
    console.info('demo copies, live vs preloaded:', JSON.stringify(Object.fromEntries(KEYS.map((k) => [k, [live.scores[k].value, built.scores[k].value]]))));
    expect(live.counts).toEqual(built.counts);
    for (const k of KEYS) expect(Math.abs(live.scores[k].value - built.scores[k].value), k).toBeLessThan(1e-6);
    const gallery = page.getByTestId('gallery-unrealistic');
    expect(Number(await gallery.getAttribute('data-count'))).toBe(300);
    const options = gallery.getByRole('option');
    expect(await options.count()).toBeGreaterThan(0);
    expect(await options.count()).toBeLessThan(150); // windowed
    await expect.poll(() => gallery.locator('img[src^="blob:"]').count(), POLL).toBeGreaterThan(0);
    // Keyboard: Enter opens the active item large, Escape closes it.
    await gallery.getByRole('listbox').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('item-dialog').count(), POLL).toBe(1);
    // The dialog sits in the middle of the window, wherever the gallery is scrolled.
    const box = (await page.getByTestId('item-dialog').boundingBox())!;
    const view = page.viewportSize()!;
    expect(Math.abs(box.x + box.width / 2 - view.width / 2)).toBeLessThan(2);
    expect(Math.abs(box.y + box.height / 2 - view.height / 2)).toBeLessThan(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('item-dialog').count(), POLL).toBe(0);

    const unoriginal = async () => Number(await page.getByTestId('score-unoriginal').getAttribute('data-value'));
    const before = await unoriginal();
    expect(before).toBeGreaterThan(0.2); // half the rows are near-copies
    await page.getByTestId('tab-unoriginal').click();
    const copies = page.getByTestId('gallery-unoriginal');
    expect(Number(await copies.getAttribute('data-count'))).toBeGreaterThan(0);
    expect(await copies.locator('[data-side=real]').count()).toBeGreaterThan(0);
    // The slider moves the embedding's tau; the copy signal's pairs stay. Raising tau joins more.
    await page.getByTestId('tau-slider').fill('0.05');
    await expect.poll(() => page.getByTestId('threshold').getAttribute('data-source'), POLL).toBe('user');
    const after = await unoriginal();
    console.info(`demo copies: unoriginal ${before.toFixed(3)} at the calibrated thresholds, ${after.toFixed(3)} with the embedding at tau 0.05`);
    expect(after).toBeGreaterThan(before);

    // Thumbnails were stored per content hash: after a reload (no files held) the galleries still show images.
    // Wait until every item of this run has one (the writer makes them 16 at a time; a busy machine is slow).
    const hashes = [...new Set(live.hashes)];
    expect(hashes.length).toBeGreaterThan(500);
    const stored = () => page.evaluate((keys) => new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('synthscore');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result, store = db.transaction('thumbnails').objectStore('thumbnails');
        let n = 0, left = keys.length;
        for (const k of keys) {
          const req = store.getKey(k);
          req.onsuccess = () => { if (req.result !== undefined) n++; if (--left === 0) { db.close(); resolve(n); } };
          req.onerror = () => reject(req.error);
        }
      };
    }), hashes);
    await expect.poll(stored, { timeout: 120_000, interval: 1500 }).toBe(hashes.length);
    await page.reload();
    await page.getByTestId('results').waitFor({ timeout: 30_000 });
    const shown = page.getByTestId('gallery-unrealistic');
    await expect.poll(() => shown.locator('img[src^="blob:"]').count(), POLL).toBeGreaterThan(0).catch(async (e) => {
      console.info('after reload:', await page.locator('.results h2').textContent(), '| galleries', await shown.count(),
        '| imgs', await shown.locator('img').count(), '| no image', await shown.locator('.noimg').count(), '|', (await shown.innerHTML()).slice(0, 400));
      throw e;
    });
  }, 420_000);

  it('made no request to any other origin', () => {
    const origin = new URL(served.url).origin;
    const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
    expect(requests.length).toBeGreaterThan(10);
    expect(foreign).toEqual([]);
  });

  it('broke no Content-Security-Policy rule and threw no uncaught error', () => {
    expect(consoleErrors.filter((m) => /Content Security Policy|pageerror/i.test(m))).toEqual([]);
  });
});
