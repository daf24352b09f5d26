// A small hand-made Report for the export and reopen tests (no engine run needed).
import { REPORT_VERSION, type Estimate, type Experiment, type Report, type RowScore } from '../../src/report/schema.ts';

const e = (value: number, method: Estimate['method'] = 'bootstrap'): Estimate => ({ value, lo: Math.max(0, value - 0.05), hi: Math.min(1, value + 0.05), n: 100, method });

export function fakeExperiment(name: string, nPerSide = 60, syntheticPath = `synth/${name}`): Experiment {
  const rows: RowScore[] = [];
  for (let i = 0; i < nPerSide; i++) rows.push({ path: `r/${i}.png`, side: 'real', p: (i % 10) / 10, labelIssue: (i % 10) / 10, nearDuplicateSet: -1, nearestDistance: 0.2 });
  for (let i = 0; i < nPerSide; i++) rows.push({ path: `s/${i}.png`, side: 'synthetic', p: 1 - (i % 7) / 10, labelIssue: (i % 7) / 10, nearDuplicateSet: -1, nearestDistance: 0.2 });
  // Set 0: three synthetic repeats; set 1: a synthetic copy of a real row.
  for (const i of [nPerSide, nPerSide + 1, nPerSide + 2]) rows[i].nearDuplicateSet = 0;
  rows[nPerSide + 3].nearDuplicateSet = 1;
  rows[0].nearDuplicateSet = 1;
  return {
    name, syntheticPath,
    scores: { unrealistic: e(0.7), unrepresentative: e(0.55), unvaried: e(0.05, 'wilson'), unoriginal: e(0.017, 'wilson') },
    auc: e(0.8), detectability: e(0.6),
    threshold: { value: 0.05, source: 'manifest', note: "the model's calibrated default" },
    counts: { real: nPerSide, synthetic: nPerSide, unvariedRows: 3, unoriginalRows: 1, nearDuplicateSets: 2, exactDuplicatePairs: 0 },
    classes: null, rows,
    nearDuplicateSets: [
      { id: 0, members: [nPerSide, nPerSide + 1, nPerSide + 2], hasReal: false, kind: 'unvaried', minDistance: 0.01, maxDistance: 0.02, exact: false },
      { id: 1, members: [0, nPerSide + 3], hasReal: true, kind: 'unoriginal', minDistance: 0.01, maxDistance: 0.01, exact: false },
    ],
    skipped: [], timings: {},
  };
}

export function fakeReport(names = ['fresh', 'copies']): Report {
  return {
    version: REPORT_VERSION, tool: 'synthscore', createdAt: '2025-01-01T00:00:00.000Z', modality: 'image',
    model: { id: 'mobilenet-v2-1.4-nsfwjs', version: '1', dimension: 1792 },
    settings: { folds: 5, k: 10, seed: 0, bootstrap: 1000 },
    real: { path: 'real', count: 60, classes: null },
    experiments: names.map((n) => fakeExperiment(n)),
    skipped: [], embedding: { embedded: 240, fromCache: 0 },
  };
}
