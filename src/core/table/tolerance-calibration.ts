// The relative tolerance of the tabular all-columns rule, calibrated on the run's own real set
// (docs/metrics.md §2, docs/copy-signal-tables.md), as images and text calibrate their thresholds
// (src/core/calibrate.ts): the largest tolerance on a fixed ladder, never looser than the rule's 1%,
// at which at most FALSE_PAIR_RATE of real rows land in one set with a *distinct* real row. Years,
// coordinates and codes stored as numbers sit far from zero, so 1% of |value| joins genuinely
// different rows there; a tighter tolerance keeps an honest sample from being called a copy.
// Rows identical in every compared column are exact duplicates, not false pairs (rule-calibration.ts).
import { FALSE_PAIR_RATE, MIN_CALIBRATION_ROWS, summarise, type DistanceSummary } from '../calibrate.ts';
import { convertColumns } from './columns.ts';
import { comparisonWindow, RELATIVE_TOLERANCE } from './near-duplicates.ts';
import { calibrateTableRule, comparedColumns, ruleCatches, ruleNull, type RealTable, type RuleNull, type TableRuleCalibration } from './rule-calibration.ts';
import type { TypedColumn } from './types.ts';

/** Tolerances tried, loosest first; each step is one run of the rule on the real rows. 0: numbers equal. */
export const TOLERANCE_LADDER = [0.01, 0.005, 0.0025, 0.001, 0.0005, 0.0002, 0.0001, 0] as const;

export interface TableToleranceCalibration {
  /** The tolerance in force: calibrated, or RELATIVE_TOLERANCE with too few real rows. */
  tolerance: number;
  calibrated: boolean;
  /** Why the default was kept, when it was. */
  reason: string | null;
  /** The ladder steps run, in order; the last one is the tolerance in force when calibrated. */
  steps: RuleNull[];
  /** The rule's report at the tolerance in force (null false pairs, catch rates per kind of edit). */
  rule: TableRuleCalibration;
  /** Per real row, the smallest tolerance at which it matches a distinct real row (rows with none within 1% left out). */
  null: DistanceSummary;
  /** Per changed light copy, its largest per-column relative difference to its source. */
  copies: DistanceSummary;
}

export function calibrateTableTolerance(
  table: RealTable, opts: { samples?: number; seed?: number; normalise?: boolean; onStep?: (tolerance: number) => void } = {},
): TableToleranceCalibration {
  const nReal = table.real[0]?.length ?? 0;
  const base = { samples: opts.samples, seed: opts.seed, normalise: opts.normalise };
  const nul = summarise(nearestDistinctTolerances(table, opts.normalise ?? true).filter((t) => t !== Infinity));
  if (nReal < MIN_CALIBRATION_ROWS) {
    const rule = calibrateTableRule(table, { ...base, tolerance: RELATIVE_TOLERANCE });
    return {
      tolerance: RELATIVE_TOLERANCE, calibrated: false, reason: `only ${nReal} real rows (calibration needs ${MIN_CALIBRATION_ROWS})`,
      steps: [], rule, null: nul, copies: summarise(rule.copyDifferences),
    };
  }
  const steps: RuleNull[] = [];
  for (const tolerance of TOLERANCE_LADDER) {
    opts.onStep?.(tolerance);
    const step = ruleNull(table, { ...base, tolerance });
    steps.push(step);
    // Tolerance 0 joins only rows equal in every compared column (exact duplicates): it always passes.
    if (step.falsePairRate <= FALSE_PAIR_RATE) break;
  }
  const last = steps[steps.length - 1];
  const rule = { ...last, ...ruleCatches(table, { ...base, tolerance: last.tolerance }) };
  return { tolerance: last.tolerance, calibrated: true, reason: null, steps, rule, null: nul, copies: summarise(rule.copyDifferences) };
}

/**
 * Per real row (after the pipeline's conversion), the smallest relative tolerance at which the rule
 * would pair it with a distinct real row: max over number columns of |a − b| / max(|a|, |b|), with
 * the other compared columns (and which numbers are missing) equal. Only tolerances up to
 * RELATIVE_TOLERANCE are searched (Infinity past it), with the rule's own blocking and sorted window.
 */
export function nearestDistinctTolerances(table: RealTable, normalise = true): number[] {
  const { plan, real } = table;
  const conv = convertColumns(plan, real, plan.map(() => []), { normalise });
  const columns = comparedColumns(plan, conv.real, conv.synth);
  return nearestDistinctTolerancesOf(columns, real[0]?.length ?? 0);
}

export function nearestDistinctTolerancesOf(columns: readonly TypedColumn[], n: number, maxTolerance = RELATIVE_TOLERANCE): number[] {
  const numCols = columns.filter((c) => c.type === 'number').map((c) => c.values!);
  const exactCols = columns.filter((c) => c.type !== 'number').map((c) => c.codes ?? c.values!);
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = [...exactCols.map((c) => String(c[i])), ...numCols.map((c) => (c[i] !== c[i] ? 'm' : 'p'))].join('\u0001');
    const b = blocks.get(key);
    if (b) b.push(i);
    else blocks.set(key, [i]);
  }
  const best = new Array<number>(n).fill(Infinity);
  const window = comparisonWindow(n);
  const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
  for (const rows of blocks.values()) {
    if (rows.length < 2) continue;
    const present = numCols.filter((c) => c[rows[0]] === c[rows[0]]);
    if (!present.length) continue; // every row of the block is identical in every compared column
    let v = present[0], most = -1;
    for (const c of present) {
      const d = new Set(rows.map((i) => c[i])).size;
      if (d > most) { most = d; v = c; }
    }
    const sorted = rows.slice().sort((a, b) => v[a] - v[b] || a - b);
    for (let s = 0; s < sorted.length; s++) {
      const i = sorted[s];
      const end = Math.min(sorted.length, s + 1 + window);
      for (let t = s + 1; t < end; t++) {
        const j = sorted[t];
        // Along the sort, the key column's relative difference only grows.
        if (rel(v[i], v[j]) > maxTolerance) break;
        let worst = 0;
        for (const c of present) { worst = Math.max(worst, rel(c[i], c[j])); if (worst > maxTolerance) break; }
        if (worst === 0 || worst > maxTolerance) continue; // identical rows are exact duplicates, not neighbours
        if (worst < best[i]) best[i] = worst;
        if (worst < best[j]) best[j] = worst;
      }
    }
  }
  return best;
}
