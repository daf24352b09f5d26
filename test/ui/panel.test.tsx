// The extended panel under the scorecard (issue 14): each measure with its value, interval (when
// one was computed), ideal, sample size and what real against real scores on this data; the DCR
// share only with a holdout; images' issue rates with the worst synthetic items; nothing at all
// for a report without a panel.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Estimate, Experiment, ImageIssueKind, ImageIssueRates, Panel, Report } from '../../src/report/schema.ts';
import { EvidenceFrame } from '../../src/ui/components/evidence/EvidenceFrame.tsx';
import { PanelView } from '../../src/ui/components/panel/PanelView.tsx';
import { expectedCoverage } from '../../src/ui/components/panel/panel-measures.ts';
import { fakeExperiment, fakeReport } from '../core/report-fixture.ts';
import { useInlineLayout } from './layout.ts';

afterEach(cleanup);
useInlineLayout();

const est = (value: number, n: number, method: Estimate['method'] = 'wilson', half = 0.03): Estimate =>
  method === 'none' ? { value, lo: value, hi: value, n, method } : { value, lo: value - half, hi: value + half, n, method };

/** A panel as the pipeline writes it for 60 + 60 rows (fakeExperiment's sides). */
const panel = (over: Partial<Panel> = {}): Panel => ({
  precision: est(0.612, 60), recall: est(0.455, 60), density: est(0.81, 60, 'bootstrap', 0.1), coverage: est(0.9, 60),
  frechetDistance: est(0.04567, 30, 'none'), vendi: est(17.26, 60, 'none'), vendiReal: est(31.4, 60, 'none'),
  authenticity: est(0.58, 60), k: 5, ...over,
});

function report(expPanel: Panel | undefined, refPanel?: Panel, modality: Report['modality'] = 'image'): Report {
  const base = fakeReport(['gan']);
  const ex: Experiment = { ...base.experiments[0], panel: expPanel };
  return { ...base, modality, experiments: [ex], reference: { ...fakeExperiment('real vs real'), panel: refPanel } };
}

const show = (r: Report) => render(<PanelView report={r} experiment={r.experiments[0]} files={null} />);

describe('the panel under the scorecard', () => {
  it('shows each measure with its value, interval, sample size, ideal and the real-vs-real value', () => {
    show(report(panel(), panel({ precision: est(0.74, 30), frechetDistance: est(0.0123, 30, 'none') })));
    const precision = screen.getByTestId('panel-precision');
    expect(within(precision).getByRole('rowheader').textContent).toBe('precision');
    expect(screen.getByTestId('panel-precision-value').textContent).toBe('0.612');
    expect(screen.getByTestId('panel-precision-interval').textContent).toBe(' 95% 0.582–0.642');
    expect(precision.textContent).toContain('n = 60');
    expect(screen.getByTestId('panel-precision-ideal').textContent).toBe('what real vs real scores here');
    expect(screen.getByTestId('panel-precision-reference').textContent).toBe('real vs real: 0.740');
    expect(precision.textContent).toMatch(/inside the neighbourhood of some real item/);
    // Density's ideal is 1; coverage's is the closed form for two samples of one distribution.
    expect(screen.getByTestId('panel-density-ideal').textContent).toBe('1');
    expect(screen.getByTestId('panel-coverage-ideal').textContent).toContain(`≈ ${expectedCoverage(60, 60, 5).toFixed(3)}`);
    // No interval where none was computed; unbounded values keep three significant digits.
    expect(screen.queryByTestId('panel-frechetDistance-interval')).toBeNull();
    expect(screen.getByTestId('panel-frechetDistance-value').textContent).toBe('0.0457');
    expect(screen.getByTestId('panel-frechetDistance-reference').textContent).toBe('real vs real: 0.0123');
    // The Vendi score of the synthetic set beside the real set's, which is its ideal.
    expect(screen.getByTestId('panel-vendi-value').textContent).toBe('17.3');
    expect(screen.getByTestId('panel-vendi-ideal').textContent).toBe("the real set's: 31.4");
    // Tables' measures are absent from an image panel.
    expect(screen.queryByTestId('panel-columnShapes')).toBeNull();
  });

  it('hides the DCR share without a holdout, and says what a holdout would add', () => {
    show(report(panel(), panel()));
    expect(screen.queryByTestId('panel-dcrShare')).toBeNull();
    expect(screen.getByTestId('panel-dcr-hint').textContent).toMatch(/Add a real holdout/);
  });

  it('shows the DCR share with a holdout, its ideal 0.5 and the sign test in words', () => {
    show(report(panel({ dcrShare: est(0.81, 60), dcrPValue: 0.00002 }), panel({ dcrShare: est(0.49, 30), dcrPValue: 0.9 })));
    expect(screen.getByTestId('panel-dcrShare-value').textContent).toBe('0.810');
    expect(screen.getByTestId('panel-dcrShare-ideal').textContent).toBe('0.5');
    expect(screen.getByTestId('panel-dcrShare-reference').textContent).toBe('real vs real: 0.490');
    expect(screen.getByTestId('panel-dcr-verdict').textContent).toBe(' p < 0.001: nearer the training items than chance allows — signs of copying.');
    expect(screen.queryByTestId('panel-dcr-hint')).toBeNull();
    cleanup();
    show(report(panel({ dcrShare: est(0.53, 60), dcrPValue: 0.62 })));
    expect(screen.getByTestId('panel-dcr-verdict').textContent).toMatch(/p = 0\.620: no lean toward the training items/);
    // No reference panel: the column says so rather than inventing a value.
    expect(screen.getByTestId('panel-dcrShare-reference').textContent).toBe('–');
  });

  it("shows a table's column shapes and pair trends, and the holdout hint (tables take a holdout too)", () => {
    const tablePanel: Panel = { columnShapes: est(0.912, 172, 'none'), columnPairTrends: est(0.701, 21, 'none') };
    show(report(tablePanel, { columnShapes: est(0.929, 172, 'none'), columnPairTrends: est(0.828, 21, 'none') }, 'table'));
    expect(screen.getByTestId('panel-columnShapes-value').textContent).toBe('0.912');
    expect(screen.getByTestId('panel-columnPairTrends-reference').textContent).toBe('real vs real: 0.828');
    expect(screen.queryByTestId('panel-precision')).toBeNull();
    expect(screen.getByTestId('panel-dcr-hint').textContent).toMatch(/Add a real holdout/);
  });

  it('shows nothing for a report without a panel', () => {
    const { container } = show(report(undefined));
    expect(container.innerHTML).toBe('');
  });

  it('sits under the scorecard in the evidence frame', () => {
    const r = report(panel(), panel());
    render(<EvidenceFrame report={r} experiment={r.experiments[0]} files={null} />);
    const card = screen.getByTestId('score-unrealistic'), shown = screen.getByTestId('panel');
    expect(card.compareDocumentPosition(shown) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId('panel-recall-value').textContent).toBe('0.455');
  });
});

describe("the panel's image issues", () => {
  // 60 real rows then 60 synthetic: the worst lists hold synthetic row indices (60…119).
  const issue = (real: number, synth: number, worst: number[]) => ({ real: est(real, 60), synthetic: est(synth, 60), worst });
  const issues: ImageIssueRates = {
    dark: issue(0, 0.05, [61, 70, 64]),
    light: issue(0, 0, []),
    blurry: issue(0.0167, 0.3, [100, 60, 77, 90]),
    'low-information': issue(1, 1, [62]),
    'odd-aspect-ratio': issue(0, 0, []),
    'odd-size': issue(0, 0, []),
  };

  it('lists each kind with its real and synthetic rates, and the worst items of the kind most above real', () => {
    show(report(panel({ imageIssues: issues })));
    const kinds: ImageIssueKind[] = ['dark', 'light', 'blurry', 'low-information', 'odd-aspect-ratio', 'odd-size'];
    expect(kinds.map((k) => within(screen.getByTestId(`issue-${k}`)).getByRole('rowheader').textContent))
      .toEqual(['dark', 'washed-out', 'blurry', 'low information', 'odd aspect ratio', 'odd size']);
    expect(screen.getByTestId('issue-blurry-real').textContent).toBe('1.7%');
    expect(screen.getByTestId('issue-blurry-synthetic').textContent).toBe('30.0%');
    // Blurry exceeds the real rate most: its worst items come first, worst first, as pictures or paths.
    const gallery = screen.getByTestId('issue-gallery');
    expect(gallery.getAttribute('data-kind')).toBe('blurry');
    expect([...gallery.querySelectorAll('figure')].map((f) => f.getAttribute('data-row'))).toEqual(['100', '60', '77', '90']);
    expect(gallery.querySelector('figure')!.textContent).toContain('40.png'); // s/40.png is row 100
    fireEvent.click(within(screen.getByTestId('issue-dark')).getByRole('button'));
    expect(screen.getByTestId('issue-gallery').getAttribute('data-kind')).toBe('dark');
    expect(screen.getByTestId('issue-gallery').getAttribute('data-count')).toBe('3');
    // A kind with nothing flagged offers no gallery.
    expect(within(screen.getByTestId('issue-light')).queryByRole('button')).toBeNull();
  });
});
