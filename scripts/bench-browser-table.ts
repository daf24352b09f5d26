// Browser figures for tables, in headless Debian Chromium on the built site (vite preview), through
// the app as a user drives it: N real + N synthetic rows × 30 columns (20 numbers, 8 categories,
// a date, a boolean; the synthetic set breaks the first five numbers' shared factor) picked as two
// CSV files, the pre-run table options read, then Run. Prints rows/s parsed (the run's "read"
// stage: File → bytes → rows) and encoded, detector CV seconds, the other stages, and the peak
// resident memory of the renderer process (the scoring worker runs inside it; VmRSS from /proc
// every 100 ms) and of all Chromium processes together.
//   npx tsx scripts/bench-browser-table.ts [rows per side = 20000]
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createRng } from '../src/core/random.ts';
import type { Report } from '../src/report/schema.ts';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser/chromium.ts';
import { buildAndPreview } from './browser/server.ts';
import { chromiumPids, rssOf } from './browser/process-memory.ts';

const N = Number(process.argv[2] ?? 20_000);
const TAG = `--synthscore-bench-${process.pid}`; // finds this run's browser process in /proc

function makeCsv(seed: number, broken: boolean): string {
  const rng = createRng(seed);
  const header = [...Array(20).keys()].map((k) => `x${k}`).concat([...Array(8).keys()].map((k) => `c${k}`), ['when', 'flag']);
  const rows: string[][] = [];
  for (let i = 0; i < N; i++) {
    const z = rng.normal();
    const xs = Array.from({ length: 20 }, (_, k) => (k < 5 ? (broken ? rng.normal() * 1.118 : z + 0.5 * rng.normal()) : rng.normal() * (k + 1)).toFixed(3));
    const cs = Array.from({ length: 8 }, (_, k) => `L${Math.floor(rng.next() * (3 + 2 * k))}`);
    rows.push([...xs, ...cs, new Date(Date.UTC(2020, 0, 1) + rng.int(365) * 86_400_000).toISOString().slice(0, 10), rng.next() < 0.3 ? 'true' : 'false']);
  }
  return Papa.unparse({ fields: header, data: rows });
}

const dir = await mkdtemp(join(tmpdir(), 'bench-browser-table-'));
await writeFile(join(dir, 'real.csv'), makeCsv(1, false));
await writeFile(join(dir, 'synthetic.csv'), makeCsv(2, true));
const served = await buildAndPreview(join(dir, 'dist'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, TAG], headless: true });
let peak: [number, number] = [0, 0];
let pids: { pid: number; renderer: boolean }[] = [];
let tick = 0;
const sampler = setInterval(() => void (async () => {
  if (tick++ % 20 === 0) pids = await chromiumPids(TAG);
  const [r, a] = await rssOf(pids);
  peak = [Math.max(peak[0], r), Math.max(peak[1], a)];
})(), 100);
try {
  const page = await browser.newPage();
  await page.goto(served.url);
  const t0 = performance.now();
  await page.getByTestId('real-files').setInputFiles(join(dir, 'real.csv'));
  await page.getByTestId('synthetic-files').setInputFiles(join(dir, 'synthetic.csv'));
  // Locators, not string predicates: the app's CSP forbids eval.
  const options = page.locator('[data-testid=table-options]:not([data-state=reading])');
  await options.waitFor({ timeout: 0 });
  if ((await options.getAttribute('data-state')) !== 'ready') throw new Error(`the table options ended ${await options.getAttribute('data-state')}: ${await options.textContent()}`);
  const inspectS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await page.getByTestId('run').click();
  await page.locator('[data-testid=phase][data-phase=running]').waitFor({ state: 'attached' });
  await page.locator('[data-testid=phase]:not([data-phase=running])').waitFor({ state: 'attached', timeout: 0 }); // empty when done: not "visible"
  const runS = (performance.now() - t1) / 1000;
  if ((await page.getByTestId('phase').getAttribute('data-phase')) !== 'done') throw new Error(`run ended as ${await page.getByTestId('phase').getAttribute('data-phase')}: ${await page.getByTestId('error').textContent().catch(() => '')}`);
  const readS = Number(/([\d.]+) s/.exec((await page.locator('[data-testid=progress] li[data-stage="read"] .eta').textContent()) ?? '')?.[1]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const report = JSON.parse(await readFile((await download.path())!, 'utf8')) as Report;
  const ex = report.experiments[0];
  const t = ex.timings;
  const s = (ms: number | undefined) => ((ms ?? NaN) / 1000).toFixed(1);
  const mb = (b: number) => Math.round(b / 2 ** 20);
  const lines = [
    `browser table ${N} + ${N} rows × 30 columns (Chromium ${browser.version()}): parse ${Math.round((2 * N) / readS)} rows/s (read stage ${readS.toFixed(1)} s), encode ${Math.round((2 * N) / (t.encode / 1000))} rows/s (${s(t.encode)} s, ${ex.table?.features} features)`,
    `browser table detector (${ex.table?.detector}) CV ${s(t.detector)} s (trees per fold ${ex.table?.perFold.join(' ')}, AUC ${ex.auc.value.toFixed(3)}); near-duplicates ${s(t.nearDuplicates)} s, closest real ${s(t.closestReal)} s, map ${s(t.map)} s; Run → scores ${runS.toFixed(1)} s (pre-run table options ${inspectS.toFixed(1)} s)`,
    `browser table peak RSS: renderer (page + scoring worker) ${mb(peak[0])} MB, all Chromium processes ${mb(peak[1])} MB`,
  ];
  for (const l of lines) console.log(l);
  console.log(`SUMMARY ${JSON.stringify(lines)}`);
} finally {
  clearInterval(sampler);
  await browser.close();
  await served.close();
  await rm(dir, { recursive: true, force: true });
}
