// Near-duplicate threshold calibration (METRICS §2): given the distances between items and their
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
 * Chooses tau maximising balanced accuracy (copies below, distinct at or above). A false
 * near-duplicate among genuine items costs `distinctWeight` times a missed copy: flagging real
 * diversity as copying is the worse error for a user reading "unoriginal".
 */
export function suggestThreshold(
  copies: readonly { kind: string; distance: number }[],
  distinct: readonly number[],
  distinctWeight = 2,
): ThresholdSuggestion {
  const c = copies.map((x) => x.distance).sort((a, b) => a - b);
  const d = [...distinct].sort((a, b) => a - b);
  if (!c.length || !d.length) throw new RangeError('calibration needs near-copies and distinct items');
  // Candidate cuts: every observed distance (tau just above it) plus zero.
  const cuts = [0, ...c, ...d].sort((a, b) => a - b);
  let best = -Infinity;
  let bestCut = 0;
  for (const t of cuts) {
    const caught = upperBound(c, t) / c.length; // copies with distance ≤ t
    const flagged = upperBound(d, t) / d.length;
    const score = caught - distinctWeight * flagged;
    if (score > best + 1e-12) {
      best = score;
      bestCut = t;
    }
  }
  // tau sits in the middle of the gap between the best cut and the next distance up.
  const next = cuts.find((x) => x > bestCut) ?? bestCut * 1.1;
  const tau = (bestCut + next) / 2;
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

/** Number of sorted values ≤ t. */
function upperBound(sorted: readonly number[], t: number): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (sorted[m] <= t) a = m + 1;
    else b = m;
  }
  return a;
}
