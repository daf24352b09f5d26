// The comparison table's panel columns (issue 14): precision and recall shown, the other measures
// behind the "columns" toggle, the real-vs-real row carrying them too; a report without a panel
// gets no such column and no toggle.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { Estimate, Experiment, Panel } from '../../src/report/schema.ts';
import { ComparisonTable } from '../../src/ui/components/ComparisonTable.tsx';
import { fakeExperiment } from '../core/report-fixture.ts';

afterEach(cleanup);

const est = (value: number, method: Estimate['method'] = 'wilson'): Estimate => ({ value, lo: value - 0.02, hi: value + 0.02, n: 60, method });
const panel = (precision: number, recall: number): Panel => ({
  precision: est(precision), recall: est(recall), density: est(0.9, 'bootstrap'), coverage: est(0.8),
  frechetDistance: est(0.05, 'none'), vendi: est(12, 'none'), vendiReal: est(20, 'none'), authenticity: est(0.6), k: 5,
});
const withPanel = (name: string, p?: Panel): Experiment => ({ ...fakeExperiment(name), panel: p });
const headers = () => [...screen.getByTestId('comparison').querySelectorAll('thead th')].map((th) => th.textContent);

it('shows precision and recall, and the other measures after the columns toggle, for the reference row too', () => {
  const experiments = [withPanel('baseline', panel(0.61, 0.45)), withPanel('fresh', panel(0.72, 0.7))];
  render(<ComparisonTable experiments={experiments} selected={0} onSelect={() => {}} reference={withPanel('real vs real', panel(0.74, 0.73))} />);
  expect(headers()).toEqual(['experiment', 'unrepresentative', 'unrealistic', 'unvaried', 'unoriginal', 'precision', 'recall']);
  expect(screen.getByTestId('cell-baseline-precision').textContent).toBe('0.610');
  expect(screen.getByTestId('cell-fresh-recall').textContent).toBe('0.700');
  expect(screen.getByTestId('reference-precision').textContent).toBe('0.740');
  expect(screen.queryByTestId('cell-baseline-density')).toBeNull();

  const toggle = screen.getByTestId('panel-columns-toggle');
  expect(toggle.textContent).toBe('columns: 5 more measures');
  fireEvent.click(toggle);
  expect(headers()).toEqual(['experiment', 'unrepresentative', 'unrealistic', 'unvaried', 'unoriginal',
    'precision', 'recall', 'density', 'coverage', 'Fréchet distance', 'Vendi score', 'authenticity']);
  expect(screen.getByTestId('cell-baseline-frechetDistance').textContent).toBe('0.05');
  expect(screen.getByTestId('reference-vendi').textContent).toBe('12.0');
  fireEvent.click(toggle);
  expect(screen.queryByTestId('cell-baseline-density')).toBeNull();
});

it('marks a measure an experiment lacks, and adds no column or toggle for reports without a panel', () => {
  render(<ComparisonTable experiments={[withPanel('with', panel(0.6, 0.5)), withPanel('older')]} selected={0} onSelect={() => {}} />);
  expect(screen.getByTestId('cell-older-precision').textContent).toBe('–');
  cleanup();
  render(<ComparisonTable experiments={[withPanel('a'), withPanel('b')]} selected={0} onSelect={() => {}} />);
  expect(headers()).toHaveLength(5);
  expect(screen.queryByTestId('panel-columns-toggle')).toBeNull();
});
