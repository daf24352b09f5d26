// Feature values → small integer bins for the histogram trees (gbdt.ts). Edges come from the
// training rows of a fold only; every row of the matrix is then binned once with them, so the
// trees and the held-out predictions read the same Uint8 matrix (no per-fold copies of x).
import { createRng } from '../random.ts';

/**
 * Quantile bin edges per feature from (a sample of ≤ 50,000 of) n rows; few distinct values get one
 * bin each. rows maps the n rows to row indices of x (default: the first n rows of x).
 */
export function binEdges(x: Float32Array, n: number, d: number, bins: number, seed = 0, rows?: Int32Array): Float32Array[] {
  const rng = createRng(seed);
  const m = Math.min(n, 50_000);
  const pick = new Int32Array(m);
  for (let t = 0; t < m; t++) pick[t] = m < n ? rng.int(n) : t;
  if (rows) for (let t = 0; t < m; t++) pick[t] = rows[pick[t]];
  // Column-major copy of the sampled rows: one sequential read per row instead of d strided passes.
  const cols = new Float32Array(m * d);
  for (let t = 0; t < m; t++) {
    const o = pick[t] * d;
    for (let f = 0; f < d; f++) cols[f * m + t] = x[o + f];
  }
  const out: Float32Array[] = [];
  for (let f = 0; f < d; f++) {
    const col = cols.subarray(f * m, (f + 1) * m);
    const distinct = fewDistinct(col, bins);
    let edges: number[];
    if (distinct) edges = distinct.slice(0, -1).map((v, k) => (v + distinct[k + 1]) / 2);
    else {
      col.sort(); // only features with many values (one-hot and other few-valued features skip the sort)
      edges = [];
      for (let b = 1; b < bins; b++) {
        const e = col[Math.floor((b * m) / bins)];
        if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
      }
    }
    out.push(Float32Array.from(edges));
  }
  return out;
}

/** The distinct values of col in ascending order, or null when there are more than max. */
function fewDistinct(col: Float32Array, max: number): number[] | null {
  const seen: number[] = [];
  outer: for (let t = 0; t < col.length; t++) {
    const v = col[t];
    for (let k = 0; k < seen.length; k++) if (seen[k] === v) continue outer;
    if (seen.length === max) return null;
    seen.push(v);
  }
  return seen.sort((a, b) => a - b);
}

/** Binned rows, column-major (feature f of row r at bins[f·n + r]): a tree level reads one feature of many rows. */
export interface BinMatrix {
  bins: Uint8Array;
  n: number;
  d: number;
}

/** Bins of the n rows of x (row-major n×d): value v goes to the first bin whose upper edge is ≥ v. */
export function binRows(x: Float32Array, n: number, d: number, edges: readonly Float32Array[]): BinMatrix {
  const bins = new Uint8Array(n * d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let f = 0; f < d; f++) {
      const e = edges[f], v = x[o + f];
      let lo = 0, hi = e.length; // first edge ≥ v
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (e[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      bins[f * n + i] = lo;
    }
  }
  return { bins, n, d };
}
