// A run's headline comes before its real-vs-real reference (issue 17): while the page shows it, the
// reference row says it is being computed; it fills in when the reference comes, and says nothing
// when the headline says none will come or when the report is not the run in progress's.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.ts';
import { Results } from '../../src/ui/components/Results.tsx';
import { PanelPendingContext } from '../../src/ui/hooks/useRun.ts';
import { referenceNotComputed } from '../../src/pipeline/reference-note.ts';
import { fakeExperiment, fakeReport } from '../core/report-fixture.ts';
import { useInlineLayout } from './layout.ts';

afterEach(cleanup);
useInlineLayout();

const show = (report: Report, runningHeadline: Report | null) =>
  render(
    <PanelPendingContext.Provider value={runningHeadline}>
      <Results report={report} experiment={report.experiments[0]} demo={null} isDemo={false} selected={0} onSelect={() => {}} files={null} />
    </PanelPendingContext.Provider>,
  );
const rows = () => within(screen.getByTestId('comparison')).getAllByRole('row');

it('says the reference is being computed while the run’s headline has none yet', () => {
  const headline = fakeReport(['fresh', 'copies']);
  show(headline, headline);
  expect(rows()[1].getAttribute('data-testid')).toBe('reference-row-pending');
  expect(screen.getByTestId('reference-pending').textContent).toBe('computing…');
  // The experiments' rows and scores are all there below it.
  expect(rows().slice(2).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['fresh', 'copies']);
});

it('shows the reference’s scores once the headline carries it', () => {
  const headline: Report = { ...fakeReport(['fresh']), reference: fakeExperiment('real vs real') };
  show(headline, headline);
  expect(rows()[1].getAttribute('data-testid')).toBe('reference-row');
  expect(screen.queryByTestId('reference-pending')).toBeNull();
});

it('says nothing when the headline says the real set was too small for a reference', () => {
  const headline: Report = { ...fakeReport(['fresh']), warnings: [referenceNotComputed(15, 20)] };
  show(headline, headline);
  expect(screen.queryByTestId('reference-row-pending')).toBeNull();
  expect(screen.queryByTestId('reference-row')).toBeNull();
});

it('says nothing for a report without a reference that is not the run in progress', () => {
  const older = fakeReport(['fresh']);
  show(older, null);
  expect(screen.queryByTestId('reference-row-pending')).toBeNull();
  cleanup();
  // Another report opened while a run is in progress is not that run's headline.
  show(older, fakeReport(['fresh']));
  expect(screen.queryByTestId('reference-row-pending')).toBeNull();
});
