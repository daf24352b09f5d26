// SDMetrics' Quality Report (single table) from the columns a table run already has: the Column
// Shapes score (mean over columns of KSComplement for numbers and dates, TVComplement for categories
// and booleans) and the Column Pair Trends score (mean over column pairs of CorrelationSimilarity
// for two numbers, ContingencySimilarity otherwise, a number discretised into 10 equal-width bins
// when paired with a category). docs/panel-images-tables.md lists where this differs from SDMetrics.
import { type ColumnStat, ks, pairTrends } from './column-stats.ts';
import type { TypedColumn } from './types.ts';

export interface ColumnShape { column: string; metric: 'ks' | 'tv'; score: number }
export interface PairScore { a: string; b: string; metric: 'correlation' | 'contingency'; score: number }
export interface QualityReport {
  /** Mean of the column scores; null when no column is a number, date, category or boolean. */
  columnShapes: { score: number | null; columns: ColumnShape[] };
  /** Mean of the pair scores; null when no pair could be scored. */
  columnPairTrends: { score: number | null; pairs: PairScore[] };
}

const BINS = 10;
const continuous = (c: TypedColumn) => c.type === 'number' || c.type === 'datetime';
const discrete = (c: TypedColumn) => c.type === 'category' || c.type === 'boolean';
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * `real[i]`, `synth[i]`: one column on each side (the prepared table's columns); `stats[i]`, when
 * given, that column's columnStats (the report's `table.columns`), whose shape is reused.
 */
export function qualityReport(real: readonly TypedColumn[], synth: readonly TypedColumn[], stats?: readonly ColumnStat[]): QualityReport {
  const columns: ColumnShape[] = [];
  real.forEach((r, i) => {
    if (continuous(r)) columns.push({ column: r.name, metric: 'ks', score: ksComplement(r, synth[i], stats?.[i]) });
    else if (discrete(r)) columns.push({ column: r.name, metric: 'tv', score: tvComplement(r, synth[i], stats?.[i]) });
  });
  return {
    columnShapes: { score: mean(columns.map((c) => c.score).filter((x) => !Number.isNaN(x))), columns },
    columnPairTrends: columnPairTrends(real, synth),
  };
}

// ---- Column Shapes ----

/** KSComplement: 1 − KS on the present values (columnStats' ks); NaN when a side has none. */
function ksComplement(real: TypedColumn, synth: TypedColumn, stat?: ColumnStat): number {
  const present = (c: TypedColumn) => Float64Array.from(c.values!.filter((v) => !Number.isNaN(v))).sort();
  if (stat?.metric === 'ks') return stat.missing.real === 1 || stat.missing.synthetic === 1 ? NaN : stat.shape;
  const a = present(real), b = present(synth);
  return a.length && b.length ? 1 - ks(a, b) : NaN;
}

/** TVComplement drops missing values; columnStats counts them as a level, so its shape is reused only when neither side has any. */
function tvComplement(real: TypedColumn, synth: TypedColumn, stat?: ColumnStat): number {
  if (stat?.metric === 'tv' && stat.missing.real === 0 && stat.missing.synthetic === 0) return stat.shape;
  const count = (c: TypedColumn) => {
    const m = new Map<number, number>();
    let n = 0;
    for (const k of levelCodes(c)) if (k >= 0) { m.set(k, (m.get(k) ?? 0) + 1); n++; }
    return { m, n };
  };
  const r = count(real), s = count(synth);
  if (!r.n || !s.n) return NaN;
  let tv = 0;
  for (const k of new Set([...r.m.keys(), ...s.m.keys()])) tv += Math.abs((r.m.get(k) ?? 0) / r.n - (s.m.get(k) ?? 0) / s.n);
  return 1 - tv / 2;
}

// ---- Column Pair Trends ----

function columnPairTrends(real: readonly TypedColumn[], synth: readonly TypedColumn[]): QualityReport['columnPairTrends'] {
  const pairs: PairScore[] = [];
  const scored = real.map((c, i) => i).filter((i) => continuous(real[i]) || discrete(real[i]));
  // SDMetrics bins each side's numbers on that side's own range (ColumnPairTrends._get_processed_data).
  const binned = new Map<number, { real: Int32Array; synth: Int32Array }>();
  const binsOf = (i: number) => binned.get(i) ?? binned.set(i, { real: digitise(real[i].values!), synth: digitise(synth[i].values!) }).get(i)!;
  for (let p = 0; p < scored.length; p++)
    for (let q = p + 1; q < scored.length; q++) {
      const i = scored[p], j = scored[q], A = real[i], B = real[j];
      let score: number;
      let metric: PairScore['metric'] = 'contingency';
      if (continuous(A) && continuous(B)) {
        metric = 'correlation';
        score = correlationSimilarity(A, B, synth[i], synth[j]);
      } else {
        const codes = (k: number, side: 'real' | 'synth') => (continuous(real[k]) ? binsOf(k)[side] : levelCodes(side === 'real' ? real[k] : synth[k]));
        score = contingencySimilarity(codes(i, 'real'), codes(j, 'real'), codes(i, 'synth'), codes(j, 'synth'));
      }
      if (!Number.isNaN(score)) pairs.push({ a: A.name, b: B.name, metric, score });
    }
  return { score: mean(pairs.map((p) => p.score)), pairs };
}

/** 1 − |r_real − r_synth| / 2 with Pearson's r on rows where both are present (columnStats' pairTrends); NaN when either r is undefined or a column is constant, as SDMetrics. */
function correlationSimilarity(a: TypedColumn, b: TypedColumn, sa: TypedColumn, sb: TypedColumn): number {
  if (constant(a) || constant(b) || constant(sa) || constant(sb)) return NaN;
  const [t] = pairTrends([a, b], [sa, sb], 0);
  // pairTrends reads an undefined synthetic r as 0; SDMetrics leaves the pair out.
  if (!t || (t.synthetic === 0 && !definedPearson(sa.values!, sb.values!))) return NaN;
  return t.similarity;
}

function constant(c: TypedColumn): boolean {
  let first = NaN;
  for (const v of c.values!) {
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(first)) first = v;
    else if (v !== first) return false;
  }
  return true;
}

/** Pearson's r exists: at least 3 rows with both values and neither constant over them. */
function definedPearson(x: Float64Array, y: Float64Array): boolean {
  let n = 0, x0 = NaN, y0 = NaN, vx = false, vy = false;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    if (n++ === 0) { x0 = x[i]; y0 = y[i]; }
    vx ||= x[i] !== x0; vy ||= y[i] !== y0;
  }
  return n >= 3 && vx && vy;
}

/** 1 − total variation distance between the two joint distributions, missing counted as a level (pandas groupby(dropna=False)). */
function contingencySimilarity(ra: Int32Array, rb: Int32Array, sa: Int32Array, sb: Int32Array): number {
  if (!ra.length || !sa.length) return NaN;
  const joint = (a: Int32Array, b: Int32Array) => {
    const m = new Map<string, number>();
    for (let i = 0; i < a.length; i++) { const key = `${a[i]},${b[i]}`; m.set(key, (m.get(key) ?? 0) + 1); }
    return m;
  };
  const r = joint(ra, rb), s = joint(sa, sb);
  let tv = 0;
  for (const k of new Set([...r.keys(), ...s.keys()])) tv += Math.abs((r.get(k) ?? 0) / ra.length - (s.get(k) ?? 0) / sa.length);
  return 1 - tv / 2;
}

/** Category codes (−1 missing); booleans as 0/1. */
function levelCodes(c: TypedColumn): Int32Array {
  return c.codes ?? Int32Array.from(c.values!, (v) => (Number.isNaN(v) ? -1 : v));
}

/**
 * numpy's digitize(x, histogram_bin_edges(x without NaN)) as SDMetrics calls it: 10 equal-width bins
 * on the side's own range, right edge open, so the maximum gets bin 11 (shared with NaN); a constant
 * column's range is widened by ±0.5, putting it in bin 6.
 */
export function digitise(values: Float64Array): Int32Array {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (!Number.isNaN(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (lo === Infinity) return new Int32Array(values.length).fill(BINS + 1);
  if (lo === hi) { lo -= 0.5; hi += 0.5; }
  // np.linspace: start + k·step, the last edge set to stop.
  const step = (hi - lo) / BINS;
  const edges = Float64Array.from({ length: BINS + 1 }, (_, k) => (k === BINS ? hi : lo + k * step));
  return Int32Array.from(values, (v) => {
    if (Number.isNaN(v)) return BINS + 1;
    let k = 0;
    while (k <= BINS && edges[k] <= v) k++;
    return k;
  });
}
