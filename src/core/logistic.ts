// Class-balanced, L2-regularised logistic regression. Balanced weights w_i = n/(2·n_class)
// make an uninformative model predict 0.5 whatever the ratio of real to synthetic rows
// (docs/metrics.md §1). The intercept is not penalised, so it can absorb any remaining offset.
import { minimiseLbfgs } from './lbfgs.ts';

export interface LogisticModel {
  /** c weights followed by the intercept. */
  params: Float64Array;
  dim: number;
}

export interface LogisticOptions {
  /** L2 strength on the mean (weighted) log-loss scale. */
  lambda: number;
  /** Previous solution (same dim) to start from: a regularisation path converges faster. */
  warmStart?: LogisticModel;
  maxIterations?: number;
}

/** Balanced sample weights w_i = n/(2·n_class(y_i)). */
export function balancedWeights(y: Uint8Array): Float64Array {
  let n1 = 0;
  for (let i = 0; i < y.length; i++) n1 += y[i];
  const n0 = y.length - n1, n = y.length;
  const w1 = n1 > 0 ? n / (2 * n1) : 0, w0 = n0 > 0 ? n / (2 * n0) : 0;
  return Float64Array.from(y, (v) => (v ? w1 : w0));
}

/** x is n×dim row-major (Float32 rows are read exactly, as Float64); y ∈ {0,1}. */
export function fitLogistic(x: Float64Array | Float32Array, n: number, dim: number, y: Uint8Array, opts: LogisticOptions): LogisticModel {
  const w = balancedWeights(y);
  let wSum = 0;
  for (let i = 0; i < n; i++) wSum += w[i];
  const lambda = opts.lambda;
  // One pass over the rows per evaluation: each row's margin, loss and residual, then its share of
  // the gradient while the row is still in cache (the same sums, in the same order, as two passes).
  const objective = (params: Float64Array, grad: Float64Array): number => {
    const b = params[dim];
    let loss = 0;
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * dim;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, j = 0;
      for (; j + 3 < dim; j += 4) {
        s0 += params[j] * x[o + j];
        s1 += params[j + 1] * x[o + j + 1];
        s2 += params[j + 2] * x[o + j + 2];
        s3 += params[j + 3] * x[o + j + 3];
      }
      for (; j < dim; j++) s0 += params[j] * x[o + j];
      const s = b + ((s0 + s1) + (s2 + s3));
      // Stable log(1 + e^s) − y·s and the residual σ(s) − y, from one exponential e^{−|s|}.
      const e = Math.exp(-Math.abs(s));
      const lse = s > 0 ? s + Math.log1p(e) : Math.log1p(e);
      const sig = s >= 0 ? 1 / (1 + e) : e / (1 + e);
      loss += w[i] * (lse - y[i] * s);
      const r = (w[i] * (sig - y[i])) / wSum;
      if (r === 0) continue;
      for (j = 0; j + 3 < dim; j += 4) {
        grad[j] += r * x[o + j];
        grad[j + 1] += r * x[o + j + 1];
        grad[j + 2] += r * x[o + j + 2];
        grad[j + 3] += r * x[o + j + 3];
      }
      for (; j < dim; j++) grad[j] += r * x[o + j];
      grad[dim] += r;
    }
    let pen = 0;
    for (let j = 0; j < dim; j++) {
      pen += params[j] * params[j];
      grad[j] += lambda * params[j];
    }
    return loss / wSum + 0.5 * lambda * pen;
  };
  const start = opts.warmStart?.dim === dim ? opts.warmStart.params : new Float64Array(dim + 1);
  const { x: params } = minimiseLbfgs(objective, start, { maxIterations: opts.maxIterations ?? 300, gradientTolerance: 1e-6 });
  return { params, dim };
}

export function predictLogistic(model: LogisticModel, x: Float64Array | Float32Array, n: number): Float64Array {
  const { params, dim } = model;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = params[dim];
    for (let j = 0, o = i * dim; j < dim; j++) s += params[j] * x[o + j];
    p[i] = sigmoid(s);
  }
  return p;
}

export function sigmoid(s: number): number {
  return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
}

/** Mean over the two classes of their mean log-loss: the selection criterion for λ. */
export function balancedLogLoss(p: Float64Array, y: Uint8Array): number {
  const sum = [0, 0], count = [0, 0];
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - 1e-15, Math.max(1e-15, y[i] ? p[i] : 1 - p[i]));
    sum[y[i]] -= Math.log(q);
    count[y[i]]++;
  }
  const parts = [0, 1].filter((k) => count[k] > 0).map((k) => sum[k] / count[k]);
  return parts.reduce((a, b) => a + b, 0) / Math.max(parts.length, 1);
}
