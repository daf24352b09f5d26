// The extended panel (docs/panel.md, issue 14): precision, recall, density, coverage, Fréchet
// distance, Vendi scores, authenticity and, with a holdout, the DCR share, from the vectors a run
// already has (unit-norm rows, n×dim). Everything heavy is a tiled a·bᵀ through the injected Gemm
// or a d×d Float64 eigenvalue problem; nothing holds an n×m matrix.
import { TooFewRowsError, type AbortSignalLike } from '../errors.ts';
import type { Gemm } from '../gemm.ts';
import { wilson, quantileSorted } from '../intervals.ts';
import { knnCosine, type KnnGraph } from '../knn.ts';
import { createRng, deriveSeed, shuffle } from '../random.ts';
import type { Estimate } from '../../report/schema.ts';
import { authenticCount } from './authenticity.ts';
import { dcrShare, type DcrResult } from './dcr.ts';
import { frechetDistance, type FactoredMoments, type FrechetResult } from './frechet.ts';
import { allRows, moments, type Moments } from './moments.ts';
import { crossPass, kthDistances, prdcFromPass } from './prdc.ts';
import { symmetricEigenvalues } from './sym-eigenvalues.ts';
import { vendiFromEigenvalues, vendiFromKernel } from './vendi.ts';

/** The report's Estimate (method 'none' where no interval is computed: lo = hi = value, docs/panel.md). */
export type PanelEstimate = Estimate;

export interface PanelInput {
  real: Float32Array;
  synthetic: Float32Array;
  /** Real rows the generator never saw: enables the DCR share. */
  holdout?: Float32Array;
  dim: number;
  gemm: Gemm;
  seed?: number;
  signal?: AbortSignalLike;
  /** Neighbours for prdc's radii (default 5, as prdc). */
  k?: number;
  /** Within-set k-NN graphs (k ≥ this k), when the run already has them. */
  realGraph?: KnnGraph;
  syntheticGraph?: KnnGraph;
  /** Rows per side for the Fréchet distance: give every experiment and the reference the same. */
  frechetSampleSize?: number;
  frechetDraws?: number;
  /** Bootstrap resamples for density's interval (default 1000). */
  resamples?: number;
  /** The real set's pieces, kept across the experiments of one run on this same `real` (realPieces()). */
  realPieces?: RealPieces;
}

/**
 * What depends on the real set alone: its whole-set fit, its Vendi score and the Fréchet draws' real
 * fits (with their Cholesky factors). One per real set of a run, handed to every computePanel on it,
 * so each is computed once, not once per experiment (docs/panel.md, "Cost").
 */
export interface RealPieces {
  moments?: Moments;
  vendi?: number;
  fits: Map<string, FactoredMoments>;
}

export const realPieces = (): RealPieces => ({ fits: new Map() });

export interface Panel {
  precision: PanelEstimate;
  recall: PanelEstimate;
  density: PanelEstimate;
  coverage: PanelEstimate;
  frechetDistance: PanelEstimate;
  /** Vendi score of the synthetic set (of the real set: vendiReal). */
  vendi: PanelEstimate;
  vendiReal: PanelEstimate;
  authenticity: PanelEstimate;
  dcrShare?: PanelEstimate;
  /** Two-sided sign test of DCR share = 0.5. */
  dcrPValue?: number;
  frechet: FrechetResult;
  dcr?: DcrResult;
  k: number;
}

const none = (value: number, n: number): PanelEstimate => ({ value, lo: value, hi: value, n, method: 'none' });

export async function computePanel(input: PanelInput): Promise<Panel> {
  const { real, synthetic, dim, gemm, signal } = input;
  const seed = input.seed ?? 0, k = input.k ?? 5;
  const nr = real.length / dim, ns = synthetic.length / dim;
  if (nr <= k || ns <= k) throw new TooFewRowsError(`The panel needs more than k = ${k} rows on each side.`);

  const realGraph = input.realGraph ?? (await knnCosine(real, nr, dim, k, { gemm, signal }));
  const syntheticGraph = input.syntheticGraph ?? (await knnCosine(synthetic, ns, dim, k, { gemm, signal }));
  const pass = await crossPass(real, synthetic, dim, kthDistances(realGraph, k), kthDistances(syntheticGraph, k), gemm, signal);
  const prdc = prdcFromPass(pass, k);

  // Whole-set moments serve Vendi (when dim ≤ n) and the Fréchet distance (when not subsampled).
  const wholeMoments = async (x: Float32Array, n: number): Promise<Moments | undefined> =>
    n >= dim ? moments(x, dim, gemm, allRows(n), signal) : undefined;
  const pieces = input.realPieces;
  const realMoments = pieces ? (pieces.moments ??= await wholeMoments(real, nr)) : await wholeMoments(real, nr);
  const syntheticMoments = await wholeMoments(synthetic, ns);
  const vendiOf = (x: Float32Array, m?: Moments) => (m ? centredVendiFromMoments(m) : centredVendiFromKernel(x, dim, gemm, signal));
  const frechet = await frechetDistance(real, synthetic, dim, {
    gemm, signal, seed, sampleSize: input.frechetSampleSize, draws: input.frechetDraws, realMoments, syntheticMoments, realFits: pieces?.fits,
  });
  const vendiReal = pieces ? (pieces.vendi ??= await vendiOf(real, realMoments)) : await vendiOf(real, realMoments);

  const panel: Panel = {
    precision: wilson(prdc.precision * ns, ns),
    recall: wilson(prdc.recall * nr, nr),
    density: densityEstimate(pass.inRealBalls, k, input.resamples ?? 1000, deriveSeed(seed, 0xde)),
    coverage: wilson(prdc.coverage * nr, nr),
    frechetDistance: none(frechet.value, frechet.n),
    vendi: none(await vendiOf(synthetic, syntheticMoments), ns),
    vendiReal: none(vendiReal, nr),
    authenticity: wilson(authenticCount(pass.nearestRealSimilarity, pass.nearestRealIndex, realGraph), ns),
    frechet,
    k,
  };
  if (input.holdout && input.holdout.length >= dim) {
    const dcr = await dcrShare(synthetic, real, input.holdout, dim, { gemm, seed, signal, nearestTrainingSimilarity: pass.nearestRealSimilarity });
    panel.dcr = dcr;
    panel.dcrShare = wilson(dcr.nearerTraining + dcr.ties / 2, ns);
    panel.dcrPValue = dcr.pValue;
  }
  return panel;
}

/**
 * The Vendi score of a set's rows centred on their own mean: exp of the entropy of the normalised
 * eigenvalues of its covariance (the effective rank, Roy & Vetterli 2007). Not the paper's
 * un-centred cosine kernel: embeddings share one large direction (mean cosine 0.87 between MNIST
 * digits with the image model), which held every set at ≈ 2.3 and hid repeats (docs/panel.md).
 * A set with no spread (copies of one row) is one distinct item: 1.
 */
function centredVendiFromMoments(m: Moments): number {
  let spread = 0, power = 0;
  for (let c = 0; c < m.dim; c++) { spread += m.cov[c * m.dim + c]; power += m.cov[c * m.dim + c] + m.mean[c] ** 2; }
  return noSpread(spread, power) ? 1 : vendiFromEigenvalues(symmetricEigenvalues(m.cov, m.dim));
}

/** Rounding alone (copies of one row leave ~1e-8 per coordinate): its eigenvalues would count as items. */
const noSpread = (spread: number, power: number) => !(spread > 1e-9 * power);

/** The same from the n×n kernel of the centred rows (for sets with fewer rows than dimensions). */
async function centredVendiFromKernel(x: Float32Array, dim: number, gemm: Gemm, signal?: AbortSignalLike): Promise<number> {
  const n = x.length / dim, mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) mean[c] += x[i * dim + c];
  const centred = new Float32Array(x.length);
  let spread = 0, power = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dim; c++) {
      const v = x[i * dim + c], d = v - mean[c] / n;
      centred[i * dim + c] = d;
      spread += d * d;
      power += v * v;
    }
  }
  return noSpread(spread, power) ? 1 : vendiFromKernel(centred, dim, gemm, signal);
}

/**
 * Density with a percentile bootstrap over synthetic rows, the real radii and set held fixed
 * (the noise of which synthetic rows were drawn; refitting the radii would cost a k-NN per resample).
 */
function densityEstimate(inRealBalls: Uint32Array, k: number, resamples: number, seed: number): PanelEstimate {
  const ns = inRealBalls.length;
  let total = 0;
  for (let j = 0; j < ns; j++) total += inRealBalls[j];
  const value = total / (k * ns);
  if (resamples <= 0) return none(value, ns);
  const rng = createRng(seed), draws = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    for (let t = 0; t < ns; t++) s += inRealBalls[rng.int(ns)];
    draws[b] = s / (k * ns);
  }
  draws.sort();
  return { value, lo: Math.min(value, quantileSorted(draws, 0.025)), hi: Math.max(value, quantileSorted(draws, 0.975)), n: ns, method: 'bootstrap' };
}

/**
 * What real against real scores on this data: the real set split in two seeded halves, one as
 * "real", the other as "synthetic" (the comparison's reference row does the same). With a
 * holdout, the DCR share of an unseen real half against the training half and the holdout.
 */
export async function computeReferencePanel(input: Omit<PanelInput, 'synthetic' | 'realGraph' | 'syntheticGraph'>): Promise<Panel> {
  const { real, dim } = input;
  const nr = real.length / dim, order = shuffle(allRows(nr), createRng(deriveSeed(input.seed ?? 0, 0x4ef)));
  const half = Math.floor(nr / 2);
  const take = (from: number, to: number) => {
    const out = new Float32Array((to - from) * dim);
    for (let t = from; t < to; t++) out.set(real.subarray(order[t] * dim, (order[t] + 1) * dim), (t - from) * dim);
    return out;
  };
  return computePanel({ ...input, real: take(0, half), synthetic: take(half, 2 * half) });
}

export { dcrShare, signTestPValue } from './dcr.ts';
export { frechetDistance, frechetFromMoments } from './frechet.ts';
export { vendiFromEigenvalues } from './vendi.ts';
