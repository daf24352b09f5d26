// The extended panel's measures (docs/panel.md, docs/panel-images-tables.md, issue 14) as the app
// words them: a label, a one-line meaning, the ideal value, and how a value is written. The panel
// under the scorecard and the comparison table's panel columns read them from here.
import { fmt } from '../../../report/meaning.ts';
import type { Estimate, Panel } from '../../../report/schema.ts';

export type MeasureKey =
  | 'precision' | 'recall' | 'density' | 'coverage' | 'frechetDistance' | 'vendi' | 'authenticity'
  | 'dcrShare' | 'columnShapes' | 'columnPairTrends';

export interface Measure {
  key: MeasureKey;
  label: string;
  meaning: string;
  /** The ideal value in words, from the panel itself where it depends on the data (coverage, Vendi). */
  ideal(panel: Panel): string;
  format(v: number): string;
}

const SAME_AS_REFERENCE = 'what real vs real scores here';
/** Shares and scores in [0, 1]: three decimals, as the four scores. */
const share = (v: number) => fmt(v);
/** Unbounded values (Fréchet distance): three significant digits. */
const significant = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : '–');
const oneDecimal = (v: number) => fmt(v, 1);

/**
 * Expected coverage of two samples of one distribution: 1 − Π_{t=1..k} (N − t)/(M + N − t), N real
 * and M synthetic rows (docs/panel.md); ≈ 1 − 2⁻ᵏ when M = N.
 */
export function expectedCoverage(nReal: number, nSynthetic: number, k: number): number {
  let p = 1;
  for (let t = 1; t <= k; t++) p *= Math.max(0, nReal - t) / (nSynthetic + nReal - t);
  return 1 - p;
}

export const MEASURES: readonly Measure[] = [
  {
    key: 'precision', label: 'precision', format: share,
    meaning: 'Share of synthetic items inside the neighbourhood of some real item: realism.',
    ideal: () => SAME_AS_REFERENCE,
  },
  {
    key: 'recall', label: 'recall', format: share,
    meaning: 'Share of real items inside the neighbourhood of some synthetic item: how much of the real variety it reaches.',
    ideal: () => SAME_AS_REFERENCE,
  },
  {
    key: 'density', label: 'density', format: share,
    meaning: 'How many real neighbourhoods hold a synthetic item, on average, ÷ k: above 1 crowds the common modes.',
    ideal: () => '1',
  },
  {
    key: 'coverage', label: 'coverage', format: share,
    meaning: 'Share of real items with a synthetic item inside their neighbourhood.',
    ideal: (p) => {
      const nReal = p.coverage?.n ?? 0, nSynth = p.precision?.n ?? p.density?.n ?? nReal;
      return nReal > 0 ? `≈ ${fmt(expectedCoverage(nReal, nSynth, p.k ?? 5))} (1 − 2⁻ᵏ for equal sizes)` : '≈ 0.97';
    },
  },
  {
    key: 'frechetDistance', label: 'Fréchet distance', format: significant,
    meaning: "Distance between Gaussian fits of the two sets in the model's space (FID's method): lower is closer.",
    ideal: () => '0, plus a finite-sample bias: real vs real shows its size',
  },
  {
    key: 'vendi', label: 'Vendi score', format: oneDecimal,
    meaning: 'Effective number of distinct synthetic items: repeats lower it.',
    ideal: (p) => (p.vendiReal ? `the real set's: ${oneDecimal(p.vendiReal.value)}` : "the real set's"),
  },
  {
    key: 'authenticity', label: 'authenticity', format: share,
    meaning: 'Share of synthetic items farther from their nearest real item than it is from its own nearest real neighbour: not copies.',
    ideal: () => SAME_AS_REFERENCE,
  },
  {
    key: 'dcrShare', label: 'DCR share (holdout)', format: share,
    meaning: 'Share of synthetic items nearer the training real items than the holdout: above 0.5, it copies what it saw.',
    ideal: () => '0.5',
  },
  {
    key: 'columnShapes', label: 'column shapes', format: share,
    meaning: "How closely each column's distribution matches the real one (SDMetrics' Column Shapes).",
    ideal: () => '1 (real vs real shows what is reachable here)',
  },
  {
    key: 'columnPairTrends', label: 'column pair trends', format: share,
    meaning: "How closely each pair of columns relates as in the real data: correlations, contingency tables (SDMetrics' Column Pair Trends).",
    ideal: () => '1 (real vs real shows what is reachable here)',
  },
];

export const MEASURE_BY_KEY = Object.fromEntries(MEASURES.map((m) => [m.key, m])) as Record<MeasureKey, Measure>;

export const estimateOf = (panel: Panel | undefined, key: MeasureKey): Estimate | undefined => panel?.[key];

/** The sign test of DCR share = 0.5 in words (two-sided, 5% level). */
export function dcrVerdict(share: number, p: number): string {
  const pText = p < 0.001 ? 'p < 0.001' : `p = ${fmt(p)}`;
  if (p >= 0.05) return `${pText}: no lean toward the training items detected (consistent with 0.5).`;
  return share > 0.5
    ? `${pText}: nearer the training items than chance allows — signs of copying.`
    : `${pText}: nearer the holdout than chance allows — the holdout may differ from the training items.`;
}
