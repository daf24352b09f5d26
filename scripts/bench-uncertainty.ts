// What issue 13's uncertainty costs (docs/uncertainty.md §5): the repeated CV (R = 5 against the
// single deal, R = 1) and the real-vs-real reference, on 10,000 + 10,000 × 1792 vectors, and both
// as a share of a full 2,000 + 2,000 image run. Figures, not tests.
//   npx tsx scripts/bench-uncertainty.ts                    # 10k + 10k, and the 2k + 2k image run
//   npx tsx scripts/bench-uncertainty.ts --per-side 500 --image-run 200   # a quick check that it runs
// Vectors: two Gaussian clouds in 1792-d (the image embedding's width), the synthetic one's mean
// shifted a little; analyse() normalises them as the image pipeline does. Gemm: onnxruntime-node.
// The reference is approximated as one more analyse() on half the real rows against the other half
// (what pipeline/reference.ts runs, reusing the vectors). The image run's embedding time is the
// machine's ms/img for the node image pipeline (embedSet: read, hash, decode, preprocess, embed)
// on 64 MNIST digits, times 4,000 images.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../src/core/analyse.ts';
import { DEFAULT_REPEATS } from '../src/core/crossval.ts';
import type { Gemm } from '../src/core/gemm.ts';
import { createRng } from '../src/core/random.ts';
import { createNodeEnv } from '../src/cli/node-env.ts';
import { listSet } from '../src/ingest/node-walk.ts';
import { createOrtGemm } from '../src/models/ort-node.ts';
import { embedSet } from '../src/pipeline/image/embed-set.ts';
import { digitPixels, greyToPng } from './demo-data/mnist-images.ts';

const DIM = 1792, SHIFT = 0.1, SHIFTED = 64; // synthetic mean: +0.1 on 64 coordinates (‖δ‖ = 0.8 against σ = 1 per coordinate)
const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const perSide = arg('--per-side', 10_000), IMAGE_RUN = arg('--image-run', 2000), EMBED_IMAGES = 64;
const gemm: Gemm = createOrtGemm();

/** n rows: the first nReal from N(0, I), the rest from N(δ, I). */
function clouds(nReal: number, nSynth: number, seed: number) {
  const rng = createRng(seed), n = nReal + nSynth, x = new Float32Array(n * DIM);
  for (let i = 0; i < n; i++) for (let j = 0; j < DIM; j++) x[i * DIM + j] = rng.normal() + (i >= nReal && j < SHIFTED ? SHIFT : 0);
  return { x, n, isSynthetic: new Uint8Array(n).fill(1, nReal) };
}

/** One analyse() on a copy of the rows (it normalises in place); wall seconds and its stage timings. */
async function timeAnalyse(x: Float32Array, n: number, isSynthetic: Uint8Array, repeats: number) {
  const t0 = performance.now();
  const r = await analyse({ vectors: x.slice(), n, dim: DIM, isSynthetic, hashes: Array.from({ length: n }, (_, i) => `h${i}`), tau: 0.01, gemm, repeats });
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, classifier: r.timings.classifier / 1000, auc: r.auc.value };
}

/** The node image pipeline's ms per image on MNIST digits (PNG files, no cache), best of 2 after a warm-up. */
async function embedMsPerImage(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-uncertainty-'));
  try {
    for (let i = 0; i < EMBED_IMAGES; i++) await writeFile(join(dir, `d${i}.png`), await greyToPng(digitPixels(i % 10, Math.floor(i / 10))));
    const env = await createNodeEnv({ noCache: true });
    const listed = await listSet(dir, 'real');
    await embedSet(listed, 'real', env); // warm-up: session arenas
    const ts: number[] = [];
    for (let r = 0; r < 2; r++) { const t0 = performance.now(); await embedSet(listed, 'real', env); ts.push(performance.now() - t0); }
    await env.close();
    return Math.min(...ts) / EMBED_IMAGES;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const s = (v: number) => `${v.toFixed(2)} s`;
const pct = (v: number) => `${(100 * v).toFixed(0)}%`;
console.log(`${cpus().length} CPUs, load avg ${loadavg().map((v) => v.toFixed(2)).join(' ')}; DEFAULT_REPEATS = ${DEFAULT_REPEATS}`);
const summary: string[] = [];
{ // warm-up, so the first timed call does not pay for ORT's session and arenas
  const w = clouds(200, 200, 9);
  await timeAnalyse(w.x, w.n, w.isSynthetic, 1);
}

// ---- headline size: repeats, and the reference --------------------------------------------------
{
  const d = clouds(perSide, perSide, 1);
  const one = await timeAnalyse(d.x, d.n, d.isSynthetic, 1);
  const def = await timeAnalyse(d.x, d.n, d.isSynthetic, DEFAULT_REPEATS);
  const half = Math.floor(perSide / 2);
  const realHalves = new Uint8Array(perSide).fill(1, half); // real rows only: half A "real", half B "synthetic"
  const ref = await timeAnalyse(d.x.subarray(0, perSide * DIM), perSide, realHalves, DEFAULT_REPEATS);
  console.log(`${perSide} + ${perSide} × ${DIM}: analyse repeats 1 ${s(one.seconds)} (classifier ${s(one.classifier)}, AUC ${one.auc.toFixed(3)}); ` +
    `repeats ${DEFAULT_REPEATS} ${s(def.seconds)} (classifier ${s(def.classifier)}, AUC ${def.auc.toFixed(3)}); ratio ×${(def.seconds / one.seconds).toFixed(2)}`);
  console.log(`  reference (analyse, ${half} + ${perSide - half} real rows, repeats ${DEFAULT_REPEATS}): ${s(ref.seconds)} = ${pct(ref.seconds / def.seconds)} of the headline analysis (AUC ${ref.auc.toFixed(3)})`);
  summary.push(`${perSide}+${perSide}: repeats 1 ${s(one.seconds)}, repeats ${DEFAULT_REPEATS} ${s(def.seconds)} (×${(def.seconds / one.seconds).toFixed(2)}); reference +${s(ref.seconds)}`);
}

// ---- a full 2,000 + 2,000 image run: embedding + analysis + reference ----------------------------
{
  const msImg = await embedMsPerImage();
  const embed = (2 * IMAGE_RUN * msImg) / 1000;
  const d = clouds(IMAGE_RUN, IMAGE_RUN, 2);
  const one = await timeAnalyse(d.x, d.n, d.isSynthetic, 1);
  const def = await timeAnalyse(d.x, d.n, d.isSynthetic, DEFAULT_REPEATS);
  const realHalves = new Uint8Array(IMAGE_RUN).fill(1, IMAGE_RUN / 2);
  const ref = await timeAnalyse(d.x.subarray(0, IMAGE_RUN * DIM), IMAGE_RUN, realHalves, DEFAULT_REPEATS);
  const full = embed + def.seconds + ref.seconds, extraRepeats = def.seconds - one.seconds;
  console.log(`image run ${IMAGE_RUN} + ${IMAGE_RUN}: embedding ${msImg.toFixed(1)} ms/img (node pipeline, ${EMBED_IMAGES} MNIST PNGs) → ${s(embed)}; ` +
    `analyse repeats 1 ${s(one.seconds)}, repeats ${DEFAULT_REPEATS} ${s(def.seconds)}; reference ${s(ref.seconds)}; full run ≈ ${s(full)}`);
  console.log(`  share of the full run: repeats' extra ${s(extraRepeats)} = ${pct(extraRepeats / full)}, reference ${pct(ref.seconds / full)}, both ${pct((extraRepeats + ref.seconds) / full)}`);
  summary.push(`image run ${IMAGE_RUN}+${IMAGE_RUN} ≈ ${s(full)} (embed ${msImg.toFixed(1)} ms/img): repeats' extra ${pct(extraRepeats / full)}, reference ${pct(ref.seconds / full)}`);
}
console.log(`SUMMARY ${JSON.stringify(summary)}`);
