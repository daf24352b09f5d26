// The table evidence from a fixture report: per-column charts worst first with their shape
// similarity, rows ranked by p with their cells, the duplicate pair's matching cells, the findings.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ColumnCharts } from '../../../src/ui/components/table/ColumnCharts.tsx';
import { EvidenceFrame } from '../../../src/ui/components/evidence/EvidenceFrame.tsx';
import { COLUMNS, tableReport } from './fixture.ts';

afterEach(cleanup);

it('draws one chart per column, least similar first, with real and synthetic bars per bin or level', () => {
  render(<ColumnCharts columns={COLUMNS} />);
  const figs = within(screen.getByTestId('column-charts')).getAllByRole('figure');
  expect(figs.map((f) => f.getAttribute('data-testid'))).toEqual(['column-species', 'column-island', 'column-bill_length_mm']);
  expect(within(figs[0]).getByTestId('shape').textContent).toContain('0.55');
  expect(within(figs[0]).getByTestId('shape').className).toContain('bad');
  expect(within(figs[2]).getByTestId('shape').className).not.toContain('bad');
  // Bars: one pair per level, heights proportional to the shares (largest share = full height).
  const bins = within(figs[0]).getAllByTestId('chart-bin');
  expect(bins).toHaveLength(4);
  const [real, synth] = bins[0].querySelectorAll('rect');
  expect(Number(synth.getAttribute('height'))).toBeCloseTo(70);
  expect(Number(real.getAttribute('height'))).toBeCloseTo((0.45 / 0.8) * 70);
  expect(bins[3].querySelector('title')?.textContent).toBe('(missing): real 0.000, synthetic 0.100');
  // Histogram: one pair per bin, the bin range in the tooltip and the axis range below.
  const hist = within(figs[2]).getAllByTestId('chart-bin');
  expect(hist).toHaveLength(3);
  expect(hist[1].querySelector('title')?.textContent).toBe('40 – 50: real 0.500, synthetic 0.400');
  expect(figs[2].textContent).toContain('30 … 60');
  expect(figs[0].textContent).toContain('missing 0.00 real, 0.10 synthetic');
});

it('shows the four scores, the findings, ranked rows with cells and the duplicate pair with matching cells', () => {
  const report = tableReport();
  render(<EvidenceFrame report={report} experiment={report.experiments[0]} files={null} />);
  for (const k of ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal']) expect(screen.getByTestId(`score-${k}`)).toBeTruthy();
  const findings = screen.getAllByTestId('finding');
  expect(findings).toHaveLength(1);
  expect(findings[0].textContent).toMatch(/bill_length_mm.*precision.*39\.123456 → 39\.1/);

  const unrealistic = within(screen.getByTestId('unrealistic-rows')).getAllByTestId('ranked-row');
  expect(unrealistic.map((r) => Number(r.getAttribute('data-p')))).toEqual([0.97, 0.9, 0.7, 0.6, 0.55, 0.5]);
  expect(unrealistic[0].textContent).toContain('synth.csv#row 2');
  expect(unrealistic[0].textContent).toContain('57.3');
  const unrepresented = within(screen.getByTestId('unrepresented-rows')).getAllByTestId('ranked-row');
  expect(unrepresented.map((r) => Number(r.getAttribute('data-p')))).toEqual([0.05, 0.1, 0.2, 0.3, 0.4, 0.6]);
  expect(unrepresented[0].textContent).toContain('Gentoo');

  const pair = screen.getByTestId('duplicate-pair');
  expect(pair.getAttribute('data-kind')).toBe('unoriginal');
  const rows = pair.querySelectorAll('tbody tr');
  expect(rows[0].textContent).toContain('real: real.csv#row 1');
  expect(rows[1].textContent).toContain('synthetic: synth.csv#row 1');
  expect(pair.querySelectorAll('td.match')).toHaveLength(6);
  expect(screen.getByTestId('column-charts')).toBeTruthy();
  expect(screen.getByTestId('closest-real').textContent).toContain('16.7% at distance 0');
});
