// A small hand-made table report: three columns with known shape similarities, 6 real and 6
// synthetic rows with their cells, one synthetic copy of a real row and one precision finding.
import { REPORT_VERSION, type ColumnStat, type Estimate, type Experiment, type Report, type RowScore } from '../../../src/report/schema.ts';

const est = (value: number, n: number): Estimate => ({ value, lo: Math.max(0, value - 0.05), hi: Math.min(1, value + 0.05), n, method: 'bootstrap' });

export const COLUMNS: ColumnStat[] = [
  { column: 'bill_length_mm', type: 'number', shape: 0.9, metric: 'ks', missing: { real: 0, synthetic: 0 },
    chart: { kind: 'histogram', edges: [30, 40, 50, 60], real: [0.2, 0.5, 0.3], synthetic: [0.3, 0.4, 0.3] } },
  { column: 'species', type: 'category', shape: 0.55, metric: 'tv', missing: { real: 0, synthetic: 0.1 },
    chart: { kind: 'bars', labels: ['Adelie', 'Gentoo', 'Chinstrap', '(missing)'], real: [0.45, 0.35, 0.2, 0], synthetic: [0.8, 0.05, 0.05, 0.1] } },
  { column: 'island', type: 'category', shape: 0.7, metric: 'tv', missing: { real: 0, synthetic: 0 },
    chart: { kind: 'bars', labels: ['Biscoe', 'Dream'], real: [0.5, 0.5], synthetic: [0.8, 0.2] } },
];

const CELLS: [string, number, string][] = [
  ['Adelie', 39.1, 'Torgersen'], ['Gentoo', 46.5, 'Biscoe'], ['Chinstrap', 49.0, 'Dream'],
  ['Adelie', 38.6, 'Dream'], ['Gentoo', 50.0, 'Biscoe'], ['Adelie', 41.1, 'Biscoe'],
  ['Adelie', 39.1, 'Torgersen'], ['Adelie', 57.3, 'Dream'], ['Adelie', 33.0, 'Biscoe'],
  ['Gentoo', 46.9, 'Dream'], ['Adelie', 40.2, 'Biscoe'], ['Adelie', 44.4, 'Biscoe'],
];
const P = [0.2, 0.05, 0.6, 0.3, 0.4, 0.1, 0.5, 0.97, 0.9, 0.7, 0.55, 0.6];

export function tableExperiment(name = 'ctgan'): Experiment {
  const rows: RowScore[] = P.map((p, i) => ({
    path: i < 6 ? `real.csv#row ${i + 1}` : `synth.csv#row ${i - 5}`,
    side: i < 6 ? 'real' : 'synthetic', p, labelIssue: 0.5,
    nearDuplicateSet: i === 0 || i === 6 ? 0 : -1, nearestDistance: i >= 6 ? (i === 6 ? 0 : 0.2) : null,
  }));
  return {
    name, syntheticPath: 'synth.csv',
    scores: { unrealistic: est(0.4, 12), unrepresentative: est(0.3, 12), unvaried: est(0, 6), unoriginal: est(1 / 6, 6) },
    auc: est(0.7, 12), detectability: est(0.4, 12),
    threshold: { value: 0.01, source: 'table-rule', note: 'every column matches' },
    counts: { real: 6, synthetic: 6, unvariedRows: 0, unoriginalRows: 1, nearDuplicateSets: 1, exactDuplicatePairs: 1 },
    classes: null, rows,
    nearDuplicateSets: [{ id: 0, members: [0, 6], hasReal: true, kind: 'unoriginal', minDistance: 0, maxDistance: 0, exact: true }],
    skipped: [], timings: {},
    table: {
      detector: 'trees', perFold: [10, 10], features: 9,
      findings: [{ kind: 'precision', column: 'bill_length_mm', side: 'synthetic', message: 'synthetic numbers carry 6 decimals, real ones 1', rows: 6, share: 1, examples: [{ value: '39.123456', normalisedTo: '39.1' }], normalised: true }],
      warnings: [], columns: COLUMNS, pairTrends: [], pairTrendSimilarity: null,
      closestReal: { computed: 6, sampled: false, summary: { min: 0, q05: 0, q25: 0.1, median: 0.2, q75: 0.3, q95: 0.4, max: 0.5, mean: 0.2, zeroShare: 1 / 6 }, histogram: { edges: [0, 0.25, 0.5], counts: [4, 2] } },
      duplicateRule: 'all compared columns match', duplicateSearchCapped: false,
      rowCells: { columns: ['species', 'bill_length_mm', 'island'], limit: 200, rows: CELLS.map((cells, index) => ({ index, cells })) },
    },
  };
}

export function tableReport(): Report {
  return {
    version: REPORT_VERSION, tool: 'synthscore', createdAt: '2026-01-01T00:00:00.000Z', modality: 'table',
    model: { id: 'table-trees', version: '1', dimension: 9 },
    settings: { folds: 2, k: 0, seed: 0, bootstrap: 100 },
    real: { path: 'real/real.csv', count: 6, classes: null },
    experiments: [tableExperiment()], skipped: [], embedding: { embedded: 0, fromCache: 0 },
    table: { columns: [], droppedColumns: [], findings: [], warnings: [], labelColumn: null },
  };
}
