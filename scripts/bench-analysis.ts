// Times the analysis engine (src/core/analyse.ts) on structured random embeddings.
//   npx tsx scripts/bench-analysis.ts            # 10k+10k, then 50k+50k
//   npx tsx scripts/bench-analysis.ts 10000      # only 10k+10k (rows per side)
// Gemm: onnxruntime-node (createOrtGemm from src/models/ort-node.ts). The box is shared, so
// run it on a quiet machine; the gemm rate printed first tells how fast the box is right now.
import { analyse } from '../src/core/analyse.ts';
import type { Gemm } from '../src/core/gemm.ts';
import { createRng } from '../src/core/random.ts';
import { createOrtGemm } from '../src/models/ort-node.ts';

const DIM = 1792, RANK = 64;
const sizes = process.argv.slice(2).map(Number).filter((v) => v > 0);
const gemm: Gemm = createOrtGemm();

/** Rank-64 signal + isotropic noise; synthetic side differs a little, with copies and repeats. */
async function makeData(perSide: number) {
  const rng = createRng(123), n = 2 * perSide;
  const basis = Float32Array.from({ length: RANK * DIM }, () => rng.normal());
  const basisT = new Float32Array(DIM * RANK);
  for (let r = 0; r < RANK; r++) for (let j = 0; j < DIM; j++) basisT[j * RANK + r] = basis[r * DIM + j];
  const z = new Float32Array(n * RANK);
  for (let i = 0; i < n; i++) {
    const synth = i >= perSide;
    for (let r = 0; r < RANK; r++) {
      const scale = 1 / Math.sqrt(1 + r) * (synth && r < 8 ? 0.85 : 1); // synthetic: less spread on top directions
      z[i * RANK + r] = scale * rng.normal() + (synth && r === 5 ? 0.3 : 0);
    }
  }
  const x = new Float32Array(n * DIM);
  for (let r0 = 0; r0 < n; r0 += 8192) {
    const rows = Math.min(8192, n - r0);
    x.set(await gemm(z.subarray(r0 * RANK, (r0 + rows) * RANK), rows, basisT, DIM, RANK), r0 * DIM);
  }
  for (let i = 0; i < x.length; i++) x[i] += 1.5 * (rng.next() + rng.next() - 1); // cheap noise
  // 5% of synthetic rows copy a real row (jittered), 3% repeat another synthetic row.
  const copy = (dst: number, src: number) => {
    for (let j = 0; j < DIM; j++) x[dst * DIM + j] = x[src * DIM + j] * (1 + 0.002 * (rng.next() - 0.5));
  };
  for (let t = 0; t < Math.round(0.05 * perSide); t++) copy(perSide + t, rng.int(perSide));
  for (let t = 0; t < Math.round(0.03 * perSide); t++) copy(n - 1 - t, perSide + Math.round(0.1 * perSide) + t);
  const isSynthetic = new Uint8Array(n).fill(1, perSide);
  const hashes = Array.from({ length: n }, (_, i) => `h${i}`);
  return { vectors: x, n, isSynthetic, hashes };
}

async function gemmRate(): Promise<string> {
  const M = 2048, a = new Float32Array(M * DIM).map((_, i) => Math.sin(i)), b = new Float32Array(M * DIM).map((_, i) => Math.cos(i));
  await gemm(a, M, b, M, DIM);
  const ts: number[] = [];
  for (let r = 0; r < 3; r++) { const s = performance.now(); await gemm(a, M, b, M, DIM); ts.push(performance.now() - s); }
  return `${((2 * M * M * DIM) / Math.min(...ts) / 1e6).toFixed(0)} GFLOP/s (best of 3, 2048×2048×${DIM})`;
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
console.log(`onnxruntime gemm: ${await gemmRate()}`);
for (const perSide of sizes.length ? sizes : [10_000, 50_000]) {
  const data = await makeData(perSide);
  const stageStart: Record<string, number> = {};
  const t0 = performance.now();
  const r = await analyse({
    ...data, dim: DIM, tau: 0.01, gemm,
    onProgress: (e) => {
      if (e.status === 'initiate') stageStart[e.stage] = performance.now();
      if (e.status === 'done') console.log(`  ${e.stage.padEnd(12)} ${((performance.now() - stageStart[e.stage]) / 1000).toFixed(2)} s`);
    },
  });
  const total = (performance.now() - t0) / 1000;
  const s = r.scores, f = (v: number) => v.toFixed(3);
  console.log(`${perSide} + ${perSide} rows, dim ${DIM}: total ${total.toFixed(2)} s`);
  console.log('  timings (ms):', Object.fromEntries(Object.entries(r.timings).map(([k, v]) => [k, Math.round(v)])));
  console.log(`  unrealistic ${f(s.unrealistic.value)}  unrepresentative ${f(s.unrepresentative.value)}  unvaried ${f(s.unvaried.value)}  unoriginal ${f(s.unoriginal.value)}  AUC ${f(r.auc.value)} [${f(r.auc.lo)}, ${f(r.auc.hi)}]  λ ${r.classifier.lambdas.join(',')}`);
  const mem = process.memoryUsage();
  console.log(`  peak RSS ${gb(process.resourceUsage().maxRSS * 1024)}  (now: rss ${gb(mem.rss)}, heap ${gb(mem.heapUsed)}, arrayBuffers ${gb(mem.arrayBuffers)})`);
}
