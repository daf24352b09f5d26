// Calibrates the near-duplicate threshold on a real set (docs/metrics.md §2): embed light near-copies of
// a sample of real items, and compare copy-to-source distances with each real item's distance
// to its nearest distinct real neighbour.
import { suggestThreshold, type ThresholdSuggestion } from '../../core/calibrate.ts';
import { knnCosine } from '../../core/knn.ts';
import type { ProgressCallback } from '../../core/progress.ts';
import { createRng, sampleIndices } from '../../core/random.ts';
import { InputError, type IngestItem } from '../../ingest/types.ts';
import { embedSet } from './embed-set.ts';
import type { PipelineEnv } from './environment.ts';
import { validatedCache } from '../../storage/vector-cache.ts';

export type Augment = (bytes: Uint8Array, kind: string) => Promise<Uint8Array>;

export interface Calibration extends ThresholdSuggestion {
  realCount: number;
  sampled: number;
  kinds: string[];
}

export async function calibrateThreshold(
  realRoot: string,
  platformEnv: PipelineEnv,
  augment: Augment,
  kinds: readonly string[],
  opts: { samples?: number; seed?: number; signal?: AbortSignal; onProgress?: ProgressCallback } = {},
): Promise<Calibration> {
  const { signal, onProgress } = opts;
  // A damaged cached vector is a miss here too (storage/vector-cache.ts).
  const env = { ...platformEnv, cache: validatedCache(platformEnv.cache, platformEnv.embedder.manifest.output.dimension) };
  const listed = await env.listSet(realRoot, 'real', signal);
  const real = await embedSet(listed, 'real', env, { signal, onProgress, stage: 'embed real' });
  const n = real.items.length;
  if (n < 3) throw new InputError(`The real set "${realRoot}" has ${n} usable images; calibration needs at least 3.`);
  const dim = env.embedder.manifest.output.dimension;

  // Sampled items, each with every kind of near-copy, embedded through the same pipeline.
  const picks = Array.from(sampleIndices(n, Math.min(n, opts.samples ?? 200), createRng(opts.seed ?? 0)));
  const copies: (IngestItem & { source: number; copyKind: string })[] = picks.flatMap((i) =>
    kinds.map((kind) => ({ ...real.items[i], path: `${real.items[i].path}#${kind}`, source: i, copyKind: kind })),
  );
  const copyEnv: PipelineEnv = {
    ...env,
    readItem: async (root, item) => {
      const c = item as (typeof copies)[number];
      return augment(await env.readItem(root, real.items[c.source]), c.copyKind);
    },
  };
  const embedded = await embedSet({ ...listed, items: copies, skipped: [] }, 'real', copyEnv, { signal, onProgress, stage: 'embed near-copies' });
  const byPath = new Map(copies.map((c) => [c.path, c]));
  const copyDistances = embedded.items.map((it, r) => {
    const c = byPath.get(it.path)!;
    return { kind: c.copyKind, distance: Math.max(0, 1 - dot(real.vectors, c.source * dim, embedded.vectors, r * dim, dim)) };
  });

  // Nearest distinct neighbour of every real item: exact duplicates (same pixels) are skipped.
  const graph = await knnCosine(real.vectors, n, dim, Math.min(5, n - 1), { gemm: env.gemm, signal });
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < graph.k; j++) {
      const nb = graph.indices[i * graph.k + j];
      if (nb >= 0 && real.pixelHashes[nb] !== real.pixelHashes[i]) {
        distinct.push(graph.distances[i * graph.k + j]);
        break;
      }
    }
  }
  return { ...suggestThreshold(copyDistances, distinct), realCount: n, sampled: picks.length, kinds: [...kinds] };
}

function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, dim: number): number {
  let s = 0;
  for (let i = 0; i < dim; i++) s += a[ao + i] * b[bo + i];
  return s;
}
