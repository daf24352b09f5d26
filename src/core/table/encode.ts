// Rows → feature vectors for the detector. Fitted on the real rows only (the reference), then
// applied to both sides:
// - number: (x − median) / IQR of the real values (IQR 0: the standard deviation, else 1),
//   clipped to ±50; missing → 0 plus a missing indicator;
// - boolean: 0/1 plus a missing indicator;
// - datetime: the timestamp scaled like a number, plus month, day of week and (when the real data
//   has times) hour of day, each as a fraction;
// - category: one-hot for the frequent real levels (at least 1% of real rows and 5 rows, the 30
//   most frequent), one "other" column for every other level, and a missing indicator;
// - text: the same one-hot (rarely any frequent level) plus its length, scaled.
// A missing indicator is only emitted when some row on either side is missing.
import { quantileSorted } from '../intervals.ts';
import type { TypedColumn } from './types.ts';

export const MAX_LEVELS = 30;

type ColumnCode =
  | { kind: 'number'; name: string; median: number; scale: number; missing: boolean }
  | { kind: 'datetime'; name: string; median: number; scale: number; missing: boolean; hours: boolean }
  | { kind: 'boolean'; name: string; missing: boolean }
  | { kind: 'levels'; name: string; levels: Map<number, number>; slot: Int32Array; other: boolean; missing: boolean; length: { median: number; scale: number } | null; names: string[] };

export interface TableEncoder {
  columns: ColumnCode[];
  dim: number;
  /** One name per feature: "col", "col: missing", "col = level", "col: other", "col: month"… */
  featureNames: string[];
  /** Column index (into the encoder's columns) of each feature. */
  featureColumn: Int32Array;
}

function robustScale(v: Float64Array): { median: number; scale: number } {
  const present = new Float64Array(v.length);
  let m = 0;
  for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i])) present[m++] = v[i];
  const s = present.subarray(0, m).sort();
  if (s.length === 0) return { median: 0, scale: 1 };
  const median = quantileSorted(s, 0.5);
  let scale = quantileSorted(s, 0.75) - quantileSorted(s, 0.25);
  if (!(scale > 0)) {
    let m = 0, q = 0;
    for (const x of s) m += x;
    m /= s.length;
    for (const x of s) q += (x - m) ** 2;
    scale = Math.sqrt(q / s.length);
  }
  return { median, scale: scale > 0 ? scale : 1 };
}

const anyMissing = (cols: (TypedColumn | undefined)[]) =>
  cols.some((c) => c && (c.values ? c.values.some(Number.isNaN) : c.codes!.some((k) => k < 0)));

/** real and synth: the detector's columns, same order on both sides. */
export function fitEncoder(real: readonly TypedColumn[], synth: readonly TypedColumn[] = []): TableEncoder {
  const columns: ColumnCode[] = [];
  const featureNames: string[] = [], featureColumn: number[] = [];
  const add = (name: string) => { featureNames.push(name); featureColumn.push(columns.length); };
  real.forEach((col, c) => {
    const missing = anyMissing([col, synth[c]]);
    const n = col.values?.length ?? col.codes!.length;
    if (col.type === 'number' || col.type === 'datetime') {
      const sc = robustScale(col.values!);
      add(col.name);
      if (col.type === 'datetime') {
        const hours = col.values!.some((t) => !Number.isNaN(t) && t % 86_400_000 !== 0);
        add(`${col.name}: month`);
        add(`${col.name}: day of week`);
        if (hours) add(`${col.name}: hour`);
        if (missing) add(`${col.name}: missing`);
        columns.push({ kind: 'datetime', name: col.name, ...sc, missing, hours });
      } else {
        if (missing) add(`${col.name}: missing`);
        columns.push({ kind: 'number', name: col.name, ...sc, missing });
      }
    } else if (col.type === 'boolean') {
      add(col.name);
      if (missing) add(`${col.name}: missing`);
      columns.push({ kind: 'boolean', name: col.name, missing });
    } else {
      const counts = new Map<number, number>();
      for (const k of col.codes!) if (k >= 0) counts.set(k, (counts.get(k) ?? 0) + 1);
      const minCount = Math.max(5, 0.01 * n);
      const frequent = [...counts].filter(([, m]) => m >= minCount).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_LEVELS);
      const levels = new Map<number, number>(frequent.map(([k], j) => [k, j]));
      const other = counts.size > levels.size || (synth[c]?.codes?.some((k) => k >= 0 && !levels.has(k)) ?? false);
      for (const [k] of frequent) add(`${col.name} = ${col.levels![k]}`);
      if (other) add(`${col.name}: other`);
      if (missing) add(`${col.name}: missing`);
      let length: { median: number; scale: number } | null = null;
      if (col.type === 'text') {
        length = robustScale(Float64Array.from(col.codes!, (k) => (k < 0 ? NaN : col.levels![k].length)));
        add(`${col.name}: length`);
      }
      // Level code → its one-hot slot (−1: "other"), the same mapping as levels without a hash per cell.
      const slot = new Int32Array(col.levels!.length).fill(-1);
      for (const [k, j] of levels) slot[k] = j;
      columns.push({ kind: 'levels', name: col.name, levels, slot, other, missing, length, names: col.levels! });
    }
  });
  return { columns, dim: featureNames.length, featureNames, featureColumn: Int32Array.from(featureColumn) };
}

const clip = (x: number) => (x > 50 ? 50 : x < -50 ? -50 : x);

/** n×dim row-major features for the given columns (same order as at fit time). */
export function encodeRows(enc: TableEncoder, cols: readonly TypedColumn[], out?: Float32Array, rowOffset = 0): Float32Array {
  const n = cols[0]?.values?.length ?? cols[0]?.codes?.length ?? 0;
  const x = out ?? new Float32Array(n * enc.dim);
  // Blocks of rows, every column within a block: the rows being written stay in cache while each
  // column fills its slots (column by column over all rows, each pass would stream the whole matrix).
  const BLOCK = 256;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    let f = 0;
    enc.columns.forEach((code, c) => { f += encodeColumn(code, cols[c], x, enc.dim, f, rowOffset, i0, Math.min(n, i0 + BLOCK)); });
  }
  return x;
}

/** Rows i0..i1−1 of one column into its features starting at f; returns how many features it has. */
function encodeColumn(code: ColumnCode, col: TypedColumn, x: Float32Array, d: number, f: number, rowOffset: number, i0: number, i1: number): number {
  // Fields read into locals: the column codes have different shapes, and a load from such an
  // object in the row loop would not be hoisted.
  const missing = code.missing;
  if (code.kind === 'number' || code.kind === 'datetime') {
    const v = col.values!, median = code.median, scale = code.scale;
    const dates = code.kind === 'datetime', hours = code.kind === 'datetime' && code.hours;
    const width = 1 + (dates ? (hours ? 3 : 2) : 0);
    for (let i = i0; i < i1; i++) {
      const o = (rowOffset + i) * d + f;
      const t = v[i];
      if (Number.isNaN(t)) {
        if (missing) x[o + width] = 1;
        continue;
      }
      x[o] = clip((t - median) / scale);
      if (dates) {
        const date = new Date(t);
        x[o + 1] = (date.getUTCMonth() + 0.5) / 12;
        x[o + 2] = (date.getUTCDay() + 0.5) / 7;
        if (hours) x[o + 3] = (date.getUTCHours() + date.getUTCMinutes() / 60) / 24;
      }
    }
    return width + (missing ? 1 : 0);
  }
  if (code.kind === 'boolean') {
    const v = col.values!;
    for (let i = i0; i < i1; i++) {
      const o = (rowOffset + i) * d + f;
      if (Number.isNaN(v[i])) { if (missing) x[o + 1] = 1; }
      else x[o] = v[i];
    }
    return 1 + (missing ? 1 : 0);
  }
  const k = col.codes!, slot = code.slot, other = code.other, length = code.length, names = code.names;
  const L = code.levels.size, oOther = L, oMissing = L + (other ? 1 : 0), oLength = oMissing + (missing ? 1 : 0);
  for (let i = i0; i < i1; i++) {
    const o = (rowOffset + i) * d + f;
    const ki = k[i];
    if (ki < 0) {
      if (missing) x[o + oMissing] = 1;
      continue;
    }
    const j = ki < slot.length ? slot[ki] : -1;
    if (j >= 0) x[o + j] = 1;
    else if (other) x[o + oOther] = 1;
    if (length) x[o + oLength] = clip((names[ki].length - length.median) / length.scale);
  }
  return oLength + (length ? 1 : 0);
}
