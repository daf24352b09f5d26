// Small dense Float64 linear algebra for the few-hundred-sized problems inside PCA. The big
// products go through Gemm; these helpers only ever see l×m or l×l matrices.

/**
 * Orthonormalise the rows of x (rows×cols) in place with modified Gram–Schmidt, run twice
 * ("twice is enough") for stability. Rows that become numerically zero are zeroed.
 */
export function orthonormaliseRows(x: Float64Array, rows: number, cols: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < rows; i++) {
      const oi = i * cols;
      for (let j = 0; j < i; j++) {
        const oj = j * cols;
        let d = 0;
        for (let t = 0; t < cols; t++) d += x[oi + t] * x[oj + t];
        for (let t = 0; t < cols; t++) x[oi + t] -= d * x[oj + t];
      }
      let s = 0;
      for (let t = 0; t < cols; t++) s += x[oi + t] * x[oi + t];
      const inv = s > 1e-300 ? 1 / Math.sqrt(s) : 0;
      for (let t = 0; t < cols; t++) x[oi + t] *= inv;
    }
  }
}

/**
 * Eigen-decomposition of a symmetric l×l matrix by cyclic Jacobi rotations.
 * Returns eigenvalues in descending order and eigenvectors as ROWS (vectors[k*l + i]).
 */
export function symmetricEigen(a: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0, diag = 0;
    for (let i = 0; i < l; i++) {
      diag += m[i * l + i] * m[i * l + i];
      for (let j = i + 1; j < l; j++) off += m[i * l + j] * m[i * l + j];
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = m[p * l + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * l + q] - m[p * l + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < l; k++) {
          const mkp = m[k * l + p], mkq = m[k * l + q];
          m[k * l + p] = c * mkp - s * mkq;
          m[k * l + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < l; k++) {
          const mpk = m[p * l + k], mqk = m[q * l + k];
          m[p * l + k] = c * mpk - s * mqk;
          m[q * l + k] = s * mpk + c * mqk;
        }
        // Accumulate rotations; columns of v are eigenvectors.
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p], vkq = v[k * l + q];
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort((i, j) => m[j * l + j] - m[i * l + i]);
  const values = new Float64Array(l), vectors = new Float64Array(l * l);
  order.forEach((col, k) => {
    values[k] = m[col * l + col];
    for (let i = 0; i < l; i++) vectors[k * l + i] = v[i * l + col];
  });
  return { values, vectors };
}
