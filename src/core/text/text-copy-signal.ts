// The text copy signal over a list of texts (copy-signal.ts): hashed shingle vectors propose the
// candidates, the exact shingle Jaccard ranks them.
import type { CopySignal } from '../copy-signal.ts';
import { jaccardDistance, shingleVectors, TEXT_COPY_SIGNAL } from './copy-signal.ts';

export const TEXT_COPY_MEASURE = `1 − Jaccard of character ${TEXT_COPY_SIGNAL.shingle}-gram sets (case, spacing and punctuation ignored)`;
/** Used when the real set is too small to calibrate: Jaccard ≥ 0.8 (docs/copy-signal-text.md). */
export const TEXT_COPY_DEFAULT = 0.2;

export function textCopySignal(texts: readonly string[]): CopySignal {
  const { vectors, dim, sets } = shingleVectors(texts);
  return { measure: TEXT_COPY_MEASURE, candidates: vectors, dim, distance: jaccardDistance(sets) };
}
