// A modality's copy signal (docs/metrics.md §2): a descriptor made for copy detection rather than
// meaning (pixel thumbnails for images, character shingles for text). Each row has a unit-norm
// candidate vector, so an exact cosine kNN proposes neighbours within bounded memory, and the
// signal's own distance re-ranks them.
import { knnCosine, type KnnGraph, type KnnOptions } from './knn.ts';
import { refineGraph } from './refine-graph.ts';

export interface CopySignal {
  /** What the distance is, in words, for the report. */
  measure: string;
  /** n×dim unit-norm rows (a zero row has no candidates nearer than distance 1). */
  candidates: Float32Array;
  dim: number;
  /** The signal's distance between rows i and j (0 = identical), symmetric to the bit: refineGraph measures a pair listed by both rows once. */
  distance(i: number, j: number): number;
}

/** Builds the signal over some rows (the experiment's, or the real rows followed by edited copies). */
export type CopySignalOf<Row> = (rows: readonly Row[]) => CopySignal;

export async function copyGraph(signal: CopySignal, n: number, k: number, opts: KnnOptions): Promise<KnnGraph> {
  const candidates = await knnCosine(signal.candidates, n, signal.dim, k, opts);
  return refineGraph(candidates, (i, j) => signal.distance(i, j));
}

/** Cosine distance of two unit rows of one matrix. */
export function cosineDistanceOf(vectors: Float32Array, dim: number): (i: number, j: number) => number {
  return (i, j) => {
    let s = 0;
    for (let t = 0, a = i * dim, b = j * dim; t < dim; t++) s += vectors[a + t] * vectors[b + t];
    return Math.max(0, 1 - s);
  };
}
