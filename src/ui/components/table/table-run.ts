// The tabular run request the app sends: the first table file of each set (paths are
// "<set key>/<path in the set>", see src/pipeline/table/browser-table-io.ts), with the user's
// choices from the pre-run summary (TableOptions.tsx), the same ones the CLI takes as flags.
import type { ColumnType } from '../../../core/table/types.ts';
import type { ListedSet } from '../../../ingest/types.ts';
import type { TableInspection } from '../../../pipeline/table/inspect.ts';
import { tablePath, type TableFileSets } from '../../../pipeline/table/browser-table-io.ts';
import type { ScoreTableRequest } from '../../../pipeline/table/score-table.ts';

export interface TableChoices {
  /** --type COL=TYPE */
  types: Record<string, ColumnType>;
  /** --detector */
  detector: 'trees' | 'logistic';
  /** --drop-mismatched-columns */
  dropMismatchedColumns: boolean;
  /** --keep-formats */
  keepFormats: boolean;
}

export const DEFAULT_TABLE_CHOICES: TableChoices = { types: {}, detector: 'trees', dropMismatchedColumns: false, keepFormats: false };

export function tablePaths(keys: string[], sets: { name: string; listed: ListedSet | null }[]): { real: string; synthetic: { name: string; path: string }[] } {
  const path = (i: number) => tablePath(keys[i], sets[i].listed?.modality === 'table' ? sets[i].listed!.items[0]?.path ?? '' : '');
  return { real: path(0), synthetic: sets.slice(1).map((s, i) => ({ name: s.name, path: path(i + 1) })) };
}

export function tableRequest(keys: string[], sets: { name: string; listed: ListedSet | null }[], choices: TableChoices = DEFAULT_TABLE_CHOICES): { table: ScoreTableRequest } {
  return {
    table: {
      ...tablePaths(keys, sets),
      detector: choices.detector,
      types: choices.types,
      dropMismatchedColumns: choices.dropMismatchedColumns,
      normaliseFormats: !choices.keepFormats,
      map: {},
    },
  };
}

/** The sets as the worker reads them before a run: keys "t0" (real), "t1"… (synthetic). */
export function tableInspector(
  bridge: { inspectTables(sets: TableFileSets, req: ReturnType<typeof tablePaths>): Promise<TableInspection> },
  sets: { name: string; collected: TableFileSets[string]; listed: ListedSet | null }[],
): () => Promise<TableInspection> {
  const keys = sets.map((_, i) => `t${i}`);
  const files: TableFileSets = Object.fromEntries(sets.map((s, i) => [keys[i], { files: s.collected.files }]));
  return () => bridge.inspectTables(files, tablePaths(keys, sets));
}
