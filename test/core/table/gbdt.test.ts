import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.ts';
import { binEdges, binRows } from '../../../src/core/table/gbdt-bins.ts';
import { buildHistograms, histogramLayout, mostFrequentBins, sparseRows, subtractHistogram } from '../../../src/core/table/gbdt-histogram.ts';
import { fitGbdt, predictGbdt } from '../../../src/core/table/gbdt.ts';

/** n×d features: a continuous one, a one-hot-like 0/1 one (mostly 0), a 5-valued one, a constant. */
function features(n: number, seed: number): Float32Array {
  const rng = createRng(seed), d = 4, x = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    x[i * d] = rng.normal();
    x[i * d + 1] = rng.next() < 0.1 ? 1 : 0;
    x[i * d + 2] = rng.int(5) - 2;
    x[i * d + 3] = 7;
  }
  return x;
}

/** The plain definition: sort the column, distinct values' midpoints, or quantiles of the sorted column. */
function referenceEdges(x: Float32Array, n: number, d: number, bins: number): number[][] {
  return Array.from({ length: d }, (_, f) => {
    const col = Float32Array.from({ length: n }, (_, i) => x[i * d + f]).sort();
    const distinct = [...new Set(col)];
    if (distinct.length <= bins) return Array.from(Float32Array.from(distinct.slice(0, -1).map((v, k) => (v + distinct[k + 1]) / 2)));
    const edges: number[] = [];
    for (let b = 1; b < bins; b++) {
      const e = col[Math.floor((b * n) / bins)];
      if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
    }
    return edges;
  });
}

describe('binning', () => {
  it('edges are the distinct midpoints for few-valued features and quantiles otherwise', () => {
    const n = 3000, d = 4, x = features(n, 1);
    const edges = binEdges(x, n, d, 16);
    expect(edges.map((e) => Array.from(e))).toEqual(referenceEdges(x, n, d, 16));
    expect(edges[1]).toEqual(Float32Array.from([0.5]));
    expect(edges[3].length).toBe(0); // a constant feature cannot split
  });

  it('edges from a subset of rows (rows argument) equal edges of that subset copied out', () => {
    const n = 2000, d = 4, x = features(n, 2);
    const rows = Int32Array.from({ length: 700 }, (_, k) => 2 * k + 1);
    const copy = new Float32Array(rows.length * d);
    rows.forEach((r, k) => copy.set(x.subarray(r * d, (r + 1) * d), k * d));
    expect(binEdges(x, rows.length, d, 32, 5, rows)).toEqual(binEdges(copy, rows.length, d, 32, 5));
  });

  it('a value goes to the first bin whose upper edge is ≥ it (column-major matrix)', () => {
    const x = Float32Array.from([0, 1, 2, 3]), bm = binRows(x, 4, 1, [Float32Array.from([0.5, 2])]);
    expect(Array.from(bm.bins)).toEqual([0, 1, 1, 2]);
  });
});

describe('histograms', () => {
  const n = 600, d = 4, x = features(n, 3);
  const edges = binEdges(x, n, d, 8);
  const bm = binRows(x, n, d, edges);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const layout = histogramLayout(edges, mostFrequentBins(bm, all));
  const sparse = sparseRows(bm, all, layout);
  const rng = createRng(4);
  const g = Float64Array.from({ length: n }, () => rng.normal()), h = Float64Array.from({ length: n }, () => 0.1 + rng.next());
  // Rows 0..n−1 in the two children (nodes 1 and 2) of a split root, at random.
  const node = Int32Array.from({ length: n }, () => 1 + rng.int(2));

  /** Every bin's sums added up row by row, no default bins, no subtraction. */
  function direct(which: (t: number) => boolean): Float64Array {
    const out = new Float64Array(layout.size);
    for (let t = 0; t < n; t++) {
      if (!which(t)) continue;
      for (let f = 0; f < d; f++) {
        const s = layout.offset[f] + 3 * bm.bins[f * n + t];
        out[s] += g[t]; out[s + 1] += h[t]; out[s + 2]++;
      }
    }
    return out;
  }
  function totals(which: (t: number) => boolean) {
    const G = new Float64Array(3), H = new Float64Array(3), C = new Int32Array(3);
    for (let t = 0; t < n; t++) if (which(t)) { G[node[t]] += g[t]; H[node[t]] += h[t]; C[node[t]]++; G[0] += g[t]; H[0] += h[t]; C[0]++; }
    return { G, H, C };
  }
  const expectClose = (a: Float64Array, b: Float64Array) => {
    expect(a.length).toBe(b.length);
    for (let s = 0; s < a.length; s++) {
      if (s % 3 === 2) expect(a[s]).toBe(b[s]); // row counts are exact
      else expect(a[s]).toBeCloseTo(b[s], 9);
    }
  };

  it('most rows of a one-hot feature sit in its default bin and are left out of the sparse rows', () => {
    expect(layout.defaultSlot[1]).toBe(layout.offset[1]); // the 0 bin of the 0/1 feature
    expect(sparse.slot.length).toBeLessThan(n * (d - 1)); // the constant feature is never stored, and most 0s are not
  });

  it('a sparse build with the default bins filled from the node totals equals the direct sums', () => {
    const { G, H, C } = totals(() => true);
    const hist = new Float64Array(2 * layout.size);
    buildHistograms(hist, layout, sparse, all, n, g, h, node, 1, 2, Uint8Array.from([1, 1]), G, H, C);
    expectClose(hist.subarray(0, layout.size), direct((t) => node[t] === 1));
    expectClose(hist.subarray(layout.size), direct((t) => node[t] === 2));
  });

  it('parent minus the smaller child equals the larger child built directly', () => {
    const { G, H, C } = totals(() => true);
    const parent = new Float64Array(layout.size);
    buildHistograms(parent, layout, sparse, all, n, g, h, new Int32Array(n), 0, 1, Uint8Array.from([1]), G, H, C);
    const small = C[1] <= C[2] ? 0 : 1;
    const hist = new Float64Array(2 * layout.size);
    buildHistograms(hist, layout, sparse, all, n, g, h, node, 1, 2, Uint8Array.from([small === 0 ? 1 : 0, small === 1 ? 1 : 0]), G, H, C);
    subtractHistogram(hist, (1 - small) * layout.size, parent, 0, hist, small * layout.size, layout.size);
    expectClose(hist.subarray((1 - small) * layout.size, (2 - small) * layout.size), direct((t) => node[t] === 2 - small));
  });
});

describe('boosted trees', () => {
  /** Labels from an interaction no single feature shows: y = 1 when a and b have the same sign. */
  function xor(n: number, seed: number, noise = false) {
    const rng = createRng(seed), x = new Float32Array(n * 3), y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const a = rng.normal(), b = rng.normal();
      x.set([a, b, rng.normal()], i * 3);
      y[i] = noise ? rng.int(2) : a * b > 0 ? 1 : 0;
    }
    return { x, y };
  }

  it('learns an interaction and predicts it on new rows', () => {
    const train = xor(4000, 5), test = xor(1000, 6);
    const model = fitGbdt(train.x, 4000, 3, train.y, { seed: 1 });
    const p = predictGbdt(model, test.x, 1000, 3);
    let right = 0;
    for (let i = 0; i < 1000; i++) right += (p[i] > 0.5 ? 1 : 0) === test.y[i] ? 1 : 0;
    expect(right / 1000).toBeGreaterThan(0.9);
  });

  it('stops early on labels that carry no signal', () => {
    const noise = xor(4000, 7, true);
    const model = fitGbdt(noise.x, 4000, 3, noise.y, { seed: 1, maxIterations: 300 });
    expect(model.iterations).toBeLessThan(100);
  });
});
