// One order for every view: the HTML export's galleries list the sets the app's galleries list, in
// the same order, and near-duplicate pairs put the real row first.
import { describe, expect, it } from 'vitest';
import { pickGalleries } from '../../src/core/report-galleries.ts';
import { duplicatePairs, setsOfKind } from '../../src/report/rankings.ts';
import type { NearDuplicateSet } from '../../src/report/schema.ts';
import { fakeExperiment } from '../core/report-fixture.ts';

const set = (id: number, members: number[], kind: NearDuplicateSet['kind'], minDistance: number): NearDuplicateSet => ({
  id,
  members,
  hasReal: kind !== 'unvaried',
  kind,
  minDistance,
  maxDistance: minDistance,
  exact: false,
});

describe('near-duplicate sets', () => {
  // Rows 0–59 real, 60–119 synthetic.
  const ex = fakeExperiment('x');
  ex.nearDuplicateSets = [
    set(0, [60, 61], 'unvaried', 0.02),
    set(1, [62, 63, 64], 'unvaried', 0.03),
    set(2, [65, 66], 'unvaried', 0.01),
    set(3, [0, 1, 2, 67], 'unoriginal', 0.01),
    set(4, [3, 68, 69], 'unoriginal', 0.02),
  ];

  it('come largest synthetic share first, then tightest, in the app and in the HTML export alike', () => {
    expect(setsOfKind(ex.nearDuplicateSets, ex.rows, 'unvaried').map((s) => s.set.id)).toEqual([1, 2, 0]);
    expect(setsOfKind(ex.nearDuplicateSets, ex.rows, 'unoriginal').map((s) => s.set.id)).toEqual([4, 3]);
    const [, , unvaried, unoriginal] = pickGalleries(ex);
    expect(unvaried.groups).toEqual([
      [62, 63, 64],
      [65, 66],
      [60, 61],
    ]);
    expect(unoriginal.groups[0]).toEqual([68, 69, 3]);
  });

  it('become pairs with the real row first, copies of real rows before repeats', () => {
    const pairs = duplicatePairs(ex);
    expect(pairs[0]).toMatchObject({ kind: 'unoriginal', a: 0, b: 1 });
    expect(pairs.filter((p) => p.kind === 'unoriginal').every((p) => ex.rows[p.a].side === 'real')).toBe(true);
    expect(pairs.findIndex((p) => p.kind === 'unvaried')).toBe(pairs.filter((p) => p.kind === 'unoriginal').length);
  });
});
