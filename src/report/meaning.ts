// What each score means, in one line (docs/metrics.md), and its reference point: the same words in
// the app and in the HTML export.
import type { FourScores } from './schema.ts';

export type ScoreKey = keyof FourScores;
export const SCORE_KEYS: ScoreKey[] = ['unrealistic', 'unrepresentative', 'unvaried', 'unoriginal'];
/** The comparison table's column order (as in Cleanlab's comparison). */
export const TABLE_KEYS: ScoreKey[] = ['unrepresentative', 'unrealistic', 'unvaried', 'unoriginal'];

export const MEANING: Record<ScoreKey, string> = {
  unrealistic: 'A real-vs-synthetic classifier tells the synthetic items apart.',
  unrepresentative: 'Parts of the real data are not covered by the synthetic set.',
  unvaried: 'Synthetic items are near-duplicates of each other.',
  unoriginal: 'Synthetic items are near-duplicates of real items (memorisation).',
};

/** What indistinguishable sets score. */
export const BASELINE: Record<ScoreKey, number> = { unrealistic: 0.5, unrepresentative: 0.5, unvaried: 0, unoriginal: 0 };

export const fmt = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
