// Near-duplicate threshold calibration (docs/metrics.md §2): given the distances between items and their
// known near-copies, and the distances from items to their nearest *distinct* neighbour, pick the
// tau that best separates the two, and say how well it does.

export interface DistanceSummary {
  n: number;
  p01: number;
  p05: number;
  median: number;
  p95: number;
  p99: number;
}

export interface ThresholdSuggestion {
  tau: number;
  /** Share of known near-copies that tau flags (recall). */
  copiesCaught: number;
  /** Share of distinct items whose nearest neighbour tau would wrongly flag. */
  distinctFlagged: number;
  copies: DistanceSummary;
  distinct: DistanceSummary;
  /** Per kind of near-copy (jpeg, shift…), the share caught at tau. */
  caughtByKind: Record<string, number>;
}

export function summarise(d: readonly number[]): DistanceSummary {
  const s = [...d].sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))] : NaN);
  return { n: s.length, p01: q(0.01), p05: q(0.05), median: q(0.5), p95: q(0.95), p99: q(0.99) };
}

/**
 * Chooses tau from the two distributions. When the near-copies all sit below the genuine
 * nearest-neighbour distances (99th percentile of copies < the `maxFlagged` quantile of distinct),
 * tau is the middle of that gap. Otherwise the two overlap, and tau is the `maxFlagged` quantile of
 * the distinct distances: at most that share of genuine items is flagged, because calling real
 * diversity "copying" is the worse error for a user reading "unoriginal"; the copies it misses are
 * reported per kind.
 */
export function suggestThreshold(
  copies: readonly { kind: string; distance: number }[],
  distinct: readonly number[],
  maxFlagged = 0.02,
): ThresholdSuggestion {
  const c = copies.map((x) => x.distance).sort((a, b) => a - b);
  const d = [...distinct].sort((a, b) => a - b);
  if (!c.length || !d.length) throw new RangeError('calibration needs near-copies and distinct items');
  const distinctCut = d[Math.floor(maxFlagged * (d.length - 1))];
  const copyTop = c[Math.ceil(0.99 * (c.length - 1))];
  const tau = copyTop < distinctCut ? (copyTop + distinctCut) / 2 : distinctCut;
  const caughtByKind: Record<string, number> = {};
  for (const kind of new Set(copies.map((x) => x.kind))) {
    const of = copies.filter((x) => x.kind === kind);
    caughtByKind[kind] = of.filter((x) => x.distance < tau).length / of.length;
  }
  return {
    tau,
    copiesCaught: c.filter((x) => x < tau).length / c.length,
    distinctFlagged: d.filter((x) => x < tau).length / d.length,
    copies: summarise(c),
    distinct: summarise(d),
    caughtByKind,
  };
}
