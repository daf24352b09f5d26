// Exact k-nearest neighbours by cosine distance (rows must be unit-norm: d = 1 − dot).
// Work is split into blocks of rows so memory stays at one blockRows² similarity tile, never
// n×n. Only tiles with J ≥ I are computed: a tile serves the rows of I and, transposed, the rows
// of J, halving the gemm work. The next tile's gemm is requested before the current one is
// scanned, so an asynchronous gemm overlaps with the top-k bookkeeping.
// When the first rows are a set that other analyses share (the real rows, against one synthetic
// set after another: issue 17's prompt loop), their tiles among themselves come first and the
// state they leave can be kept (`onPrefix`) and given back (`prefix`) to skip those tiles.
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
  /** Rows [0, prefixRows) are a shared set: blocks do not straddle it, its own tiles come first. */
  prefixRows?: number;
  /** Those rows' state among themselves, from an earlier call on the same first rows: their tiles are skipped. */
  prefix?: KnnPrefix;
  /** Receives that state when it was computed here. */
  onPrefix?: (prefix: KnnPrefix) => void;
}

/**
 * The first `rows` rows' best `k` similarities among themselves (descending, ties by lower index)
 * and their indices: exactly what the tiles among them leave, since every later candidate has a
 * higher index.
 */
export interface KnnPrefix {
  rows: number;
  k: number;
  sim: Float32Array;
  idx: Int32Array;
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

  const p = opts.prefixRows !== undefined && opts.prefixRows > 0 && opts.prefixRows < n ? opts.prefixRows : 0;
  const starts = [...blockStarts(0, p, B), ...blockStarts(p, n, B)];
  // Tiles among the prefix first; in every row candidates still arrive in ascending index order.
  const among: [number, number][] = [], rest: [number, number][] = [];
  for (const [a, i0] of starts.entries()) for (const j0 of starts.slice(a)) (j0 < p ? among : rest).push([i0, j0]);
  const known = p > 0 && opts.prefix && opts.prefix.rows === p && opts.prefix.k === kk ? opts.prefix : null;
  if (known) {
    sim.set(known.sim);
    idx.set(known.idx);
    for (let row = 0; row < p; row++) thr[row] = kk > 0 ? sim[row * kk + kk - 1] : Infinity;
  }
  const tiles = known ? rest : [...among, ...rest];
  const prefixTiles = known || !p ? -1 : among.length;
  // A block ends at the prefix's end or B rows on, whichever is first.
  const rowsOf = (s: number) => Math.min(B, (s < p ? p : n) - s);
  const view = (s: number) => vectors.subarray(s * dim, (s + rowsOf(s)) * dim);
  const request = (t: number) => opts.gemm(view(tiles[t][0]), rowsOf(tiles[t][0]), view(tiles[t][1]), rowsOf(tiles[t][1]), dim);
  const keepPrefix = () => opts.onPrefix?.({ rows: p, k: kk, sim: sim.slice(0, p * kk), idx: idx.slice(0, p * kk) });

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
    if (t + 1 === prefixTiles) keepPrefix();
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

/** Block starts over [from, to), every B rows. */
function blockStarts(from: number, to: number, B: number): number[] {
  const out: number[] = [];
  for (let s = from; s < to; s += B) out.push(s);
  return out;
}

/** Distance to the nearest other row, or null when there is none. */
export function nearestDistance(graph: KnnGraph, row: number): number | null {
  return graph.k > 0 && graph.indices[row * graph.k] >= 0 ? graph.distances[row * graph.k] : null;
}
