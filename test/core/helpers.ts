// Synthetic point clouds for the engine tests.
import { normaliseRows } from '../../src/core/normalise.ts';
import { createRng } from '../../src/core/random.ts';

/** n rows of dim Gaussian values (mean `shift` on every coordinate), unnormalised. */
export function gaussianCloud(n: number, dim: number, seed: number, shift = 0): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * dim }, () => rng.normal() + shift);
}

/** Stack real rows then synthetic rows; y = 1 for synthetic. */
export function stack(real: Float32Array, synth: Float32Array, dim: number) {
  const nr = real.length / dim, ns = synth.length / dim;
  const vectors = new Float32Array((nr + ns) * dim);
  vectors.set(real);
  vectors.set(synth, real.length);
  const isSynthetic = new Uint8Array(nr + ns).fill(1, nr);
  const hashes = Array.from({ length: nr + ns }, (_, i) => `row-${i}`);
  return { vectors, n: nr + ns, isSynthetic, hashes };
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/**
 * 200 real + 200 synthetic unit vectors of 32 dims. Synthetic 0–15 are jittered copies of real
 * 0–15; synthetic 16–19 copy synthetic 0 (so they sit in a mixed set); synthetic 20–29 are 5 pairs
 * repeated within the synthetic set. Expected: unoriginal = 20/200, unvaried = 10/200.
 */
export function constructedDuplicates() {
  const dim = 32;
  const rng = createRng(11);
  const real = gaussianCloud(200, dim, 1), synth = gaussianCloud(200, dim, 2);
  const copy = (dst: number, src: Float32Array, srcRow: number) => {
    for (let t = 0; t < dim; t++) synth[dst * dim + t] = src[srcRow * dim + t] + 1e-3 * rng.normal();
  };
  for (let s = 0; s < 16; s++) copy(s, real, s);
  for (let s = 16; s < 20; s++) copy(s, synth, 0);
  for (let p = 0; p < 5; p++) copy(21 + 2 * p, synth, 20 + 2 * p);
  const d = stack(real, synth, dim);
  normaliseRows(d.vectors, d.n, dim);
  return d;
}
