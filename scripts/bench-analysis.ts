// Times the analysis engine (src/core/analyse.ts: PCA, repeated CV, bootstrap, kNN, sets) and the
// 2-D map (src/core/map2d.ts) on structured random embeddings, in Node.
//   npx tsx scripts/bench-analysis.ts                      # 10k+10k, then 50k+50k
//   npx tsx scripts/bench-analysis.ts 2000 [--baseline REV] # only 2k+2k (rows per side)
// --baseline REV also runs the engine as committed at REV (git archive of src/ under
// node_modules/.cache), interleaved with the working tree's on the same data and the same gemm, and
// prints both times, the speed-up and how far each score moved (issue 17: before and after in one run).
// Gemm: onnxruntime-node (createOrtGemm from src/models/ort-node.ts). The box is shared, so
// the gemm rate printed first tells how fast the box is right now, and CPU seconds are printed beside wall.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, type AnalyseResult } from '../src/core/analyse.ts';
import type { Gemm } from '../src/core/gemm.ts';
import { computeMap } from '../src/core/map2d.ts';
import { createRng } from '../src/core/random.ts';
import { createOrtGemm } from '../src/models/ort-node.ts';

const DIM = 1792, RANK = 64;

/** Rank-64 signal + isotropic noise; synthetic side differs a little, with copies and repeats. */
async function makeData(perSide: number, gemm: Gemm) {
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

async function gemmRate(gemm: Gemm): Promise<string> {
  const M = 2048, a = new Float32Array(M * DIM).map((_, i) => Math.sin(i)), b = new Float32Array(M * DIM).map((_, i) => Math.cos(i));
  await gemm(a, M, b, M, DIM);
  const ts: number[] = [];
  for (let r = 0; r < 3; r++) { const s = performance.now(); await gemm(a, M, b, M, DIM); ts.push(performance.now() - s); }
  return `${((2 * M * M * DIM) / Math.min(...ts) / 1e6).toFixed(0)} GFLOP/s (best of 3, 2048×2048×${DIM})`;
}

/** The engine and the map as committed at rev (src/ exported under node_modules/.cache). */
async function baselineModules(rev: string) {
  const dir = resolve(`node_modules/.cache/bench-analysis-baseline/${rev.replace(/[^\w.-]/g, '_')}`);
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('sh', ['-c', `git archive ${JSON.stringify(rev)} src | tar -x -C ${JSON.stringify(dir)}`], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`bench-analysis: cannot export src/ at ${rev}`);
  if (!existsSync(join(dir, 'public'))) symlinkSync(resolve('public'), join(dir, 'public'));
  return {
    analyse: (await import(join(dir, 'src/core/analyse.ts')) as typeof import('../src/core/analyse.ts')).analyse,
    computeMap: (await import(join(dir, 'src/core/map2d.ts')) as typeof import('../src/core/map2d.ts')).computeMap,
  };
}

const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const f3 = (v: number) => v.toFixed(3);
const SCORES = ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal'] as const;

/** One timed analyse + map on a fresh copy of the data (analyse normalises its input in place). */
async function timedAnalysis(engine: { analyse: typeof analyse; computeMap: typeof computeMap }, data: Awaited<ReturnType<typeof makeData>>, gemm: Gemm, map: boolean) {
  const stageStart: Record<string, number> = {}, stages: Record<string, number> = {};
  const c0 = cpuSeconds(), t0 = performance.now();
  const r = await engine.analyse({
    ...data, vectors: Float32Array.from(data.vectors), dim: DIM, tau: 0.01, gemm,
    onProgress: (e) => {
      if (e.status === 'initiate') stageStart[e.stage] = performance.now();
      if (e.status === 'done') stages[e.stage] = (performance.now() - stageStart[e.stage]) / 1000;
    },
  });
  const seconds = (performance.now() - t0) / 1000, cpu = cpuSeconds() - c0;
  const tMap = performance.now();
  if (map) await engine.computeMap(data.vectors, DIM, data.isSynthetic, { gemm, seed: 0 });
  return { r, seconds, cpu, stages, mapSeconds: map ? (performance.now() - tMap) / 1000 : NaN };
}

const describe = (r: AnalyseResult) =>
  `${SCORES.map((k) => `${k} ${f3(r.scores[k].value)} [${f3(r.scores[k].lo)}, ${f3(r.scores[k].hi)}]`).join('  ')}  AUC ${f3(r.auc.value)}  λ ${r.classifier.lambdas[0].toPrecision(3)}`;

/**
 * analyse (+ the map) on perSide + perSide × 1792 rows; with baselineRev, the engine at that commit
 * too, interleaved (`rounds` of each). Returns the summary lines.
 */
export async function benchAnalysis(opts: { perSide: number; baselineRev?: string; rounds?: number; map?: boolean }): Promise<string[]> {
  const gemm = createOrtGemm();
  const rounds = opts.rounds ?? (opts.baselineRev ? 2 : 1), map = opts.map ?? true;
  const rate = await gemmRate(gemm);
  console.log(`onnxruntime gemm: ${rate}`);
  const data = await makeData(opts.perSide, gemm);
  const now = { analyse, computeMap };
  const before = opts.baselineRev ? await baselineModules(opts.baselineRev) : null;
  type Timed = Awaited<ReturnType<typeof timedAnalysis>>;
  const runs: { now: Timed[]; before: Timed[] } = { now: [], before: [] };
  for (let k = 0; k < rounds; k++) {
    if (before) runs.before.push(await timedAnalysis(before, data, gemm, map));
    runs.now.push(await timedAnalysis(now, data, gemm, map));
  }
  const best = (xs: Timed[], key: 'seconds' | 'cpu' | 'mapSeconds') => Math.min(...xs.map((x) => x[key]));
  const size = `${opts.perSide} + ${opts.perSide} × ${DIM}`;
  const show = (label: string, xs: Timed[]) => {
    const x = xs[xs.length - 1];
    console.log(`${label}: analyse ${xs.map((t) => t.seconds.toFixed(2)).join(', ')} s (CPU ${xs.map((t) => t.cpu.toFixed(2)).join(', ')} s); ` +
      `map ${xs.map((t) => t.mapSeconds.toFixed(2)).join(', ')} s`);
    console.log(`  stages (s): ${Object.entries(x.stages).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
    console.log(`  ${describe(x.r)}`);
  };
  if (before) show(`as at ${opts.baselineRev}`, runs.before);
  show('now', runs.now);
  const lines = [`analysis ${size} in Node (onnxruntime gemm ${rate}): analyse ${best(runs.now, 'seconds').toFixed(2)} s (CPU ${best(runs.now, 'cpu').toFixed(2)} s), map ${best(runs.now, 'mapSeconds').toFixed(2)} s` +
    ` (best of ${rounds}; stages ${Object.entries(runs.now[0].stages).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')})`];
  if (before) {
    const a = runs.before[0].r, b = runs.now[0].r;
    const moved = [...SCORES.map((k) => `${k} ${f3(a.scores[k].value)} → ${f3(b.scores[k].value)} (±${f3((a.scores[k].hi - a.scores[k].lo) / 2)})`), `AUC ${f3(a.auc.value)} → ${f3(b.auc.value)}`];
    lines.push(`  against ${opts.baselineRev} in the same run: analyse ${best(runs.before, 'seconds').toFixed(2)} → ${best(runs.now, 'seconds').toFixed(2)} s ` +
      `(×${(best(runs.before, 'seconds') / best(runs.now, 'seconds')).toFixed(1)}; CPU ${best(runs.before, 'cpu').toFixed(2)} → ${best(runs.now, 'cpu').toFixed(2)} s), ` +
      `map ${best(runs.before, 'mapSeconds').toFixed(2)} → ${best(runs.now, 'mapSeconds').toFixed(2)} s; scores (half-width before): ${moved.join(', ')}`);
  }
  const mem = process.memoryUsage();
  console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 2 ** 20).toFixed(2)} GB (now: rss ${(mem.rss / 2 ** 30).toFixed(2)} GB)`);
  lines.forEach((l) => console.log(l));
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const b = args.indexOf('--baseline');
  const baselineRev = b >= 0 ? args[b + 1] : undefined;
  const sizes = args.filter((a, i) => i !== b && i !== b + 1).map(Number).filter((v) => v > 0);
  const lines: string[] = [];
  for (const perSide of sizes.length ? sizes : [10_000, 50_000]) lines.push(...await benchAnalysis({ perSide, baselineRev, map: perSide <= 10_000 }));
  console.log(`SUMMARY ${JSON.stringify(lines)}`);
}
