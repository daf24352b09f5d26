// The calibration report of the tabular all-columns rule (docs/metrics.md §2), the counterpart of
// the threshold calibration of images and text (src/core/calibrate.ts). The rule has no threshold
// it moves is its relative tolerance on numbers; this report says how the rule behaves at a given
// tolerance on the run's own real set (docs/copy-signal-tables.md), and tolerance-calibration.ts
// picks the tolerance from it:
// - null false-pair rate: the share of real rows the rule puts in one set with a *distinct* real row
//   (rows identical in every compared column are genuine exact duplicates and are not counted);
// - catch rate: the share of light edits of sampled real rows (row-edits.ts) that land in one set
//   with their source, per kind of edit.
// Everything goes through the pipeline's own steps: the column plan, the conversion that rounds
// synthetic numbers to the real precision, and tableNearDuplicates itself.
import { createRng, deriveSeed, sampleIndices, shuffle } from '../random.ts';
import { type ColumnPlan, convertColumns, planColumns } from './columns.ts';
import { parseNumber } from './infer.ts';
import { makeRowDistance, RELATIVE_TOLERANCE, tableNearDuplicates, type TableNearDuplicates } from './near-duplicates.ts';
import { editableColumns, editRow, LIGHT_EDIT_KINDS, TABLE_EDIT_KINDS, type TableEditKind } from './row-edits.ts';
import type { Cell, ColumnType, TypedColumn } from './types.ts';

/** Real rows edited per kind (as for images and text). */
export const CALIBRATION_SAMPLES = 200;

/** The real set as the pipeline holds it: AlignedSchema's plan and real cells fit. */
export interface RealTable {
  plan: readonly ColumnPlan[];
  /** Column-major cells aligned with the plan. */
  real: readonly (readonly Cell[])[];
}

export interface EditOutcome {
  /** Edited copies made. */
  copies: number;
  /** Copies that differ from their source (a row with no present number cannot be edited). */
  changed: number;
  /** Changed copies in one set with their source. */
  caught: number;
  /** Changed copies that the conversion's rounding to the real precision made identical to their source. */
  exactAfterRounding: number;
}

export interface TableRuleCalibration {
  /** The relative tolerance on numbers the rule ran at. */
  tolerance: number;
  realRows: number;
  sampled: number;
  /** Real rows in a set with a distinct real row / real rows. */
  falsePairRate: number;
  /** Changed copies caught / changed copies, over the light kinds (LIGHT_EDIT_KINDS). */
  catchRate: number;
  /** Per kind, the control included: caught / changed. */
  caughtByKind: Record<TableEditKind, number>;
  byKind: Record<TableEditKind, EditOutcome>;
  /** Per changed copy of the light kinds: its largest per-column relative difference to its source, after the conversion. */
  copyDifferences: number[];
  nullSummary: RuleNull['nullSummary'];
  /** The rule's search hit its window cap on the null (a few matches may be missing). */
  capped: boolean;
}

/** The rule on the real rows alone, at one tolerance. */
export interface RuleNull {
  tolerance: number;
  realRows: number;
  /** Real rows in a set with a distinct real row / real rows. */
  falsePairRate: number;
  nullSummary: {
    /** Real rows in any set. */
    rowsInSets: number;
    /** Real rows in a set with a distinct row (the numerator of falsePairRate). */
    falsePairRows: number;
    /** Real rows in a set whose members are all identical (exact duplicates, not counted). */
    exactDuplicateRows: number;
    sets: number;
    largestSet: number;
    /** Up to 3 sets that join distinct rows: their real row indices (at most 5 each). */
    examples: number[][];
  };
  capped: boolean;
}

/** The columns the rule compares, real rows first then synthetic rows (as experiment-table.ts builds them). */
export function comparedColumns(plan: readonly ColumnPlan[], real: readonly TypedColumn[], synth: readonly TypedColumn[]): TypedColumn[] {
  const used = plan.filter((p) => p.type !== null && p.type !== 'ignore');
  const both: TypedColumn[] = [];
  used.forEach((p, c) => {
    if (!p.inDuplicates) return;
    const r = real[c], s = synth[c];
    if (r.values) {
      const v = new Float64Array(r.values.length + s.values!.length);
      v.set(r.values);
      v.set(s.values!, r.values.length);
      both.push({ ...r, values: v });
    } else {
      const v = new Int32Array(r.codes!.length + s.codes!.length);
      v.set(r.codes!);
      v.set(s.codes!, r.codes!.length);
      both.push({ ...r, codes: v });
    }
  });
  return both;
}

/** The rule run on real rows then synthetic rows, after the pipeline's conversion (normalise: its default, on). */
export function runRule(
  plan: readonly ColumnPlan[], real: readonly (readonly Cell[])[], synth: readonly (readonly Cell[])[], normalise = true, tolerance = RELATIVE_TOLERANCE,
): { columns: TypedColumn[]; nReal: number; nd: TableNearDuplicates } {
  const conv = convertColumns(plan, real, synth, { normalise });
  const columns = comparedColumns(plan, conv.real, conv.synth);
  const nReal = real[0]?.length ?? 0, n = nReal + (synth[0]?.length ?? 0);
  return { columns, nReal, nd: tableNearDuplicates(columns, nReal, n, makeRowDistance(columns, nReal), undefined, tolerance) };
}

/** A key per row equal for rows identical in every compared column (missing = missing). */
function rowKeys(columns: readonly TypedColumn[], n: number): string[] {
  const keys: string[] = [];
  for (let i = 0; i < n; i++) keys.push(columns.map((c) => String(c.values ? c.values[i] : c.codes![i])).join('\u0001'));
  return keys;
}

/** The largest per-column relative difference of two rows (numbers only; categories match by construction of the edits). */
function largestRelativeDifference(columns: readonly TypedColumn[], i: number, j: number): number {
  let worst = 0;
  for (const c of columns) {
    if (!c.values || c.type !== 'number') continue;
    const a = c.values[i], b = c.values[j];
    if (a === b || (a !== a && b !== b)) continue;
    const m = Math.max(Math.abs(a), Math.abs(b));
    worst = Math.max(worst, a !== a || b !== b ? Infinity : Math.abs(a - b) / m);
  }
  return worst;
}

export type CalibrationOptions = { samples?: number; seed?: number; normalise?: boolean; tolerance?: number };

/** The null false-pair rate of the rule at one tolerance: one run of the rule on the real rows. */
export function ruleNull(table: RealTable, opts: CalibrationOptions = {}): RuleNull {
  const { plan, real } = table;
  const nReal = real[0]?.length ?? 0;
  const tolerance = opts.tolerance ?? RELATIVE_TOLERANCE;
  const nul = runRule(plan, real, plan.map(() => [] as Cell[]), opts.normalise ?? true, tolerance);
  const keys = rowKeys(nul.columns, nReal);
  let rowsInSets = 0, falsePairRows = 0, exactDuplicateRows = 0, largestSet = 0;
  const examples: number[][] = [];
  for (const s of nul.nd.sets) {
    rowsInSets += s.members.length;
    largestSet = Math.max(largestSet, s.members.length);
    if (new Set(s.members.map((i) => keys[i])).size === 1) { exactDuplicateRows += s.members.length; continue; }
    // Every member of a set with two distinct rows is joined (through the set) to a distinct row.
    falsePairRows += s.members.length;
    if (examples.length < 3) examples.push(s.members.slice(0, 5));
  }
  return {
    tolerance,
    realRows: nReal,
    falsePairRate: nReal ? falsePairRows / nReal : 0,
    nullSummary: { rowsInSets, falsePairRows, exactDuplicateRows, sets: nul.nd.sets.length, largestSet, examples },
    capped: nul.nd.capped,
  };
}

/** The rule's report at one tolerance (default 1%): its null false-pair rate and what it catches. */
export function calibrateTableRule(table: RealTable, opts: CalibrationOptions = {}): TableRuleCalibration {
  return { ...ruleNull(table, opts), ...ruleCatches(table, opts) };
}

/** Light edits of sampled real rows, scored as the synthetic set at one tolerance: the catch rates. */
export function ruleCatches(table: RealTable, opts: CalibrationOptions = {}): Pick<TableRuleCalibration, 'sampled' | 'catchRate' | 'caughtByKind' | 'byKind' | 'copyDifferences'> {
  const { plan, real } = table;
  const nReal = real[0]?.length ?? 0;
  const seed = opts.seed ?? 0, normalise = opts.normalise ?? true, tolerance = opts.tolerance ?? RELATIVE_TOLERANCE;
  // Copies: one batch per kind, so copies of one kind cannot bridge copies of another.
  const sample = sampleIndices(nReal, Math.min(opts.samples ?? CALIBRATION_SAMPLES, nReal), createRng(deriveSeed(seed, 11)));
  const cols = editableColumns(plan, real);
  const byKind = {} as Record<TableEditKind, EditOutcome>;
  const caughtByKind = {} as Record<TableEditKind, number>;
  const copyDifferences: number[] = [];
  TABLE_EDIT_KINDS.forEach((kind, k) => {
    const rng = createRng(deriveSeed(seed, 100 + k));
    const rows = Array.from(sample, (i) => editRow(real.map((col) => col[i]), cols, kind, rng));
    const synth = plan.map((_, c) => rows.map((r) => r[c]));
    const { columns, nd } = runRule(plan, real, synth, normalise, tolerance);
    const allKeys = rowKeys(columns, nReal + rows.length);
    const out: EditOutcome = { copies: rows.length, changed: 0, caught: 0, exactAfterRounding: 0 };
    sample.forEach((src, t) => {
      const edited = rows[t].some((v, c) => cols[c].numeric && parseNumber(v) !== parseNumber(real[c][src]));
      if (!edited) return;
      out.changed++;
      const copy = nReal + t;
      if (nd.setIdPerRow[copy] >= 0 && nd.setIdPerRow[copy] === nd.setIdPerRow[src]) out.caught++;
      if (allKeys[copy] === allKeys[src]) out.exactAfterRounding++;
      if (LIGHT_EDIT_KINDS.includes(kind)) copyDifferences.push(largestRelativeDifference(columns, copy, src));
    });
    byKind[kind] = out;
    caughtByKind[kind] = out.changed ? out.caught / out.changed : NaN;
  });
  const light = LIGHT_EDIT_KINDS.map((k) => byKind[k]);
  const changed = light.reduce((s, o) => s + o.changed, 0);
  return {
    sampled: sample.length,
    catchRate: changed ? light.reduce((s, o) => s + o.caught, 0) / changed : NaN,
    caughtByKind,
    byKind,
    copyDifferences,
  };
}

export interface RealVsReal {
  /** Rows in the half playing the real set, and in the half playing the synthetic set. */
  nReal: number;
  nOther: number;
  /** Share of the other half in a set with a row of the first half: unoriginal of real vs real. */
  joinedShare: number;
  /** Share of the other half identical (every compared column) to some row of the first half. */
  exactShare: number;
  /** The relative tolerance the rule ran at. */
  tolerance: number;
}

/**
 * A table cut into two disjoint seeded halves, the first scored as real and the second as synthetic:
 * the unoriginal score a fresh sample of the same population would get. Types come from the first
 * half, as the pipeline takes them from the real set. tolerance: a number (default 1%), or a
 * function of the first half, as the pipeline calibrates it on the real set (tolerance-calibration.ts).
 */
export function realVsReal(
  table: { columns: readonly string[]; data: readonly (readonly Cell[])[] },
  opts: { seed?: number; types?: Record<string, ColumnType>; normalise?: boolean; tolerance?: number | ((real: RealTable) => number) } = {},
): RealVsReal {
  const n = table.data[0]?.length ?? 0;
  const order = shuffle(Array.from({ length: n }, (_, i) => i), createRng(deriveSeed(opts.seed ?? 0, 13)));
  const cut = Math.floor(n / 2);
  const take = (rows: number[]) => table.data.map((col) => rows.map((r) => col[r]));
  const a = take(order.slice(0, cut)), b = take(order.slice(cut));
  const { plan } = planColumns(table.columns, a, opts.types);
  const tolerance = typeof opts.tolerance === 'function' ? opts.tolerance({ plan, real: a }) : opts.tolerance ?? RELATIVE_TOLERANCE;
  const { columns, nReal, nd } = runRule(plan, a, b, opts.normalise ?? true, tolerance);
  const keys = rowKeys(columns, n);
  const realKeys = new Set(keys.slice(0, nReal));
  let exact = 0;
  for (let i = nReal; i < n; i++) if (realKeys.has(keys[i])) exact++;
  const nOther = n - nReal;
  return { nReal, nOther, joinedShare: nOther ? nd.unoriginalRows / nOther : 0, exactShare: nOther ? exact / nOther : 0, tolerance };
}
