// The 2-D map of a table experiment: UMAP of at most 5,000 encoded rows (the detector's features),
// each feature z-scored over all rows first, so that the cosine geometry computeMap uses compares
// rows by how they deviate from the average row (raw encoded rows all point the same way).
import { jsGemm } from '../../core/gemm.ts';
import { MAP_MAX_POINTS, stratifiedSubsample } from '../../core/map2d.ts';
import type { Experiment } from '../../report/schema.ts';
import { mapOfVectors, type ExperimentMapOptions } from '../experiment-map.ts';

/** x: n × d encoded rows in Experiment.rows order; y: 1 = synthetic. */
export async function tableMap(ex: Experiment, x: Float32Array, n: number, d: number, y: Uint8Array, opts: ExperimentMapOptions): Promise<void> {
  const mean = new Float64Array(d), sq = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) { const v = x[i * d + j]; mean[j] += v; sq[j] += v * v; }
  const inv = new Float64Array(d);
  for (let j = 0; j < d; j++) { mean[j] /= n; const v = sq[j] / n - mean[j] ** 2; inv[j] = v > 1e-12 ? 1 / Math.sqrt(v) : 0; }
  // Subsample first, so only the mapped rows are copied.
  const picked = stratifiedSubsample(y, opts.maxPoints ?? MAP_MAX_POINTS, opts.seed);
  const m = picked.length;
  const sub = new Float32Array(m * d);
  const ySub = new Uint8Array(m);
  picked.forEach((r, i) => {
    ySub[i] = y[r];
    for (let j = 0; j < d; j++) sub[i * d + j] = (x[r * d + j] - mean[j]) * inv[j];
  });
  await mapOfVectors(ex, sub, d, ySub, jsGemm, { ...opts, maxPoints: m });
  if (ex.map) ex.map = { ...ex.map, rows: ex.map.rows.map((i) => picked[i]), total: n };
}
