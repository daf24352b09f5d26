// The near-duplicate pair view marks exactly the characters that differ, on the side that has them.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PairView, sideRuns } from '../../../src/ui/components/text/PairView.tsx';

afterEach(cleanup);

const marked = (el: HTMLElement, kind: string) => [...el.querySelectorAll(`mark[data-diff="${kind}"]`)].map((m) => m.textContent).join('|');

describe('PairView', () => {
  it('highlights the differing characters on each side, with the reason', () => {
    render(<PairView
      a={{ path: 'real.jsonl#L3', side: 'real', text: 'The cat sat on the mat.' }}
      b={{ path: 'synth.jsonl#L9', side: 'synthetic', text: 'The cat sat on a mat !!' }}
      reason="copy" distance={0.2134} jaccard={0.83} thresholds={{ tau: 0.15, minJaccard: 0.8 }} />);
    const pair = screen.getByTestId('text-pair');
    expect(pair.getAttribute('data-reason')).toBe('copy');
    expect(within(pair).getByTestId('pair-why').textContent).toBe('copy: character shingles (Jaccard ≥ 0.80)');
    // Both signals' values, whichever joined the pair.
    expect(within(pair).getByTestId('pair-distance').textContent).toBe('embedding distance 0.2134');
    const left = screen.getByTestId('pair-left'), right = screen.getByTestId('pair-right');
    // Unchanged text reads whole on both sides; only the edits are marked.
    expect(left.querySelector('.text')!.textContent).toBe('The cat sat on the mat.');
    expect(right.querySelector('.text')!.textContent).toBe('The cat sat on a mat !!');
    expect(marked(left, 'removed')).toMatch(/the|th|e/);
    expect(marked(right, 'added')).toContain('!!');
    expect(left.querySelector('mark[data-diff="added"]')).toBeNull();
    expect(right.querySelector('mark[data-diff="removed"]')).toBeNull();
    for (const m of left.querySelectorAll('mark')) expect('The cat sat on the mat.').toContain(m.textContent!);
    expect(within(pair).getByTestId('pair-jaccard').textContent).toBe('Jaccard 0.830');
  });

  it('marks nothing for identical texts (an exact pair)', () => {
    render(<PairView a={{ path: 'a.txt', side: 'synthetic', text: 'same words' }} b={{ path: 'b.txt', side: 'synthetic', text: 'same words' }}
      reason="exact" distance={0} jaccard={1} />);
    const pair = screen.getByTestId('text-pair');
    expect(pair.querySelectorAll('mark')).toHaveLength(0);
    expect(pair.getAttribute('data-changes')).toBe('0');
  });

  it('splits a diff into the two sides without losing a character', () => {
    const a = 'Hello, world — émoji 🎉 ok', b = 'Hello world — emoji 🎉🎉 ok!';
    const { left, right } = sideRuns(a, b);
    expect(left.map((r) => r[0]).join('')).toBe(a);
    expect(right.map((r) => r[0]).join('')).toBe(b);
    expect(left.some((r) => r[1] && r[0].includes(','))).toBe(true);
    expect(right.some((r) => r[1] && r[0].includes('!'))).toBe(true);
  });
});
