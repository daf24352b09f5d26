// Light edits of one real table row: the near-copies a generator that memorised its training data
// would emit. They feed the calibration report of the tabular all-columns rule (docs/metrics.md §2,
// docs/copy-signal-tables.md), as JPEG re-encodes and crops do for images. Only number columns that
// the rule compares are touched: categories, booleans and dates must match exactly under the rule,
// so changing one is not a near-copy by its own definition.
import type { Rng } from '../random.ts';
import type { ColumnPlan } from './columns.ts';
import { decimalsOf, parseNumber } from './infer.ts';
import type { Cell } from './types.ts';

/**
 * - jitter-all: every number × (1 + u), |u| ≤ 0.5% (half the rule's 1% tolerance).
 * - jitter-one: one number (drawn among the present, non-zero ones) × (1 + u), |u| ≤ 0.5%.
 * - round-coarser: every number written with one decimal fewer than the real column is written in
 *   (integer columns are left alone): a copy saved at a lower precision.
 * - jitter-all-2pct: a control beyond the tolerance, every number × (1 ± 2%); a copy is then caught
 *   only where rounding to the written precision, or a zero, undoes the change.
 */
export const TABLE_EDIT_KINDS = ['jitter-all', 'jitter-one', 'round-coarser', 'jitter-all-2pct'] as const;
export type TableEditKind = (typeof TABLE_EDIT_KINDS)[number];
/**
 * The kinds inside the rule's stated tolerance, which it must catch: the headline catch rate. The
 * other two are reported per kind: round-coarser moves a small number by more than 1% (18.7 → 19
 * is 1.6%), so it measures a blind spot, not a bug; jitter-all-2pct is the control.
 */
export const LIGHT_EDIT_KINDS: readonly TableEditKind[] = ['jitter-all', 'jitter-one'];

export const LIGHT_JITTER = 0.005;
export const CONTROL_JITTER = 0.02;

/** What an edit needs to know about a column: whether it is a compared number, and its written decimals. */
export interface EditableColumn {
  numeric: boolean;
  /** Decimals the real column is written in (99th percentile, as the precision finding of columns.ts). */
  decimals: number;
}

/** One EditableColumn per plan entry (data column-major, aligned with the plan). */
export function editableColumns(plan: readonly ColumnPlan[], data: readonly (readonly Cell[])[]): EditableColumn[] {
  return plan.map((p, c) => {
    const numeric = p.type === 'number' && p.inDuplicates;
    return { numeric, decimals: numeric ? writtenDecimals(data[c]) : 0 };
  });
}

/** The 99th percentile of the decimals the present numbers are written with (robust to a stray float artefact). */
export function writtenDecimals(cells: readonly Cell[]): number {
  const dec: number[] = [];
  for (const c of cells) if (!Number.isNaN(parseNumber(c))) dec.push(decimalsOf(c));
  dec.sort((a, b) => a - b);
  return dec.length ? dec[Math.min(dec.length - 1, Math.floor(0.99 * dec.length))] : 0;
}

/** An edited copy of `row` (one cell per column, aligned with `columns`); the input is not changed. */
export function editRow(row: readonly Cell[], columns: readonly EditableColumn[], kind: TableEditKind, rng: Rng): Cell[] {
  const out = row.slice();
  const present = columns.map((c, k) => (c.numeric && !Number.isNaN(parseNumber(row[k])) ? k : -1)).filter((k) => k >= 0);
  const jitter = (k: number, amount: number) => { out[k] = parseNumber(row[k]) * (1 + amount); };
  switch (kind) {
    case 'jitter-all':
      for (const k of present) jitter(k, (2 * rng.next() - 1) * LIGHT_JITTER);
      break;
    case 'jitter-one': {
      const nonZero = present.filter((k) => parseNumber(row[k]) !== 0);
      if (nonZero.length) jitter(nonZero[rng.int(nonZero.length)], (2 * rng.next() - 1) * LIGHT_JITTER);
      break;
    }
    case 'round-coarser':
      for (const k of present) {
        const d = columns[k].decimals;
        if (d > 0 && d <= 8) out[k] = Number(parseNumber(row[k]).toFixed(d - 1));
      }
      break;
    case 'jitter-all-2pct':
      for (const k of present) jitter(k, rng.next() < 0.5 ? -CONTROL_JITTER : CONTROL_JITTER);
      break;
  }
  return out;
}
