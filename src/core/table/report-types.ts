// The table-specific parts of the Report (optional fields on Report and Experiment).
import type { ColumnStat, PairTrend } from './column-stats.ts';
import type { ColumnType, TableFinding } from './types.ts';

export type { ColumnStat, PairTrend, TableFinding, ColumnType };

export interface TableColumnInfo {
  name: string;
  /** Type in force; null when the real column is all missing (left out). */
  type: ColumnType | null;
  inferredType: ColumnType | null;
  /** Why the inferred type was chosen ("every value is a number", "unique per row", …). */
  reason: string;
  overridden: boolean;
  inDetector: boolean;
  inDuplicates: boolean;
}

export interface TableReportInfo {
  columns: TableColumnInfo[];
  /** Columns dropped because the sets did not share them (with dropMismatchedColumns). */
  droppedColumns: { name: string; presentIn: string[] }[];
  /** Real-side findings (all-missing and left-out columns). */
  findings: TableFinding[];
  /** Parse warnings of the real file (ragged rows, bad lines, renamed columns). */
  warnings: string[];
  labelColumn: string | null;
}

export interface TableExperimentInfo {
  detector: 'trees' | 'logistic';
  /** Trees kept per fold (trees) or the L2 strength per fold (logistic). */
  perFold: number[];
  /** Encoded feature count the detector saw. */
  features: number;
  /** Synthetic-side findings: precision, date format/resolution, casing, whitespace, unseen levels, all-missing. */
  findings: TableFinding[];
  /** Parse warnings of the synthetic file. */
  warnings: string[];
  columns: ColumnStat[];
  pairTrends: PairTrend[];
  /** Mean pair-trend similarity, null when no pair has a real trend. */
  pairTrendSimilarity: number | null;
  /** Distance from each synthetic row to its closest real row (METRICS §2 tabular distance). */
  closestReal: {
    computed: number;
    sampled: boolean;
    summary: { min: number; q05: number; q25: number; median: number; q75: number; q95: number; max: number; mean: number; zeroShare: number };
    histogram: { edges: number[]; counts: number[] };
    /** The same for fresh real rows, when a holdout is given: not yet. */
  };
  /** Near-duplicate rule in force, in words. */
  duplicateRule: string;
  /** True when a very large block of identical values capped the duplicate search. */
  duplicateSearchCapped: boolean;
  /** The cells of a bounded sample of rows (see src/pipeline/table/row-cells.ts); absent in older reports. */
  rowCells?: TableRowCells;
}

export interface TableRowCells {
  /** Column names, in file order (the aligned schema). */
  columns: string[];
  /** index: into Experiment.rows; cells: one per column, as parsed. */
  rows: { index: number; cells: (string | number | boolean | null)[] }[];
  /** Rows kept per list (most unrealistic synthetic, least represented real). */
  limit: number;
}
