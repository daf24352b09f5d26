// The image copy signal over a matrix of descriptors (copy-descriptor.ts): the descriptors are
// zero-mean and unit-norm, so their cosine kNN proposes candidates, and copyDistance (correlation
// maximised over small shifts) ranks them. What copyDistance reads of a row is prepared once per
// row (prepared-thumbnail.ts) and kept within a memory budget (issue 17: the copy graph compares
// each row with ~20 others).
import type { CopySignal } from '../copy-signal.ts';
import { COPY_DESCRIPTOR, COPY_SIGNAL_PARAMS, type CopySignalParams } from './copy-descriptor.ts';
import { copyDistancePrepared } from './copy-distance.ts';
import { newPrepared, preparedBytes, prepareThumbnail, type PreparedThumbnail, thumbnailGeometry } from './prepared-thumbnail.ts';

export const IMAGE_COPY_MEASURE = '1 − correlation of small grey thumbnails, best over small shifts';
/** Used when the real set is too small to calibrate (docs/copy-signal-images.md). */
export const IMAGE_COPY_DEFAULT = 0.02;

/** Memory for prepared rows (~5 KB each at the chosen design: every row of a 6,000-row run). */
export const PREPARED_ROWS_BUDGET = 32 * 2 ** 20;

/**
 * Prepared rows of a descriptor matrix: the first rows asked for are kept, up to the budget; others
 * are prepared into one of two reusable slots (the two sides of a distance), which remember their
 * row, so a row compared with its k candidates in turn is prepared once all the same. The
 * descriptors must not change while the signal is in use.
 */
export function preparedRows(descriptors: Float32Array, n: number, p: CopySignalParams, budgetBytes = PREPARED_ROWS_BUDGET) {
  const dim = p.coarseSide * p.coarseSide + p.side * p.side, g = thumbnailGeometry(p);
  const kept: (PreparedThumbnail | undefined)[] = new Array(n);
  let room = Math.floor(budgetBytes / preparedBytes(g));
  const slots = [newPrepared(g), newPrepared(g)], slotRow = [-1, -1];
  const row = (i: number) => descriptors.subarray(i * dim, (i + 1) * dim);
  return {
    geometry: g,
    /** Row i prepared; `side` (0 or 1) picks the slot a row outside the budget is prepared into. */
    get(i: number, side: 0 | 1): PreparedThumbnail {
      const t = kept[i];
      if (t) return t;
      if (room > 0) {
        room--;
        return (kept[i] = prepareThumbnail(row(i), p, g, newPrepared(g)));
      }
      if (slotRow[side] !== i) {
        prepareThumbnail(row(i), p, g, slots[side]);
        slotRow[side] = i;
      }
      return slots[side];
    },
  };
}

export function imageCopySignal(descriptors: Float32Array, n: number): CopySignal {
  const dim = COPY_DESCRIPTOR.dim, p = COPY_SIGNAL_PARAMS;
  if (descriptors.length < n * dim) throw new RangeError(`expected ${n} copy descriptors of ${dim} values`);
  const rows = preparedRows(descriptors, n, p);
  return {
    measure: IMAGE_COPY_MEASURE, candidates: descriptors, dim,
    distance: (i, j) => copyDistancePrepared(rows.get(i, 0), rows.get(j, 1), p, rows.geometry),
  };
}
