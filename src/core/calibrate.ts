// Near-duplicate thresholds calibrated on the run's own real set (docs/metrics.md §2). For each
// signal: the null is every real row's distance to its nearest *distinct* real row (what genuine
// neighbours look like on this data); the threshold is the largest one that flags at most
// `falsePairRate` of them; the copies (light edits of sampled real rows, made by the pipeline) say
// how much copying that threshold catches. A signal that catches too few copies at that rate does
// not separate copies from genuine neighbours here, and is not used.
import type { DistanceSummary, SignalCalibration } from '../report/schema.ts';
export type { DistanceSummary, SignalCalibration };

/** At most 1% of real rows joined to a distinct real row, per signal. */
export const FALSE_PAIR_RATE = 0.01;
/** Below this share of copies caught, a signal is reported but not used. */
export const MIN_CATCH_RATE = 0.5;
/** Fewer real rows than this: the null is too thin to set a 1% quantile; defaults are used. */
export const MIN_CALIBRATION_ROWS = 50;

export function summarise(d: ArrayLike<number>): DistanceSummary {
  const s = Float64Array.from(d).sort();
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))] : NaN);
  return { n: s.length, p01: q(0.01), p05: q(0.05), median: q(0.5), p95: q(0.95), p99: q(0.99) };
}

/**
 * The largest threshold t with share(null < t) ≤ rate. Distances equal to t are not flagged (edges
 * need d < t), so t is the first null value past the allowed count; with no null, +Infinity.
 */
export function thresholdForFalsePairRate(nullDistances: ArrayLike<number>, rate: number): number {
  const s = Float64Array.from(nullDistances).filter((x) => !Number.isNaN(x)).sort();
  if (s.length === 0) return Infinity;
  const allowed = Math.floor(rate * s.length + 1e-9);
  return allowed >= s.length ? s[s.length - 1] + Number.EPSILON : s[allowed];
}

export interface CopyDistance {
  kind: string;
  distance: number;
}

/** One signal's calibration: its threshold at the false-pair rate, and what it catches there. */
export function calibrateSignal(
  nullDistances: ArrayLike<number>,
  copies: readonly CopyDistance[],
  opts: { falsePairRate?: number; minCatchRate?: number; sampled: number } = { sampled: 0 },
): SignalCalibration & { threshold: number; used: boolean } {
  const rate = opts.falsePairRate ?? FALSE_PAIR_RATE;
  const threshold = thresholdForFalsePairRate(nullDistances, rate);
  const caught = (xs: readonly CopyDistance[]) => (xs.length ? xs.filter((c) => c.distance < threshold).length / xs.length : 0);
  const caughtByKind: Record<string, number> = {};
  for (const kind of new Set(copies.map((c) => c.kind))) caughtByKind[kind] = caught(copies.filter((c) => c.kind === kind));
  let flagged = 0;
  for (let i = 0; i < nullDistances.length; i++) if (nullDistances[i] < threshold) flagged++;
  const catchRate = caught(copies);
  return {
    threshold,
    used: copies.length > 0 && catchRate >= (opts.minCatchRate ?? MIN_CATCH_RATE),
    realRows: nullDistances.length,
    sampled: opts.sampled,
    targetFalsePairRate: rate,
    falsePairRate: nullDistances.length ? flagged / nullDistances.length : 0,
    catchRate,
    caughtByKind,
    null: summarise(nullDistances),
    copies: summarise(copies.map((c) => c.distance)),
  };
}

/**
 * Each row's distance to its nearest distinct neighbour in a kNN graph over the real rows only:
 * neighbours with the same content hash (exact duplicates) are skipped; a row with none left is
 * left out of the null.
 */
export function nearestDistinct(
  graph: { n: number; k: number; indices: Int32Array; distances: ArrayLike<number> },
  hashes: readonly (string | null | undefined)[],
): number[] {
  const out: number[] = [];
  for (let i = 0; i < graph.n; i++) {
    for (let t = 0; t < graph.k; t++) {
      const j = graph.indices[i * graph.k + t];
      if (j < 0) break;
      if (hashes[i] && hashes[j] === hashes[i]) continue;
      out.push(graph.distances[i * graph.k + t]);
      break;
    }
  }
  return out;
}
