// Standardising PCA. A linear detector on raw unit-norm embeddings is flattened toward 0.5 by
// L2 regularisation (docs/metrics.md §1), so we rotate onto the main directions of variation and give
// each the same unit variance. Unsupervised: fitting on all rows (real and synthetic) uses no
// label, so it leaks nothing into the cross-validation.
import { checkpoint, type AbortSignalLike } from './errors.ts';
import { type Gemm, transpose } from './gemm.ts';
import { orthonormaliseRows, symmetricEigen } from './linalg.ts';
import { createRng, type Rng, sampleIndices } from './random.ts';

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

/**
 * One standardising PCA per seed, on the same rows (the cross-validation asks for one,
 * src/core/crossval.ts; measurements of the sketch's noise for several, docs/uncertainty.md §1).
 * The mean, and the centred sample when it is every row (n ≤ sampleRows: no seed picks rows), are
 * computed once for all of them.
 */
export async function standardisingPcas(
  x: Float32Array, n: number, dim: number, seeds: readonly number[], opts: Omit<PcaOptions, 'seed'>, onEach?: (done: number) => void,
): Promise<PcaResult[]> {
  const m = Math.min(n, opts.sampleRows ?? 4000);
  // Mean over all rows, in Float64.
  const mean64 = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let j = 0, o = i * dim; j < dim; j++) mean64[j] += x[o + j];
  for (let j = 0; j < dim; j++) mean64[j] /= n;
  let shared: CentredSample | undefined;
  const out: PcaResult[] = [];
  for (const seed of seeds) {
    await checkpoint(opts.signal);
    const rng = createRng(seed);
    // sampleIndices draws nothing from rng when m = n, so the rows (and the sample) are the same for every seed.
    const idx = sampleIndices(n, m, rng);
    const sample = m === n ? (shared ??= centredSample(x, dim, idx, mean64)) : centredSample(x, dim, idx, mean64);
    out.push(await sketchAndProject(x, n, dim, mean64, sample, rng, opts));
    onEach?.(out.length);
  }
  return out;
}

export async function standardisingPca(x: Float32Array, n: number, dim: number, opts: PcaOptions): Promise<PcaResult> {
  return (await standardisingPcas(x, n, dim, [opts.seed ?? 0], opts))[0];
}

/** The centred subsample (m×d) and its transpose (the transpose turns Xsᵀ·Y into another a·bᵀ). */
interface CentredSample { xs: Float32Array; xsT: Float32Array; m: number }

function centredSample(x: Float32Array, dim: number, idx: Int32Array, mean64: Float64Array): CentredSample {
  const m = idx.length, xs = new Float32Array(m * dim);
  for (let r = 0; r < m; r++) {
    const o = idx[r] * dim;
    for (let j = 0; j < dim; j++) xs[r * dim + j] = x[o + j] - mean64[j];
  }
  return { xs, xsT: transpose(xs, m, dim), m };
}

async function sketchAndProject(
  x: Float32Array, n: number, dim: number, mean64: Float64Array, sample: CentredSample, rng: Rng, opts: Omit<PcaOptions, 'seed'>,
): Promise<PcaResult> {
  const { gemm, signal } = opts;
  const { xs, xsT, m } = sample;
  const c = Math.max(1, Math.min(opts.components ?? 64, n - 1, dim, m - 1));
  const l = Math.min(c + 10, m, dim); // oversampling for the randomized range finder

  // Subspace iteration: W (l×d) rows span the current estimate of the top right singular space.
  // Each round Y = Xs·Wᵀ and Z = Yᵀ·Xs = W·XsᵀXs; W is then orth(Z). Orthonormalising Y (m long)
  // each round, as the textbook range finder does, gives the same W: Q = L⁻¹·Yᵀ for the triangular
  // L of Yᵀ's rows, and orth(L⁻¹·Z) = orth(Z). Only the last round needs Q, through that L.
  let w: Float32Array = new Float32Array(l * dim);
  for (let i = 0; i < w.length; i++) w[i] = rng.normal();
  const powerIterations = opts.powerIterations ?? 2;
  let yT = w, z = w;
  for (let it = 0; it <= powerIterations; it++) {
    await checkpoint(signal);
    yT = transpose(await gemm(xs, m, w, l, dim), m, l); // l×m = (Xs·Wᵀ)ᵀ
    z = await gemm(yT, l, xsT, dim, m); // l×d = Yᵀ·Xs
    if (it < powerIterations) w = orthonormalRows(z, l, dim);
  }
  // B = Qᵀ·Xs with Q = orth(Y): L⁻¹·Z, for L the Cholesky factor of Yᵀ·Y (the Gram–Schmidt of Yᵀ's
  // rows, without touching its m columns); Gram–Schmidt on Y when Y is too close to rank-deficient.
  const cholesky = choleskyOfRows(yT, l, m);
  const b = cholesky ? solveLowerRows(cholesky, z, l, dim) : await gemm(orthoRowsF32(yT, l, m), l, xsT, dim, m);

  // B·Bᵀ = U Λ Uᵀ; right singular vectors V = Λ^{-1/2} Uᵀ B.
  const bbt = await gemm(b, l, b, l, dim);
  const bbt64 = Float64Array.from(bbt);
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) bbt64[i * l + j] = bbt64[j * l + i] = 0.5 * (bbt64[i * l + j] + bbt64[j * l + i]);
  const { values, vectors } = symmetricEigen(bbt64, l);
  let kept = 0;
  while (kept < c && values[kept] > 1e-10 * Math.max(values[0], 1e-300)) kept++;
  kept = Math.max(kept, 1);
  const v = new Float32Array(kept * dim), row = new Float64Array(dim);
  for (let k = 0; k < kept; k++) {
    const inv = values[k] > 0 ? 1 / Math.sqrt(values[k]) : 0;
    row.fill(0);
    // Row by row of B (contiguous), the same sums in the same order as column by column.
    for (let i = 0; i < l; i++) {
      const u = vectors[k * l + i], ob = i * dim;
      for (let j = 0; j < dim; j++) row[j] += u * b[ob + j];
    }
    for (let j = 0; j < dim; j++) v[k * dim + j] = row[j] * inv;
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

/** Orthonormal rows spanning x's (rows×cols): Cholesky QR, or Gram–Schmidt when x is too ill-conditioned for it. */
function orthonormalRows(x: Float32Array, rows: number, cols: number): Float32Array {
  const chol = choleskyOfRows(x, rows, cols);
  return chol ? solveLowerRows(chol, x, rows, cols) : orthoRowsF32(x, rows, cols);
}

/** Above this condition number of x's rows (10⁴, so 10⁸ for the Gram matrix) Cholesky QR gives way to Gram–Schmidt. */
const MAX_CONDITION = 1e4;

/**
 * L (rows×rows, lower) with L·Lᵀ = X·Xᵀ, in Float64; L⁻¹·X then has orthonormal rows, the rows
 * Gram–Schmidt would give. Null when a pivot falls under max pivot / MAX_CONDITION (near rank-deficient).
 */
function choleskyOfRows(x: Float32Array, rows: number, cols: number): Float64Array | null {
  const g = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    const oi = i * cols;
    for (let j = 0; j <= i; j++) {
      const oj = j * cols;
      let s0 = 0, s1 = 0, t = 0;
      for (; t + 1 < cols; t += 2) { s0 += x[oi + t] * x[oj + t]; s1 += x[oi + t + 1] * x[oj + t + 1]; }
      if (t < cols) s0 += x[oi + t] * x[oj + t];
      g[i * rows + j] = s0 + s1;
    }
  }
  let maxDiag = 0;
  for (let i = 0; i < rows; i++) maxDiag = Math.max(maxDiag, g[i * rows + i]);
  const floor = maxDiag / (MAX_CONDITION * MAX_CONDITION);
  for (let j = 0; j < rows; j++) {
    let d = g[j * rows + j];
    for (let k = 0; k < j; k++) d -= g[j * rows + k] * g[j * rows + k];
    if (!(d > floor) || !(maxDiag > 0)) return null;
    const ljj = Math.sqrt(d);
    g[j * rows + j] = ljj;
    for (let i = j + 1; i < rows; i++) {
      let s = g[i * rows + j];
      for (let k = 0; k < j; k++) s -= g[i * rows + k] * g[j * rows + k];
      g[i * rows + j] = s / ljj;
    }
  }
  return g;
}

/** L⁻¹·X by forward substitution over rows (L rows×rows lower, X rows×cols), computed in Float64. */
function solveLowerRows(lower: Float64Array, x: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const oi = i * cols;
    for (let t = 0; t < cols; t++) out[oi + t] = x[oi + t];
    for (let k = 0; k < i; k++) {
      const a = lower[i * rows + k], ok = k * cols;
      if (a !== 0) for (let t = 0; t < cols; t++) out[oi + t] -= a * out[ok + t];
    }
    const inv = 1 / lower[i * rows + i];
    for (let t = 0; t < cols; t++) out[oi + t] *= inv;
  }
  return Float32Array.from(out);
}

function orthoRowsF32(x: Float32Array, rows: number, cols: number): Float32Array {
  const x64 = Float64Array.from(x);
  orthonormaliseRows(x64, rows, cols);
  return Float32Array.from(x64);
}
