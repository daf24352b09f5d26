// The Report: the one typed, versioned object every consumer reads (UI, JSON, CSV, HTML, CLI table).
// This file is the exported format, declared on its own: it imports nothing, so an algorithm's
// internal type cannot change the JSON by accident (the engine's values must be assignable to these
// shapes, and the compiler checks that where the report is assembled). Bump REPORT_VERSION on any
// change to a shape here; test/report/schema-snapshot.test.ts fails until you do.
export const REPORT_VERSION = 3;

export type Modality = 'image' | 'text' | 'table';
export type Side = 'real' | 'synthetic';

export interface Report {
  version: typeof REPORT_VERSION;
  tool: 'synthscore';
  createdAt: string;
  modality: Modality;
  model: ReportModel;
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
  /**
   * The app's fingerprint of what was run (files' names, sizes and dates, the request, the engine
   * and model versions): an unchanged re-run shows the stored report instead of scoring again.
   */
  inputs?: { fingerprint: string };
  /** Every pair of experiments compared score by score (docs/uncertainty.md): B − A with its interval. */
  comparisons?: Comparison[];
  /**
   * Two halves of the real set scored against each other (one as if synthetic): what
   * indistinguishable looks like with this model, these rows and these settings.
   */
  reference?: Experiment;
}

/** The model that embedded the rows (docs/models.md, "What the report records"). */
export interface ReportModel {
  id: string;
  version: string;
  dimension: number;
  /** Images: one of the app's built-in models, or the user's own .onnx. Absent in older reports. */
  source?: 'builtin' | 'user';
  /** A user's model: the SHA-256 (hex) of its .onnx file. */
  sha256?: string;
  /** Images: how the model is fed, as its manifest says (the pipeline's pixels are adapted to it). */
  input?: {
    name: string;
    layout: 'NHWC' | 'NCHW';
    width: number;
    height: number;
    channels: number;
    /** [lo, hi]: what pixel values 0 and 1 become. */
    range: number[];
    mean?: number[];
    std?: number[];
    colour?: 'RGB' | 'BGR';
    resize: string;
    alphaBackground: string;
  };
}

export type ScoreName = 'unrealistic' | 'unrepresentative' | 'unvaried' | 'unoriginal';

export interface Comparison {
  score: ScoreName;
  /** The experiment compared against (A), and the one compared (B). */
  a: string;
  b: string;
  /** B − A with its 95% interval. */
  difference: { value: number; lo: number; hi: number };
  verdict: 'higher' | 'lower' | 'no difference detected';
  /** The verdict in words, e.g. "subject-prompt: unrealistic lower than baseline by 0.06 [0.03, 0.09]". */
  text: string;
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
  /** Text only: detector features, text findings, row texts. */
  text?: TextExperimentExtras;
  /** Images and text: every pair that joined a near-duplicate set, with its reason and both signals' values. */
  pairs?: NearDuplicatePair[];
  /** Images and text: synthetic rows in sets per reason (a row can count under several). */
  reasonCounts?: Record<PairReason, number>;
  /**
   * The kNN graph over Experiment.rows (row-major n×k, nearest first; index −1 / distance null pad
   * rows with fewer than k others), so a viewer can recompute near-duplicate sets for another tau.
   */
  neighbours?: { k: number; indices: number[]; distances: (number | null)[] };
  /** Content hash (decoded pixels) per row: exact duplicates, and the key of stored thumbnails. */
  hashes?: string[];
  /** A 2-D map (UMAP) of a stratified subsample of the rows; absent when not computed. */
  map?: MapInfo;
  /** The extended panel (docs/panel.md); absent when not computed (it fills in after the scores). */
  panel?: Panel;
}

/** Measures beyond the four scores (docs/panel.md); a measure that does not apply is absent. */
export interface Panel {
  /** Naeem et al. 2020, k = `k`: share of synthetic rows inside some real row's k-NN ball… */
  precision?: Estimate;
  recall?: Estimate;
  density?: Estimate;
  coverage?: Estimate;
  /** Fréchet distance between Gaussian fits in the model's space, both sets at n rows (Estimate.n). */
  frechetDistance?: Estimate;
  /** Vendi score (effective number of distinct items) of the synthetic set, and of the real set. */
  vendi?: Estimate;
  vendiReal?: Estimate;
  authenticity?: Estimate;
  /** With a real holdout: share of synthetic rows closer to the training real rows (ideal 0.5). */
  dcrShare?: Estimate;
  /** Two-sided sign test of DCR share = 0.5. */
  dcrPValue?: number;
  /** Images: CleanVision's issue rates, per set. */
  imageIssues?: ImageIssueRates;
  /** Tables: SDMetrics' Quality Report scores. */
  columnShapes?: Estimate;
  columnPairTrends?: Estimate;
  /** Neighbours for precision/recall/density/coverage. */
  k?: number;
}

export type ImageIssueKind = 'dark' | 'light' | 'blurry' | 'low-information' | 'odd-aspect-ratio' | 'odd-size';

export type ImageIssueRates = Record<ImageIssueKind, {
  real: Estimate;
  synthetic: Estimate;
  /** Synthetic rows (indices into Experiment.rows) flagged, worst first, at most 24. */
  worst: number[];
}>;

/** A value with its 95% interval and the sample size it rests on. */
export interface Estimate {
  value: number;
  lo: number;
  hi: number;
  n: number;
  /** 'none': no interval was computed (lo = hi = value), e.g. the Fréchet distance. */
  method: 'bootstrap' | 'wilson' | 'none';
}

export interface FourScores {
  unrealistic: Estimate;
  unrepresentative: Estimate;
  unvaried: Estimate;
  unoriginal: Estimate;
}

export interface ThresholdInfo {
  /** Embedding cosine distance below which two rows are near-duplicates (0: the embedding joins no pair). */
  value: number;
  /**
   * 'calibrated': set on this run's real set (docs/metrics.md §2); 'manifest': the model's default
   * (too few real rows to calibrate); 'table-rule': the all-columns rule (value 0.01 = relative tolerance).
   */
  source: 'calibrated' | 'manifest' | 'user' | 'relative' | 'table-rule';
  /** For 'relative': 0.13 × median nearest-neighbour distance (Cleanlab's rule). */
  note: string;
  /** Each signal's threshold, its source and its calibration on the real set. */
  signals?: SignalThreshold[];
}

/** A near-duplicate signal: the embedding, or the modality's copy signal (pixels, shingles, columns). */
export interface SignalThreshold {
  signal: 'embedding' | 'copy';
  /** What its distance is, in words (e.g. "1 − thumbnail correlation"). */
  measure: string;
  /** The distance below which it joins a pair. */
  value: number;
  source: 'calibrated' | 'manifest' | 'default' | 'user' | 'relative' | 'table-rule';
  /** False when calibration showed it does not separate copies from genuine neighbours here. */
  used: boolean;
  note: string;
  calibration?: SignalCalibration;
}

/** How a threshold was set on the real set: genuine nearest neighbours against light edits. */
export interface SignalCalibration {
  realRows: number;
  /** Real rows sampled for edited copies. */
  sampled: number;
  targetFalsePairRate: number;
  /** Share of real rows within the threshold of a distinct real row. */
  falsePairRate: number;
  /** Share of edited copies within the threshold of their source. */
  catchRate: number;
  caughtByKind: Record<string, number>;
  /** Each real row's distance to its nearest distinct real row. */
  null: DistanceSummary;
  /** Each edited copy's distance to its source. */
  copies: DistanceSummary;
}

export interface DistanceSummary {
  n: number;
  p01: number;
  p05: number;
  median: number;
  p95: number;
  p99: number;
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

// ---- Tables (Report.table, Experiment.table) ----

/**
 * number: real-valued; category: a small set of levels; boolean: two values;
 * datetime: dates or timestamps; text: free text (long, mostly distinct);
 * identifier: unique per row (ids, keys), left out of the detector and of duplicate matching by default;
 * ignore: left out entirely (only by the user's override).
 */
export type ColumnType = 'number' | 'category' | 'boolean' | 'datetime' | 'text' | 'identifier' | 'ignore';

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

export type TableFindingKind =
  | 'precision'
  | 'date-format'
  | 'date-resolution'
  | 'casing'
  | 'whitespace'
  | 'boolean-format'
  | 'all-missing'
  | 'left-out'
  | 'unseen-levels';

/** Something about a column worth telling the user, with whether the engine corrected it. */
export interface TableFinding {
  kind: TableFindingKind;
  column: string;
  side: Side;
  message: string;
  /** Rows concerned and their share of that side's rows. */
  rows: number;
  share: number;
  /** A few examples: the synthetic value and, where there is one, the real value it became. */
  examples: { value: string; normalisedTo?: string }[];
  /** True when the synthetic values were rewritten to the real data's precision/format before scoring. */
  normalised: boolean;
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
  /** Distance from each synthetic row to its closest real row (docs/metrics.md §4 tabular distance). */
  closestReal: {
    computed: number;
    sampled: boolean;
    summary: {
      min: number;
      q05: number;
      q25: number;
      median: number;
      q75: number;
      q95: number;
      max: number;
      mean: number;
      zeroShare: number;
    };
    histogram: { edges: number[]; counts: number[] };
  };
  /** Near-duplicate rule in force, in words. */
  duplicateRule: string;
  /** True when a very large block of identical values capped the duplicate search. */
  duplicateSearchCapped: boolean;
  /** The cells of a bounded sample of rows (see src/pipeline/table/row-cells.ts); absent in older reports. */
  rowCells?: TableRowCells;
}

/** One column, real against synthetic: shape similarity, missing shares and the chart data. */
export interface ColumnStat {
  column: string;
  type: ColumnType;
  /** 1 − KS or 1 − TV, in [0, 1]; higher is more similar. */
  shape: number;
  metric: 'ks' | 'tv' | 'ks-length';
  missing: { real: number; synthetic: number };
  chart: ColumnChart;
}

export interface ColumnChart {
  kind: 'histogram' | 'bars';
  /** histogram: bin edges (length bins + 1), numbers or ms since epoch; bars: level labels. */
  edges?: number[];
  labels?: string[];
  /** Shares of each side's non-missing rows (histogram) or of all rows (bars). */
  real: number[];
  synthetic: number[];
}

export interface PairTrend {
  a: string;
  b: string;
  metric: 'pearson' | 'cramers-v';
  real: number;
  synthetic: number;
  /** 1 − |Δ| / 2. */
  similarity: number;
}

/** One cell as parsed. */
export type CellValue = string | number | boolean | null;

export interface TableRowCells {
  /** Column names, in file order (the aligned schema). */
  columns: string[];
  /** index: into Experiment.rows; cells: one per column, as parsed. */
  rows: { index: number; cells: CellValue[] }[];
  /** Rows kept per list (most unrealistic synthetic, least represented real). */
  limit: number;
}

// ---- Text (Experiment.text) ----

/** Why two texts were joined as near-duplicates. */
export type PairReason = 'exact' | 'embedding' | 'copy' | 'embedding+copy';

export interface NearDuplicatePair {
  /** Row indices into Experiment.rows. */
  a: number;
  b: number;
  reason: PairReason;
  /** Embedding cosine distance. */
  distance: number | null;
  /** The copy signal's distance (1 − thumbnail correlation for images, 1 − shingle Jaccard for text). */
  copyDistance: number | null;
}

export interface TextExperimentExtras {
  /** What the detector saw: 'both' = sentence embedding + hashed character 1–4-grams. */
  features: 'both' | 'embedding' | 'ngrams';
  featureDim: number;
  /** The copy signal: character shingles of the normalised text, compared by Jaccard. */
  shingles: { size: number; normalisation: string };
  findings: TextFindings;
  /** Full text of each row, same order as Experiment.rows (for cards and pair highlighting). */
  texts: string[];
}

export interface TextFindings {
  length: { real: LengthSummary; synthetic: LengthSummary };
  /** distinct-1/2: unique word uni/bigrams ÷ all uni/bigrams. */
  distinct: { real: { d1: number; d2: number }; synthetic: { d1: number; d2: number } };
  overused: OverusedPhrase[];
}

export interface LengthSummary {
  n: number;
  chars: { mean: number; p05: number; median: number; p95: number };
  words: { mean: number; p05: number; median: number; p95: number };
  /** Histogram of word counts: upper bounds (log-spaced, the last one open) and counts. */
  histogram: { upper: number[]; counts: number[] };
}

export interface OverusedPhrase {
  phrase: string;
  synthetic: number;
  real: number;
  logOdds: number;
  z: number;
}
