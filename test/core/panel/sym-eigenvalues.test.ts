import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../src/core/linalg.ts';
import { symmetricEigenvalues } from '../../../src/core/panel/sym-eigenvalues.ts';
import { createRng } from '../../../src/core/random.ts';

const randomSymmetric = (l: number, seed: number) => {
  const rng = createRng(seed), a = new Float64Array(l * l);
  for (let i = 0; i < l; i++) for (let j = 0; j <= i; j++) a[i * l + j] = a[j * l + i] = rng.normal();
  return a;
};

describe('symmetricEigenvalues', () => {
  it('agrees with the Jacobi solver on random symmetric matrices', () => {
    for (const l of [1, 2, 3, 9, 40]) {
      const a = randomSymmetric(l, l), ours = symmetricEigenvalues(a, l), jacobi = symmetricEigen(a, l).values;
      for (let i = 0; i < l; i++) expect(ours[i]).toBeCloseTo(jacobi[i], 9);
    }
  });

  it('handles zero, diagonal and rank-one matrices', () => {
    expect(Array.from(symmetricEigenvalues(new Float64Array(9), 3))).toEqual([0, 0, 0]);
    expect(Array.from(symmetricEigenvalues(Float64Array.from([1, 0, 0, 0, 3, 0, 0, 0, 2]), 3))).toEqual([3, 2, 1]);
    // v·vᵀ with v = (1, 2, 2): one eigenvalue ‖v‖² = 9, the rest 0.
    const v = [1, 2, 2], r1 = Float64Array.from(v.flatMap((x) => v.map((y) => x * y)));
    const ev = symmetricEigenvalues(r1, 3);
    expect(ev[0]).toBeCloseTo(9, 12);
    expect(Math.abs(ev[1]) + Math.abs(ev[2])).toBeLessThan(1e-12);
  });
});
