import { describe, expect, it } from 'vitest';
import { rocAuc, scoreOrder, weightedAuc } from '../../src/core/auc.ts';

const u8 = (a: number[]) => Uint8Array.from(a);

describe('ROC AUC (Mann–Whitney)', () => {
  it('known cases', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], u8([0, 0, 1, 1]))).toBeCloseTo(0.75, 12); // sklearn docs example
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], u8([0, 0, 1, 1]))).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], u8([0, 0, 1, 1]))).toBe(0);
  });

  it('counts ties as one half', () => {
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], u8([0, 1, 0, 1]))).toBe(0.5);
    // positive 0.5 ties both negatives (2 × ½), positive 0.9 beats both (2) → 3/4
    expect(rocAuc([0.5, 0.5, 0.5, 0.9], u8([0, 1, 0, 1]))).toBe(0.75);
  });

  it('integer weights equal duplicating rows', () => {
    const s = [0.3, 0.7, 0.5, 0.5, 0.1, 0.9], y = u8([0, 1, 0, 1, 1, 0]), w = [2, 1, 3, 0, 1, 2];
    const dupS: number[] = [], dupY: number[] = [];
    s.forEach((v, i) => { for (let r = 0; r < w[i]; r++) { dupS.push(v); dupY.push(y[i]); } });
    expect(weightedAuc(scoreOrder(s), y, w)).toBeCloseTo(rocAuc(dupS, u8(dupY)), 12);
  });

  it('is NaN when a side is empty', () => {
    expect(rocAuc([0.1, 0.2], u8([1, 1]))).toBeNaN();
  });
});
