// The comparison table with a report's real-vs-real reference and paired comparisons (issue 13):
// the reference row first, the better value marked only where the difference is real, each
// verdict in words; an older report without them looks as before.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Comparison, Estimate, Experiment, ScoreName } from '../../src/report/schema.ts';
import { TABLE_KEYS } from '../../src/report/meaning.ts';
import { ComparisonTable } from '../../src/ui/components/ComparisonTable.tsx';
import { ReferenceValue } from '../../src/ui/components/comparison/ReferenceValue.tsx';
import { betterCells, isBetter } from '../../src/report/comparison-verdicts.ts';
import { fakeExperiment } from '../core/report-fixture.ts';

afterEach(cleanup);

const est = (value: number, lo: number, hi: number): Estimate => ({ value, lo, hi, n: 200, method: 'bootstrap' });

function withScores(name: string, unrealistic: number, unoriginal: number): Experiment {
  const ex = fakeExperiment(name);
  return { ...ex, scores: { ...ex.scores, unrealistic: est(unrealistic, unrealistic - 0.02, unrealistic + 0.02), unoriginal: est(unoriginal, 0, unoriginal + 0.02) } };
}

const experiments = [withScores('baseline', 0.71, 0.02), withScores('subject-prompt', 0.65, 0.09), withScores('fresh', 0.7, 0.02)];
const reference: Experiment = {
  ...fakeExperiment('real vs real'),
  scores: { unrealistic: est(0.512, 0.49, 0.534), unrepresentative: est(0.508, 0.487, 0.529), unvaried: est(0.004, 0, 0.02), unoriginal: est(0.006, 0, 0.025) },
};

function cmp(score: ScoreName, a: string, b: string, value: number, half: number, text: string): Comparison {
  const lo = value - half, hi = value + half;
  const verdict = lo > 0 ? 'higher' : hi < 0 ? 'lower' : 'no difference detected';
  return { score, a, b, difference: { value, lo, hi }, verdict, text };
}

const LOWER = 'subject-prompt: unrealistic lower than baseline by 0.06 [0.03, 0.09]';
const HIGHER = 'subject-prompt: unoriginal higher than baseline by 0.07 [0.04, 0.10]';
/** subject-prompt is detectably less unrealistic than both others, and detectably more unoriginal than baseline. */
const comparisons: Comparison[] = [
  cmp('unrealistic', 'baseline', 'subject-prompt', -0.06, 0.03, LOWER),
  cmp('unrealistic', 'baseline', 'fresh', -0.01, 0.03, 'fresh vs baseline: unrealistic, no difference detected'),
  cmp('unrealistic', 'subject-prompt', 'fresh', 0.05, 0.03, 'fresh: unrealistic higher than subject-prompt by 0.05 [0.02, 0.08]'),
  cmp('unoriginal', 'baseline', 'subject-prompt', 0.07, 0.03, HIGHER),
  cmp('unoriginal', 'baseline', 'fresh', 0, 0.02, 'fresh vs baseline: unoriginal, no difference detected'),
  cmp('unoriginal', 'subject-prompt', 'fresh', -0.07, 0.03, 'fresh: unoriginal lower than subject-prompt by 0.07 [0.04, 0.10]'),
  ...(['unrepresentative', 'unvaried'] as const).flatMap((s) => [
    cmp(s, 'baseline', 'subject-prompt', 0.01, 0.03, `subject-prompt vs baseline: ${s}, no difference detected`),
    cmp(s, 'baseline', 'fresh', 0.01, 0.03, `fresh vs baseline: ${s}, no difference detected`),
    cmp(s, 'subject-prompt', 'fresh', 0, 0.03, `fresh vs subject-prompt: ${s}, no difference detected`),
  ]),
];

const bodyRows = () => within(screen.getByTestId('comparison')).getAllByRole('row').slice(1);

describe('the comparison table with a reference and comparisons', () => {
  it('puts the real-vs-real row first, muted and explained, with its four scores and intervals; it selects nothing', () => {
    const onSelect = vi.fn();
    render(<ComparisonTable experiments={experiments} selected={0} onSelect={onSelect} reference={reference} comparisons={comparisons} />);
    const rows = bodyRows();
    expect(rows).toHaveLength(1 + experiments.length);
    expect(rows[0].getAttribute('data-testid')).toBe('reference-row');
    expect(rows[0].className).toContain('reference');
    expect(within(rows[0]).getByRole('rowheader').textContent).toBe('real vs real what indistinguishable looks like here');
    expect(screen.getByTestId('reference-unrealistic').textContent).toBe('0.512 0.490–0.534');
    expect(screen.getByTestId('reference-unrepresentative').textContent).toBe('0.508 0.487–0.529');
    // Same column order as the header: unrepresentative first.
    expect(within(rows[0]).getAllByRole('cell').map((c) => c.getAttribute('data-testid'))).toEqual(TABLE_KEYS.map((k) => `reference-${k}`));
    expect(rows.slice(1).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['baseline', 'subject-prompt', 'fresh']);
    fireEvent.click(rows[0]);
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.click(rows[2]); // the row below the reference is still the experiment it names
    expect(onSelect).toHaveBeenCalledWith(1);
  });

  it('marks the better cell of a lower verdict, with the verdict on hover and listed under the table', () => {
    render(<ComparisonTable experiments={experiments} selected={0} onSelect={() => {}} reference={reference} comparisons={comparisons} />);
    const winner = screen.getByTestId('cell-subject-prompt-unrealistic');
    expect(winner.className).toContain('better');
    expect(winner.getAttribute('title')!.split('\n')[0]).toBe(LOWER);
    expect(winner.textContent).toBe('0.650'); // the mark is styling: the value reads as before
    for (const loser of ['baseline', 'fresh']) expect(screen.getByTestId(`cell-${loser}-unrealistic`).className).not.toContain('better');
    // A 'higher' verdict marks A: baseline and fresh are both detectably less unoriginal than subject-prompt, not than each other.
    expect(screen.getByTestId('cell-baseline-unoriginal').className).toContain('better');
    expect(screen.getByTestId('cell-fresh-unoriginal').className).toContain('better');
    expect(screen.getByTestId('cell-subject-prompt-unoriginal').className).not.toContain('better');
    // No difference: nothing marked, but the verdict is still on hover.
    for (const ex of experiments) expect(screen.getByTestId(`cell-${ex.name}-unvaried`).className).not.toContain('better');
    expect(screen.getByTestId('cell-fresh-unvaried').getAttribute('title')).toContain('no difference detected');

    const listed = screen.getAllByTestId('verdict');
    expect(listed.map((li) => li.textContent)).toEqual([
      LOWER, // table column order (unrepresentative, unrealistic, unvaried, unoriginal), larger difference first
      'fresh: unrealistic higher than subject-prompt by 0.05 [0.02, 0.08]',
      HIGHER,
      'fresh: unoriginal lower than subject-prompt by 0.07 [0.04, 0.10]',
    ]);
    expect(screen.getByTestId('no-difference').querySelector('summary')!.textContent).toBe('No difference detected: 8 of 12 comparisons');
  });

  it('says so when no comparison shows a difference, and marks nothing', () => {
    const none = comparisons.map((c) => ({ ...c, verdict: 'no difference detected' as const }));
    render(<ComparisonTable experiments={experiments} selected={0} onSelect={() => {}} comparisons={none} />);
    expect(screen.queryAllByTestId('verdict')).toHaveLength(0);
    expect(screen.getByTestId('verdict-none').textContent).toMatch(/No comparison shows a difference/);
    expect(screen.getByTestId('comparison').querySelectorAll('td.better')).toHaveLength(0);
  });
});

describe('an older report, without reference or comparisons', () => {
  it('looks as before: no extra row, no marks, no hover text, no list', () => {
    render(<ComparisonTable experiments={experiments} selected={0} onSelect={() => {}} />);
    const rows = bodyRows();
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['baseline', 'subject-prompt', 'fresh']);
    expect(screen.queryByTestId('reference-row')).toBeNull();
    expect(screen.queryByTestId('comparison-verdicts')).toBeNull();
    const cells = screen.getByTestId('comparison').querySelectorAll('td');
    expect(cells).toHaveLength(experiments.length * 4);
    for (const td of cells) expect([td.className, td.getAttribute('title')]).toEqual(['', null]);
    expect(screen.getByTestId('cell-baseline-unrealistic').textContent).toBe('0.710');
  });
});

describe('which cells are better', () => {
  it('marks every leader the intervals cannot order, and none that loses a comparison', () => {
    // a ≈ b, both lower than c; c lower than d: a and b are marked, c (wins and loses) and d are not.
    const cells = betterCells([
      cmp('unrealistic', 'a', 'b', 0, 0.02, ''),
      cmp('unrealistic', 'c', 'a', -0.1, 0.02, ''),
      cmp('unrealistic', 'c', 'b', -0.1, 0.02, ''),
      cmp('unrealistic', 'd', 'c', -0.1, 0.02, ''),
    ]);
    expect(['a', 'b', 'c', 'd'].filter((n) => isBetter(cells, n, 'unrealistic'))).toEqual(['a', 'b']);
    expect(isBetter(cells, 'a', 'unoriginal')).toBe(false);
  });
});

describe('the reference beside a single experiment’s score', () => {
  it('reads "real vs real: 0.512", and is absent for an older report', () => {
    const { rerender } = render(<ReferenceValue score="unrealistic" reference={reference.scores.unrealistic} />);
    expect(screen.getByTestId('reference-value-unrealistic').textContent).toBe('real vs real: 0.512');
    rerender(<ReferenceValue score="unrealistic" reference={undefined} />);
    expect(screen.queryByTestId('reference-value-unrealistic')).toBeNull();
  });
});
