// Coverage of the classifier scores' 95% intervals by simulation (docs/uncertainty.md §2), with
// each component kept apart so interval rules can be compared on the same draws.
// Real rows ~ N(0, I_d), synthetic rows ~ N(δ·e₁, I_d): population unrealistic = unrepresentative =
// E_{x~N(δ,1)} σ(δx − δ²/2), AUC = Φ(δ/√2), whatever d (the other d − 1 coordinates are noise).
//   npx tsx scripts/measure/coverage.ts                               # 150 + 150, 2-d, δ = 1, 200 draws
//   npx tsx scripts/measure/coverage.ts --per-side 300 --dim 16 --draws 100
import { bootstrapClassifierScores, refitHalfWidth, repeatScores } from '../../src/core/intervals.ts';
import { crossValidate } from '../../src/core/crossval.ts';
import { jsGemm } from '../../src/core/gemm.ts';
import { sigmoid } from '../../src/core/logistic.ts';
import { createRng, deriveSeed } from '../../src/core/random.ts';
import type { Estimate } from '../../src/report/schema.ts';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const perSide = arg('--per-side', 150), dim = arg('--dim', 2), delta = arg('--delta', 1), draws = arg('--draws', 200), B = arg('--bootstrap', 400);
const folds = 5;

function populationUnrealistic(d: number): number {
  let s = 0;
  const h = 1e-3;
  for (let z = -10; z <= 10; z += h) s += (Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI)) * sigmoid(d * (z + d) - d * d / 2) * h;
  return s;
}
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

const KEYS = ['unrealistic', 'unrepresentative', 'auc'] as const;
type Key = (typeof KEYS)[number];
const truth: Record<Key, number> = { unrealistic: populationUnrealistic(delta), unrepresentative: populationUnrealistic(delta), auc: normalCdf(delta / Math.SQRT2) };
/** Per draw and score: the bootstrap-only interval, the refitting half-width, and the interval the code reports. */
const rows: Record<Key, { boot: Estimate; h: number; reported: Estimate }[]> = { unrealistic: [], unrepresentative: [], auc: [] };
const t0 = performance.now();
for (let d = 0; d < draws; d++) {
  const rng = createRng(deriveSeed(42, d)), n = 2 * perSide;
  const x = Float32Array.from({ length: n * dim }, (_, k) => rng.normal() + (k >= perSide * dim && k % dim === 0 ? delta : 0));
  const y = new Uint8Array(n).fill(1, perSide);
  const cv = await crossValidate(x, n, dim, y, { gemm: jsGemm, seed: d, folds });
  const boot = bootstrapClassifierScores(cv.p, y, { resamples: B, seed: d });
  const reported = bootstrapClassifierScores(cv.p, y, { resamples: B, seed: d, pPerRepeat: cv.pPerRepeat });
  const rep = repeatScores(cv.pPerRepeat, y);
  for (const k of KEYS) rows[k].push({ boot: boot[k], h: refitHalfWidth(rep[k]), reported: reported[k] });
}

/** Scale each side of the bootstrap interval by `f` (no refit term). */
const scaled = (r: { boot: Estimate }, f: number): Estimate => ({ ...r.boot, lo: r.boot.value - f * (r.boot.value - r.boot.lo), hi: r.boot.value + f * (r.boot.hi - r.boot.value) });
const nb = Math.sqrt(1 + 1 / (folds - 1)); // Nadeau & Bengio (2003): variance × (1 + n_test/n_train)
const rules: [string, (r: (typeof rows)[Key][number]) => Estimate][] = [
  ['bootstrap over rows only', (r) => r.boot],
  ['bootstrap × √(1 + 1/(K−1)) (N&B factor)', (r) => scaled(r, nb)],
  ['reported (bootstrap ⊕ refit replicates)', (r) => r.reported],
];
console.log(`${perSide} + ${perSide} rows, ${dim}-d, δ = ${delta}, ${draws} draws, ${B} resamples, K = ${folds}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
console.log(`population: unrealistic = unrepresentative = ${truth.unrealistic.toFixed(4)}, AUC = ${truth.auc.toFixed(4)}`);
for (const k of KEYS) {
  const v = rows[k].map((r) => r.boot.value), m = v.reduce((s, a) => s + a, 0) / v.length;
  const sd = Math.sqrt(v.reduce((s, a) => s + (a - m) ** 2, 0) / (v.length - 1));
  const se = (e: Estimate) => (e.hi - e.lo) / (2 * 1.96);
  const mean = (f: (r: (typeof rows)[Key][number]) => number) => rows[k].reduce((s, r) => s + f(r), 0) / rows[k].length;
  console.log(`\n${k}: mean estimate ${m.toFixed(4)} (bias ${(m - truth[k]).toFixed(4)}), sd over draws ${sd.toFixed(4)}, RMSE ${Math.sqrt(sd ** 2 + (m - truth[k]) ** 2).toFixed(4)}; mean bootstrap se ${mean((r) => se(r.boot)).toFixed(4)}, mean refit-replicate sd (t·sd / t) ${mean((r) => r.h / 2.776).toFixed(4)}`);
  for (const [name, rule] of rules) {
    const es = rows[k].map(rule);
    const cov = es.filter((e) => e.lo <= truth[k] && truth[k] <= e.hi).length;
    const half = es.reduce((s, e) => s + (e.hi - e.lo) / 2, 0) / es.length;
    console.log(`  ${name.padEnd(40)} covers ${cov}/${draws} = ${(100 * cov / draws).toFixed(1)}%, mean half-width ${half.toFixed(4)}`);
  }
}
