// Small hand-made experiments for the component tests: rows, a neighbour graph with known
// near-duplicate distances, and the report's sets computed by the engine at tau = 0.0084.
import { findNearDuplicates } from '../../src/core/near-duplicates.ts';
import { wilson } from '../../src/core/intervals.ts';
import type { Estimate, Experiment, RowScore } from '../../src/report/schema.ts';

export const TAU = 0.0084;
const est = (value: number, n: number): Estimate => ({ value, lo: Math.max(0, value - 0.05), hi: Math.min(1, value + 0.05), n, method: 'bootstrap' });

/**
 * nReal real rows then nSynth synthetic rows; k = 2. Edges (distance): synthetic pairs repeat each
 * other at 0.005 and 0.02 (unvaried), synthetic copies of real rows at 0.004 and 0.03 (unoriginal);
 * every other neighbour is 0.5 away.
 */
export function experimentWithGraph(nReal = 30, nSynth = 30, withClasses = false): Experiment {
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
  const nd = findNearDuplicates(graph, isSynthetic, hashes, TAU);
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
