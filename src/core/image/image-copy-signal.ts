// The image copy signal over a matrix of descriptors (copy-descriptor.ts): the descriptors are
// zero-mean and unit-norm, so their cosine kNN proposes candidates, and copyDistance (correlation
// maximised over small shifts) ranks them.
import type { CopySignal } from '../copy-signal.ts';
import { COPY_DESCRIPTOR } from './copy-descriptor.ts';
import { copyDistance } from './copy-distance.ts';

export const IMAGE_COPY_MEASURE = '1 − correlation of small grey thumbnails, best over small shifts';
/** Used when the real set is too small to calibrate (docs/copy-signal-images.md). */
export const IMAGE_COPY_DEFAULT = 0.02;

export function imageCopySignal(descriptors: Float32Array, n: number): CopySignal {
  const dim = COPY_DESCRIPTOR.dim;
  if (descriptors.length < n * dim) throw new RangeError(`expected ${n} copy descriptors of ${dim} values`);
  const row = (i: number) => descriptors.subarray(i * dim, (i + 1) * dim);
  return { measure: IMAGE_COPY_MEASURE, candidates: descriptors, dim, distance: (i, j) => copyDistance(row(i), row(j)) };
}
