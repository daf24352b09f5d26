// Small dense Float64 helpers for the Fréchet distance's d×d stage: a pivoted Cholesky factor
// of a positive semi-definite matrix and the congruence Fᵀ·B·F. Float64 on purpose: the trace
// of a matrix square root sums √λ over every eigenvalue, so Float32 rounding noise of ~1e-7·λmax
// on the many near-zero eigenvalues would add up to a visible bias.

/**
 * Pivoted Cholesky of the symmetric PSD dim×dim matrix a: F (dim×rank, row stride dim, rows in
 * a's own order) with a ≈ F·Fᵀ. Stops when every remaining pivot is below `relTol` × the largest
 * diagonal entry, so a rank-deficient covariance (fewer rows than dimensions) gives rank < dim.
 */
export function pivotedCholesky(a: Float64Array, dim: number, relTol = 1e-12): { f: Float64Array; rank: number } {
  const f = new Float64Array(dim * dim);
  const residual = new Float64Array(dim);
  let maxDiag = 0;
  for (let i = 0; i < dim; i++) {
    residual[i] = a[i * dim + i];
    maxDiag = Math.max(maxDiag, residual[i]);
  }
  const perm = Int32Array.from({ length: dim }, (_, i) => i);
  const tol = relTol * maxDiag;
  let c = 0;
  for (; c < dim; c++) {
    let best = c;
    for (let t = c + 1; t < dim; t++) if (residual[perm[t]] > residual[perm[best]]) best = t;
    const pivot = perm[best];
    if (!(residual[pivot] > tol)) break;
    perm[best] = perm[c];
    perm[c] = pivot;
    const piv = Math.sqrt(residual[pivot]), op = pivot * dim;
    f[op + c] = piv;
    for (let t = c + 1; t < dim; t++) {
      const i = perm[t], oi = i * dim;
      let v = a[op + i]; // a[i][pivot] by symmetry, read along a row
      for (let s = 0; s < c; s++) v -= f[oi + s] * f[op + s];
      const x = v / piv;
      f[oi + c] = x;
      residual[i] -= x * x;
    }
  }
  return { f, rank: c };
}

/** Rows of B (and of F) per pass: their rows of T, and of F, stay in cache while F, or G, streams once per block. */
const ROW_BLOCK = 16;

/**
 * Lower triangle of G = Fᵀ·B·F (rank×rank, row-major), B symmetric dim×dim, F dim×rank with row
 * stride `stride`. The upper triangle is left at 0: symmetricEigenvalues reads only the lower.
 * At d = 1792 the matrices (25 MB each) do not fit in cache, so both products go ROW_BLOCK rows at
 * a time (F, then G, streamed once per block instead of once per row: the unblocked loops moved
 * ~45 GB), and skip F's zeros: a pivoted Cholesky row is zero past its own pivot's column, so only
 * about half of B·F's terms exist. Same sums as the plain loops, in blocks (docs/panel.md, "Cost").
 */
export function congruenceLower(b: Float64Array, f: Float64Array, dim: number, rank: number, stride: number): Float64Array {
  // Last non-zero column + 1 of each row of F.
  const width = new Int32Array(dim);
  for (let k = 0; k < dim; k++) {
    let w = rank;
    while (w > 0 && f[k * stride + w - 1] === 0) w--;
    width[k] = w;
  }
  const t = new Float64Array(dim * rank); // T = B·F, dim×rank
  for (let i0 = 0; i0 < dim; i0 += ROW_BLOCK) {
    const i1 = Math.min(dim, i0 + ROW_BLOCK);
    for (let k = 0; k < dim; k++) {
      const w = width[k], of = k * stride;
      if (w === 0) continue;
      for (let i = i0; i < i1; i++) {
        const v = b[i * dim + k];
        if (v === 0) continue;
        const ot = i * rank;
        for (let j = 0; j < w; j++) t[ot + j] += v * f[of + j];
      }
    }
  }
  const g = new Float64Array(rank * rank);
  for (let i0 = 0; i0 < dim; i0 += ROW_BLOCK) {
    const i1 = Math.min(dim, i0 + ROW_BLOCK);
    let w = 0;
    for (let i = i0; i < i1; i++) w = Math.max(w, width[i]);
    for (let p = 0; p < w; p++) {
      const og = p * rank;
      for (let i = i0; i < i1; i++) {
        const v = f[i * stride + p];
        if (v === 0) continue;
        const ot = i * rank;
        for (let q = 0; q <= p; q++) g[og + q] += v * t[ot + q];
      }
    }
  }
  return g;
}
