// Real and synthetic tables must share columns. Mismatches are named in one InputError (every
// set at once, so the user fixes them together), or, with dropMismatchedColumns, only the
// columns every set has are kept. Types come from the real set; a column numeric (or date/time)
// in one set and not in the other is an InputError unless its type is overridden.
import { type ColumnPlan, planColumns, type TypeConflict, typeConflicts } from '../../core/table/columns.ts';
import { COLUMN_TYPES, type Cell, type ColumnType, type TableFinding } from '../../core/table/types.ts';
import type { RawTable } from '../../ingest/table/types.ts';
import { InputError } from '../../ingest/types.ts';

export interface AlignedSchema {
  columns: string[];
  plan: ColumnPlan[];
  findings: TableFinding[];
  dropped: { name: string; presentIn: string[] }[];
  /** Column-major cells in `columns` order. */
  real: Cell[][];
  synth: Cell[][][];
}

const q = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/** One sentence naming the column, both sets, both kinds and a few values that do not fit. */
export function conflictMessage(c: TypeConflict, realSource: string, setName: string, synthSource: string): string {
  const realKind = c.realType === 'number' || c.realType === 'identifier' ? 'numeric' : c.realType === 'datetime' ? 'date/time' : `${c.realType} (text)`;
  const synthKind = c.syntheticType === 'number' ? 'numeric' : c.syntheticType === 'datetime' ? 'date/time' : `${c.syntheticType} (text)`;
  const ex = c.examples.map((e) => `"${e.value}" (row ${e.row})`).join(', ');
  return `Column "${c.column}" is ${realKind} in the real set (${realSource}) but ${synthKind} in the synthetic set "${setName}" (${synthSource})${c.count ? `: ${c.count} values do not fit, e.g. ${ex}` : ''}.`;
}

export function alignSchemas(
  real: RawTable,
  synth: { name: string; table: RawTable }[],
  opts: { dropMismatchedColumns?: boolean; types?: Record<string, ColumnType>; labelColumn?: string } = {},
): AlignedSchema {
  const problems: string[] = [];
  for (const s of synth) {
    const missing = real.columns.filter((c) => !s.table.columns.includes(c));
    const extra = s.table.columns.filter((c) => !real.columns.includes(c));
    if (missing.length || extra.length) {
      const parts = [missing.length ? `lacks ${missing.length === 1 ? 'column' : 'columns'} ${q(missing)}` : '', extra.length ? `has ${extra.length === 1 ? 'a column' : 'columns'} ${q(extra)} that the real set lacks` : ''].filter(Boolean);
      problems.push(`The synthetic set "${s.name}" (${s.table.source}) ${parts.join(' and ')}.`);
    }
  }
  const shared = real.columns.filter((c) => synth.every((s) => s.table.columns.includes(c)));
  if (problems.length && !opts.dropMismatchedColumns) {
    throw new InputError(`${problems.join('\n')}\nReal and synthetic sets must share their columns (real set: ${real.source}). To score only the ${shared.length} shared columns, drop the others (dropMismatchedColumns / --drop-mismatched-columns).`);
  }
  if (shared.length === 0) throw new InputError(`The real set (${real.source}) and the synthetic sets share no column.`);
  const all = [real.columns, ...synth.map((s) => s.table.columns)].flat();
  const dropped = [...new Set(all)].filter((c) => !shared.includes(c)).map((name) => ({
    name,
    presentIn: [real.columns.includes(name) ? 'real' : '', ...synth.filter((s) => s.table.columns.includes(name)).map((s) => s.name)].filter(Boolean),
  }));

  const types = opts.types ?? {};
  const unknown = Object.keys(types).filter((c) => !shared.includes(c));
  const badType = Object.entries(types).filter(([, t]) => !COLUMN_TYPES.includes(t));
  if (unknown.length || badType.length) {
    throw new InputError([
      unknown.length ? `Type overrides name ${unknown.length === 1 ? 'a column' : 'columns'} the tables do not share: ${q(unknown)} (columns: ${q(shared)}).` : '',
      badType.length ? `Unknown column types: ${badType.map(([c, t]) => `"${c}": "${t}"`).join(', ')}; use one of ${COLUMN_TYPES.join(', ')}.` : '',
    ].filter(Boolean).join('\n'));
  }
  if (opts.labelColumn && !shared.includes(opts.labelColumn)) throw new InputError(`The label column "${opts.labelColumn}" is not among the shared columns (${q(shared)}).`);

  const pick = (t: RawTable) => shared.map((c) => t.data[t.columns.indexOf(c)]);
  const realData = pick(real);
  const synthData = synth.map((s) => pick(s.table));
  const { plan, findings } = planColumns(shared, realData, types);

  const conflicts: string[] = [];
  synth.forEach((s, k) => {
    for (const c of typeConflicts(plan, synthData[k])) conflicts.push(conflictMessage(c, real.source, s.name, s.table.source));
  });
  if (conflicts.length) {
    throw new InputError(`${conflicts.join('\n')}\nFix the data, or set the column's type explicitly (types: {"column": "category"} / --type column=category); values that do not fit the type are then read as missing.`);
  }
  return { columns: shared, plan, findings, dropped, real: realData, synth: synthData };
}

/**
 * A real holdout table's cells in the schema's column order (column-major), checked as a
 * synthetic set is: every scored column present, values that fit the real set's types.
 */
export function holdoutCells(schema: AlignedSchema, holdout: RawTable, realSource: string): Cell[][] {
  const missing = schema.columns.filter((c) => !holdout.columns.includes(c));
  if (missing.length) {
    throw new InputError(`The holdout (${holdout.source}) lacks ${missing.length === 1 ? 'column' : 'columns'} ${q(missing)}: it must have the real set's columns (${realSource}).`);
  }
  const cells = schema.columns.map((c) => holdout.data[holdout.columns.indexOf(c)]);
  const conflicts = typeConflicts(schema.plan, cells).map((c) => conflictMessage(c, realSource, 'holdout', holdout.source).replace('the synthetic set "holdout"', 'the holdout'));
  if (conflicts.length) throw new InputError(`${conflicts.join('\n')}\nFix the holdout, or set the column's type explicitly (--type column=category).`);
  return cells;
}
