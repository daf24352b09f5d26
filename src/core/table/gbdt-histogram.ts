// Gradient histograms for one level of a tree (gbdt.ts) and the best split they allow.
// Layout: per node, features one after another, each with only as many bins as it has (a one-hot
// feature takes 2 bins, not 64), every bin three interleaved sums (gradient, hessian, row count).
// Two savings, as in LightGBM:
// - sparse rows: each feature's most frequent bin (0 for a one-hot level most rows lack) is left out
//   of the rows and filled in from the node's totals, so a row adds only its other entries;
// - subtraction: of two sibling nodes only the one with fewer rows is built from its rows, the
//   other is its parent's histogram minus it.
// Both change sums only by rounding (counts stay exact).
import type { BinMatrix } from './gbdt-bins.ts';

export interface HistogramLayout {
  /** Start of feature f within a node's histogram (in array slots, 3 per bin). */
  offset: Int32Array;
  /** Split candidates of feature f: bins 0..edges − 1 may close the left side. */
  candidates: Int32Array;
  /** Slot of feature f's default (most frequent) bin, which sparse rows leave out. */
  defaultSlot: Int32Array;
  /** Array slots per node. */
  size: number;
}

/** defaultBin: each feature's most frequent bin (mostFrequentBins). */
export function histogramLayout(edges: readonly Float32Array[], defaultBin: Uint8Array): HistogramLayout {
  const d = edges.length;
  const offset = new Int32Array(d), candidates = new Int32Array(d), defaultSlot = new Int32Array(d);
  let size = 0;
  for (let f = 0; f < d; f++) {
    offset[f] = size;
    candidates[f] = edges[f].length;
    defaultSlot[f] = size + 3 * defaultBin[f];
    size += 3 * (edges[f].length + 1);
  }
  return { offset, candidates, defaultSlot, size };
}

/** Each feature's most frequent bin over the given rows (ties: lowest bin). */
export function mostFrequentBins(bm: BinMatrix, rows: Int32Array): Uint8Array {
  const { bins, n, d } = bm;
  const out = new Uint8Array(d), count = new Int32Array(256);
  for (let f = 0; f < d; f++) {
    count.fill(0);
    for (let k = 0; k < rows.length; k++) count[bins[f * n + rows[k]]]++;
    let best = 0;
    for (let b = 1; b < 256; b++) if (count[b] > count[best]) best = b;
    out[f] = best;
  }
  return out;
}

/** Row k's entries outside the default bins, as histogram slots: slot[start[k]..start[k+1]). */
export interface SparseRows {
  start: Int32Array;
  slot: Int32Array;
}

/** The given rows of the bin matrix without their default bins (sparse row k = bin-matrix row rows[k]). */
export function sparseRows(bm: BinMatrix, rows: Int32Array, layout: HistogramLayout): SparseRows {
  const { bins, n: nAll, d } = bm;
  const n = rows.length, start = new Int32Array(n + 1);
  const { offset, defaultSlot } = layout;
  for (let k = 0; k < n; k++) {
    let c = 0;
    for (let f = 0; f < d; f++) if (offset[f] + 3 * bins[f * nAll + rows[k]] !== defaultSlot[f]) c++;
    start[k + 1] = start[k] + c;
  }
  const slot = new Int32Array(start[n]);
  for (let k = 0, j = 0; k < n; k++) {
    for (let f = 0; f < d; f++) {
      const s = offset[f] + 3 * bins[f * nAll + rows[k]];
      if (s !== defaultSlot[f]) slot[j++] = s;
    }
  }
  return { start, slot };
}

/**
 * Histograms of the level's nodes first..first+width−1 (heap order) marked in build, node k at
 * hist[k·size…], from the rows that sit in them: row t is sparse row rowOf[t], in node node[t],
 * with gradient g[t] and hessian h[t]. G, H, C: every node's totals (fill the default bins).
 */
export function buildHistograms(hist: Float64Array, layout: HistogramLayout, rows: SparseRows, rowOf: Int32Array, m: number, g: Float64Array, h: Float64Array, node: Int32Array, first: number, width: number, build: Uint8Array, G: Float64Array, H: Float64Array, C: Int32Array): void {
  const size = layout.size, { start, slot } = rows;
  for (let k = 0; k < width; k++) if (build[k]) hist.fill(0, k * size, (k + 1) * size);
  for (let t = 0; t < m; t++) {
    const k = node[t] - first;
    if (k < 0 || k >= width || !build[k]) continue; // a leaf closed earlier, or a node derived by subtraction
    const gt = g[t], ht = h[t], base = k * size;
    for (let j = start[rowOf[t]], end = start[rowOf[t] + 1]; j < end; j++) {
      const idx = base + slot[j];
      hist[idx] += gt;
      hist[idx + 1] += ht;
      hist[idx + 2]++;
    }
  }
  const { offset, defaultSlot, candidates } = layout;
  for (let k = 0; k < width; k++) {
    if (!build[k]) continue;
    const nd = first + k, base = k * size;
    for (let f = 0; f < offset.length; f++) {
      let sg = 0, sh = 0, sc = 0;
      for (let s = base + offset[f], end = s + 3 * (candidates[f] + 1); s < end; s += 3) { sg += hist[s]; sh += hist[s + 1]; sc += hist[s + 2]; }
      const s = base + defaultSlot[f];
      hist[s] = G[nd] - sg;
      hist[s + 1] = H[nd] - sh;
      hist[s + 2] = C[nd] - sc;
    }
  }
}

/** out[outBase…] = parent[parentBase…] − sibling[siblingBase…], one node's histogram. */
export function subtractHistogram(out: Float64Array, outBase: number, parent: Float64Array, parentBase: number, sibling: Float64Array, siblingBase: number, size: number): void {
  for (let s = 0; s < size; s++) out[outBase + s] = parent[parentBase + s] - sibling[siblingBase + s];
}

export interface Split {
  /** −1: no split gains anything (or none leaves minLeaf rows on each side). */
  feature: number;
  /** Rows with bin ≤ this go left. */
  bin: number;
  /** Gradient, hessian and row sums of the left side. */
  G: number;
  H: number;
  C: number;
}

/** The split of one node (its histogram at hist[base…]) with the largest gain in the L2-regularised logistic objective. */
export function bestSplit(hist: Float64Array, base: number, layout: HistogramLayout, Gt: number, Ht: number, Ct: number, minLeaf: number, l2: number): Split {
  const parentScore = (Gt * Gt) / (Ht + l2);
  const d = layout.offset.length;
  let bestGain = 1e-12, bf = -1, bt = 0, bGL = 0, bHL = 0, bCL = 0;
  for (let f = 0; f < d; f++) {
    const start = base + layout.offset[f], nb = layout.candidates[f];
    let GL = 0, HL = 0, CL = 0;
    for (let b = 0; b < nb; b++) {
      const idx = start + 3 * b;
      GL += hist[idx];
      HL += hist[idx + 1];
      CL += hist[idx + 2];
      if (CL < minLeaf) continue;
      if (Ct - CL < minLeaf) break;
      const GR = Gt - GL, HR = Ht - HL;
      const gain = (GL * GL) / (HL + l2) + (GR * GR) / (HR + l2) - parentScore;
      if (gain > bestGain) { bestGain = gain; bf = f; bt = b; bGL = GL; bHL = HL; bCL = CL; }
    }
  }
  return { feature: bf, bin: bt, G: bGL, H: bHL, C: bCL };
}
