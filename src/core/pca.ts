// Standardising PCA. A linear detector on raw unit-norm embeddings is flattened toward 0.5 by
// L2 regularisation (docs/metrics.md §1), so we rotate onto the main directions of variation and give
// each the same unit variance. Unsupervised: fitting on all rows (real and synthetic) uses no
// label, so it leaks nothing into the cross-validation.
import { checkpoint, type AbortSignalLike } from './errors.ts';
import { type Gemm, transpose } from './gemm.ts';
import { orthonormaliseRows, symmetricEigen } from './linalg.ts';
import { createRng, sampleIndices } from './random.ts';

export interface PcaOptions {
  gemm: Gemm;
  components?: number; // default 64
  seed?: number;
  /** Rows used to find the directions (the projection always uses all rows). */
  sampleRows?: number; // default 4000
  powerIterations?: number; // default 2
  signal?: AbortSignalLike;
}

export interface PcaResult {
  /** n×c projected rows, each column with mean 0 and variance 1. */
  projected: Float32Array;
  components: number;
}

const PROJECT_BLOCK = 8192;

export async function standardisingPca(x: Float32Array, n: number, dim: number, opts: PcaOptions): Promise<PcaResult> {
  const { gemm, signal } = opts;
  const rng = createRng(opts.seed ?? 0);
  const m = Math.min(n, opts.sampleRows ?? 4000);
  const c = Math.max(1, Math.min(opts.components ?? 64, n - 1, dim, m - 1));
  const l = Math.min(c + 10, m, dim); // oversampling for the randomized range finder

  // Mean over all rows, in Float64.
  const mean64 = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let j = 0, o = i * dim; j < dim; j++) mean64[j] += x[o + j];
  for (let j = 0; j < dim; j++) mean64[j] /= n;

  // Centred subsample and its transpose (the transpose turns Xᵀ·Y into another a·bᵀ).
  const idx = sampleIndices(n, m, rng);
  const xs = new Float32Array(m * dim);
  for (let r = 0; r < m; r++) {
    const o = idx[r] * dim;
    for (let j = 0; j < dim; j++) xs[r * dim + j] = x[o + j] - mean64[j];
  }
  const xsT = transpose(xs, m, dim);

  // Subspace iteration: W (l×d) rows span the current estimate of the top right singular space.
  let w: Float32Array = new Float32Array(l * dim);
  for (let i = 0; i < w.length; i++) w[i] = rng.normal();
  const powerIterations = opts.powerIterations ?? 2;
  let b = w;
  for (let it = 0; it <= powerIterations; it++) {
    await checkpoint(signal);
    const y = await gemm(xs, m, w, l, dim); // m×l = Xs·Wᵀ
    const q = orthoRowsF32(transpose(y, m, l), l, m); // l×m, orthonormal rows
    b = await gemm(q, l, xsT, dim, m); // l×d = Qᵀ·Xs
    if (it < powerIterations) w = orthoRowsF32(b, l, dim);
  }

  // B·Bᵀ = U Λ Uᵀ; right singular vectors V = Λ^{-1/2} Uᵀ B.
  const bbt = await gemm(b, l, b, l, dim);
  const bbt64 = Float64Array.from(bbt);
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) bbt64[i * l + j] = bbt64[j * l + i] = 0.5 * (bbt64[i * l + j] + bbt64[j * l + i]);
  const { values, vectors } = symmetricEigen(bbt64, l);
  let kept = 0;
  while (kept < c && values[kept] > 1e-10 * Math.max(values[0], 1e-300)) kept++;
  kept = Math.max(kept, 1);
  const v = new Float32Array(kept * dim);
  for (let k = 0; k < kept; k++) {
    const inv = values[k] > 0 ? 1 / Math.sqrt(values[k]) : 0;
    for (let j = 0; j < dim; j++) {
      let s = 0;
      for (let i = 0; i < l; i++) s += vectors[k * l + i] * b[i * dim + j];
      v[k * dim + j] = s * inv;
    }
  }

  // Project every row (uncentred, in blocks), then subtract mean·V and scale to unit variance.
  const projected = new Float32Array(n * kept);
  for (let r0 = 0; r0 < n; r0 += PROJECT_BLOCK) {
    await checkpoint(signal);
    const rows = Math.min(PROJECT_BLOCK, n - r0);
    projected.set(await gemm(x.subarray(r0 * dim, (r0 + rows) * dim), rows, v, kept, dim), r0 * kept);
  }
  for (let k = 0; k < kept; k++) {
    let offset = 0;
    for (let j = 0; j < dim; j++) offset += mean64[j] * v[k * dim + j];
    let s1 = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = projected[i * kept + k] - offset;
      s1 += z;
      s2 += z * z;
    }
    const mu = s1 / n;
    const sd = Math.sqrt(Math.max(s2 / n - mu * mu, 0));
    const inv = sd > 1e-12 ? 1 / sd : 0;
    for (let i = 0; i < n; i++) projected[i * kept + k] = (projected[i * kept + k] - offset - mu) * inv;
  }
  return { projected, components: kept };
}

function orthoRowsF32(x: Float32Array, rows: number, cols: number): Float32Array {
  const x64 = Float64Array.from(x);
  orthonormaliseRows(x64, rows, cols);
  return Float32Array.from(x64);
}
