// Exact k-nearest neighbours by cosine distance (rows must be unit-norm: d = 1 − dot).
// Work is split into blocks of rows so memory stays at one blockRows² similarity tile, never
// n×n. Only tiles with J ≥ I are computed: a tile serves the rows of I and, transposed, the rows
// of J, halving the gemm work. The next tile's gemm is requested before the current one is
// scanned, so an asynchronous gemm overlaps with the top-k bookkeeping.
import { checkpoint, type AbortSignalLike } from './errors.ts';
import type { Gemm } from './gemm.ts';
import { type ProgressCallback, stageReporter } from './progress.ts';

export interface KnnGraph {
  n: number;
  k: number;
  /** n×k neighbour indices, nearest first; −1 pads rows with fewer than k others. */
  indices: Int32Array;
  /** n×k cosine distances, ascending, clamped to ≥ 0; Infinity where indices is −1. */
  distances: Float32Array;
}

export interface KnnOptions {
  gemm: Gemm;
  blockRows?: number; // default knnBlockRows(n)
  signal?: AbortSignalLike;
  onProgress?: ProgressCallback;
}

/**
 * Rows per block: at most 2048, and at least 4 blocks while blocks keep ≥ 512 rows, so the tiles
 * below the diagonal that are skipped are a real share of the work (with 2 blocks of 2,000 rows,
 * 3 of 4 tiles are computed; with 4 blocks, 10 of 16).
 */
export function knnBlockRows(n: number): number {
  const blocks = Math.max(Math.ceil(n / 2048), Math.min(4, Math.ceil(n / 512)));
  return Math.max(1, Math.ceil(n / blocks));
}

export async function knnCosine(vectors: Float32Array, n: number, dim: number, k: number, opts: KnnOptions): Promise<KnnGraph> {
  const B = Math.max(1, opts.blockRows ?? knnBlockRows(n));
  const kk = Math.max(0, Math.min(k, n - 1));
  // Per row, the best kk similarities so far (descending) and the kk-th as an admission threshold.
  const sim = new Float32Array(n * kk).fill(-Infinity);
  const idx = new Int32Array(n * kk).fill(-1);
  const thr = new Float32Array(n).fill(kk > 0 ? -Infinity : Infinity);

  const insert = (row: number, s: number, j: number) => {
    const o = row * kk;
    let t = kk - 1;
    // Strict '>' keeps the lower index on ties (candidates arrive in ascending index order).
    while (t > 0 && s > sim[o + t - 1]) {
      sim[o + t] = sim[o + t - 1];
      idx[o + t] = idx[o + t - 1];
      t--;
    }
    sim[o + t] = s;
    idx[o + t] = j;
    thr[row] = sim[o + kk - 1];
  };

  const tiles: [number, number][] = [];
  for (let i0 = 0; i0 < n; i0 += B) for (let j0 = i0; j0 < n; j0 += B) tiles.push([i0, j0]);
  const rowsOf = (s: number) => Math.min(B, n - s);
  const view = (s: number) => vectors.subarray(s * dim, (s + rowsOf(s)) * dim);
  const request = (t: number) => opts.gemm(view(tiles[t][0]), rowsOf(tiles[t][0]), view(tiles[t][1]), rowsOf(tiles[t][1]), dim);

  const stage = stageReporter('knn', tiles.length, opts.onProgress);
  stage.initiate();
  let pending = kk > 0 && tiles.length > 0 ? request(0) : undefined;
  for (let t = 0; t < tiles.length && pending; t++) {
    const tile = await pending;
    await checkpoint(opts.signal);
    pending = t + 1 < tiles.length ? request(t + 1) : undefined;
    const [i0, j0] = tiles[t];
    const bi = rowsOf(i0), bj = rowsOf(j0), diagonal = i0 === j0;
    for (let i = 0; i < bi; i++) {
      const row = i0 + i, o = i * bj;
      let tRow = thr[row];
      for (let j = 0; j < bj; j++) {
        const s = tile[o + j];
        if (s > tRow && !(diagonal && i === j)) {
          insert(row, s, j0 + j);
          tRow = thr[row];
        }
        // The transposed half: row j0+j sees row i0+i (the diagonal tile holds both halves).
        if (!diagonal && s > thr[j0 + j]) insert(j0 + j, s, row);
      }
    }
    stage.progress(t + 1);
  }
  stage.done();

  // Pad to the requested k so consumers can index i*k + t uniformly.
  const indices = new Int32Array(n * k).fill(-1);
  const distances = new Float32Array(n * k).fill(Infinity);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < kk; t++) {
      if (idx[i * kk + t] < 0) continue;
      indices[i * k + t] = idx[i * kk + t];
      distances[i * k + t] = Math.max(0, 1 - sim[i * kk + t]);
    }
  }
  return { n, k, indices, distances };
}

/** Distance to the nearest other row, or null when there is none. */
export function nearestDistance(graph: KnnGraph, row: number): number | null {
  return graph.k > 0 && graph.indices[row * graph.k] >= 0 ? graph.distances[row * graph.k] : null;
}
