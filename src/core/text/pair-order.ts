// The order near-duplicate text pairs are shown in (app and HTML report): synthetic-vs-real first
// (unoriginal), then synthetic-vs-synthetic (unvaried), closest first; real-only pairs are left
// out. A pair that crosses sides has the real text as `a`.
import type { Experiment, NearDuplicatePair } from '../../report/schema.ts';

export type ShownPair = NearDuplicatePair;

export function orderedPairs(ex: Experiment): ShownPair[] {
  const pairs = ex.pairs ?? [];
  const rank = (p: { a: number; b: number }) => (ex.rows[p.a].side !== ex.rows[p.b].side ? 0 : ex.rows[p.a].side === 'synthetic' ? 1 : 2);
  return [...pairs].filter((p) => rank(p) < 2)
    .sort((x, y) => rank(x) - rank(y) || (x.distance ?? 0) - (y.distance ?? 0) || x.a - y.a || x.b - y.b)
    .map((p) => (ex.rows[p.a].side === 'synthetic' && ex.rows[p.b].side === 'real' ? { ...p, a: p.b, b: p.a } : p));
}
