// How a tabular experiment's near-duplicate rule is described in the report: the relative tolerance
// in force (calibrated once per run on the real set: src/core/table/tolerance-calibration.ts) as the
// experiment's ThresholdInfo, and the rule in words (docs/metrics.md §2, docs/copy-signal-tables.md).
import { FALSE_PAIR_RATE } from '../../core/calibrate.ts';
import { RELATIVE_TOLERANCE } from '../../core/table/near-duplicates.ts';
import { LIGHT_JITTER } from '../../core/table/row-edits.ts';
import type { TableToleranceCalibration } from '../../core/table/tolerance-calibration.ts';
import type { SignalCalibration, ThresholdInfo } from '../../report/schema.ts';

/** 0.01 → "1%", 0.0025 → "0.25%", 0.0001 → "0.01%". */
export const formatTolerance = (t: number) => `${Number((100 * t).toPrecision(3))}%`;

const pct = (x: number) => (Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`);

/** The numbers' side of the rule, in words. */
const numbersRule = (t: number) => (t > 0 ? `numbers within ${formatTolerance(t)} relative` : 'numbers equal');

/** The rule in force, as the report's table.duplicateRule. */
export const duplicateRuleText = (t: number) =>
  `all compared columns match: categories, booleans and dates exactly, ${numbersRule(t)}, or both missing`;

export function tableThreshold(cal: TableToleranceCalibration | null): ThresholdInfo {
  const tolerance = cal?.tolerance ?? RELATIVE_TOLERANCE;
  const note = `every column matches: categories, booleans and dates exactly, ${numbersRule(tolerance)}, or both missing`;
  if (!cal) return { value: tolerance, source: 'table-rule', note };
  const r = cal.rule;
  const tighter = tolerance < RELATIVE_TOLERANCE
    ? `; ${formatTolerance(RELATIVE_TOLERANCE)} joined ${pct(cal.steps[0].falsePairRate)} of real rows to a distinct real row`
    : '';
  const catches = Number.isNaN(r.catchRate) ? 'no copy could be edited (no number column is compared)' : `catches ${pct(r.catchRate)} of copies jittered by up to ${formatTolerance(LIGHT_JITTER)}`;
  const signalNote = cal.calibrated
    ? `calibrated on the real set: ${pct(r.falsePairRate)} of real rows in a set with a distinct real row${tighter}; ${catches}`
    : `the default: ${cal.reason}; ${catches}`;
  // Kinds with no changed copy have no rate (NaN, which JSON cannot hold): left out.
  const caughtByKind = Object.fromEntries(Object.entries(r.caughtByKind).filter(([, v]) => !Number.isNaN(v)));
  const calibration: SignalCalibration = {
    realRows: r.realRows,
    sampled: r.sampled,
    targetFalsePairRate: FALSE_PAIR_RATE,
    falsePairRate: r.falsePairRate,
    // No changed copy (no number column compared): nothing caught.
    catchRate: Number.isNaN(r.catchRate) ? 0 : r.catchRate,
    caughtByKind,
    null: cal.null,
    copies: cal.copies,
  };
  return {
    value: tolerance,
    source: 'table-rule',
    note,
    signals: [{
      signal: 'copy',
      measure: 'every column matches: categories exactly, numbers within the relative tolerance',
      value: tolerance,
      source: cal.calibrated ? 'calibrated' : 'default',
      used: true,
      note: signalNote,
      calibration,
    }],
  };
}
