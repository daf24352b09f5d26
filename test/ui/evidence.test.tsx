// Component tests (happy-dom): the scorecard, a windowed gallery with keyboard navigation, the
// threshold slider, the per-class table and the comparison chart.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_VERSION, type Report } from '../../src/report/schema.ts';
import { ComparisonChart } from '../../src/ui/components/evidence/ComparisonChart.tsx';
import { EvidenceFrame } from '../../src/ui/components/evidence/EvidenceFrame.tsx';
import { leastRepresented, mostUnrealistic } from '../../src/report/rankings.ts';
import { RankedGallery } from '../../src/ui/components/evidence/RankedGallery.tsx';
import { Scorecard } from '../../src/ui/components/Scorecard.tsx';
import { bigExperiment, experimentWithCopies, experimentWithGraph, TAU } from './fixture.ts';
import { useInlineLayout } from './layout.ts';

afterEach(cleanup);
useInlineLayout();

const reportOf = (ex: ReturnType<typeof experimentWithGraph>): Report => ({
  version: REPORT_VERSION, tool: 'synthscore', createdAt: '2026-01-01T00:00:00Z', modality: 'image',
  model: { id: 'm', version: '1', dimension: 4 }, settings: { folds: 5, k: 2, seed: 0, bootstrap: 100 },
  real: { path: 'real', count: ex.counts.real, classes: ex.classes ? { 0: 10, 1: 10, 2: 10, 3: 5, 4: 3 } : null },
  experiments: [ex], skipped: [], embedding: { embedded: 0, fromCache: 0 },
});
const value = (key: string) => Number(screen.getByTestId(`score-${key}`).getAttribute('data-value'));
const noView = { sets: [], setIdPerRow: [] as number[] };

describe('Scorecard', () => {
  it('shows the four scores with their intervals, sample sizes and baselines', () => {
    const ex = experimentWithGraph();
    render(<Scorecard experiment={ex} />);
    for (const [k, baseline] of [['unrealistic', 0.5], ['unrepresentative', 0.5], ['unvaried', 0], ['unoriginal', 0]] as const) {
      const card = screen.getByTestId(`score-${k}`);
      const e = ex.scores[k];
      expect(Number(card.getAttribute('data-value'))).toBe(e.value);
      expect(card.textContent).toContain(e.value.toFixed(3));
      expect(card.textContent).toContain(`95% ${e.lo.toFixed(3)}–${e.hi.toFixed(3)}`);
      expect(card.textContent).toContain(`n = ${e.n}`);
      expect(card.textContent).toContain(`indistinguishable ≈ ${baseline}`);
    }
  });
});

describe('galleries', () => {
  it('rank synthetic rows by p and real rows by 1 − p', () => {
    const ex = experimentWithGraph();
    const u = mostUnrealistic(ex.rows), r = leastRepresented(ex.rows);
    expect(u.every((i) => ex.rows[i].side === 'synthetic')).toBe(true);
    for (let t = 1; t < u.length; t++) expect(ex.rows[u[t - 1]].p).toBeGreaterThanOrEqual(ex.rows[u[t]].p);
    for (let t = 1; t < r.length; t++) expect(1 - ex.rows[r[t - 1]].p).toBeGreaterThanOrEqual(1 - ex.rows[r[t]].p);
  });

  it('render only a window of a 5,000-item list, and the keyboard opens and closes an item', () => {
    const ex = bigExperiment(5000);
    const items = mostUnrealistic(ex.rows);
    render(<RankedGallery ex={ex} items={items} view={noView} score={{ label: 'p', of: (i) => ex.rows[i].p }} label="most unrealistic" testId="g" />);
    const list = screen.getByRole('listbox', { name: 'most unrealistic' });
    const shown = within(list).getAllByRole('option');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(100); // of 5,000
    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    const cols = within(list).getAllByRole('option').filter((o) => o.parentElement === shown[0].parentElement).length;
    const active = list.querySelector('[aria-selected=true]')!;
    expect(active.id).toBe(list.getAttribute('aria-activedescendant'));
    expect(Number(active.getAttribute('data-row'))).toBe(items[1 + cols]);
    fireEvent.keyDown(list, { key: 'Enter' });
    const dialog = screen.getByRole('dialog');
    expect(Number(dialog.getAttribute('data-row'))).toBe(items[1 + cols]);
    expect(dialog.textContent).toContain(ex.rows[items[1 + cols]].path);
    fireEvent.keyDown(dialog, { key: 'ArrowRight' }); // steps to the next item
    expect(Number(screen.getByRole('dialog').getAttribute('data-row'))).toBe(items[2 + cols]);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(list);
    // Ctrl+End jumps to the last item: the window moves with it.
    fireEvent.keyDown(list, { key: 'End', ctrlKey: true });
    expect(list.scrollTop).toBeGreaterThan(0);
    fireEvent.scroll(list); // happy-dom moves scrollTop but, unlike a browser, fires no scroll event
    const last = within(list).getAllByRole('option').map((o) => Number(o.getAttribute('data-row')));
    expect(last).toContain(items[items.length - 1]);
    expect(last).not.toContain(items[0]);
    expect(last.length).toBeLessThan(100);
  });

  it('a click opens an item large', () => {
    const ex = experimentWithGraph();
    render(<EvidenceFrame report={reportOf(ex)} experiment={ex} files={null} />);
    const first = within(screen.getByTestId('gallery-unrealistic')).getAllByRole('option')[0];
    fireEvent.click(first);
    expect(screen.getByRole('dialog').getAttribute('data-row')).toBe(first.getAttribute('data-row'));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('threshold slider', () => {
  it('recomputes unvaried and unoriginal from the graph: lower tau, fewer duplicates', () => {
    const ex = experimentWithGraph();
    render(<EvidenceFrame report={reportOf(ex)} experiment={ex} files={null} />);
    expect(screen.getByTestId('tau').textContent).toBe(TAU.toFixed(4));
    expect(screen.getByTestId('threshold').textContent).toContain("the model's calibrated default");
    expect(screen.getByTestId('threshold').textContent).toContain("Cleanlab's relative rule");
    const at = { unvaried: value('unvaried'), unoriginal: value('unoriginal') };
    expect(at).toEqual({ unvaried: 2 / 30, unoriginal: 1 / 30 });

    const slider = screen.getByTestId('tau-slider');
    fireEvent.change(slider, { target: { value: '0.001' } });
    expect(Number(screen.getByTestId('threshold').getAttribute('data-tau'))).toBeCloseTo(0.001, 6);
    expect(screen.getByTestId('threshold').getAttribute('data-source')).toBe('user');
    expect(value('unvaried')).toBe(0);
    expect(value('unoriginal')).toBe(0);

    fireEvent.change(slider, { target: { value: '0.04' } });
    expect(value('unvaried')).toBe(4 / 30);
    expect(value('unoriginal')).toBe(2 / 30);
    expect(value('unvaried')).toBeGreaterThan(at.unvaried);
    // The duplicate galleries follow.
    fireEvent.click(screen.getByTestId('tab-unvaried'));
    expect(screen.getByTestId('gallery-unvaried').getAttribute('data-count')).toBe('2');
    fireEvent.click(screen.getByTestId('tab-unoriginal'));
    const copies = screen.getByTestId('gallery-unoriginal');
    expect(copies.getAttribute('data-count')).toBe('2');
    // Synthetic first, beside the real item it copies.
    const sides = within(copies).getAllByRole('option').map((o) => o.getAttribute('data-side'));
    expect(sides.slice(0, 2)).toEqual(['synthetic', 'real']);

    fireEvent.click(screen.getByTestId('tau-relative'));
    expect(screen.getByTestId('threshold').getAttribute('data-source')).toBe('relative');
    // Median nearest-neighbour distance is 0.5 here, so the relative rule gives 0.065.
    expect(Number(screen.getByTestId('threshold').getAttribute('data-tau'))).toBeCloseTo(0.065, 6);
    expect(screen.getByTestId('threshold').textContent).toContain('fails exactly when copying is worst');
  });

  it('is disabled, with the report\'s own sets, when the report has no graph', () => {
    const ex = { ...experimentWithGraph(), neighbours: undefined };
    render(<EvidenceFrame report={reportOf(ex)} experiment={ex} files={null} />);
    expect(screen.queryByTestId('tau-slider')).toBeNull();
    expect(value('unvaried')).toBe(ex.scores.unvaried.value);
    expect(screen.getByTestId('threshold').textContent).toContain('cannot be moved');
  });
});

describe('the copy signal', () => {
  it('keeps a copy-joined pair when the slider takes the embedding threshold to 0', () => {
    const ex = experimentWithCopies();
    render(<EvidenceFrame report={reportOf(ex)} experiment={ex} files={null} />);
    // At the report's tau: one repeat pair (embedding), two copies of real rows (one by the copy signal alone).
    expect(value('unvaried')).toBe(1 / 15);
    expect(value('unoriginal')).toBe(2 / 30);
    fireEvent.change(screen.getByTestId('tau-slider'), { target: { value: '0' } });
    expect(Number(screen.getByTestId('threshold').getAttribute('data-tau'))).toBe(0);
    // The embedding joins nothing now; both copies of real rows stand on the copy signal.
    expect(value('unvaried')).toBe(0);
    expect(value('unoriginal')).toBe(2 / 30);
    fireEvent.click(screen.getByTestId('tab-unoriginal'));
    const copies = screen.getByTestId('gallery-unoriginal');
    expect(copies.getAttribute('data-count')).toBe('2');
    expect(within(copies).getAllByTestId('set-joined').map((e) => e.getAttribute('data-reasons'))).toEqual(['copy', 'copy']);
    // The moved threshold is the user's; the copy signal stays as calibrated, and the line says the slider leaves it.
    expect(screen.getByTestId('signal-embedding').getAttribute('data-source')).toBe('user');
    expect(screen.getByTestId('signal-copy').getAttribute('data-source')).toBe('calibrated');
    expect(screen.getByTestId('copy-fixed').textContent).toContain('which the slider does not move');
  });

  it('the threshold lines show each signal calibrated on the real set, with its false-pair and catch rates', () => {
    const ex = experimentWithCopies();
    render(<EvidenceFrame report={reportOf(ex)} experiment={ex} files={null} />);
    const emb = screen.getByTestId('signal-embedding'), copy = screen.getByTestId('signal-copy');
    expect(emb.getAttribute('data-source')).toBe('calibrated');
    expect(emb.textContent).toContain(`below ${TAU.toFixed(4)} (calibrated)`);
    expect(emb.textContent).toContain('0.8% of 400 real rows within it of a distinct real row; catches 42% of 200 edited copies');
    expect(copy.textContent).toContain('copy signal: below 0.0040 (calibrated)');
    expect(copy.textContent).toContain('catches 97% of 200 edited copies');
    // Per kind of edit, on hover and in the details.
    expect(copy.getAttribute('title')).toBe('caught per edit: shift 97%, jpeg 100%');
    expect(screen.getByTestId('calibration-details').textContent).toContain('caught per edit shift 42%, jpeg 100%');
    expect(screen.getByTestId('threshold').textContent).toContain("calibrated on this run's real set");
  });

  it('an image set says which signal joined it, with the embedding distance and the thumbnail correlation', () => {
    const ex = experimentWithCopies();
    render(<EvidenceFrame report={reportOf(ex)} experiment={ex} files={null} />);
    fireEvent.click(screen.getByTestId('tab-unoriginal'));
    const sets = within(screen.getByTestId('gallery-unoriginal')).getAllByTestId('set-joined');
    const byReason = Object.fromEntries(sets.map((e) => [e.getAttribute('data-reasons'), e.textContent]));
    // Synthetic row 6 copies real row 2: far in the embedding (0.5), correlation 1 − 0.0012.
    expect(byReason.copy).toBe('joined by copyd 0.5000correlation 0.9988');
    expect(byReason['embedding+copy']).toBe('joined by embedding+copyd 0.0040correlation 0.9995');
    // The dialog of a member lists its pair with both values.
    const member = screen.getByTestId('gallery-unoriginal').querySelector('[data-row="36"]')!;
    fireEvent.click(member);
    expect(screen.getByTestId('item-pairs').textContent).toBe('to item2.png by copy: embedding distance 0.5000, thumbnail correlation 0.9988');
  });
});

describe('per-class table', () => {
  it('lists counts and scores per class and calls out classes missing from the synthetic set', () => {
    const ex = experimentWithGraph(30, 30, true);
    render(<EvidenceFrame report={reportOf(ex)} experiment={ex} files={null} />);
    const table = screen.getByTestId('class-table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(4);
    expect(screen.getByTestId('missing-classes').textContent).toBe('Missing from the synthetic set: 3, 4.');
    expect(table.querySelector('tr[data-class="3"]')!.textContent).toContain('fewer than 5 rows');
    // Duplicate fractions per class follow the threshold: synthetic rows 30 (class 0) and 31 (class 1) repeat each other.
    const row0 = () => table.querySelector('tr[data-class="0"]')!.querySelectorAll('td');
    expect(row0()[4].textContent).toMatch(/^0\.100/);
    fireEvent.change(screen.getByTestId('tau-slider'), { target: { value: '0.001' } });
    expect(row0()[4].textContent).toMatch(/^0\.000/);
  });

  it('is absent without classes', () => {
    const ex = experimentWithGraph();
    render(<EvidenceFrame report={reportOf(ex)} experiment={ex} files={null} />);
    expect(screen.queryByTestId('class-table')).toBeNull();
  });
});

describe('comparison chart', () => {
  it('draws a bar per experiment for each score, with the 0.5 / 0 baselines', () => {
    const a = experimentWithGraph(), b = { ...experimentWithGraph(), name: 'other' };
    render(<ComparisonChart experiments={[a, b]} selected={1} />);
    const panels = screen.getByTestId('comparison-chart').querySelectorAll('svg');
    expect([...panels].map((p) => p.getAttribute('data-score'))).toEqual(['unrepresentative', 'unrealistic', 'unvaried', 'unoriginal']);
    for (const p of panels) {
      expect(p.querySelectorAll('g.exp')).toHaveLength(2);
      const k = p.getAttribute('data-score')!;
      expect(p.querySelector('.baseline')!.getAttribute('data-baseline')).toBe(k === 'unvaried' || k === 'unoriginal' ? '0' : '0.5');
    }
    expect(panels[0].querySelector('g.exp.selected')!.getAttribute('data-experiment')).toBe('other');
  });
});
