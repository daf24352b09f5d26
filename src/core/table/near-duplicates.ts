// docs/metrics.md §2, tabular: two rows are near-duplicates when every compared column matches —
// categories, booleans and dates exactly (dates at the real data's resolution, after
// normalisation), numbers within a relative tolerance t (|a − b| ≤ t·max(|a|, |b|); t = 1% by
// default, tightened per run on the real set: tolerance-calibration.ts), or both missing.
// Sets are the connected components (size ≥ 2) of that relation, with union-find as in
// ../near-duplicates.ts; exact row copies are the special case where every value is equal.
//
// Scaling: rows are first blocked by their signature (the exact-match columns plus which numbers
// are missing): only rows in one block can match. Inside a block, rows are sorted by the
// number column with the most distinct values and each row is compared with the following rows
// while that column is still within t (a sorted window: the relative rule is monotone along the sort).
import { collectSets, UnionFind, type DuplicateSets, type SetEdge } from '../duplicate-sets.ts';
import type { TypedColumn } from './types.ts';

export const RELATIVE_TOLERANCE = 0.01;
/** Comparisons per row inside a block are capped (a block of thousands of rows with one sort value). */
const MAX_WINDOW = 2000;
/**
 * Comparisons in all are bounded too, so that millions of rows end in minutes: the window per row
 * shrinks to NEAR_DUPLICATE_PAIR_BUDGET / n (never under MIN_WINDOW). A window that stops a run of
 * close rows sets `capped` (the report's duplicateSearchCapped).
 */
export const NEAR_DUPLICATE_PAIR_BUDGET = 2e8;
const MIN_WINDOW = 50;

export const comparisonWindow = (n: number) => Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, Math.floor(NEAR_DUPLICATE_PAIR_BUDGET / Math.max(1, n))));

export interface TableNearDuplicates extends DuplicateSets {
  exactDuplicatePairs: number;
  /** Pairs that matched (edges of the relation, exact ones included). */
  matchedPairs: number;
  /** True when some block hit the window cap, so a few matches may be missing. */
  capped: boolean;
}

/** The numbers' side of the rule: |a − b| ≤ tolerance · max(|a|, |b|) (tolerance 0: equal). */
export const withinTolerance = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));

/**
 * columns: the compared columns, each holding real rows first then synthetic rows (n = nReal + nSynth).
 * tolerance: the relative tolerance on numbers (RELATIVE_TOLERANCE unless the run calibrated a tighter one).
 */
export function tableNearDuplicates(
  columns: readonly TypedColumn[], nReal: number, n: number, distance: (i: number, j: number) => number,
  onProgress?: (rowsDone: number) => void, tolerance = RELATIVE_TOLERANCE,
): TableNearDuplicates {
  const closeEnough = (a: number, b: number) => withinTolerance(a, b, tolerance);
  const window = comparisonWindow(n);
  const isNum = columns.map((c) => c.type === 'number');
  const numCols = columns.filter((_, k) => isNum[k]);
  const exactCols = columns.filter((_, k) => !isNum[k]).map((c) => c.codes ?? c.values!);
  // Block signature hash: the exact columns' values and the missing pattern of the number columns.
  // Rows are sorted by it, so a block is a run; a hash collision only costs extra comparisons,
  // because every pair is checked column by column.
  const sig = new Float64Array(n);
  const f64 = new Float64Array(1), u32 = new Uint32Array(f64.buffer);
  for (let i = 0; i < n; i++) {
    let h1 = 0x811c9dc5, h2 = 0x01000193;
    const mix = (x: number) => {
      f64[0] = x;
      h1 = Math.imul(h1 ^ u32[0], 0x01000193) ^ u32[1];
      h2 = Math.imul(h2 ^ u32[1], 0x85ebca6b) ^ u32[0];
      h1 = Math.imul(h1 ^ (h1 >>> 15), 0x2c1b3c6d);
    };
    for (const c of exactCols) mix(c[i] !== c[i] ? -0.5 : c[i]);
    for (const c of numCols) mix(c.values![i] !== c.values![i] ? 1 : 0);
    sig[i] = (h1 >>> 0) * 2097152 + (h2 >>> 11);
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => sig[a] - sig[b] || a - b);
  const sameExact = (i: number, j: number) => {
    for (const c of exactCols) { const a = c[i], b = c[j]; if (a !== b && !(a !== a && b !== b)) return false; }
    for (const c of numCols) if ((c.values![i] !== c.values![i]) !== (c.values![j] !== c.values![j])) return false;
    return true;
  };

  const uf = new UnionFind(n);
  // Only edges that join two components are kept (a spanning forest): at most n − 1 distances, so a
  // block of thousands of mutually matching rows costs no more than its size.
  const edges: SetEdge[] = [];
  const exactRow = new Uint8Array(n);
  let matchedPairs = 0, exactDuplicatePairs = 0, capped = false;

  for (let b0 = 0; b0 < n; ) {
    onProgress?.(b0);
    let b1 = b0 + 1;
    while (b1 < n && sig[order[b1]] === sig[order[b0]]) b1++;
    const rows = order.subarray(b0, b1);
    b0 = b1;
    if (rows.length < 2) continue;
    const present = numCols.filter((c) => !Number.isNaN(c.values![rows[0]]));
    // Sort by the present number column with the most distinct values in this block.
    let key: TypedColumn | null = null, bestDistinct = -1;
    for (const c of present) {
      const d = new Set(Array.from(rows, (i) => c.values![i])).size;
      if (d > bestDistinct) { bestDistinct = d; key = c; }
    }
    const v = key ? key.values! : new Float64Array(n);
    const sorted = Array.from(rows).sort((a, b) => v[a] - v[b] || a - b);
    for (let s = 0; s < sorted.length; s++) {
      const i = sorted[s];
      const end = Math.min(sorted.length, s + 1 + window);
      let t = s + 1;
      for (; t < end; t++) {
        const j = sorted[t];
        if (!closeEnough(v[i], v[j])) break;
        let all = true, equal = true;
        for (const c of present) {
          const a = c.values![i], b = c.values![j];
          if (a !== b) { equal = false; if (!closeEnough(a, b)) { all = false; break; } }
        }
        if (!all || !sameExact(i, j)) continue;
        matchedPairs++;
        if (equal) exactDuplicatePairs++;
        // Only edges that join two components are kept, plus one exact pair per row so its set is
        // marked exact even when another edge joined it first: at most 2n edges in all.
        const joined = uf.union(i, j);
        if (joined || (equal && !exactRow[i])) edges.push({ a: i, b: j, distance: equal ? 0 : distance(i, j), exact: equal });
        if (equal) exactRow[i] = 1;
      }
      if (t === end && end < sorted.length && closeEnough(v[i], v[sorted[end]])) capped = true;
    }
  }

  const isSynthetic = Uint8Array.from({ length: n }, (_, i) => (i >= nReal ? 1 : 0));
  return { ...collectSets(uf, n, isSynthetic, edges), exactDuplicatePairs, matchedPairs, capped };
}

/**
 * The closest-real distance of docs/metrics.md §4: mean over columns of |difference| / real range (numbers
 * and dates, clipped to 1) or 0/1 mismatch (categories, booleans, text); both missing = 0, one
 * missing = 1. Columns hold real rows first, then synthetic rows.
 */
export function makeRowDistance(columns: readonly TypedColumn[], nReal: number) {
  const num = columns.filter((c) => c.values && c.type !== 'boolean').map((c) => {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < nReal; i++) { const x = c.values![i]; if (x < lo) lo = x; if (x > hi) hi = x; }
    const range = hi > lo ? hi - lo : 1;
    return Float64Array.from(c.values!, (x) => x / range);
  });
  const cat: (Int32Array | Float64Array)[] = columns.filter((c) => !(c.values && c.type !== 'boolean')).map((c) => c.codes ?? c.values!);
  const m = num.length + cat.length;
  const distance = (i: number, j: number, stopAbove = Infinity): number => {
    let s = 0;
    const limit = stopAbove * m;
    for (const v of num) {
      const a = v[i], b = v[j];
      const an = a !== a, bn = b !== b; // NaN checks
      s += an || bn ? (an && bn ? 0 : 1) : Math.min(1, Math.abs(a - b));
      if (s > limit) return Infinity;
    }
    for (const k of cat) {
      const a = k[i], b = k[j];
      if (a !== b && !(a !== a && b !== b)) s += 1;
      if (s > limit) return Infinity;
    }
    return m > 0 ? s / m : 0;
  };
  return distance;
}

export interface ClosestReal {
  /** Per synthetic row (index − nReal): distance to the closest real row, NaN when not computed. */
  distance: Float64Array;
  /** Index of that real row, −1 when not computed. */
  nearest: Int32Array;
  /** Synthetic rows computed: all of them, or a seeded sample when n_s·n_r·columns is too large. */
  computed: number;
  sampled: boolean;
  summary: { min: number; q05: number; q25: number; median: number; q75: number; q95: number; max: number; mean: number; zeroShare: number };
  /** A 20-bin histogram of the distances on [0, max]. */
  histogram: { edges: number[]; counts: number[] };
}

/** Exact search with early exit per pair; `order` lists the synthetic rows to compute (relative indices). */
export function closestRealDistances(
  distance: ReturnType<typeof makeRowDistance>, nReal: number, nSynth: number, order: ArrayLike<number>,
  onProgress?: (rowsDone: number) => void,
): ClosestReal {
  const dist = new Float64Array(nSynth).fill(NaN), nearest = new Int32Array(nSynth).fill(-1);
  const got: number[] = [];
  for (let t = 0; t < order.length; t++) {
    onProgress?.(t);
    const s = order[t], i = nReal + s;
    let best = Infinity, arg = -1;
    for (let j = 0; j < nReal && best > 0; j++) {
      const d = distance(i, j, best);
      if (d < best) { best = d; arg = j; }
    }
    dist[s] = best;
    nearest[s] = arg;
    got.push(best);
  }
  got.sort((a, b) => a - b);
  const q = (p: number) => (got.length ? got[Math.min(got.length - 1, Math.floor(p * (got.length - 1) + 0.5))] : NaN);
  const max = got.length ? got[got.length - 1] : 0;
  const counts = new Array(20).fill(0);
  const top = max > 0 ? max : 1;
  for (const d of got) counts[Math.min(19, Math.floor((d / top) * 20))]++;
  return {
    distance: dist,
    nearest,
    computed: order.length,
    sampled: order.length < nSynth,
    summary: { min: q(0), q05: q(0.05), q25: q(0.25), median: q(0.5), q75: q(0.75), q95: q(0.95), max, mean: got.reduce((a, b) => a + b, 0) / Math.max(1, got.length), zeroShare: got.filter((d) => d === 0).length / Math.max(1, got.length) },
    histogram: { edges: Array.from({ length: 21 }, (_, k) => (k * top) / 20), counts },
  };
}
