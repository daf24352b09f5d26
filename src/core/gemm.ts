// The one heavy primitive. Everything expensive (PCA, projection, kNN) is phrased as a·bᵀ so
// that the environment can inject a fast implementation (onnxruntime in Node, WebGPU/WASM in
// the browser); jsGemm is the portable fallback and the reference for tests.

/**
 * c = a·bᵀ, row-major. a is aRows×dim, b is bRows×dim, c is aRows×bRows.
 * Implementations must accept subarray views (non-zero byteOffset) and must not keep or
 * mutate a or b.
 */
export type Gemm = (
  a: Float32Array,
  aRows: number,
  b: Float32Array,
  bRows: number,
  dim: number,
) => Promise<Float32Array>;

/** Rows of b per cache block: 64 rows × 1792 floats ≈ 450 KB, fits L2 on common CPUs. */
const B_BLOCK = 64;

/** Synchronous pure-JS a·bᵀ: 4 rows of a against one row of b, so each b load serves 4 dots. */
export function jsGemmSync(
  a: Float32Array,
  aRows: number,
  b: Float32Array,
  bRows: number,
  dim: number,
  out = new Float32Array(aRows * bRows),
): Float32Array {
  for (let j0 = 0; j0 < bRows; j0 += B_BLOCK) {
    const j1 = Math.min(bRows, j0 + B_BLOCK);
    let i = 0;
    for (; i + 4 <= aRows; i += 4) {
      const o0 = i * dim, o1 = o0 + dim, o2 = o1 + dim, o3 = o2 + dim;
      for (let j = j0; j < j1; j++) {
        const ob = j * dim;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (let t = 0; t < dim; t++) {
          const bv = b[ob + t];
          s0 += a[o0 + t] * bv;
          s1 += a[o1 + t] * bv;
          s2 += a[o2 + t] * bv;
          s3 += a[o3 + t] * bv;
        }
        out[i * bRows + j] = s0;
        out[(i + 1) * bRows + j] = s1;
        out[(i + 2) * bRows + j] = s2;
        out[(i + 3) * bRows + j] = s3;
      }
    }
    for (; i < aRows; i++) {
      const oa = i * dim;
      for (let j = j0; j < j1; j++) {
        const ob = j * dim;
        let s = 0;
        for (let t = 0; t < dim; t++) s += a[oa + t] * b[ob + t];
        out[i * bRows + j] = s;
      }
    }
  }
  return out;
}

export const jsGemm: Gemm = async (a, aRows, b, bRows, dim) => jsGemmSync(a, aRows, b, bRows, dim);

/** Transpose a rows×cols row-major matrix (Float32). */
export function transpose(x: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(rows * cols);
  const BS = 32; // tile so both reads and writes stay in cache
  for (let i0 = 0; i0 < rows; i0 += BS) {
    const i1 = Math.min(rows, i0 + BS);
    for (let j0 = 0; j0 < cols; j0 += BS) {
      const j1 = Math.min(cols, j0 + BS);
      for (let i = i0; i < i1; i++) for (let j = j0; j < j1; j++) t[j * rows + i] = x[i * cols + j];
    }
  }
  return t;
}
