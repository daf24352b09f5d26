// The optional 2-D map of one experiment (real ∪ synthetic_i), from the vectors already embedded
// (images, text) or the encoded rows (tables). A map that fails (too few rows, an engine error)
// is left out: it never costs the scores.
import type { Gemm } from '../core/gemm.ts';
import { computeMap } from '../core/map2d.ts';
import type { Experiment } from '../report/schema.ts';
import type { ProgressCallback } from '../core/progress.ts';
import { stackSides, type EmbeddedSet } from './image/embed-set.ts';
import type { PipelineEnv } from './image/environment.ts';

export interface ExperimentMapOptions { maxPoints?: number; seed: number; signal?: AbortSignal; onProgress?: ProgressCallback }

export async function experimentMap(ex: Experiment, real: EmbeddedSet, synth: EmbeddedSet, env: PipelineEnv, opts: ExperimentMapOptions): Promise<void> {
  const dim = env.embedder.manifest.output.dimension;
  const { vectors, isSynthetic } = stackSides(real, synth, dim);
  await mapOfVectors(ex, vectors, dim, isSynthetic, env.gemm, opts);
}

/** Rows of `vectors` (n × dim) in Experiment.rows order; sets ex.map, or reports why it could not. */
export async function mapOfVectors(ex: Experiment, vectors: Float32Array, dim: number, isSynthetic: Uint8Array, gemm: Gemm, opts: ExperimentMapOptions): Promise<void> {
  try {
    const map = await computeMap(vectors, dim, isSynthetic, {
      gemm, seed: opts.seed, maxPoints: opts.maxPoints, signal: opts.signal,
      onProgress: opts.onProgress, stage: `${ex.name}: map`,
    });
    if (map) ex.map = map;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    opts.onProgress?.({ status: 'done', stage: `${ex.name}: map (failed: ${(e as Error).message})` });
  }
}
