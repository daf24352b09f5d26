// Visit every block of the cosine similarities between the rows of a and the rows of b without
// ever holding the full na×nb matrix: one blockRows×blockRows tile at a time (16 MB at 2048),
// the next tile's gemm requested before the current one is scanned (as core/knn.ts does).
import { checkpoint, type AbortSignalLike } from '../errors.ts';
import type { Gemm } from '../gemm.ts';

export type TileVisitor = (tile: Float32Array, a0: number, aRows: number, b0: number, bRows: number) => void;

export async function forEachTile(
  a: Float32Array,
  b: Float32Array,
  dim: number,
  gemm: Gemm,
  visit: TileVisitor,
  opts: { blockRows?: number; signal?: AbortSignalLike } = {},
): Promise<void> {
  const B = Math.max(1, opts.blockRows ?? 2048);
  const na = a.length / dim, nb = b.length / dim;
  const tiles: [number, number][] = [];
  for (let i0 = 0; i0 < na; i0 += B) for (let j0 = 0; j0 < nb; j0 += B) tiles.push([i0, j0]);
  const rows = (s: number, n: number) => Math.min(B, n - s);
  const request = (t: number) => {
    const [i0, j0] = tiles[t];
    const ra = rows(i0, na), rb = rows(j0, nb);
    return gemm(a.subarray(i0 * dim, (i0 + ra) * dim), ra, b.subarray(j0 * dim, (j0 + rb) * dim), rb, dim);
  };
  let pending = tiles.length > 0 ? request(0) : undefined;
  for (let t = 0; t < tiles.length && pending; t++) {
    const tile = await pending;
    await checkpoint(opts.signal);
    pending = t + 1 < tiles.length ? request(t + 1) : undefined;
    const [i0, j0] = tiles[t];
    visit(tile, i0, rows(i0, na), j0, rows(j0, nb));
  }
}

/** Cosine distance as core/knn.ts stores it (Float32 of max(0, 1 − s)), so radii compare like for like. */
export function cosineDistance(similarity: number): number {
  return Math.fround(Math.max(0, 1 - similarity));
}

/** For each row of query: its largest cosine similarity to a row of ref, and that row's index. */
export async function nearestRows(query: Float32Array, ref: Float32Array, dim: number, gemm: Gemm, signal?: AbortSignalLike) {
  const nq = query.length / dim;
  const similarity = new Float32Array(nq).fill(-Infinity), index = new Int32Array(nq).fill(-1);
  await forEachTile(query, ref, dim, gemm, (tile, q0, qRows, r0, rRows) => {
    for (let q = 0; q < qRows; q++) {
      const o = q * rRows;
      let best = similarity[q0 + q], at = index[q0 + q];
      for (let r = 0; r < rRows; r++) if (tile[o + r] > best) { best = tile[o + r]; at = r0 + r; }
      similarity[q0 + q] = best;
      index[q0 + q] = at;
    }
  }, { signal });
  return { similarity, index };
}
