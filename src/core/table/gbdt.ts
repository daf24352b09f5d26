// Histogram-based gradient-boosted trees for the binary real-vs-synthetic task (the tabular
// detector, METRICS §1). Logistic loss, class-balanced weights (an uninformative model outputs
// 0.5 whatever the ratio), shallow trees grown level by level on ≤ 64 quantile bins per feature,
// shrinkage 0.1, and early stopping on a stratified 10% validation split carved out of the
// TRAINING rows only (the caller's held-out fold is never seen).
import { createRng, shuffle } from '../random.ts';
import { balancedWeights, sigmoid } from '../logistic.ts';

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

/** Quantile bin edges from (a sample of) the rows; few distinct values get one bin each. */
export function binEdges(x: Float32Array, n: number, d: number, bins: number, seed = 0): Float32Array[] {
  const rng = createRng(seed);
  const m = Math.min(n, 50_000);
  const rows = m < n ? Int32Array.from({ length: m }, () => rng.int(n)) : Int32Array.from({ length: n }, (_, i) => i);
  const out: Float32Array[] = [];
  const col = new Float32Array(m);
  for (let f = 0; f < d; f++) {
    for (let t = 0; t < m; t++) col[t] = x[rows[t] * d + f];
    col.sort();
    const distinct: number[] = [];
    for (let t = 0; t < m; t++) if (t === 0 || col[t] !== col[t - 1]) distinct.push(col[t]);
    let edges: number[];
    if (distinct.length <= bins) edges = distinct.slice(0, -1).map((v, k) => (v + distinct[k + 1]) / 2);
    else {
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

export function binRows(x: Float32Array, n: number, d: number, edges: Float32Array[]): Uint8Array {
  const out = new Uint8Array(n * d);
  for (let f = 0; f < d; f++) {
    const e = edges[f], ne = e.length;
    for (let i = 0; i < n; i++) {
      const v = x[i * d + f];
      let lo = 0, hi = ne; // first edge ≥ v
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (e[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      out[i * d + f] = lo;
    }
  }
  return out;
}

export function fitGbdt(x: Float32Array, n: number, d: number, y: Uint8Array, opts: GbdtOptions = {}): GbdtModel {
  const depth = opts.maxDepth ?? 3, B = Math.min(256, opts.bins ?? 64), lr = opts.learningRate ?? 0.1;
  const maxIt = opts.maxIterations ?? 300, patience = opts.patience ?? 15, minLeaf = opts.minSamplesLeaf ?? 20, l2 = opts.l2 ?? 1;
  const rng = createRng(opts.seed ?? 0);
  const edges = binEdges(x, n, d, B, opts.seed ?? 0);
  const bins = binRows(x, n, d, edges);

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
  const train: number[] = [], val: number[] = [];
  for (let i = 0; i < n; i++) (isVal[i] ? val : train).push(i);
  const tr = Int32Array.from(train), va = Int32Array.from(val);
  const yTr = Uint8Array.from(tr, (i) => y[i]), yVa = Uint8Array.from(va, (i) => y[i]);
  const wTr = balancedWeights(yTr), wVa = balancedWeights(yVa);

  const F = new Float64Array(n); // raw scores; base 0 = balanced prior
  const m = Math.min(tr.length, opts.rowsPerTree ?? 10_000);
  const g = new Float64Array(m), h = new Float64Array(m);
  const node = new Int32Array(m);
  const sub = new Int32Array(m), subY = new Uint8Array(m), subW = new Float64Array(m);
  const nInternal = (1 << depth) - 1;
  const model: GbdtModel = { edges, depth, feature: [], threshold: [], value: [], iterations: 0 };
  let best = Infinity, bestIt = 0;
  // Interleaved per bin: gradient sum, hessian sum, row count (one cache line per update).
  const hist = new Float64Array((1 << (depth - 1)) * d * B * 3);

  for (let it = 0; it < maxIt; it++) {
    for (let t = 0; t < m; t++) {
      const u = m < tr.length ? rng.int(tr.length) : t;
      sub[t] = tr[u]; subY[t] = yTr[u]; subW[t] = wTr[u];
      const p = sigmoid(F[sub[t]]);
      g[t] = subW[t] * (p - subY[t]);
      h[t] = Math.max(subW[t] * p * (1 - p), 1e-12);
      node[t] = 0;
    }
    const feature = new Int32Array(nInternal).fill(-1), threshold = new Uint8Array(nInternal);
    const value = new Float64Array(2 * nInternal + 1);
    const G = new Float64Array(2 * nInternal + 1), H = new Float64Array(2 * nInternal + 1), C = new Int32Array(2 * nInternal + 1);
    for (let t = 0; t < m; t++) { G[0] += g[t]; H[0] += h[t]; C[0]++; }
    for (let level = 0; level < depth; level++) {
      const first = (1 << level) - 1, width = 1 << level;
      hist.fill(0, 0, width * d * B * 3);
      for (let t = 0; t < m; t++) {
        const k = node[t] - first;
        if (k < 0 || k >= width) continue; // row sits in a leaf closed earlier
        const gt = g[t], ht = h[t];
        const o = sub[t] * d, base = k * d * B;
        for (let f = 0; f < d; f++) {
          const idx = 3 * (base + f * B + bins[o + f]);
          hist[idx] += gt;
          hist[idx + 1] += ht;
          hist[idx + 2]++;
        }
      }
      for (let k = 0; k < width; k++) {
        const nd = first + k;
        if (C[nd] < 2 * minLeaf) continue;
        const Gt = G[nd], Ht = H[nd];
        const parentScore = (Gt * Gt) / (Ht + l2);
        let bestGain = 1e-12, bf = -1, bt = 0, bGL = 0, bHL = 0, bCL = 0;
        for (let f = 0; f < d; f++) {
          const base = k * d * B + f * B;
          let GL = 0, HL = 0, CL = 0;
          const nb = edges[f].length; // bins 0..nb
          for (let b = 0; b < nb; b++) {
            GL += hist[3 * (base + b)];
            HL += hist[3 * (base + b) + 1];
            CL += hist[3 * (base + b) + 2];
            if (CL < minLeaf) continue;
            if (C[nd] - CL < minLeaf) break;
            const GR = Gt - GL, HR = Ht - HL;
            const gain = (GL * GL) / (HL + l2) + (GR * GR) / (HR + l2) - parentScore;
            if (gain > bestGain) { bestGain = gain; bf = f; bt = b; bGL = GL; bHL = HL; bCL = CL; }
          }
        }
        if (bf < 0) continue;
        feature[nd] = bf;
        threshold[nd] = bt;
        const L = 2 * nd + 1, R = L + 1;
        G[L] = bGL; H[L] = bHL; C[L] = bCL;
        G[R] = Gt - bGL; H[R] = Ht - bHL; C[R] = C[nd] - bCL;
      }
      // Move rows down.
      for (let t = 0; t < m; t++) {
        const nd = node[t];
        if (nd < first || nd >= first + width || feature[nd] < 0) continue;
        node[t] = bins[sub[t] * d + feature[nd]] <= threshold[nd] ? 2 * nd + 1 : 2 * nd + 2;
      }
    }
    for (let nd = 0; nd < value.length; nd++) value[nd] = C[nd] > 0 ? (-lr * G[nd]) / (H[nd] + l2) : 0;
    model.feature.push(feature);
    model.threshold.push(threshold);
    model.value.push(value);
    // Update raw scores: every training row (not only the tree's subset) and validation row is walked down.
    const tree = model.feature.length - 1;
    if (m === tr.length) for (let t = 0; t < tr.length; t++) F[tr[t]] += value[node[t]];
    else for (let t = 0; t < tr.length; t++) F[tr[t]] += value[leafOf(model, tree, bins, tr[t] * d)];
    let loss = 0;
    for (let t = 0; t < va.length; t++) {
      const i = va[t];
      F[i] += value[leafOf(model, model.feature.length - 1, bins, i * d)];
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

function leafOf(model: GbdtModel, tree: number, bins: Uint8Array, o: number): number {
  const feature = model.feature[tree], threshold = model.threshold[tree];
  let nd = 0;
  for (let level = 0; level < model.depth; level++) {
    const f = feature[nd];
    if (f < 0) break;
    nd = bins[o + f] <= threshold[nd] ? 2 * nd + 1 : 2 * nd + 2;
  }
  return nd;
}

export function predictGbdt(model: GbdtModel, x: Float32Array, n: number, d: number): Float64Array {
  const bins = binRows(x, n, d, model.edges);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0; t < model.iterations; t++) s += model.value[t][leafOf(model, t, bins, i * d)];
    p[i] = sigmoid(s);
  }
  return p;
}
