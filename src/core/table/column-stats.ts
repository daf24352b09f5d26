// Per-column comparison (docs/metrics.md §4, tabular): shape similarity — 1 − KS statistic for numbers
// and dates, 1 − total variation distance for categories and booleans (missing counts as a level),
// 1 − KS on lengths for free text — and the chart data a UI needs (a shared-edge histogram or a
// bar per level). Pair trends: 1 − |Δ correlation| / 2 over pairs with a real trend
// (|Pearson r| ≥ 0.1 for two number/date columns, Cramér's V ≥ 0.1 for two category/boolean ones).
import type { TypedColumn } from './types.ts';
// Output types that go into the report as they are: declared once, in the report's schema.
import type { ColumnChart, ColumnStat, PairTrend } from '../../report/schema.ts';
export type { ColumnChart, ColumnStat, PairTrend };

const BINS = 20, MAX_BARS = 20;

export function columnStats(real: TypedColumn, synth: TypedColumn): ColumnStat {
  const nr = (real.values ?? real.codes)!.length, ns = (synth.values ?? synth.codes)!.length;
  if (real.values && real.type !== 'boolean') {
    const a = present(real.values), b = present(synth.values!);
    return { column: real.name, type: real.type, shape: 1 - ks(a, b), metric: 'ks', missing: { real: 1 - a.length / nr, synthetic: 1 - b.length / ns }, chart: histogram(a, b) };
  }
  if (real.type === 'text' || real.type === 'identifier') {
    const len = (c: TypedColumn) => Float64Array.from(c.codes!.filter((k) => k >= 0), (k) => c.levels![k].length).sort();
    const a = len(real), b = len(synth);
    return { column: real.name, type: real.type, shape: 1 - ks(a, b), metric: 'ks-length', missing: { real: 1 - a.length / nr, synthetic: 1 - b.length / ns }, chart: histogram(a, b) };
  }
  // Categories and booleans: shares per level, missing as its own level.
  const label = (c: TypedColumn, i: number): string => {
    if (c.codes) return c.codes[i] < 0 ? '(missing)' : c.levels![c.codes[i]];
    const v = c.values![i];
    return Number.isNaN(v) ? '(missing)' : v ? 'true' : 'false';
  };
  const count = (c: TypedColumn, n: number) => {
    const m = new Map<string, number>();
    for (let i = 0; i < n; i++) { const l = label(c, i); m.set(l, (m.get(l) ?? 0) + 1); }
    return m;
  };
  const cr = count(real, nr), cs = count(synth, ns);
  let tv = 0;
  for (const l of new Set([...cr.keys(), ...cs.keys()])) tv += Math.abs((cr.get(l) ?? 0) / nr - (cs.get(l) ?? 0) / ns);
  tv /= 2;
  const levels = [...new Set([...cr.keys(), ...cs.keys()])].sort((x, y) => (cr.get(y) ?? 0) + (cs.get(y) ?? 0) - (cr.get(x) ?? 0) - (cs.get(x) ?? 0) || (x < y ? -1 : 1));
  const shown = levels.slice(0, MAX_BARS);
  const rest = levels.slice(MAX_BARS);
  const share = (m: Map<string, number>, n: number, ls: string[]) => ls.map((l) => (m.get(l) ?? 0) / n);
  const chart: ColumnChart = { kind: 'bars', labels: rest.length ? [...shown, `(${rest.length} other levels)`] : shown, real: share(cr, nr, shown), synthetic: share(cs, ns, shown) };
  if (rest.length) {
    chart.real.push(share(cr, nr, rest).reduce((x, y) => x + y, 0));
    chart.synthetic.push(share(cs, ns, rest).reduce((x, y) => x + y, 0));
  }
  return { column: real.name, type: real.type, shape: 1 - tv, metric: 'tv', missing: { real: (cr.get('(missing)') ?? 0) / nr, synthetic: (cs.get('(missing)') ?? 0) / ns }, chart };
}

function present(v: Float64Array): Float64Array {
  return Float64Array.from(v.filter((x) => !Number.isNaN(x))).sort();
}

/** Two-sample Kolmogorov–Smirnov statistic of two ascending arrays (1 when one side is empty and the other not). */
export function ks(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : 1;
  let i = 0, j = 0, d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i], b[j]);
    while (i < a.length && a[i] <= x) i++;
    while (j < b.length && b[j] <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

function histogram(a: Float64Array, b: Float64Array): ColumnChart {
  const lo = Math.min(a[0] ?? Infinity, b[0] ?? Infinity), hi = Math.max(a[a.length - 1] ?? -Infinity, b[b.length - 1] ?? -Infinity);
  if (!Number.isFinite(lo)) return { kind: 'histogram', edges: [], real: [], synthetic: [] };
  const width = hi > lo ? (hi - lo) / BINS : 1;
  const edges = Array.from({ length: BINS + 1 }, (_, k) => lo + k * width);
  const shares = (v: Float64Array) => {
    const c = new Array(BINS).fill(0);
    for (const x of v) c[Math.min(BINS - 1, Math.floor((x - lo) / width))]++;
    return c.map((k) => (v.length ? k / v.length : 0));
  };
  return { kind: 'histogram', edges, real: shares(a), synthetic: shares(b) };
}

function pearson(x: Float64Array, y: Float64Array): number {
  let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i], b = y[i];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++; sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b;
  }
  if (n < 3) return NaN;
  const cov = sxy - (sx * sy) / n, vx = sxx - (sx * sx) / n, vy = syy - (sy * sy) / n;
  return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : NaN;
}

function codesOf(c: TypedColumn): Int32Array {
  return c.codes ?? Int32Array.from(c.values!, (v) => (Number.isNaN(v) ? -1 : v));
}

function cramersV(a: Int32Array, b: Int32Array): number {
  const ka = new Map<number, number>(), kb = new Map<number, number>();
  const joint = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] < 0 || b[i] < 0) continue;
    n++;
    ka.set(a[i], (ka.get(a[i]) ?? 0) + 1);
    kb.set(b[i], (kb.get(b[i]) ?? 0) + 1);
    const key = a[i] * 1_000_003 + b[i];
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const r = ka.size, c = kb.size;
  if (n === 0 || r < 2 || c < 2) return NaN;
  // χ² = n·(Σ n_ij² / (n_i· n_·j) − 1)
  let s = 0;
  for (const [key, nij] of joint) s += (nij * nij) / (ka.get(Math.floor(key / 1_000_003))! * kb.get(key % 1_000_003)!);
  const chi2 = n * (s - 1);
  return Math.sqrt(chi2 / (n * Math.min(r - 1, c - 1)));
}

const MAX_TREND_LEVELS = 100;

/** Number of column pairs pairTrends visits (its progress total). */
export const columnPairs = (columns: number) => (columns * (columns - 1)) / 2;

export function pairTrends(real: readonly TypedColumn[], synth: readonly TypedColumn[], minRealTrend = 0.1, onProgress?: (pairsDone: number) => void): PairTrend[] {
  const out: PairTrend[] = [];
  let done = 0;
  const numeric = (c: TypedColumn) => (c.type === 'number' || c.type === 'datetime');
  const categorical = (c: TypedColumn) => (c.type === 'category' && c.levels!.length <= MAX_TREND_LEVELS) || c.type === 'boolean';
  for (let p = 0; p < real.length; p++)
    for (let q = p + 1; q < real.length; q++) {
      onProgress?.(done++);
      const A = real[p], B = real[q];
      let metric: PairTrend['metric'], r: number, s: number;
      if (numeric(A) && numeric(B)) {
        metric = 'pearson';
        r = pearson(A.values!, B.values!);
        s = pearson(synth[p].values!, synth[q].values!);
      } else if (categorical(A) && categorical(B)) {
        metric = 'cramers-v';
        r = cramersV(codesOf(A), codesOf(B));
        s = cramersV(codesOf(synth[p]), codesOf(synth[q]));
      } else continue;
      if (!(Math.abs(r) >= minRealTrend)) continue;
      const sv = Number.isNaN(s) ? 0 : s;
      out.push({ a: A.name, b: B.name, metric, real: r, synthetic: sv, similarity: 1 - Math.abs(r - sv) / 2 });
    }
  return out;
}
