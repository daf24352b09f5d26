// ROC AUC as the Mann–Whitney statistic: the probability that a random positive scores above a
// random negative, ties counting one half.

/** Row order by ascending score, and tie-group boundaries, computed once and reused by the bootstrap. */
export interface ScoreOrder {
  order: Int32Array;
  /** groupStart[g]..groupStart[g+1] (in `order`) share one score. */
  groupStart: Int32Array;
}

export function scoreOrder(scores: ArrayLike<number>): ScoreOrder {
  const n = scores.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b] || a - b);
  const starts: number[] = [0];
  for (let i = 1; i < n; i++) if (scores[order[i]] !== scores[order[i - 1]]) starts.push(i);
  starts.push(n);
  return { order, groupStart: Int32Array.from(starts) };
}

/**
 * Weighted AUC in O(n) given the order: each row carries a weight (a bootstrap count);
 * labels[i] = 1 marks positives. Returns NaN if either side has zero weight.
 */
export function weightedAuc(so: ScoreOrder, labels: Uint8Array, weights?: ArrayLike<number>): number {
  const { order, groupStart } = so;
  let negBelow = 0, wPos = 0, acc = 0;
  for (let g = 0; g + 1 < groupStart.length; g++) {
    let gPos = 0, gNeg = 0;
    for (let t = groupStart[g]; t < groupStart[g + 1]; t++) {
      const i = order[t];
      const w = weights ? weights[i] : 1;
      if (labels[i]) gPos += w;
      else gNeg += w;
    }
    acc += gPos * (negBelow + 0.5 * gNeg);
    negBelow += gNeg;
    wPos += gPos;
  }
  const wNeg = negBelow;
  return wPos > 0 && wNeg > 0 ? acc / (wPos * wNeg) : NaN;
}

/** ROC AUC of scores for labels (1 = positive), ties handled by average rank. */
export function rocAuc(scores: ArrayLike<number>, labels: Uint8Array): number {
  return weightedAuc(scoreOrder(scores), labels);
}
