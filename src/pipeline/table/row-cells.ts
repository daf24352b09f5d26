// A bounded sample of row cells for the report (Experiment.table.rowCells), so the app, the HTML
// export and a reopened report can show the rows behind the evidence without the files: the most
// unrealistic synthetic rows (highest p), the least represented real rows (lowest p) and the
// members of the first near-duplicate sets, and the rows drawn in the 2-D map.
import type { Cell } from '../../core/table/types.ts';
import { leastRepresented, mostUnrealistic } from '../../report/rankings.ts';
import type { Experiment, TableRowCells } from '../../report/schema.ts';

export const ROW_CELLS_PER_LIST = 200;
export const ROW_CELLS_SETS = 100;

/** `cellOf(i, c)`: the cell of Experiment.rows[i] in column `columns[c]`. */
export function rowCellSample(ex: Experiment, columns: string[], cellOf: (i: number, c: number) => Cell, limit = ROW_CELLS_PER_LIST): TableRowCells {
  // The views' own orders, so the rows kept are the rows they show first.
  const synth = mostUnrealistic(ex.rows).slice(0, limit);
  const real = leastRepresented(ex.rows).slice(0, limit);
  const dup = ex.nearDuplicateSets.slice(0, ROW_CELLS_SETS).flatMap((s) => s.members.slice(0, 8));
  // The map's points too (at most 5,000 rows), so a click on one shows its cells.
  const chosen = [...new Set([...synth, ...real, ...dup, ...(ex.map?.rows ?? [])])].sort((a, b) => a - b);
  return {
    columns,
    rows: chosen.map((i) => ({ index: i, cells: columns.map((_, c) => cellOf(i, c)) })),
    limit,
  };
}
