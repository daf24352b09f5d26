// Point clouds on the unit sphere for the panel tests: a Gaussian blob around a mean direction,
// normalised, so "same distribution" and "shifted distribution" have known relations.
import { normaliseRows } from '../../../src/core/normalise.ts';
import { createRng } from '../../../src/core/random.ts';

/** n unit rows: normalise(centre + spread·z), centre = e0 + shift·e1. */
export function sphereCloud(n: number, dim: number, seed: number, shift = 0, spread = 0.35): Float32Array {
  const rng = createRng(seed);
  const x = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dim; c++) x[i * dim + c] = spread * rng.normal();
    x[i * dim] += 1;
    x[i * dim + 1] += shift;
  }
  normaliseRows(x, n, dim);
  return x;
}

/** Unit rows on a circle (dim 2) at the given angles in degrees. */
export function circle(degrees: number[]): Float32Array {
  return Float32Array.from(degrees.flatMap((a) => [Math.cos((a * Math.PI) / 180), Math.sin((a * Math.PI) / 180)]));
}

/** Rows `rows` of x, in order. */
export function pick(x: Float32Array, dim: number, rows: number[]): Float32Array {
  return Float32Array.from(rows.flatMap((r) => Array.from(x.subarray(r * dim, (r + 1) * dim))));
}
