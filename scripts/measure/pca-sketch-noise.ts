// How much the detector's PCA sketch moves the classifier scores, against their 95% intervals
// (docs/uncertainty.md §1, "One sketch per run"). On MobileNet embeddings of the demo's MNIST sets
// (real against fresh, repeats, dropped classes and drawn digits), the same fold deals and the same
// run seed, only the sketch changes: its seed (one sketch shared by the R repeats, as the engine
// does), or one sketch per repeat (as it did before). Prints each score's spread over sketch seeds
// beside the interval's half-width.
//   npx tsx scripts/measure/pca-sketch-noise.ts [--per-class 100] [--sketches 6] [--power 2]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifierScores } from '../../src/core/classifier-scores.ts';
import { repeatedLogisticCv, DEFAULT_REPEATS } from '../../src/core/crossval.ts';
import { normaliseRows } from '../../src/core/normalise.ts';
import { standardisingPcas } from '../../src/core/pca.ts';
import { deriveSeed } from '../../src/core/random.ts';
import { createNodeEnv } from '../../src/cli/node-env.ts';
import { listSet } from '../../src/ingest/node-walk.ts';
import { createOrtGemm } from '../../src/models/ort-node.ts';
import { embedSet, stackSides } from '../../src/pipeline/image/embed-set.ts';
import { buildDemoSets, type DemoSet } from '../demo-data/build-sets.ts';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const perClass = arg('--per-class', 100), sketchSeeds = arg('--sketches', 6), power = arg('--power', 2);
const CASES: DemoSet[] = ['fresh', 'repeats', 'dropped', 'drawn'];
const SEED = 0, gemm = createOrtGemm();

const sd = (v: number[]) => { const m = v.reduce((a, b) => a + b, 0) / v.length; return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1)); };
const f3 = (v: number) => v.toFixed(3);

/** The classifier scores with the PCA features given per repeat (what crossValidate does after its sketches). */
async function scoresWith(features: { x: Float32Array; c: number }[], n: number, y: Uint8Array) {
  const cv = await repeatedLogisticCv((r) => features[r], n, y, { seed: SEED, repeats: DEFAULT_REPEATS });
  const s = classifierScores(cv.p, y, { seed: deriveSeed(SEED, 3), pPerRepeat: cv.pPerRepeat });
  return { unrealistic: s.unrealistic, auc: s.auc };
}

const dir = await mkdtemp(join(tmpdir(), 'pca-sketch-noise-'));
try {
  await buildDemoSets(dir, { perClass, sets: CASES });
  const env = await createNodeEnv({});
  const real = await embedSet(await listSet(join(dir, 'real'), 'real'), 'real', env);
  console.log(`${real.items.length} real rows per case; ${DEFAULT_REPEATS} repeats; sketch seeds: ${sketchSeeds}; power iterations ${power}`);
  console.log('case | score | one sketch per repeat | one shared sketch: mean (sd over seeds) | half-width | sd / half-width');
  for (const name of CASES) {
    const synth = await embedSet(await listSet(join(dir, name), 'synthetic'), 'synthetic', env);
    const { vectors, isSynthetic, n } = stackSides(real, synth, env.embedder.manifest.output.dimension);
    const dim = env.embedder.manifest.output.dimension;
    normaliseRows(vectors, n, dim);
    const sketch = async (seeds: number[]) => (await standardisingPcas(vectors, n, dim, seeds, { gemm, powerIterations: power })).map((p) => ({ x: p.projected, c: p.components }));
    const each = await scoresWith(await sketch(Array.from({ length: DEFAULT_REPEATS }, (_, r) => deriveSeed(SEED, r === 0 ? 1 : 300 + r))), n, isSynthetic);
    const shared = [];
    for (let s = 0; s < sketchSeeds; s++) {
      const [one] = await sketch([deriveSeed(SEED, s === 0 ? 1 : 900 + s)]);
      shared.push(await scoresWith(Array.from({ length: DEFAULT_REPEATS }, () => one), n, isSynthetic));
    }
    for (const key of ['unrealistic', 'auc'] as const) {
      const v = shared.map((r) => r[key].value), half = shared.map((r) => (r[key].hi - r[key].lo) / 2);
      const meanHalf = half.reduce((a, b) => a + b, 0) / half.length;
      console.log(`${name} | ${key} | ${f3(each[key].value)} ±${f3((each[key].hi - each[key].lo) / 2)} | ${f3(v.reduce((a, b) => a + b, 0) / v.length)} (sd ${f3(sd(v))}) | ±${f3(meanHalf)} | ${(sd(v) / meanHalf).toFixed(2)}`);
    }
  }
  await env.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
