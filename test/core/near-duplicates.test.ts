import { describe, expect, it } from 'vitest';
import { jsGemm } from '../../src/core/gemm.ts';
import { knnCosine } from '../../src/core/knn.ts';
import { findNearDuplicates, makeNearDuplicateFinder, relativeThreshold } from '../../src/core/near-duplicates.ts';
import { constructedDuplicates } from './helpers.ts';

const dim = 32;

describe('near-duplicate sets', () => {
  it('give exactly the constructed fractions; mixed sets count only toward unoriginal', async () => {
    const { vectors, n, isSynthetic, hashes } = constructedDuplicates();
    const g = await knnCosine(vectors, n, dim, 10, { gemm: jsGemm, blockRows: 64 });
    const r = findNearDuplicates(g, isSynthetic, hashes, 0.05);
    expect(r.unoriginal.value).toBe(0.1);
    expect(r.unvaried.value).toBe(0.05);
    expect(r.unoriginalRows).toBe(20);
    expect(r.unvariedRows).toBe(10);
    expect(r.unoriginal.n).toBe(200);
    expect(r.unoriginal.method).toBe('wilson');
    expect(r.sets.length).toBe(16 + 5);
    const mixed = r.sets[r.setIdPerRow[0]];
    expect(mixed.members).toEqual([0, 200, 216, 217, 218, 219]);
    expect(mixed.kind).toBe('unoriginal');
    expect(mixed.hasReal).toBe(true);
    expect(mixed.maxDistance).toBeLessThan(0.05);
    expect(mixed.minDistance).toBeLessThanOrEqual(mixed.maxDistance);
    expect(r.sets[r.setIdPerRow[220]]).toMatchObject({ kind: 'unvaried', hasReal: false, members: [220, 221], exact: false });
    expect(r.setIdPerRow[250]).toBe(-1);
    // Sets are numbered by their smallest member.
    r.sets.forEach((s, i) => { expect(s.id).toBe(i); if (i > 0) expect(s.members[0]).toBeGreaterThan(r.sets[i - 1].members[0]); });
  });

  it('recomputes for a new tau from the cached graph; tau = 0 leaves no sets', async () => {
    const { vectors, n, isSynthetic, hashes } = constructedDuplicates();
    const g = await knnCosine(vectors, n, dim, 10, { gemm: jsGemm });
    const at = makeNearDuplicateFinder(g, isSynthetic, hashes);
    expect(at(0).sets).toEqual([]);
    expect(at(0).unvaried.value).toBe(0);
    expect(at(0).unoriginal.value).toBe(0);
    expect(at(2.1).sets.length).toBe(1); // everything is one component
    expect(at(2.1).unoriginal.value).toBe(1);
    expect(at(2.1).unvaried.value + at(2.1).unoriginal.value).toBeLessThanOrEqual(1);
  });

  it('always joins exact duplicates (same hash), however far apart their vectors', async () => {
    const { vectors, n, isSynthetic } = constructedDuplicates();
    const hashes = Array.from({ length: n }, (_, i) => (i === 300 || i === 390 ? 'same' : i === 5 ? '' : `h${i}`));
    hashes[6] = hashes[7] = ''; // empty hash = unknown, never a duplicate
    const g = await knnCosine(vectors, n, dim, 10, { gemm: jsGemm });
    const r = findNearDuplicates(g, isSynthetic, hashes, 0);
    expect(r.sets).toEqual([{ id: 0, members: [300, 390], hasReal: false, kind: 'unvaried', minDistance: 0, maxDistance: 0, exact: true }]);
    expect(r.exactDuplicatePairs).toBe(1);
    expect(r.unvaried.value).toBe(2 / 200);
  });

  it('relativeThreshold is 0.13 × the median nearest-neighbour distance', () => {
    const g = { n: 4, k: 2, indices: Int32Array.from([1, 2, 0, 2, 0, 1, -1, -1]), distances: Float32Array.from([0.1, 0.5, 0.1, 0.3, 0.5, 0.3, Infinity, Infinity]) };
    // nearest distances 0.1, 0.1, 0.5 (row 3 has none) → median 0.1
    expect(relativeThreshold(g)).toBeCloseTo(0.013, 7);
  });
});
