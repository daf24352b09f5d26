// The results page hands the report's reference and comparisons to the comparison table: a
// report that carries them shows the real-vs-real row first and the verdicts under the table.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { Results } from '../../src/ui/components/Results.tsx';
import { fakeExperiment, fakeReport } from '../core/report-fixture.ts';
import { useInlineLayout } from './layout.ts';

afterEach(cleanup);
useInlineLayout();

it('shows the reference row first and the verdict of a real difference', () => {
  const base = fakeReport(['fresh', 'copies']);
  const text = 'copies: unoriginal higher than fresh by 0.30 [0.25, 0.35]';
  const report: Report = {
    ...base,
    reference: fakeExperiment('real vs real'),
    comparisons: [{ score: 'unoriginal', a: 'fresh', b: 'copies', difference: { value: 0.3, lo: 0.25, hi: 0.35 }, verdict: 'higher', text }],
  };
  render(<Results report={report} experiment={report.experiments[0]} demo={null} isDemo={false} selected={0} onSelect={() => {}} files={null} />);
  const rows = within(screen.getByTestId('comparison')).getAllByRole('row');
  expect(rows[1].getAttribute('data-testid')).toBe('reference-row');
  expect(rows.slice(2).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['fresh', 'copies']);
  expect(screen.getByTestId('cell-fresh-unoriginal').className).toContain('better');
  expect(screen.getAllByTestId('verdict').map((li) => li.textContent)).toEqual([text]);
});
