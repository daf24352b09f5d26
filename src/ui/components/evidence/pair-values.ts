// Which signal joined a near-duplicate pair, and both signals' values (docs/metrics.md §2), as the
// image set gallery and the item dialog show them: the embedding's cosine distance and the copy
// signal's similarity (1 − its distance: thumbnail correlation for images, Jaccard for text).
import type { Experiment, NearDuplicatePair, PairReason } from '../../../report/schema.ts';
import { fmt } from '../../../report/meaning.ts';

/** The copy signal's similarity in words for this experiment's modality. */
export const similarityName = (ex: Pick<Experiment, 'text'>) => (ex.text ? 'Jaccard' : 'thumbnail correlation');

/** Pairs inside one set (both ends share its id at the threshold in force). */
export function pairsOfSet(pairs: readonly NearDuplicatePair[], setIdPerRow: ArrayLike<number>, setId: number): NearDuplicatePair[] {
  return pairs.filter((p) => setIdPerRow[p.a] === setId);
}

export function pairsOfRow(pairs: readonly NearDuplicatePair[], row: number): NearDuplicatePair[] {
  return pairs.filter((p) => p.a === row || p.b === row);
}

/** "embedding distance 0.0300, thumbnail correlation 0.9990" ("–" where a value is not known). */
export function pairValues(p: NearDuplicatePair, similarity: string): string {
  const d = p.distance === null ? '–' : fmt(p.distance, 4);
  const s = p.copyDistance === null ? '–' : fmt(1 - p.copyDistance, 4);
  return `embedding distance ${d}, ${similarity} ${s}`;
}

/** "copy ×2, embedding": the reasons that joined a set's pairs, most frequent first. */
export function reasonsText(pairs: readonly NearDuplicatePair[]): string {
  const n = new Map<PairReason, number>();
  for (const p of pairs) n.set(p.reason, (n.get(p.reason) ?? 0) + 1);
  return [...n].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([r, c]) => (c > 1 ? `${r} ×${c}` : r)).join(', ');
}

/** "0.9990" or "0.9990–0.9995": the range of the known values, or null when none is known. */
export function rangeText(values: readonly (number | null)[]): string | null {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (!v.length) return null;
  const lo = fmt(Math.min(...v), 4), hi = fmt(Math.max(...v), 4);
  return lo === hi ? lo : `${lo}–${hi}`;
}
