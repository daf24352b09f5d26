// Variants of the default image model measured side by side (issue 17, "Embedding itself": what
// narrows onnxruntime-web's gap to native onnxruntime-node without changing the vectors). A
// measurement, not an adoption: each variant is written into a temporary folder, served beside the
// built app for the browser part, and removed afterwards; public/models is only read.
//   npx tsx scripts/bench-variants.ts [--images 64] [--calibration 100] [--rounds 3] [--no-browser]
// Variants (docs/models.md describes the model and its two files):
//   uint8, fp32         the two shipped files (baseline)
//   opt-basic/-extended/-all  model.onnx as onnxruntime-node saves it after that optimisation level
//                       (optimizedModelFilePath); the 'all' level adds layout changes for the CPU it
//                       ran on, so whether onnxruntime-web can load each is part of the result
//   nchw                model.onnx without its input Transpose, input [N, 3, H, W]: the embedder lays
//                       the batch out (src/models/input-adapt.ts)
//   int8-qdq            static int8 (scripts/model-variants/static-int8.ts), calibrated on real images
// For each: ms/img in Node (the pipeline's embedder on onnxruntime-node, 1 intra-op thread, batches
// of the pipeline's BATCH) and in Chromium (the page's bench hook: the app's WASM runtime in a fresh
// worker, 1 thread, the same batch), and its vectors' cosine to model.onnx's on real digits
// preprocessed by the pipeline's own code; plus whether onnxruntime-web's WASM kernels (run here
// in Node) give that variant the vectors onnxruntime-node gives it.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web/wasm';
import { createRng } from '../src/core/random.ts';
import { normaliseRows } from '../src/core/normalise.ts';
import { nearCopy, NEAR_COPY_KINDS } from '../src/ingest/node-augment.ts';
import { decodeImageBytes } from '../src/ingest/node-decode.ts';
import { adaptImageBatch } from '../src/models/input-adapt.ts';
import { MANIFEST_FILE, parseManifest, type ModelManifest } from '../src/models/manifest.ts';
import { createImageEmbedder, sessionOptions } from '../src/models/ort-node.ts';
import { preprocessImage } from '../src/models/preprocess.ts';
import { BATCH } from '../src/pipeline/image/embed-set.ts';
import { CHROMIUM, launchChromium } from './browser/chromium.ts';
import { buildAndPreview } from './browser/server.ts';
import { drawnDigit } from './demo-data/drawn-digits.ts';
import { digitPixels, greyToPng } from './demo-data/mnist-images.ts';
import { nchwInputModel } from './model-variants/nchw-input.ts';
import { calibrationModel, quantiseStaticInt8, widen, type Range } from './model-variants/static-int8.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MODEL_DIR = join(ROOT, 'public/models/mobilenet-v2-1.4-nsfwjs');
const DIST = 'dist-bench';

export interface VariantsBenchOptions {
  /** Real digits the cosines are taken on, and Node's timed set (default 64). */
  images?: number;
  /** Real images the int8 model's activation ranges come from (default 100). */
  calibration?: number;
  /** Timed rounds after a warm-up, best kept (default 3; Chromium: PASSES passes of this many). */
  rounds?: number;
  /** The Chromium part (default: when Chromium is installed). */
  browser?: boolean;
}

interface Variant {
  id: string;
  /** What making it took, or why it could not be made. */
  made: string;
  dir: string;
  layout: 'NHWC' | 'NCHW';
  bytes?: number;
  node?: { loadMs: number; msPerImage: number; vectors: Float32Array } | { error: string };
  wasm?: { minCos: number } | { error: string };
  browser?: { loadMs: number; msPerImage: number } | { error: string };
}

// ---- real images, through the pipeline's own decode and preprocessing --------------------------
async function toBatch(pngs: Uint8Array[], m: ModelManifest): Promise<Float32Array> {
  const { width, height } = m.input, px = width * height * 3;
  const out = new Float32Array(pngs.length * px);
  for (let i = 0; i < pngs.length; i++) preprocessImage(await decodeImageBytes(pngs[i]), { width, height }, out, i * px);
  return out;
}

/** MNIST digits, class by class; `offset` keeps the calibration and evaluation digits apart. */
const digits = (n: number, offset: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => greyToPng(digitPixels(i % 10, offset + Math.floor(i / 10)))));

/** The demo's kinds of image: 60% digits, 20% drawn digits, 20% near-copies of digits (scripts/demo-data). */
async function calibrationImages(n: number): Promise<Uint8Array[]> {
  const rng = createRng(17);
  const nDigits = Math.round(n * 0.6), nDrawn = Math.round(n * 0.2), nCopies = n - nDigits - nDrawn;
  const real = await digits(nDigits + nCopies, 500);
  const drawn = await Promise.all(Array.from({ length: nDrawn }, (_, i) => drawnDigit(i % 10, () => rng.next())));
  const copies = await Promise.all(real.slice(nDigits).map((png, i) => nearCopy(png, NEAR_COPY_KINDS[i % NEAR_COPY_KINDS.length])));
  return [...real.slice(0, nDigits), ...drawn, ...copies];
}

// ---- the variants ------------------------------------------------------------------------------
async function writeVariant(root: string, base: ModelManifest, v: Omit<Variant, 'dir'>, model: Uint8Array): Promise<Variant> {
  const dir = join(root, v.id);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.onnx'), model);
  const manifest: ModelManifest = {
    ...base, id: v.id, version: `bench-${v.id}`, file: 'model.onnx',
    variants: [{ file: 'model.onnx', bytes: model.byteLength, note: v.made }],
    input: { ...base.input, layout: v.layout },
  };
  await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  return { ...v, dir, bytes: model.byteLength };
}

/** model.onnx as onnxruntime-node writes it after `level` (the pipeline's other session options). */
async function offlineOptimised(level: 'basic' | 'extended' | 'all', out: string): Promise<Uint8Array> {
  const session = await ort.InferenceSession.create(join(MODEL_DIR, 'model.onnx'), {
    ...sessionOptions(1), graphOptimizationLevel: level, optimizedModelFilePath: out,
  });
  await session.release();
  return new Uint8Array(await readFile(out));
}

/** Activation min/max of the fp32 model over the calibration batch (every node output). */
async function calibrate(fp32: Uint8Array, batch: Float32Array, n: number, m: ModelManifest): Promise<Map<string, Range>> {
  const { bytes, tensors } = calibrationModel(fp32);
  const session = await ort.InferenceSession.create(bytes, sessionOptions());
  const ranges = new Map<string, Range>();
  const px = m.input.width * m.input.height * 3, step = 4; // every activation of a batch comes back: keep it small
  try {
    for (let i = 0; i < n; i += step) {
      const k = Math.min(step, n - i);
      const y = await session.run({ [m.input.name]: new ort.Tensor('float32', batch.slice(i * px, (i + k) * px), [k, m.input.height, m.input.width, 3]) });
      for (const t of tensors) widen(ranges, t, y[t].data as Float32Array);
    }
  } finally {
    await session.release();
  }
  return ranges;
}

async function makeVariants(root: string, base: ModelManifest, calibration: () => Promise<{ batch: Float32Array; n: number }>): Promise<Variant[]> {
  const uint8 = new Uint8Array(await readFile(join(MODEL_DIR, 'model.onnx')));
  const fp32 = new Uint8Array(await readFile(join(MODEL_DIR, 'model-fp32.onnx')));
  const vs: Variant[] = [];
  const add = async (v: Omit<Variant, 'dir'>, make: () => Promise<Uint8Array>) => {
    try {
      vs.push(await writeVariant(root, base, v, await make()));
    } catch (e) {
      vs.push({ ...v, dir: '', made: `${v.made}; could not be made: ${(e as Error).message.split('\n')[0]}` });
    }
  };
  await add({ id: 'uint8', layout: 'NHWC', made: 'the shipped model.onnx (baseline)' }, async () => uint8);
  await add({ id: 'fp32', layout: 'NHWC', made: 'the shipped model-fp32.onnx' }, async () => fp32);
  for (const level of ['basic', 'extended', 'all'] as const) {
    await add({ id: `opt-${level}`, layout: 'NHWC', made: `model.onnx saved by onnxruntime-node after '${level}' (optimizedModelFilePath)` },
      () => offlineOptimised(level, join(root, `opt-${level}.onnx`)));
  }
  await add({ id: 'nchw', layout: 'NCHW', made: 'model.onnx without its input Transpose; manifest layout NCHW' }, async () => nchwInputModel(uint8));
  let calibrated = '';
  await add({ id: 'int8-qdq', layout: 'NHWC', made: 'static QDQ from model-fp32.onnx' }, async () => {
    const c = await calibration();
    const t0 = performance.now();
    const ranges = await calibrate(fp32, c.batch, c.n, base);
    calibrated = `${ranges.size} activations' min/max on ${c.n} real images in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    return quantiseStaticInt8(fp32, ranges);
  });
  const int8 = vs.find((v) => v.id === 'int8-qdq')!;
  if (calibrated) {
    int8.made += ': int8 per-channel symmetric Conv weights, int32 biases, uint8 per-tensor activations, Relu6 as the uint8 range; ' + calibrated;
  }
  return vs;
}

// ---- measuring -----------------------------------------------------------------------------------
/** Chromium passes over every variant; each pass (and each Node round) starts one variant later, so
 *  no variant always runs first or after the same neighbour on a shared, drifting machine. */
const PASSES = 3;
const rotate = <T>(xs: T[], k: number) => xs.map((_, i) => xs[(i + k) % xs.length]);

const cosines = (a: Float32Array, b: Float32Array, dim: number) =>
  Array.from({ length: a.length / dim }, (_, i) => {
    let d = 0;
    for (let k = i * dim; k < (i + 1) * dim; k++) d += a[k] * b[k];
    return d;
  });

/** Each row's nearest other row (unit rows: the largest dot product). */
function nearest(v: Float32Array, dim: number): number[] {
  const n = v.length / dim;
  return Array.from({ length: n }, (_, i) => {
    let best = -1, arg = -1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let d = 0;
      for (let k = 0; k < dim; k++) d += v[i * dim + k] * v[j * dim + k];
      if (d > best) [best, arg] = [d, j];
    }
    return arg;
  });
}

/** Node: the pipeline's embedder, 1 intra-op thread, every variant interleaved round by round. */
async function measureNode(vs: Variant[], batch: Float32Array, n: number, rounds: number, m: ModelManifest): Promise<void> {
  const px = m.input.width * m.input.height * 3;
  const open = new Map<Variant, { e: Awaited<ReturnType<typeof createImageEmbedder>>; loadMs: number; best: number; vectors: Float32Array }>();
  for (const v of vs.filter((x) => x.dir)) {
    try {
      const t0 = performance.now();
      const e = await createImageEmbedder(v.dir, { threads: 1 });
      open.set(v, { e, loadMs: performance.now() - t0, best: Infinity, vectors: new Float32Array(0) });
    } catch (err) {
      v.node = { error: (err as Error).message.split('\n')[0] };
    }
  }
  // The embedder may take (transfer) the batch's buffer: each call gets its own copy.
  const embedAll = async (e: Awaited<ReturnType<typeof createImageEmbedder>>) => {
    const parts: Float32Array[] = [];
    for (let i = 0; i < n; i += BATCH) {
      const k = Math.min(BATCH, n - i);
      parts.push(await e.embed(batch.slice(i * px, (i + k) * px), k));
    }
    const out = new Float32Array(n * m.output.dimension);
    parts.forEach((p, i) => out.set(p, i * BATCH * m.output.dimension));
    return out;
  };
  for (const o of open.values()) o.vectors = await embedAll(o.e); // warm-up
  const all = [...open.values()];
  for (let r = 0; r < rounds; r++) {
    for (const o of rotate(all, r)) {
      const t0 = performance.now();
      o.vectors = await embedAll(o.e);
      o.best = Math.min(o.best, (performance.now() - t0) / n);
    }
  }
  for (const [v, o] of open) {
    v.node = { loadMs: o.loadMs, msPerImage: o.best, vectors: o.vectors };
    await o.e.release();
  }
}

/** Why native is faster: bare onnxruntime-node sessions on model.onnx, 1 thread, at 'extended' (no
 *  layout change, what a WASM build can run) and 'all' (adds the NCHWc layout, x86/ARM MLAS only). */
async function nativeLevels(batch: Float32Array, n: number, rounds: number, m: ModelManifest): Promise<Record<'extended' | 'all', number>> {
  const px = m.input.width * m.input.height * 3, k = Math.min(BATCH, n);
  const feeds = { [m.input.name]: new ort.Tensor('float32', batch.slice(0, k * px), [k, m.input.height, m.input.width, 3]) };
  const best = { extended: Infinity, all: Infinity };
  const sessions = await Promise.all((['extended', 'all'] as const).map(async (level) =>
    [level, await ort.InferenceSession.create(join(MODEL_DIR, 'model.onnx'), { ...sessionOptions(1), graphOptimizationLevel: level })] as const));
  for (let r = 0; r <= rounds; r++) {
    for (const [level, s] of sessions) {
      const t0 = performance.now();
      await s.run(feeds);
      if (r > 0) best[level] = Math.min(best[level], (performance.now() - t0) / k); // round 0 warms up
    }
  }
  for (const [, s] of sessions) await s.release();
  return best;
}

/** onnxruntime-web's WASM kernels in this process, 1 thread, on the first BATCH images: does the
 *  variant load, and are its vectors there the ones onnxruntime-node gives it? */
async function wasmParity(vs: Variant[], batch: Float32Array, m: ModelManifest): Promise<void> {
  ortWeb.env.wasm.numThreads = 1;
  ortWeb.env.logLevel = 'error';
  const n = Math.min(BATCH, batch.length / (m.input.width * m.input.height * 3)), dim = m.output.dimension;
  for (const v of vs) {
    if (!v.dir || !v.node || 'error' in v.node) continue;
    try {
      const session = await ortWeb.InferenceSession.create(new Uint8Array(await readFile(join(v.dir, 'model.onnx'))), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
      const { data, dims } = adaptImageBatch(batch.slice(0, n * m.input.width * m.input.height * 3), n, { ...m.input, layout: v.layout });
      const y = (await session.run({ [m.input.name]: new ortWeb.Tensor('float32', data, dims) }))[m.output.name].data as Float32Array;
      await session.release();
      const c = cosines(normaliseRows(y, n, dim), v.node.vectors.subarray(0, n * dim), dim);
      v.wasm = { minCos: Math.min(...c) };
    } catch (err) {
      v.wasm = { error: (err as Error).message.split('\n')[0] };
    }
  }
}

/** Chromium: the page's bench hook (the app's worker and WASM runtime), 1 thread, each variant
 *  served under models/<id>/ of the built site; PASSES passes, best kept. */
async function measureBrowser(vs: Variant[], rounds: number): Promise<string> {
  const served = await buildAndPreview(DIST);
  const copied: string[] = [];
  const browser = await launchChromium();
  try {
    for (const v of vs.filter((x) => x.dir)) {
      const to = join(ROOT, DIST, 'models', v.id);
      await cp(v.dir, to, { recursive: true });
      copied.push(to);
    }
    const page = await browser.newPage();
    await page.goto(served.url);
    await page.locator('[data-testid=capabilities][data-backend]').waitFor({ timeout: 120_000 });
    for (let pass = 0; pass < PASSES; pass++) {
      for (const v of rotate(vs.filter((x) => x.dir), pass)) {
        if (v.browser && 'error' in v.browser) continue;
        try {
          const r = await page.evaluate(`window.synthscoreBench(1, ${BATCH}, ${rounds}, 'wasm', ${JSON.stringify(v.id)})`) as
            { info: { threads: number }; loadMs: number; msPerImage: number[] };
          if (r.info.threads !== 1) throw new Error(`ran ${r.info.threads} threads`);
          const ms = Math.min(...r.msPerImage);
          const was = v.browser && !('error' in v.browser) ? v.browser : { loadMs: Infinity, msPerImage: Infinity };
          v.browser = { loadMs: Math.min(was.loadMs, r.loadMs), msPerImage: Math.min(was.msPerImage, ms) };
        } catch (err) {
          v.browser = { error: (err as Error).message.split('\n').find((l) => /Error|error/.test(l)) ?? (err as Error).message.split('\n')[0] };
        }
      }
    }
    return `Chromium ${browser.version()}`;
  } finally {
    await browser.close();
    await served.close();
    for (const to of copied) await rm(to, { recursive: true, force: true });
  }
}

// ---- main ----------------------------------------------------------------------------------------
/** Makes, measures and compares every variant; returns the table's lines (and prints them). */
export async function benchVariants(opts: VariantsBenchOptions = {}): Promise<string[]> {
  const N = opts.images ?? 64, NCAL = opts.calibration ?? 100, ROUNDS = opts.rounds ?? 3;
  const browserToo = opts.browser ?? existsSync(CHROMIUM);
  const base = parseManifest(JSON.parse(await readFile(join(MODEL_DIR, MANIFEST_FILE), 'utf8')));
  const dim = base.output.dimension;
  const root = await mkdtemp(join(tmpdir(), 'bench-variants-'));
  const load0 = loadavg();
  const t0 = performance.now();
  try {
    const evalBatch = await toBatch(await digits(N, 0), base);
    console.log(`${N} MNIST digits (pipeline decode + preprocess) for the cosines and Node's timing; load avg ${load0.map((x) => x.toFixed(2)).join(' ')}`);
    const vs = await makeVariants(root, base, async () => ({ batch: await toBatch(await calibrationImages(NCAL), base), n: NCAL }));
    console.log(`  variants made in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    await measureNode(vs, evalBatch, N, ROUNDS, base);
    await wasmParity(vs, evalBatch, base);
    const levels = await nativeLevels(evalBatch, N, ROUNDS, base);
    console.log(`  Node done at ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const chromium = browserToo ? await measureBrowser(vs, ROUNDS) : 'no Chromium';

    // ---- the table ----
    const ref = vs.find((v) => v.id === 'uint8')!.node;
    if (!ref || 'error' in ref) throw new Error('bench-variants: the baseline model.onnx did not run in Node');
    const refNn = nearest(ref.vectors, dim);
    const tau = base.nearDuplicateThreshold.value;
    const f = (x: number, d = 1) => x.toFixed(d);
    const cell = <T extends object>(x: T | { error: string } | undefined, show: (y: T) => string) =>
      !x ? '—' : 'error' in x ? `fails: ${x.error.replace(/^.*ERROR_MESSAGE: /, '').slice(0, 110)}` : show(x as T);
    const lines = [
      `| variant | MB | Node load ms | Node ms/img (1 thread) | ${chromium} load ms | Chromium WASM ms/img (1 thread) | cosine to uint8: mean | min | max distance / τ | same nearest digit | WASM vs Node min cosine | what it needed |`,
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ];
    for (const v of vs) {
      const node = v.node && !('error' in v.node) ? v.node : undefined;
      const c = node ? cosines(node.vectors, ref.vectors, dim) : [];
      const nn = node ? nearest(node.vectors, dim) : [];
      const same = nn.filter((j, i) => j === refNn[i]).length;
      lines.push(`| ${v.id} | ${v.bytes ? f(v.bytes / 1e6, 2) : '—'} | ${cell(v.node, (x) => f(x.loadMs, 0))} | ${cell(v.node, (x) => f(x.msPerImage))} | ` +
        `${cell(v.browser, (x) => f(x.loadMs, 0))} | ${cell(v.browser, (x) => f(x.msPerImage))} | ` +
        `${node ? f(c.reduce((a, b) => a + b, 0) / c.length, 6) : '—'} | ${node ? f(Math.min(...c), 6) : '—'} | ` +
        `${node ? f((1 - Math.min(...c)) / tau, 2) : '—'} | ${node ? `${same}/${nn.length}` : '—'} | ${cell(v.wasm, (x) => f(x.minCos, 6))} | ${v.made} |`);
    }
    const footer = `batch ${BATCH}; Node: best of ${ROUNDS} rounds over ${N} digits after a warm-up; Chromium: best of ${PASSES} × ${ROUNDS} batches after a warm-up (synthetic batch, the page's bench hook); ` +
      `τ = ${tau} (the default near-duplicate cosine distance); load avg at start ${load0.map((x) => x.toFixed(2)).join(' ')}, at end ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ` +
      `${((performance.now() - t0) / 1000).toFixed(0)} s in all`;
    lines.push('', footer,
      `native onnxruntime-node, bare session on model.onnx, 1 thread, batch ${Math.min(BATCH, N)}: 'extended' ${f(levels.extended)} ms/img, 'all' ${f(levels.all)} ms/img ` +
      '(the NCHWc layout that only \'all\' adds is what opt-all carries, and onnxruntime-web has no kernels for it)',
      'WebGPU: not measured (headless Chromium here offers only SwiftShader, a software adapter, which the app passes over: docs/models.md)');
    for (const l of lines) console.log(l);
    return lines;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const lines = await benchVariants({
    images: arg('images'), calibration: arg('calibration'), rounds: arg('rounds'),
    browser: process.argv.includes('--no-browser') ? false : undefined,
  });
  console.log(`SUMMARY ${JSON.stringify(lines)}`);
}
