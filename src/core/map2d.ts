// The 2-D map: UMAP (seeded; umap-js's algorithm on typed arrays, umap-layout.ts) of a stratified
// subsample of real ∪ synthetic rows. The neighbour graph is our exact cosine kNN (same gemm as
// the engine), so no approximate search in the full embedding space runs.
import { checkpoint, type AbortSignalLike } from './errors.ts';
import type { Gemm } from './gemm.ts';
import { knnCosine } from './knn.ts';
import { normaliseRows } from './normalise.ts';
import type { ProgressCallback } from './progress.ts';
import { createRng, deriveSeed, sampleIndices } from './random.ts';
import type { MapInfo } from '../report/schema.ts';
import { UmapLayout } from './umap-layout.ts';

export const MAP_MAX_POINTS = 5000;

/**
 * At most `max` row indices (ascending), real and synthetic in their own proportions (each side
 * keeps at least min(its size, max/10) rows so a small side is still visible).
 */
export function stratifiedSubsample(isSynthetic: Uint8Array, max: number, seed: number): Int32Array {
  const n = isSynthetic.length;
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  const real: number[] = [];
  const synth: number[] = [];
  for (let i = 0; i < n; i++) (isSynthetic[i] ? synth : real).push(i);
  const floor = Math.floor(max / 10);
  let mSynth = Math.round((max * synth.length) / n);
  mSynth = Math.min(synth.length, Math.max(mSynth, Math.min(synth.length, floor)));
  const mReal = Math.min(real.length, max - mSynth);
  mSynth = Math.min(synth.length, max - mReal);
  const rng = createRng(deriveSeed(seed, 0x3a9));
  const pick = (from: number[], m: number) => Array.from(sampleIndices(from.length, m, rng), (j) => from[j]);
  return Int32Array.from([...pick(real, mReal), ...pick(synth, mSynth)].sort((a, b) => a - b));
}

export interface MapOptions {
  gemm: Gemm;
  seed: number;
  maxPoints?: number;
  nNeighbors?: number;
  signal?: AbortSignalLike;
  onProgress?: ProgressCallback;
  stage?: string;
}

/** Cosine geometry (rows are normalised on a copy). Returns null when there are too few rows. */
export async function computeMap(
  vectors: Float32Array, dim: number, isSynthetic: Uint8Array, opts: MapOptions,
): Promise<MapInfo | null> {
  const stage = opts.stage ?? 'map';
  const rows = stratifiedSubsample(isSynthetic, opts.maxPoints ?? MAP_MAX_POINTS, opts.seed);
  const m = rows.length;
  const nNeighbors = Math.min(opts.nNeighbors ?? 15, m - 1);
  if (m < 4 || nNeighbors < 2) return null;
  const sub = new Float32Array(m * dim);
  rows.forEach((r, i) => sub.set(vectors.subarray(r * dim, (r + 1) * dim), i * dim));
  normaliseRows(sub, m, dim);
  opts.onProgress?.({ status: 'initiate', stage, done: 0, total: 100 });
  const graph = await knnCosine(sub, m, dim, nNeighbors, { gemm: opts.gemm, signal: opts.signal });
  const distances = Float64Array.from(graph.distances, (d) => (Number.isFinite(d) ? d : 2));
  await checkpoint(opts.signal);
  const rng = createRng(deriveSeed(opts.seed, 0x5e7));
  const umap = new UmapLayout({ n: m, k: graph.k, indices: graph.indices, distances, minDist: 0.1, random: () => rng.next(), nEpochs: m > 2000 ? 200 : 400 });
  const epochs = umap.nEpochs;
  for (let e = 0; e < epochs; e++) {
    umap.step();
    if (e % 20 === 0) {
      opts.onProgress?.({ status: 'progress', stage, done: Math.round((100 * e) / epochs), total: 100 });
      await checkpoint(opts.signal);
    }
  }
  opts.onProgress?.({ status: 'done', stage, done: 100, total: 100 });
  return { method: 'umap', rows: Array.from(rows), xy: scaleUnit(umap.embedding, m), total: isSynthetic.length, seed: opts.seed, nNeighbors };
}

/** Each axis to [0, 1], rounded to 4 decimals (the JSON stays small); emb is m × 2, row-major. */
function scaleUnit(emb: Float64Array, m: number): number[] {
  const out: number[] = [];
  for (const axis of [0, 1]) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < m; i++) { lo = Math.min(lo, emb[2 * i + axis]); hi = Math.max(hi, emb[2 * i + axis]); }
    const span = hi - lo || 1;
    for (let i = 0; i < m; i++) out[2 * i + axis] = Math.round(((emb[2 * i + axis] - lo) / span) * 1e4) / 1e4;
  }
  return out;
}
