// The Report: the one typed, versioned object every consumer reads (UI, JSON, CSV, HTML, CLI table).
// Bump REPORT_VERSION on any breaking change to this shape.
export const REPORT_VERSION = 1;

import type { TextExperimentExtras } from './text/report-text.ts';
export type { TextExperimentExtras };

import type { TableExperimentInfo, TableReportInfo } from './table/report-types.ts';

export type { TableExperimentInfo, TableReportInfo };

export type Modality = 'image' | 'text' | 'table';
export type Side = 'real' | 'synthetic';

/** A value with its 95% interval and the sample size it rests on. */
export interface Estimate {
  value: number;
  lo: number;
  hi: number;
  n: number;
  method: 'bootstrap' | 'wilson';
}

export interface FourScores {
  unrealistic: Estimate;
  unrepresentative: Estimate;
  unvaried: Estimate;
  unoriginal: Estimate;
}

export interface ThresholdInfo {
  /** Cosine distance below which two rows are near-duplicates. */
  value: number;
  /** 'table-rule': tabular near-duplicates use the all-columns-match rule (value 0.01 = relative tolerance). */
  source: 'manifest' | 'user' | 'relative' | 'table-rule';
  /** For 'relative': 0.13 × median nearest-neighbour distance (Cleanlab's rule). */
  note: string;
}

export interface RowScore {
  path: string;
  side: Side;
  className?: string;
  /** Out-of-fold P(synthetic | x). */
  p: number;
  /** Label issue score: 1 − probability of the row's own label. */
  labelIssue: number;
  /** Id of the near-duplicate set this row belongs to, or -1. */
  nearDuplicateSet: number;
  /** Cosine distance to the nearest other row (any side), or null when none. */
  nearestDistance: number | null;
}

export interface NearDuplicateSet {
  id: number;
  /** Row indices into Experiment.rows. */
  members: number[];
  hasReal: boolean;
  kind: 'unvaried' | 'unoriginal' | 'real-only';
  /** Smallest and largest edge distance inside the set. */
  minDistance: number;
  maxDistance: number;
  exact: boolean;
}

export interface Counts {
  real: number;
  synthetic: number;
  unvariedRows: number;
  unoriginalRows: number;
  nearDuplicateSets: number;
  exactDuplicatePairs: number;
}

export interface ClassBreakdown {
  className: string;
  counts: { real: number; synthetic: number };
  scores: FourScores | null;
  /** Why scores is null (e.g. fewer than K rows on a side). */
  note?: string;
}

export interface Experiment {
  name: string;
  syntheticPath: string;
  scores: FourScores;
  auc: Estimate;
  detectability: Estimate;
  threshold: ThresholdInfo;
  counts: Counts;
  classes: ClassBreakdown[] | null;
  rows: RowScore[];
  nearDuplicateSets: NearDuplicateSet[];
  skipped: SkippedItem[];
  timings: Record<string, number>;
  /** Tables only: findings, per-column stats, closest-real distances. */
  table?: TableExperimentInfo;
  /** Text only: near-duplicate reasons, detector features, text findings, row texts. */
  text?: TextExperimentExtras;
  /**
   * The kNN graph over Experiment.rows (row-major n×k, nearest first; index −1 / distance null pad
   * rows with fewer than k others), so a viewer can recompute near-duplicate sets for another tau.
   */
  neighbours?: { k: number; indices: number[]; distances: (number | null)[] };
  /** Content hash (decoded pixels) per row: exact duplicates, and the key of stored thumbnails. */
  hashes?: string[];
  /** A 2-D map (UMAP) of a stratified subsample of the rows; absent when not computed. */
  map?: MapInfo;
}

/** 2-D coordinates of up to a few thousand rows, so a reopened report still draws its map. */
export interface MapInfo {
  method: 'umap';
  /** Row indices into Experiment.rows, one per point. */
  rows: number[];
  /** Flat [x0, y0, x1, y1, …], each axis scaled to [0, 1]. */
  xy: number[];
  /** Rows the subsample was drawn from (rows.length < total: a stratified subsample). */
  total: number;
  seed: number;
  nNeighbors: number;
}

export interface SkippedItem {
  path: string;
  side: Side;
  reason: string;
}

export interface Report {
  version: typeof REPORT_VERSION;
  tool: 'synthscore';
  createdAt: string;
  modality: Modality;
  model: { id: string; version: string; dimension: number };
  settings: { folds: number; k: number; seed: number; bootstrap: number };
  real: { path: string; count: number; classes: Record<string, number> | null };
  experiments: Experiment[];
  /** Real-side problems; each experiment lists its own synthetic-side ones. */
  skipped: SkippedItem[];
  embedding: {
    embedded: number;
    fromCache: number;
    /** Images from the CLI: how files were decoded ('fast': reduced-scale decode, numbers comparable
     * only with other fast runs). Absent means 'exact', as the app always decodes. */
    decode?: 'exact' | 'fast';
  };
  /** Tables only: the column plan and real-side findings. */
  table?: TableReportInfo;
  /** File-level warnings that did not stop the run (replaced bytes, truncated files). */
  warnings?: string[];
}
