// The panel's DCR share for a table run with a real holdout (docs/panel.md, "DCR share on tables"):
// the real (training) rows, the synthetic rows and the holdout rows encoded by one encoder fitted on
// the real rows (the detector's features, core/table/encode.ts), then the share of synthetic rows
// nearer a training row than a holdout row, Euclidean on features z-scored by the training rows
// (core/panel/dcr-standardised.ts). Its own encoding: the detector's encoder never sees the holdout.
import { checkpoint, type AbortSignalLike } from '../../core/errors.ts';
import { jsGemm } from '../../core/gemm.ts';
import { wilson } from '../../core/intervals.ts';
import { standardisedDcrShare } from '../../core/panel/dcr-standardised.ts';
import { createRng, deriveSeed, sampleIndices } from '../../core/random.ts';
import type { ColumnPlan } from '../../core/table/columns.ts';
import { prepareTable } from '../../core/table/prepare.ts';
import type { Cell } from '../../core/table/types.ts';
import type { Panel } from '../../report/schema.ts';

/**
 * Synthetic × reference row pairs the search may visit (both references together); beyond it a
 * seeded sample of synthetic rows is compared (never fewer than 200). The references are never
 * subsampled below the smaller one's size: a copied row's source must stay in the training side.
 */
export const DCR_PAIR_BUDGET = 1e8;

/** Column-major cells (plan order) of two sets, one after the other. */
const concat = (a: readonly (readonly Cell[])[], b: readonly (readonly Cell[])[]): Cell[][] => a.map((col, c) => [...col, ...b[c]]);

export async function tableDcrPanel(
  plan: readonly ColumnPlan[],
  real: readonly (readonly Cell[])[],
  synth: readonly (readonly Cell[])[],
  holdout: readonly (readonly Cell[])[],
  opts: { normalise: boolean; seed: number; signal?: AbortSignalLike },
): Promise<Pick<Panel, 'dcrShare' | 'dcrPValue'>> {
  const nReal = real[0]?.length ?? 0, nSynth = synth[0]?.length ?? 0, nHoldout = holdout[0]?.length ?? 0;
  if (!nReal || !nSynth || !nHoldout) return {};
  // Synthetic and holdout rows as the encoder's "other" side, so a level or a missing value only
  // they have gets its feature, as it would in the detector's encoding of that set.
  const prep = prepareTable(plan, real, concat(synth, holdout), { normalise: opts.normalise });
  const d = prep.encoder.dim;
  if (d === 0) return {};
  await checkpoint(opts.signal);
  const rows = (from: number, to: number) => prep.x.subarray(from * d, to * d);
  const training = rows(0, nReal), holdoutRows = rows(nReal + nSynth, nReal + nSynth + nHoldout);
  const reference = 2 * Math.min(nReal, nHoldout);
  const m = Math.min(nSynth, Math.max(200, Math.floor(DCR_PAIR_BUDGET / reference)));
  let synthetic = rows(nReal, nReal + nSynth);
  if (m < nSynth) {
    const picked = sampleIndices(nSynth, m, createRng(deriveSeed(opts.seed, 0xdcb)));
    const sub = new Float32Array(m * d);
    picked.forEach((r, t) => sub.set(synthetic.subarray(r * d, (r + 1) * d), t * d));
    synthetic = sub;
  }
  const dcr = await standardisedDcrShare(synthetic, training, holdoutRows, d, { gemm: jsGemm, seed: opts.seed, signal: opts.signal });
  return { dcrShare: wilson(dcr.nearerTraining + dcr.ties / 2, m), dcrPValue: dcr.pValue };
}
