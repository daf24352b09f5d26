// Compact L-BFGS (two-loop recursion + backtracking Armijo line search) in Float64.
// Enough for the smooth, strongly convex problems we give it (L2-regularised logistic loss).

export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  memory?: number; // default 10
  maxIterations?: number; // default 200
  /** Stop when max |gradient| falls below this. */
  gradientTolerance?: number; // default 1e-6
}

export function minimiseLbfgs(f: Objective, x0: Float64Array, opts: LbfgsOptions = {}): { x: Float64Array; value: number; iterations: number } {
  const m = opts.memory ?? 10, maxIt = opts.maxIterations ?? 200, gtol = opts.gradientTolerance ?? 1e-6;
  const d = x0.length;
  const x = Float64Array.from(x0), g = new Float64Array(d);
  let fx = f(x, g);
  const s: Float64Array[] = [], y: Float64Array[] = [], rho: number[] = [];
  const dir = new Float64Array(d), xNew = new Float64Array(d), gNew = new Float64Array(d);
  const alpha = new Float64Array(m);
  let it = 0;
  for (; it < maxIt; it++) {
    if (maxAbs(g) < gtol) break;
    // Two-loop recursion: dir = −H·g.
    for (let i = 0; i < d; i++) dir[i] = -g[i];
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], dir);
      axpy(-alpha[k], y[k], dir);
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
      for (let i = 0; i < d; i++) dir[i] *= gamma;
    } else {
      const gn = Math.sqrt(dot(g, g));
      for (let i = 0; i < d; i++) dir[i] /= Math.max(gn, 1);
    }
    for (let k = 0; k < s.length; k++) axpy(alpha[k] - rho[k] * dot(y[k], dir), s[k], dir);
    let slope = dot(g, dir);
    if (slope >= 0) {
      // Not a descent direction (curvature pairs went stale): restart from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let i = 0; i < d; i++) dir[i] = -g[i];
      slope = -dot(g, g);
    }
    // Backtracking Armijo line search.
    let step = 1, fNew = Infinity, accepted = false;
    for (let ls = 0; ls < 40; ls++) {
      for (let i = 0; i < d; i++) xNew[i] = x[i] + step * dir[i];
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) { accepted = true; break; }
      step *= 0.5;
    }
    if (!accepted) break;
    const sk = new Float64Array(d), yk = new Float64Array(d);
    for (let i = 0; i < d; i++) { sk[i] = xNew[i] - x[i]; yk[i] = gNew[i] - g[i]; }
    const sy = dot(sk, yk);
    x.set(xNew); g.set(gNew);
    const decrease = fx - fNew;
    fx = fNew;
    if (sy > 1e-12) {
      if (s.length === m) { s.shift(); y.shift(); rho.shift(); }
      s.push(sk); y.push(yk); rho.push(1 / sy);
    }
    if (decrease <= 1e-12 * Math.max(1, Math.abs(fx))) { it++; break; }
  }
  return { x, value: fx, iterations: it };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += a * x[i];
}
function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}
