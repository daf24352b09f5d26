// One half of the real table for the real-vs-real reference (pipeline/reference.ts): the aligned
// schema's real rows split in two, A as the real side and B as the only "synthetic" set, so the
// reference runs through the same experiment function (and the run's calibration) as any set.
import type { RawTable } from '../../ingest/table/types.ts';
import type { AlignedSchema } from './schema.ts';

export function realHalfSchema(schema: AlignedSchema, a: readonly number[], b: readonly number[]): AlignedSchema {
  const pick = (rows: readonly number[]) => schema.real.map((col) => rows.map((i) => col[i]));
  return { ...schema, real: pick(a), synth: [pick(b)] };
}

/** The real file's rows of one half: row numbers keep pointing into the file; its skips stay the real set's. */
export function realHalfTable(t: RawTable, rows: readonly number[]): RawTable {
  return {
    ...t,
    data: t.data.map((col) => rows.map((i) => col[i])),
    nRows: rows.length,
    rowNumbers: Int32Array.from(rows, (i) => t.rowNumbers[i]),
    warnings: [],
    skipped: [],
    skippedCount: 0,
  };
}
