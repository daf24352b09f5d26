// UMAP from a precomputed kNN graph, exactly as umap-js 1.4.0 fits it (the fuzzy simplicial set,
// the random start, the epochs of attraction and negative sampling: the same arithmetic in the
// same order on the same random stream, so the layout is bit-identical to umap-js's), but over
// typed arrays. umap-js builds the graph with string-keyed Maps ("row:col") and steps arrays of
// arrays; at 5,000 rows that was ~5 s for the graph, ~1 s for a search graph a fit never uses, and
// ~14 s for 200 epochs. Only the curve parameters a, b come from umap-js itself.
import { UMAP } from 'umap-js';

export interface UmapInput {
  n: number;
  /** Neighbours per row in indices/distances (row-major n × k), nearest first; −1 = none. */
  k: number;
  indices: Int32Array;
  /** Finite distances. */
  distances: Float64Array;
  nEpochs: number;
  minDist: number;
  random: () => number;
}

const SMOOTH_K_TOLERANCE = 1e-5, MIN_K_DIST_SCALE = 1e-3, NEGATIVE_SAMPLE_RATE = 5;

const abCache = new Map<number, { a: number; b: number }>();
/** umap-js's least-squares fit of the low-dimensional curve (spread 1), read from its optimiser state. */
function curveParams(minDist: number): { a: number; b: number } {
  let ab = abCache.get(minDist);
  if (!ab) {
    const u = new UMAP({ minDist, nEpochs: 1 }) as unknown as { graph: { nCols: number }; initializeOptimization(): void; optimizationState: { a: number; b: number } };
    u.graph = { nCols: 0 };
    u.initializeOptimization();
    ab = { a: u.optimizationState.a, b: u.optimizationState.b };
    abCache.set(minDist, ab);
  }
  return ab;
}

/** umap-js smoothKNNDistance (local connectivity 1, bandwidth 1; its psum skips the first neighbour). */
function smoothKnn(n: number, k: number, dist: Float64Array): { sigmas: Float64Array; rhos: Float64Array } {
  const target = Math.log(k) / Math.log(2);
  const sigmas = new Float64Array(n), rhos = new Float64Array(n);
  const rowMean = (i: number) => { let s = dist[i * k]; for (let j = 1; j < k; j++) s += dist[i * k + j]; return s / k; };
  let meanAll = NaN; // umap-js recomputes it for every row whose rho is 0
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let rho = 0;
    for (let j = 0; j < k; j++) if (dist[o + j] > 0) { rho = dist[o + j]; break; }
    rhos[i] = rho;
    let lo = 0, hi = Infinity, mid = 1;
    for (let it = 0; it < 64; it++) {
      let psum = 0;
      for (let j = 1; j < k; j++) {
        const d = dist[o + j] - rho;
        psum += d > 0 ? Math.exp(-(d / mid)) : 1.0;
      }
      if (Math.abs(psum - target) < SMOOTH_K_TOLERANCE) break;
      if (psum > target) { hi = mid; mid = (lo + hi) / 2.0; } else { lo = mid; mid = hi === Infinity ? mid * 2 : (lo + hi) / 2.0; }
    }
    let sigma = mid;
    if (rho > 0) {
      const m = rowMean(i);
      if (sigma < MIN_K_DIST_SCALE * m) sigma = MIN_K_DIST_SCALE * m;
    } else {
      if (Number.isNaN(meanAll)) {
        let s = rowMean(0);
        for (let r = 1; r < n; r++) s += rowMean(r);
        meanAll = s / n;
      }
      if (sigma < MIN_K_DIST_SCALE * meanAll) sigma = MIN_K_DIST_SCALE * meanAll;
    }
    sigmas[i] = sigma;
  }
  return { sigmas, rhos };
}

/** The fuzzy union w + wᵀ − w∘wᵀ as edges sorted by (row, col), weights below max/nEpochs dropped. */
function fuzzyEdges(input: UmapInput): { head: Int32Array; tail: Int32Array; weights: Float64Array } {
  const { n, k, indices, distances, nEpochs } = input;
  const { sigmas, rhos } = smoothKnn(n, k, distances);
  // Directed memberships (row i → col) and their transposes, keyed row * n + col.
  const keys = new Float64Array(2 * n * k), s = new Float64Array(2 * n * k), t = new Float64Array(2 * n * k);
  let m = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const c = indices[i * k + j];
      if (c < 0 || c === i) continue; // umap-js keeps these as zero entries, which it drops later
      const d = distances[i * k + j] - rhos[i];
      const v = d <= 0.0 ? 1.0 : Math.exp(-(d / sigmas[i]));
      keys[m] = i * n + c; s[m] = v; t[m] = 0; m++;
      keys[m] = c * n + i; s[m] = 0; t[m] = v; m++;
    }
  }
  const order = Array.from({ length: m }, (_, e) => e).sort((x, y) => keys[x] - keys[y]);
  const rows: number[] = [], cols: number[] = [], vals: number[] = [];
  let max = 0;
  for (let e = 0; e < m;) {
    const key = keys[order[e]];
    let sv = 0, tv = 0;
    for (; e < m && keys[order[e]] === key; e++) { sv += s[order[e]]; tv += t[order[e]]; }
    const v = (sv + tv) - sv * tv;
    rows.push(Math.floor(key / n)); cols.push(key % n); vals.push(v);
    if (v > max) max = v;
  }
  const head: number[] = [], tail: number[] = [], weights: number[] = [];
  for (let e = 0; e < vals.length; e++) {
    if (vals[e] < max / nEpochs || !vals[e]) continue;
    weights.push(vals[e]); tail.push(rows[e]); head.push(cols[e]);
  }
  return { head: Int32Array.from(head), tail: Int32Array.from(tail), weights: Float64Array.from(weights) };
}

/** A UMAP fit to step epoch by epoch; `embedding` is n × 2 (row-major). */
export class UmapLayout {
  readonly embedding: Float64Array;
  readonly nEpochs: number;
  private epoch = 0;
  private alpha = 1.0;
  private readonly a: number;
  private readonly b: number;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly epochsPerSample: Float64Array;
  private readonly epochOfNextSample: Float64Array;
  private readonly epochsPerNegativeSample: Float64Array;
  private readonly epochOfNextNegativeSample: Float64Array;

  constructor(private readonly input: UmapInput) {
    const { n, nEpochs, random } = input;
    this.nEpochs = nEpochs;
    const { head, tail, weights } = fuzzyEdges(input);
    this.head = head;
    this.tail = tail;
    this.embedding = new Float64Array(n * 2);
    for (let i = 0; i < 2 * n; i++) this.embedding[i] = random() * 20 + -10;
    let max = 0;
    for (let e = 0; e < weights.length; e++) max = weights[e] > max ? weights[e] : max;
    const eps = new Float64Array(weights.length);
    for (let e = 0; e < weights.length; e++) {
      const nSamples = (weights[e] / max) * nEpochs;
      eps[e] = nSamples > 0 ? nEpochs / nSamples : -1.0;
    }
    this.epochsPerSample = eps;
    this.epochOfNextSample = eps.slice();
    this.epochsPerNegativeSample = eps.map((e) => e / NEGATIVE_SAMPLE_RATE);
    this.epochOfNextNegativeSample = this.epochsPerNegativeSample.slice();
    ({ a: this.a, b: this.b } = curveParams(input.minDist));
  }

  /** umap-js optimizeLayoutStep for 2 components (head and tail embeddings are one array). */
  step(): void {
    const n = this.epoch;
    if (n >= this.nEpochs) return;
    const { head, tail, epochsPerSample, epochOfNextSample, epochOfNextNegativeSample, epochsPerNegativeSample, a, b, alpha } = this;
    const y = this.embedding, nVertices = this.input.n, random = this.input.random;
    const clip = (x: number) => (x > 4.0 ? 4.0 : x < -4.0 ? -4.0 : x);
    for (let i = 0; i < epochsPerSample.length; i++) {
      if (epochOfNextSample[i] > n) continue;
      const j = head[i], k = tail[i];
      const cj = 2 * j, ok = 2 * k;
      const dx = y[cj] - y[ok], dy = y[cj + 1] - y[ok + 1];
      const distSquared = 0.0 + dx * dx + dy * dy;
      let gradCoeff = 0;
      if (distSquared > 0) {
        gradCoeff = -2.0 * a * b * Math.pow(distSquared, b - 1.0);
        gradCoeff /= a * Math.pow(distSquared, b) + 1.0;
      }
      for (let d = 0; d < 2; d++) {
        const gradD = clip(gradCoeff * (y[cj + d] - y[ok + d]));
        y[cj + d] += gradD * alpha;
        y[ok + d] += -gradD * alpha;
      }
      epochOfNextSample[i] += epochsPerSample[i];
      const nNegSamples = Math.floor((n - epochOfNextNegativeSample[i]) / epochsPerNegativeSample[i]);
      for (let p = 0; p < nNegSamples; p++) {
        const k1 = Math.floor(random() * nVertices), o1 = 2 * k1;
        const ex = y[cj] - y[o1], ey = y[cj + 1] - y[o1 + 1];
        const distSquared1 = 0.0 + ex * ex + ey * ey;
        let gradCoeff1 = 0.0;
        if (distSquared1 > 0.0) {
          gradCoeff1 = 2.0 * 1.0 * b; // gamma (repulsion strength) 1
          gradCoeff1 /= (0.001 + distSquared1) * (a * Math.pow(distSquared1, b) + 1);
        } else if (j === k1) {
          continue;
        }
        for (let d = 0; d < 2; d++) {
          let gradD = 4.0;
          if (gradCoeff1 > 0.0) gradD = clip(gradCoeff1 * (y[cj + d] - y[o1 + d]));
          y[cj + d] += gradD * alpha;
        }
      }
      epochOfNextNegativeSample[i] += nNegSamples * epochsPerNegativeSample[i];
    }
    this.alpha = 1.0 * (1.0 - n / this.nEpochs);
    this.epoch++;
  }
}
