// The tabular run request the app sends: the first table file of each set (paths are
// "<set key>/<path in the set>", see src/pipeline/table/browser-table-io.ts), with the user's
// choices from the pre-run summary (TableOptions.tsx), the same ones the CLI takes as flags.
import type { ColumnType } from '../../../core/table/types.ts';
import type { ListedSet } from '../../../ingest/types.ts';
import type { TableInspection } from '../../../pipeline/table/inspect.ts';
import { conflictMessage } from '../../../pipeline/table/schema.ts';
import { tablePath, type TableFileSets } from '../../../pipeline/table/browser-table-io.ts';
import type { RequestOf } from '../../../pipeline/run-request.ts';

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

export function tableRequest(keys: string[], sets: { name: string; listed: ListedSet | null }[], choices: TableChoices = DEFAULT_TABLE_CHOICES): RequestOf<'table'> {
  return {
    modality: 'table',
    ...tablePaths(keys, sets),
    detector: choices.detector,
    types: choices.types,
    dropMismatchedColumns: choices.dropMismatchedColumns,
    normaliseFormats: !choices.keepFormats,
    map: {},
  };
}

/**
 * The sets as the worker reads them before a run: keys "t0" (real), "t1"… (synthetic). The
 * synthetic sets are named by their keys, not their names, so a rename does not read the files
 * again: the options map keys to the current names when they draw (see inspectionNames).
 */
export function tableInspector(
  bridge: { inspectTables(sets: TableFileSets, req: ReturnType<typeof tablePaths>): Promise<TableInspection> },
  sets: { collected: TableFileSets[string]; listed: ListedSet | null }[],
): () => Promise<TableInspection> {
  const keys = sets.map((_, i) => `t${i}`);
  const files: TableFileSets = Object.fromEntries(sets.map((s, i) => [keys[i], { files: s.collected.files }]));
  const byKey = sets.map((s, i) => ({ name: keys[i], listed: s.listed }));
  return () => bridge.inspectTables(files, tablePaths(keys, byKey));
}

/** Inspection key → current name of each synthetic set (keys as tableInspector gives them). */
export function inspectionNames(synthetic: { name: string }[]): Record<string, string> {
  return Object.fromEntries(synthetic.map((s, i) => [`t${i + 1}`, s.name]));
}

/**
 * The inspection with its synthetic sets under their current names, and file names without the
 * "tN/" key prefix (conflicts refer to sets by name, so they follow).
 */
export function renameInspection(info: TableInspection, names: Record<string, string> | undefined): TableInspection {
  if (!names) return info;
  const name = (key: string) => names[key] ?? key;
  const file = (source: string) => source.replace(/^t\d+\//, '');
  return {
    ...info,
    real: { ...info.real, source: file(info.real.source) },
    synthetic: info.synthetic.map((s) => ({ ...s, name: name(s.name), source: file(s.source) })),
    columns: info.columns.map((c) => ({ ...c, conflicts: c.conflicts.map((x) => ({ ...x, set: name(x.set) })) })),
  };
}

/** An inspection error in the user's terms: file paths lose their "tN/" key prefix and a set
 *  named by its key gets its name (the real set's is "real"). */
export function inspectionMessage(message: string, names: Record<string, string> | undefined): string {
  return message
    .replace(/(^|[\s"'(])t\d+\//g, '$1')
    .replace(/"(t\d+)"/g, (whole, key: string) => (names?.[key] ? `"${names[key]}"` : key === 't0' ? '"real"' : whole));
}

/** A column's conflicts as sentences (the run's own wording, pipeline/table/schema.ts). */
export function conflictTexts(info: TableInspection, column: TableInspection['columns'][number]): string[] {
  return column.conflicts.map(({ set, conflict }) =>
    conflictMessage(conflict, info.real.source, set, info.synthetic.find((s) => s.name === set)?.source ?? ''));
}
