// Eigenvalues (only) of a dense symmetric matrix, for the panel's d×d problems (d up to ~2048):
// Householder reduction to tridiagonal form, then the implicit QL iteration (EISPACK tred1/tql1,
// Numerical Recipes §11.3–11.4). O(⅔ d³) multiply-adds, against ~10·d³ per sweep for the cyclic
// Jacobi in core/linalg.ts, which would take minutes at d = 1792. Both triangles are kept updated
// so every inner loop reads a row, contiguous in memory.

/** Eigenvalues of the symmetric l×l row-major matrix a (not modified), in descending order. */
export function symmetricEigenvalues(a: Float64Array, l: number): Float64Array {
  const m = Float64Array.from(a); // only the lower triangle (k ≤ j) is read and kept current
  const d = new Float64Array(l), e = new Float64Array(l);
  let u = new Float64Array(l), q = new Float64Array(l);
  let uPrev = new Float64Array(l), qPrev = new Float64Array(l);
  let pending = false; // the last reflection's rank-2 update, not yet applied to rows below it
  // A ← A − u·qᵀ − q·uᵀ on row j's lower part, deferred so it shares a pass with the next product.
  const update = (oj: number, j: number) => {
    const uj = uPrev[j], qj = qPrev[j];
    for (let k = 0; k <= j; k++) m[oj + k] -= uj * qPrev[k] + qj * uPrev[k];
  };
  for (let i = l - 1; i > 0; i--) {
    const oi = i * l;
    if (pending) update(oi, i);
    d[i] = m[oi + i];
    let scale = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(m[oi + k]);
    if (i === 1 || scale === 0) {
      e[i] = m[oi + i - 1];
      if (pending) for (let j = 0; j < i; j++) update(j * l, j);
      pending = false;
      continue;
    }
    // Householder vector u (scaled by 1/scale against over- and underflow).
    let h = 0;
    for (let k = 0; k < i; k++) {
      u[k] = m[oi + k] / scale;
      h += u[k] * u[k];
    }
    const f = u[i - 1];
    const g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
    e[i] = scale * g;
    h -= f * g;
    u[i - 1] = f - g;
    // p = A·u over the leading i×i block from its lower triangle: row j serves p[j] and, by
    // symmetry, p[k] for k < j. The previous reflection's update reaches row j just before.
    q.fill(0, 0, i);
    for (let j = 0; j < i; j++) {
      const oj = j * l;
      if (pending) update(oj, j);
      const uj = u[j];
      let s = 0;
      for (let k = 0; k < j; k++) {
        const v = m[oj + k];
        s += v * u[k];
        q[k] += v * uj;
      }
      q[j] += s + m[oj + j] * uj;
    }
    // q = p/h − (uᵀp / 2h²)·u, so that A − u·qᵀ − q·uᵀ is the reflected block.
    let up = 0;
    for (let j = 0; j < i; j++) {
      q[j] /= h;
      up += q[j] * u[j];
    }
    const hh = up / (h + h);
    for (let j = 0; j < i; j++) q[j] -= hh * u[j];
    [u, uPrev] = [uPrev, u];
    [q, qPrev] = [qPrev, q];
    pending = true;
  }
  if (pending) update(0, 0);
  if (l > 0) d[0] = m[0];
  tridiagonalQl(d, e);
  return d.sort().reverse();
}

/**
 * Implicit QL with Wilkinson shifts on the tridiagonal matrix with diagonal d and sub-diagonal
 * e[1..n−1] (e[i] couples rows i−1 and i). d is overwritten with the eigenvalues, e destroyed.
 */
export function tridiagonalQl(d: Float64Array, e: Float64Array): void {
  const n = d.length;
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  if (n > 0) e[n - 1] = 0;
  const EPS = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    let iter = 0, m: number;
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= EPS * dd) break;
      }
      if (m !== l) {
        if (iter++ === 60) throw new Error('The tridiagonal QL iteration did not converge.');
        let g = (d[l + 1] - d[l]) / (2 * e[l]);
        let r = Math.hypot(g, 1);
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
        let s = 1, c = 1, pp = 0, i: number;
        for (i = m - 1; i >= l; i--) {
          const f = s * e[i], b = c * e[i];
          e[i + 1] = r = Math.hypot(f, g);
          if (r === 0) {
            d[i + 1] -= pp;
            e[m] = 0;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1] - pp;
          r = (d[i] - g) * s + 2 * c * b;
          d[i + 1] = g + (pp = s * r);
          g = c * r - b;
        }
        if (r === 0 && i >= l) continue;
        d[l] -= pp;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
  }
}
