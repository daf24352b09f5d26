// Synthetic point clouds for the engine tests.
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
