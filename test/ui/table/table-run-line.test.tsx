// A table run's summary line says what happened to the rows (parsed, encoded, detector), not
// "0 embedded, 0 from the cache", which means nothing for tables.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { TableRunLine } from '../../../src/ui/components/table/TableRunLine.tsx';
import { tableExperiment, tableReport } from './fixture.ts';

afterEach(cleanup);

it('says how many rows were parsed and encoded, into how many features, by which detector', () => {
  const report = tableReport();
  report.experiments.push({ ...tableExperiment('tvae'), counts: { ...tableExperiment().counts, synthetic: 9 }, timings: { encode: 40, detector: 2500 } });
  report.experiments[1].skipped = [{ path: 'tvae.csv#row 3', side: 'synthetic', reason: 'ragged row skipped' }];
  render(<TableRunLine report={report} />);
  const line = screen.getByTestId('table-run-line');
  expect(line.getAttribute('data-rows-parsed')).toBe('21');
  expect(line.textContent).toContain('21 rows parsed (6 real + 6 ctgan + 9 tvae), 1 skipped');
  const [ctgan, tvae] = screen.getAllByTestId('table-run-experiment');
  expect(ctgan.textContent).toMatch(/^ctgan: 12 rows encoded into 9 features · detector gradient-boosted trees, 2 folds$/);
  expect(tvae.textContent).toBe('tvae: 15 rows encoded into 9 features in 0.0 s · detector gradient-boosted trees, 2 folds in 2.5 s');
  expect(line.textContent).not.toMatch(/embedded|cache/);
});
