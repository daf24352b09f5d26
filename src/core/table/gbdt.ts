// Histogram-based gradient-boosted trees for the binary real-vs-synthetic task (the tabular
// detector, docs/metrics.md §1). Logistic loss, class-balanced weights (an uninformative model outputs
// 0.5 whatever the ratio), shallow trees grown level by level on ≤ 64 quantile bins per feature,
// shrinkage 0.1, and early stopping on a stratified 10% validation split carved out of the
// TRAINING rows only (the caller's held-out fold is never seen).
import { createRng, shuffle } from '../random.ts';
import { balancedWeights, sigmoid } from '../logistic.ts';
import { binEdges, type BinMatrix, binRows } from './gbdt-bins.ts';
import { bestSplit, buildHistograms, histogramLayout, mostFrequentBins, sparseRows, subtractHistogram } from './gbdt-histogram.ts';

export interface GbdtOptions {
  maxDepth?: number; // 3
  bins?: number; // 64 (≤ 256)
  learningRate?: number; // 0.1
  maxIterations?: number; // 300
  /** Stop after this many rounds without a better validation loss. */
  patience?: number; // 15
  validationFraction?: number; // 0.1
  minSamplesLeaf?: number; // 20
  l2?: number; // 1
  /** Rows used to grow each tree (a fresh random subset per tree when the training rows are more). */
  rowsPerTree?: number; // 10,000
  seed?: number;
}

export interface GbdtModel {
  /** Bin upper edges per feature: value v goes to the first bin whose edge is ≥ v. */
  edges: Float32Array[];
  depth: number;
  /** Per tree, heap-ordered nodes (2^depth − 1 internal): split feature (−1: leaf), split bin (left: bin ≤ t). */
  feature: Int32Array[];
  threshold: Uint8Array[];
  /** Per tree, 2^(depth+1) − 1 node values; a leaf's value is its raw-score increment. */
  value: Float64Array[];
  /** Trees kept (the early-stopping choice). */
  iterations: number;
}

export { binEdges, binRows, type BinMatrix } from './gbdt-bins.ts';

/** Fit on the first n rows of x (row-major n×d). */
export function fitGbdt(x: Float32Array, n: number, d: number, y: Uint8Array, opts: GbdtOptions = {}): GbdtModel {
  return fitGbdtOnRows(x, n, d, Int32Array.from({ length: n }, (_, i) => i), y, opts).model;
}

/**
 * Fit on the given rows of x (n×d row-major; y[k] is the label of rows[k]). The bin edges come from
 * those rows only; the returned bins hold every row of x binned with them, for predictGbdtBinned.
 */
export function fitGbdtOnRows(x: Float32Array, n: number, d: number, rows: Int32Array, y: Uint8Array, opts: GbdtOptions = {}): { model: GbdtModel; bins: BinMatrix } {
  const B = Math.min(256, opts.bins ?? 64);
  const edges = binEdges(x, rows.length, d, B, opts.seed ?? 0, rows);
  const bins = binRows(x, n, d, edges);
  return { model: fitGbdtBinned(bins, edges, rows, y, opts), bins };
}

/** The boosting loop on binned rows: row rows[k] of the bin matrix is training row k, with label y[k]. */
export function fitGbdtBinned(bm: BinMatrix, edges: Float32Array[], rows: Int32Array, y: Uint8Array, opts: GbdtOptions = {}): GbdtModel {
  const { bins, n: nAll } = bm;
  const depth = opts.maxDepth ?? 3, lr = opts.learningRate ?? 0.1;
  const maxIt = opts.maxIterations ?? 300, patience = opts.patience ?? 15, minLeaf = opts.minSamplesLeaf ?? 20, l2 = opts.l2 ?? 1;
  const rng = createRng(opts.seed ?? 0);
  const n = rows.length;

  // Stratified validation split of the training rows.
  const isVal = new Uint8Array(n);
  const vf = opts.validationFraction ?? 0.1;
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (y[i] === cls) idx.push(i);
    shuffle(idx, rng);
    const nv = Math.round(vf * idx.length);
    for (let t = 0; t < nv; t++) isVal[idx[t]] = 1;
  }
  let nVal = 0;
  for (let i = 0; i < n; i++) nVal += isVal[i];
  const tr = new Int32Array(n - nVal), va = new Int32Array(nVal);
  for (let i = 0, a = 0, b = 0; i < n; i++) if (isVal[i]) va[b++] = i; else tr[a++] = i;
  const yTr = Uint8Array.from(tr, (i) => y[i]), yVa = Uint8Array.from(va, (i) => y[i]);
  const wTr = balancedWeights(yTr), wVa = balancedWeights(yVa);
  // Bin-matrix rows of the training and validation rows.
  const rTr = Int32Array.from(tr, (i) => rows[i]), rVa = Int32Array.from(va, (i) => rows[i]);

  const F = new Float64Array(n); // raw scores; base 0 = balanced prior
  const m = Math.min(tr.length, opts.rowsPerTree ?? 10_000);
  const g = new Float64Array(m), h = new Float64Array(m);
  const node = new Int32Array(m);
  const leafTr = new Int32Array(tr.length);
  const sub = new Int32Array(m), subRow = new Int32Array(m), drawn = new Int32Array(m), draws = new Int32Array(tr.length);
  const layout = histogramLayout(edges, mostFrequentBins(bm, rTr));
  const sparse = sparseRows(bm, rows, layout);
  const nInternal = (1 << depth) - 1;
  const model: GbdtModel = { edges, depth, feature: [], threshold: [], value: [], iterations: 0 };
  let best = Infinity, bestIt = 0;
  // This level's and the previous level's histograms (a derived node needs its parent's).
  let hist = new Float64Array((1 << (depth - 1)) * layout.size), parentHist = new Float64Array(hist.length);
  const build = new Uint8Array(1 << (depth - 1));

  for (let it = 0; it < maxIt; it++) {
    // The tree's rows (drawn with replacement), visited in row order so that reading their bins
    // walks memory forwards: draw counts first, then one pass over the training rows.
    if (m < tr.length) {
      draws.fill(0);
      for (let t = 0; t < m; t++) draws[rng.int(tr.length)]++;
      for (let u = 0, t = 0; u < tr.length; u++) for (let c = draws[u]; c > 0; c--) drawn[t++] = u;
    }
    for (let t = 0; t < m; t++) {
      const u = m < tr.length ? drawn[t] : t;
      sub[t] = tr[u];
      subRow[t] = rTr[u];
      const w = wTr[u], p = sigmoid(F[sub[t]]);
      g[t] = w * (p - yTr[u]);
      h[t] = Math.max(w * p * (1 - p), 1e-12);
      node[t] = 0;
    }
    const feature = new Int32Array(nInternal).fill(-1), threshold = new Uint8Array(nInternal);
    const value = new Float64Array(2 * nInternal + 1);
    const G = new Float64Array(2 * nInternal + 1), H = new Float64Array(2 * nInternal + 1), C = new Int32Array(2 * nInternal + 1);
    for (let t = 0; t < m; t++) { G[0] += g[t]; H[0] += h[t]; C[0]++; }
    for (let level = 0; level < depth; level++) {
      const first = (1 << level) - 1, width = 1 << level;
      // Build the smaller child of each split parent from its rows; derive its sibling.
      build.fill(0);
      if (level === 0) build[0] = 1;
      else for (let k = 0; k < width; k += 2) if (C[first + k] + C[first + k + 1] >= 2 * minLeaf) build[C[first + k] <= C[first + k + 1] ? k : k + 1] = 1;
      buildHistograms(hist, layout, sparse, sub, m, g, h, node, first, width, build, G, H, C);
      if (level > 0) {
        for (let k = 0; k < width; k += 2) {
          if (build[k] === build[k + 1]) continue;
          const small = build[k] ? k : k + 1, large = small ^ 1;
          subtractHistogram(hist, large * layout.size, parentHist, (k >> 1) * layout.size, hist, small * layout.size, layout.size);
        }
      }
      for (let k = 0; k < width; k++) {
        const nd = first + k;
        if (C[nd] < 2 * minLeaf) continue;
        const split = bestSplit(hist, k * layout.size, layout, G[nd], H[nd], C[nd], minLeaf, l2);
        if (split.feature < 0) continue;
        feature[nd] = split.feature;
        threshold[nd] = split.bin;
        const L = 2 * nd + 1, R = L + 1;
        G[L] = split.G; H[L] = split.H; C[L] = split.C;
        G[R] = G[nd] - split.G; H[R] = H[nd] - split.H; C[R] = C[nd] - split.C;
      }
      // Move rows down.
      for (let t = 0; t < m; t++) {
        const nd = node[t];
        if (nd < first || nd >= first + width || feature[nd] < 0) continue;
        node[t] = bins[feature[nd] * nAll + subRow[t]] <= threshold[nd] ? 2 * nd + 1 : 2 * nd + 2;
      }
      const swap = parentHist; parentHist = hist; hist = swap;
    }
    for (let nd = 0; nd < value.length; nd++) value[nd] = C[nd] > 0 ? (-lr * G[nd]) / (H[nd] + l2) : 0;
    model.feature.push(feature);
    model.threshold.push(threshold);
    model.value.push(value);
    // Update raw scores: every training row (not only the tree's subset) and validation row is walked down.
    if (m === tr.length) for (let t = 0; t < tr.length; t++) F[tr[t]] += value[node[t]];
    else {
      leavesOf(feature, threshold, depth, bm, rTr, leafTr);
      for (let t = 0; t < tr.length; t++) F[tr[t]] += value[leafTr[t]];
    }
    let loss = 0;
    for (let t = 0; t < va.length; t++) {
      const i = va[t];
      F[i] += value[leafOf(feature, threshold, depth, bm, rVa[t])];
      const p = sigmoid(F[i]);
      const q = Math.min(1 - 1e-15, Math.max(1e-15, yVa[t] ? p : 1 - p));
      loss -= wVa[t] * Math.log(q);
    }
    if (va.length === 0) { bestIt = it + 1; continue; }
    if (loss < best - 1e-9 * (Number.isFinite(best) ? Math.abs(best) : 0)) { best = loss; bestIt = it + 1; }
    else if (it + 1 - bestIt >= patience) break;
  }
  model.iterations = bestIt;
  model.feature.length = model.threshold.length = model.value.length = bestIt;
  return model;
}

function leafOf(feature: Int32Array, threshold: Uint8Array, depth: number, bm: BinMatrix, r: number): number {
  const { bins, n } = bm;
  let nd = 0;
  for (let level = 0; level < depth; level++) {
    const f = feature[nd];
    if (f < 0) break;
    nd = bins[f * n + r] <= threshold[nd] ? 2 * nd + 1 : 2 * nd + 2;
  }
  return nd;
}

/**
 * leafOf for many rows, one level at a time: each pass reads one to a few feature columns in row
 * order (a per-row walk jumps between columns).
 */
function leavesOf(feature: Int32Array, threshold: Uint8Array, depth: number, bm: BinMatrix, rows: Int32Array, out: Int32Array): void {
  const { bins, n } = bm;
  out.fill(0, 0, rows.length);
  for (let level = 0; level < depth; level++) {
    const first = (1 << level) - 1;
    if (level === 0) {
      const f = feature[0];
      if (f < 0) return;
      const col = f * n, th = threshold[0];
      for (let k = 0; k < rows.length; k++) out[k] = bins[col + rows[k]] <= th ? 1 : 2;
      continue;
    }
    for (let k = 0; k < rows.length; k++) {
      const nd = out[k];
      if (nd < first) continue; // stopped in a leaf above
      const f = feature[nd];
      if (f >= 0) out[k] = bins[f * n + rows[k]] <= threshold[nd] ? 2 * nd + 1 : 2 * nd + 2;
    }
  }
}

/** P(class 1) for the first n rows of x. */
export function predictGbdt(model: GbdtModel, x: Float32Array, n: number, d: number): Float64Array {
  return predictGbdtBinned(model, binRows(x, n, d, model.edges), Int32Array.from({ length: n }, (_, i) => i));
}

/** P(class 1) for the given rows of a bin matrix made with the model's edges. */
export function predictGbdtBinned(model: GbdtModel, bm: BinMatrix, rows: Int32Array): Float64Array {
  // Tree by tree over all rows (each row's sum still adds the trees in order).
  const score = new Float64Array(rows.length), leaf = new Int32Array(rows.length);
  for (let t = 0; t < model.iterations; t++) {
    leavesOf(model.feature[t], model.threshold[t], model.depth, bm, rows, leaf);
    const value = model.value[t];
    for (let k = 0; k < rows.length; k++) score[k] += value[leaf[k]];
  }
  return score.map(sigmoid);
}
