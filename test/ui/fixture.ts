// Small hand-made experiments for the component tests: rows, a neighbour graph with known
// near-duplicate distances, and the report's sets computed by the engine at tau = 0.0084.
import { findNearDuplicates, type CopyEdge } from '../../src/core/near-duplicates.ts';
import { wilson } from '../../src/core/intervals.ts';
import type { DistanceSummary, Estimate, Experiment, RowScore, SignalThreshold, ThresholdInfo } from '../../src/report/schema.ts';

export const TAU = 0.0084;
const est = (value: number, n: number): Estimate => ({ value, lo: Math.max(0, value - 0.05), hi: Math.min(1, value + 0.05), n, method: 'bootstrap' });

/**
 * nReal real rows then nSynth synthetic rows; k = 2. Edges (distance): synthetic pairs repeat each
 * other at 0.005 and 0.02 (unvaried), synthetic copies of real rows at 0.004 and 0.03 (unoriginal);
 * every other neighbour is 0.5 away.
 */
export function experimentWithGraph(nReal = 30, nSynth = 30, withClasses = false, copyEdges: CopyEdge[] = []): Experiment {
  const n = nReal + nSynth, k = 2;
  const s = (j: number) => nReal + j;
  const edges: [number, number, number][] = [
    [s(0), s(1), 0.005], // unvaried at TAU
    [s(2), s(3), 0.02], // unvaried only above 0.02
    [s(4), 0, 0.004], // unoriginal at TAU
    [s(5), 1, 0.03], // unoriginal only above 0.03
  ];
  const near = Array.from({ length: n }, () => [] as [number, number][]);
  for (const [a, b, d] of edges) {
    near[a].push([b, d]);
    near[b].push([a, d]);
  }
  const indices: number[] = [], distances: number[] = [];
  for (let i = 0; i < n; i++) {
    const list = near[i].sort((x, y) => x[1] - y[1]);
    for (let t = 0; t < k; t++) {
      const e = list[t] ?? [(i + 7 + t) % n, 0.5];
      indices.push(e[0]);
      distances.push(e[1]);
    }
  }
  const isSynthetic = Uint8Array.from({ length: n }, (_, i) => (i >= nReal ? 1 : 0));
  const graph = { n, k, indices: Int32Array.from(indices), distances: Float32Array.from(distances) };
  const hashes = Array.from({ length: n }, (_, i) => `h${i}`);
  // As the engine does: a pair's other signal filled in (here every pair off the graph is 0.5 apart, copy distance 0.3).
  const nd = findNearDuplicates(graph, isSynthetic, hashes, TAU, {
    copyEdges,
    embeddingDistance: (a, b) => edges.find(([x, y]) => (x === a && y === b) || (x === b && y === a))?.[2] ?? 0.5,
    copyDistance: (a, b) => copyEdges.find((e) => (e.a === a && e.b === b) || (e.a === b && e.b === a))?.copyDistance ?? 0.3,
  });
  const rows: RowScore[] = Array.from({ length: n }, (_, i) => ({
    path: `${i < nReal ? 'real' : 'synth'}/${withClasses ? `${i % 3}/` : ''}item${i}.png`,
    side: i < nReal ? 'real' : 'synthetic',
    ...(withClasses ? { className: String(i % 3) } : {}),
    p: ((i * 37) % 100) / 100,
    labelIssue: 0.5,
    nearDuplicateSet: nd.setIdPerRow[i],
    nearestDistance: distances[i * k],
  }));
  return {
    name: 'fixture',
    syntheticPath: 'fixture',
    scores: { unrealistic: est(0.62, nSynth), unrepresentative: est(0.55, nReal), unvaried: nd.unvaried, unoriginal: nd.unoriginal },
    auc: est(0.6, n),
    detectability: est(0.2, n),
    threshold: { value: TAU, source: 'manifest', note: "the model's calibrated default" },
    counts: { real: nReal, synthetic: nSynth, unvariedRows: nd.unvariedRows, unoriginalRows: nd.unoriginalRows, nearDuplicateSets: nd.sets.length, exactDuplicatePairs: 0 },
    classes: withClasses
      ? ['0', '1', '2', '3'].map((c) => ({
        className: c,
        counts: c === '3' ? { real: 5, synthetic: 0 } : { real: 10, synthetic: 10 },
        scores: c === '3' ? null : { unrealistic: est(0.6, 10), unrepresentative: est(0.5, 10), unvaried: wilson(0, 10), unoriginal: wilson(0, 10) },
        ...(c === '3' ? { note: 'fewer than 5 rows on a side' } : {}),
      }))
      : null,
    rows,
    nearDuplicateSets: nd.sets,
    ...(copyEdges.length ? { pairs: nd.pairs, reasonCounts: nd.reasonCounts } : {}),
    skipped: [],
    timings: {},
    neighbours: { k, indices, distances },
    hashes,
  };
}

/** A synthetic-heavy experiment with many rows and no graph, for the windowing test. */
export function bigExperiment(nSynth: number): Experiment {
  const ex = experimentWithGraph(30, 30);
  const rows: RowScore[] = Array.from({ length: nSynth }, (_, i) => ({
    path: `synth/item${i}.png`, side: 'synthetic', p: 1 - i / nSynth, labelIssue: i / nSynth, nearDuplicateSet: -1, nearestDistance: 0.3,
  }));
  return { ...ex, rows, nearDuplicateSets: [], neighbours: undefined, hashes: undefined };
}

const summary = (median: number): DistanceSummary => ({ n: 200, p01: median / 4, p05: median / 2, median, p95: 2 * median, p99: 3 * median });

/** A run's thresholds as the pipeline describes them when both signals were calibrated on the real set. */
export function calibratedThreshold(tau: number, copyValue: number, copyMeasure = '1 − thumbnail correlation'): ThresholdInfo {
  const signal = (s: SignalThreshold['signal'], value: number, catchRate: number, measure: string): SignalThreshold => ({
    signal: s, measure, value, source: 'calibrated', used: true,
    note: `calibrated on the real set: 0.8% of real rows within it of a distinct real row; catches ${Math.round(100 * catchRate)}% of edited copies`,
    calibration: {
      realRows: 400, sampled: 100, targetFalsePairRate: 0.01, falsePairRate: 0.0075, catchRate,
      caughtByKind: { shift: catchRate, jpeg: 1 }, null: summary(0.2), copies: summary(value / 4),
    },
  });
  return {
    value: tau, source: 'calibrated', note: 'calibrated on the real set',
    signals: [signal('embedding', tau, 0.42, "cosine distance of the model's embedding"), signal('copy', copyValue, 0.97, copyMeasure)],
  };
}

/**
 * The graph fixture plus the copy signal: synthetic row 6 copies real row 2 (correlation 0.9988)
 * far from it in the embedding, and the embedding pair of synthetic row 4 and real row 0 is a copy too.
 */
export function experimentWithCopies(nReal = 30, nSynth = 30): Experiment {
  const copyEdges = [{ a: nReal + 6, b: 2, copyDistance: 0.0012 }, { a: nReal + 4, b: 0, copyDistance: 0.0005 }];
  return { ...experimentWithGraph(nReal, nSynth, false, copyEdges), threshold: calibratedThreshold(TAU, 0.004) };
}
