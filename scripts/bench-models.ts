// The built-in image models side by side (issue 15): each variant's file size, its session load
// time and images/s in Node (onnxruntime-node, the app's session options), and images/s in
// headless Chromium (onnxruntime-web WASM with 2 threads and with 1, through the built site's
// bench hook, so fetch + compile and the worker are the app's own). Figures, not tests.
//   npx tsx scripts/bench-models.ts
// `benchModels()` returns the markdown table's lines, for scripts/bench.ts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { MANIFEST_FILE, parseManifest, type ModelManifest } from '../src/models/manifest.ts';
import { BUILTIN_IMAGE_MODELS } from '../src/models/model-choice.ts';
import { sessionOptions } from '../src/models/ort-node.ts';
import { CHROMIUM, launchChromium } from './browser/chromium.ts';
import { buildAndPreview } from './browser/server.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BATCH = 16;
const ROUNDS = 3;
const BROWSER_THREADS = [2, 1];

interface NodeFigures { loadMs: number; imagesPerSecond: number }
interface BrowserFigures { loadMs: number; imagesPerSecond: number; threads: number }

/** The same synthetic batch bench-web.ts feeds the page: n images at the manifest's size. */
function batchFor(m: ModelManifest, n: number): Float32Array {
  const x = new Float32Array(n * m.input.width * m.input.height * 3);
  for (let i = 0; i < x.length; i++) x[i] = (Math.sin(i * 0.37) + 1) / 2;
  return x;
}

/** Session create, then images/s as the best of ROUNDS batches after a warm-up. */
async function benchNode(file: string, m: ModelManifest): Promise<NodeFigures> {
  const t0 = performance.now();
  const session = await ort.InferenceSession.create(file, sessionOptions());
  const loadMs = performance.now() - t0;
  try {
    const feeds = { [m.input.name]: new ort.Tensor('float32', batchFor(m, BATCH), [BATCH, m.input.height, m.input.width, 3]) };
    await session.run(feeds);
    let best = Infinity;
    for (let r = 0; r < ROUNDS; r++) {
      const s = performance.now();
      await session.run(feeds);
      best = Math.min(best, performance.now() - s);
    }
    return { loadMs, imagesPerSecond: (1000 * BATCH) / best };
  } finally {
    await session.release();
  }
}

/** Per model id, per thread count: the page's bench hook (a fresh worker each) on the built site. */
async function benchChromium(ids: string[]): Promise<{ version: string; figures: Map<string, BrowserFigures> } | null> {
  if (!existsSync(CHROMIUM)) return null;
  const served = await buildAndPreview('dist-bench');
  const browser = await launchChromium();
  const figures = new Map<string, BrowserFigures>();
  try {
    const page = await browser.newPage();
    await page.goto(served.url);
    await page.locator('[data-testid=capabilities][data-backend]').waitFor({ timeout: 120_000 });
    for (const id of ids) {
      for (const threads of BROWSER_THREADS) {
        const r = await page.evaluate(`window.synthscoreBench(${threads}, ${BATCH}, ${ROUNDS}, 'wasm', ${JSON.stringify(id)})`) as
          { info: { threads: number }; loadMs: number; imagesPerSecond: number };
        figures.set(`${id}:${threads}`, { loadMs: r.loadMs, imagesPerSecond: r.imagesPerSecond, threads: r.info.threads });
      }
    }
    return { version: browser.version(), figures };
  } finally {
    await browser.close();
    await served.close();
  }
}

export async function benchModels(): Promise<string[]> {
  const models = BUILTIN_IMAGE_MODELS.map(({ id }) => {
    const dir = join(ROOT, 'public/models', id);
    if (!existsSync(join(dir, MANIFEST_FILE))) throw new Error(`${dir}: no ${MANIFEST_FILE}; run \`npm run build:models\``);
    return { id, dir, manifest: parseManifest(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'))) };
  });

  const nodeRows: { id: string; file: string; mb: number; node: NodeFigures; served: boolean }[] = [];
  for (const { id, dir, manifest } of models) {
    for (const v of manifest.variants) {
      const path = join(dir, v.file);
      if (!existsSync(path)) continue;
      nodeRows.push({ id, file: v.file, mb: statSync(path).size / 1e6, node: await benchNode(path, manifest), served: v.file === manifest.file });
    }
  }
  const chromium = await benchChromium(models.map((m) => m.id));

  const fmt = (x: number, digits = 1) => x.toFixed(digits);
  const cell = (id: string, served: boolean, threads: number, what: 'imagesPerSecond' | 'loadMs') => {
    if (!served) return 'not served';
    if (!chromium) return 'no Chromium';
    const f = chromium.figures.get(`${id}:${threads}`);
    if (!f) return '—';
    // WASM without cross-origin isolation runs one thread whatever was asked: say so in the cell.
    return `${fmt(f[what], what === 'loadMs' ? 0 : 1)}${f.threads !== threads ? ` (ran ${f.threads} thread)` : ''}`;
  };
  const browser = chromium ? `Chromium ${chromium.version.split('.')[0]} WASM` : 'Chromium WASM';
  const lines = [
    `| model | file | MB | Node session load, ms | Node images/s (${availableParallelism()} threads) | ${browser} 2 threads, images/s | ${browser} 1 thread, images/s | ${browser} session load (2 threads), ms |`,
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...nodeRows.map((r) => `| ${r.id} | ${r.file} | ${fmt(r.mb, 2)} | ${fmt(r.node.loadMs, 0)} | ${fmt(r.node.imagesPerSecond)} | ` +
      `${cell(r.id, r.served, 2, 'imagesPerSecond')} | ${cell(r.id, r.served, 1, 'imagesPerSecond')} | ${cell(r.id, r.served, 2, 'loadMs')} |`),
  ];
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`batch ${BATCH}, best of ${ROUNDS} rounds after a warm-up; synthetic inputs at each model's size; load average ${loadavg().map((v) => v.toFixed(1)).join(' ')}`);
  for (const line of await benchModels()) console.log(line);
}
