// One evidence frame for every modality: the scorecard, the per-class table (when the report has
// classes), the modality's own evidence and the 2-D map, each drawn once; the threshold moves only
// where the report carries an image neighbour graph.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_VERSION, type ClassBreakdown, type Experiment, type MapInfo, type Report } from '../../src/report/schema.ts';
import { EvidenceFrame } from '../../src/ui/components/evidence/EvidenceFrame.tsx';
import { calibratedThreshold, experimentWithGraph } from './fixture.ts';
import { useInlineLayout } from './layout.ts';
import { tableReport } from './table/fixture.ts';

afterEach(cleanup);
useInlineLayout();

const mapOf = (ex: Experiment): MapInfo => ({
  method: 'umap', rows: ex.rows.map((_, i) => i), xy: ex.rows.flatMap((_, i) => [i / ex.rows.length, 0.5]), total: ex.rows.length, seed: 0, nNeighbors: 15,
});

/**
 * A text report: the fixture's rows as texts with classes, no neighbour graph (text reports carry
 * none), the embedding calibrated out and one pair joined by the copy signal (Jaccard 0.9).
 */
function textReport(withClasses = true): Report {
  const base = experimentWithGraph(30, 30, withClasses);
  const threshold = calibratedThreshold(0.15, 0.2, '1 − Jaccard of character 5-gram sets');
  threshold.signals![0] = { ...threshold.signals![0], value: 0, used: false, note: 'not used: at 1.0% false pairs it catches only 12% of edited copies on this data' };
  const ex: Experiment = {
    ...base, name: 'llm', syntheticPath: 'synth.jsonl', neighbours: undefined, hashes: undefined,
    threshold: { ...threshold, value: 0 },
    pairs: [{ a: 40, b: 3, reason: 'copy', distance: 0.2134, copyDistance: 0.1 }],
    reasonCounts: { exact: 0, embedding: 0, copy: 1, 'embedding+copy': 0 },
    text: {
      features: 'both', featureDim: 512,
      shingles: { size: 5, normalisation: 'NFKC, lower case' },
      findings: { length: { real: length(30), synthetic: length(30) }, distinct: { real: { d1: 0.5, d2: 0.8 }, synthetic: { d1: 0.4, d2: 0.7 } }, overused: [] },
      texts: base.rows.map((r, i) => `text ${i} of the ${r.side} set`),
    },
  };
  ex.map = mapOf(ex);
  return {
    version: REPORT_VERSION, tool: 'synthscore', createdAt: '2026-01-01T00:00:00Z', modality: 'text',
    model: { id: 'use-lite-512', version: '1', dimension: 512 }, settings: { folds: 5, k: 2, seed: 0, bootstrap: 100 },
    real: { path: 'real.jsonl', count: 30, classes: withClasses ? { 0: 10, 1: 10, 2: 10, 3: 5 } : null },
    experiments: [ex], skipped: [], embedding: { embedded: 60, fromCache: 0 },
  };
}

function length(n: number) {
  const s = { mean: 10, p05: 2, median: 9, p95: 20 };
  return { n, chars: s, words: s, histogram: { upper: [5, 10, 20], counts: [n / 3, n / 3, n / 3] } };
}

/** The table fixture with a label column: species as the class of each row. */
function tableReportWithClasses(): Report {
  const report = tableReport();
  const ex = report.experiments[0];
  const species = ex.table!.rowCells!.rows.map((r) => String(r.cells[0]));
  const classes: ClassBreakdown[] = ['Adelie', 'Chinstrap', 'Gentoo'].map((c) => {
    const count = (side: 'real' | 'synthetic') => ex.rows.filter((r, i) => r.side === side && species[i] === c).length;
    return { className: c, counts: { real: count('real'), synthetic: count('synthetic') }, scores: null, note: 'fewer than 2 rows on a side' };
  });
  const withClasses: Experiment = { ...ex, rows: ex.rows.map((r, i) => ({ ...r, className: species[i] })), classes };
  withClasses.map = mapOf(withClasses);
  return { ...report, real: { ...report.real, classes: { Adelie: 3, Chinstrap: 1, Gentoo: 2 } }, experiments: [withClasses] };
}

const show = (report: Report) => render(<EvidenceFrame report={report} experiment={report.experiments[0]} files={null} />);
const SCORES = ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal'];

describe('a text report', () => {
  it('shows the scorecard, the per-class table, the text evidence and the map, each once', () => {
    const report = textReport();
    const ex = report.experiments[0];
    show(report);
    for (const k of SCORES) {
      expect(screen.getAllByTestId(`score-${k}`)).toHaveLength(1);
      expect(Number(screen.getByTestId(`score-${k}`).getAttribute('data-value'))).toBe(ex.scores[k as 'unvaried'].value);
    }
    const table = screen.getByTestId('class-table');
    expect([...table.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-class'))).toEqual(['0', '1', '2', '3']);
    expect(screen.getByTestId('missing-classes').textContent).toBe('Missing from the synthetic set: 3.');
    expect(screen.getAllByTestId('text-evidence')).toHaveLength(1);
    expect(within(screen.getByTestId('text-evidence')).getAllByTestId('text-card').length).toBeGreaterThan(0);
    expect(screen.getAllByTestId('map')).toHaveLength(1);
    expect(screen.getByTestId('map').getAttribute('data-points')).toBe(String(ex.rows.length));
  });

  it('has no threshold slider (text reports carry no neighbour graph) and no per-class table without classes', () => {
    show(textReport(false));
    expect(screen.queryByTestId('threshold')).toBeNull();
    expect(screen.queryByTestId('class-table')).toBeNull();
    expect(screen.getByTestId('score-unrealistic')).toBeTruthy();
  });
});

describe('a text report\'s pairs and thresholds', () => {
  it('labels a copy pair by the copy signal\'s Jaccard and shows both values; the unused embedding says why', () => {
    show(textReport(false));
    const pair = screen.getByTestId('text-pair');
    expect(pair.getAttribute('data-reason')).toBe('copy');
    // Copy threshold 0.2 (1 − Jaccard): Jaccard ≥ 0.80.
    expect(within(pair).getByTestId('pair-why').textContent).toBe('copy: character shingles (Jaccard ≥ 0.80)');
    expect(within(pair).getByTestId('pair-distance').textContent).toBe('embedding distance 0.2134');
    expect(within(pair).getByTestId('pair-jaccard').textContent).toBe('Jaccard 0.900');
    expect(screen.getByTestId('text-pairs').textContent).toContain('Synthetic rows joined per reason: copy 1');
    const emb = screen.getByTestId('signal-embedding');
    expect(emb.getAttribute('data-used')).toBe('false');
    expect(emb.textContent).toContain('embedding (calibrated) not used');
    expect(emb.textContent).toContain('catches only 12% of edited copies on this data');
    expect(screen.getByTestId('signal-copy').textContent).toContain('copy signal: below 0.2000 (calibrated)');
  });
});

describe('a table report', () => {
  it('shows the scorecard, the per-class table, the table evidence and the map, each once', () => {
    const report = tableReportWithClasses();
    show(report);
    for (const k of SCORES) expect(screen.getAllByTestId(`score-${k}`)).toHaveLength(1);
    const rows = screen.getByTestId('class-table').querySelectorAll('tbody tr');
    expect([...rows].map((r) => [r.getAttribute('data-class'), r.querySelectorAll('td')[0].textContent, r.querySelectorAll('td')[1].textContent]))
      .toEqual([['Adelie', '3', '5'], ['Chinstrap', '1', '0'], ['Gentoo', '2', '1']]);
    expect(screen.getByTestId('missing-classes').textContent).toBe('Missing from the synthetic set: Chinstrap.');
    expect(screen.getAllByTestId('table-evidence')).toHaveLength(1);
    expect(screen.getByTestId('unrealistic-rows')).toBeTruthy();
    expect(screen.getAllByTestId('map')).toHaveLength(1);
    expect(screen.queryByTestId('threshold')).toBeNull();
  });

  it('has no per-class table without a label column', () => {
    show(tableReport());
    expect(screen.getByTestId('score-unoriginal')).toBeTruthy();
    expect(screen.queryByTestId('class-table')).toBeNull();
  });
});

describe('an image report', () => {
  it('shows the scorecard, the threshold control, the per-class table and the galleries in the same frame', () => {
    const ex = experimentWithGraph(30, 30, true);
    const report: Report = {
      version: REPORT_VERSION, tool: 'synthscore', createdAt: '2026-01-01T00:00:00Z', modality: 'image',
      model: { id: 'm', version: '1', dimension: 4 }, settings: { folds: 5, k: 2, seed: 0, bootstrap: 100 },
      real: { path: 'real', count: 30, classes: { 0: 10, 1: 10, 2: 10 } }, experiments: [ex], skipped: [], embedding: { embedded: 0, fromCache: 0 },
    };
    show(report);
    expect(screen.getAllByTestId('score-unrealistic')).toHaveLength(1);
    expect(screen.getByTestId('tau-slider')).toBeTruthy();
    expect(screen.getByTestId('class-table')).toBeTruthy();
    expect(screen.getByTestId('gallery-unrealistic')).toBeTruthy();
    expect(screen.getByTestId('evidence').getAttribute('data-modality')).toBe('image');
  });
});
