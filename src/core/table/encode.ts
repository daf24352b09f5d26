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
  | { kind: 'levels'; name: string; levels: Map<number, number>; other: boolean; missing: boolean; length: { median: number; scale: number } | null; names: string[] };

export interface TableEncoder {
  columns: ColumnCode[];
  dim: number;
  /** One name per feature: "col", "col: missing", "col = level", "col: other", "col: month"… */
  featureNames: string[];
  /** Column index (into the encoder's columns) of each feature. */
  featureColumn: Int32Array;
}

function robustScale(v: Float64Array): { median: number; scale: number } {
  const s = Float64Array.from(v.filter((x) => !Number.isNaN(x))).sort();
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
      columns.push({ kind: 'levels', name: col.name, levels, other, missing, length, names: col.levels! });
    }
  });
  return { columns, dim: featureNames.length, featureNames, featureColumn: Int32Array.from(featureColumn) };
}

const clip = (x: number) => (x > 50 ? 50 : x < -50 ? -50 : x);

/** n×dim row-major features for the given columns (same order as at fit time). */
export function encodeRows(enc: TableEncoder, cols: readonly TypedColumn[], out?: Float32Array, rowOffset = 0): Float32Array {
  const n = cols[0]?.values?.length ?? cols[0]?.codes?.length ?? 0;
  const d = enc.dim;
  const x = out ?? new Float32Array(n * d);
  let f = 0;
  enc.columns.forEach((code, c) => {
    const col = cols[c];
    if (code.kind === 'number' || code.kind === 'datetime') {
      const v = col.values!;
      const width = 1 + (code.kind === 'datetime' ? (code.hours ? 3 : 2) : 0);
      for (let i = 0; i < n; i++) {
        const o = (rowOffset + i) * d + f;
        const t = v[i];
        if (Number.isNaN(t)) {
          if (code.missing) x[o + width] = 1;
          continue;
        }
        x[o] = clip((t - code.median) / code.scale);
        if (code.kind === 'datetime') {
          const date = new Date(t);
          x[o + 1] = (date.getUTCMonth() + 0.5) / 12;
          x[o + 2] = (date.getUTCDay() + 0.5) / 7;
          if (code.hours) x[o + 3] = (date.getUTCHours() + date.getUTCMinutes() / 60) / 24;
        }
      }
      f += width + (code.missing ? 1 : 0);
    } else if (code.kind === 'boolean') {
      const v = col.values!;
      for (let i = 0; i < n; i++) {
        const o = (rowOffset + i) * d + f;
        if (Number.isNaN(v[i])) { if (code.missing) x[o + 1] = 1; }
        else x[o] = v[i];
      }
      f += 1 + (code.missing ? 1 : 0);
    } else {
      const k = col.codes!;
      const L = code.levels.size, oOther = L, oMissing = L + (code.other ? 1 : 0), oLength = oMissing + (code.missing ? 1 : 0);
      for (let i = 0; i < n; i++) {
        const o = (rowOffset + i) * d + f;
        if (k[i] < 0) {
          if (code.missing) x[o + oMissing] = 1;
          continue;
        }
        const j = code.levels.get(k[i]);
        if (j !== undefined) x[o + j] = 1;
        else if (code.other) x[o + oOther] = 1;
        if (code.length) x[o + oLength] = clip((code.names[k[i]].length - code.length.median) / code.length.scale);
      }
      f += oLength + (code.length ? 1 : 0);
    }
  });
  return x;
}
