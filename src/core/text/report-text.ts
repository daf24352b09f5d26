// The text-only part of an Experiment in the Report (Experiment.text, optional, additive).
import type { PairReason } from './near-duplicate-text.ts';
import type { TextFindings } from './text-stats.ts';

export interface TextExperimentExtras {
  /** What the detector saw: 'both' = sentence embedding + hashed character 1–4-grams. */
  features: 'both' | 'embedding' | 'ngrams';
  featureDim: number;
  /** Near-duplicate pairs (row indices into Experiment.rows) with the reason each was joined. */
  pairs: { a: number; b: number; reason: PairReason; distance: number | null; jaccard: number | null }[];
  /** Synthetic rows joined per reason (a row can count under several). */
  reasonCounts: Record<PairReason, number>;
  minhash: { shingle: number; threshold: number; bands: number; rows: number; normalisation: string };
  findings: TextFindings;
  /** Full text of each row, same order as Experiment.rows (for cards and pair highlighting). */
  texts: string[];
}
