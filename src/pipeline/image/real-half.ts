// One half of the embedded real set, for the real-vs-real reference (pipeline/reference.ts): the
// vectors, copy descriptors, issue scores and sizes already computed, picked by row, so nothing is embedded again.
import { COPY_DESCRIPTOR } from '../../core/image/copy-descriptor.ts';
import type { Side } from '../../report/schema.ts';
import type { EmbeddedSet } from './embed-set.ts';
import { RECORD_ISSUES } from './cache-record.ts';
import { pickRows } from '../reference.ts';

export function halfOfSet(set: EmbeddedSet, rows: readonly number[], dim: number, side: Side): EmbeddedSet {
  return {
    root: set.root,
    side,
    items: rows.map((i) => set.items[i]),
    vectors: pickRows(set.vectors, dim, rows),
    descriptors: pickRows(set.descriptors, COPY_DESCRIPTOR.dim, rows),
    issues: pickRows(set.issues, RECORD_ISSUES, rows),
    sizes: Int32Array.from(rows.flatMap((i) => [set.sizes[2 * i], set.sizes[2 * i + 1]])),
    fileHashes: rows.map((i) => set.fileHashes[i]),
    pixelHashes: rows.map((i) => set.pixelHashes[i]),
    // The real set's skipped files are the report's own list; the halves add none.
    skipped: [],
    embedded: 0,
    fromCache: 0,
  };
}
