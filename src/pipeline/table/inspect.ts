// What the app shows before a table run: each set's columns (missing or extra against the real
// set), the types inferred for the shared columns with the reason, and columns whose kind differs
// between the sets (a run refuses them until their type is set). Same reader and same inference
// as the run, so what the user overrides here is what the run would have used.
import { planColumns, typeConflicts, type TypeConflict } from '../../core/table/columns.ts';
import type { ColumnType } from '../../core/table/types.ts';
import type { RawTable, TableIo } from '../../ingest/table/types.ts';
import { readTable } from './score-table.ts';

export interface TableInspection {
  real: { source: string; rows: number; columns: string[] };
  synthetic: { name: string; source: string; rows: number; missing: string[]; extra: string[] }[];
  /** The columns every set has, in the real file's order; a conflict names its synthetic set (as
   *  synthetic[].name) and is worded when shown (schema.ts conflictMessage), under the set's current name. */
  columns: { name: string; inferredType: ColumnType | null; reason: string; inDetector: boolean; conflicts: { set: string; conflict: TypeConflict }[] }[];
}

export async function inspectTables(req: { real: string; synthetic: { name: string; path: string }[] }, io: TableIo, signal?: AbortSignal): Promise<TableInspection> {
  const real = await readTable(io, req.real, signal);
  const synth: RawTable[] = [];
  for (const s of req.synthetic) synth.push(await readTable(io, s.path, signal));
  const shared = real.columns.filter((c) => synth.every((t) => t.columns.includes(c)));
  const pick = (t: RawTable) => shared.map((c) => t.data[t.columns.indexOf(c)]);
  const { plan } = planColumns(shared, pick(real));
  const conflicts = new Map<string, { set: string; conflict: TypeConflict }[]>();
  synth.forEach((t, k) => {
    for (const c of typeConflicts(plan, pick(t))) conflicts.set(c.column, [...(conflicts.get(c.column) ?? []), { set: req.synthetic[k].name, conflict: c }]);
  });
  return {
    real: { source: real.source, rows: real.nRows, columns: real.columns },
    synthetic: synth.map((t, k) => ({
      name: req.synthetic[k].name,
      source: t.source,
      rows: t.nRows,
      missing: real.columns.filter((c) => !t.columns.includes(c)),
      extra: t.columns.filter((c) => !real.columns.includes(c)),
    })),
    columns: plan.map((p) => ({ name: p.name, inferredType: p.inferred.type, reason: p.inferred.reason, inDetector: p.inDetector, conflicts: conflicts.get(p.name) ?? [] })),
  };
}
