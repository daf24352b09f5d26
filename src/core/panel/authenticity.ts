// Authenticity (Alaa et al. 2022, as docs/metrics.md and issue 14 state it): the share of
// synthetic rows farther from their nearest real row than that real row is from its own nearest
// other real row. A copy (distance 0) is never authentic; a fresh sample from the real
// distribution is authentic about as often as a held-out real row is (the reference row gives
// that level on the user's data, ~0.6–0.7 on smooth clouds).
import type { KnnGraph } from '../knn.ts';
import { cosineDistance } from './tiles.ts';

/** Authentic synthetic rows, counted from their nearest real row and the real set's own graph. */
export function authenticCount(nearestRealSimilarity: Float32Array, nearestRealIndex: Int32Array, realGraph: KnnGraph): number {
  let authentic = 0;
  for (let j = 0; j < nearestRealIndex.length; j++) {
    const i = nearestRealIndex[j];
    if (i < 0) continue;
    // Strict '>': a synthetic row exactly as close as the real row's own neighbour is not authentic.
    if (cosineDistance(nearestRealSimilarity[j]) > realGraph.distances[i * realGraph.k]) authentic++;
  }
  return authentic;
}
