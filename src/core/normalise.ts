// Cosine distance is 1 − dot only for unit rows, so the kNN search relies on this.

/** L2-normalise each row in place. All-zero rows stay zero (distance 1 to everything). */
export function normaliseRows(x: Float32Array, n: number, dim: number): Float32Array {
  for (let i = 0; i < n; i++) {
    const o = i * dim;
    let s = 0;
    for (let j = 0; j < dim; j++) s += x[o + j] * x[o + j];
    if (s === 0) continue;
    const inv = 1 / Math.sqrt(s);
    if (Math.abs(inv - 1) < 1e-7) continue; // already unit: leave bits untouched
    for (let j = 0; j < dim; j++) x[o + j] *= inv;
  }
  return x;
}
