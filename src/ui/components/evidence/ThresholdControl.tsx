// The embedding's near-duplicate threshold in force, where it comes from, and a slider that moves
// it. The copy signal is not moved here: its pairs hold at its own calibrated threshold, and the
// line says so. How far each signal is to be trusted is told by ThresholdSignals, in the scorecard.
import type { Experiment } from '../../../report/schema.ts';
import { fmt } from '../../../report/meaning.ts';
import { signalsOf } from '../../../report/threshold-text.ts';
import { SOURCE_LABEL, type NearDuplicateView, type ThresholdMode } from '../../hooks/useNearDuplicates.ts';

export interface ThresholdControlProps {
  ex: Experiment;
  view: NearDuplicateView;
  mode: ThresholdMode;
  setMode(m: ThresholdMode): void;
  recomputable: boolean;
  relativeTau: number | null;
}

/** Slider range: comfortably past both the report's tau and the relative rule's. */
export function sliderMax(reportTau: number, relativeTau: number | null): number {
  return Math.min(1, Math.max(0.05, 4 * reportTau, 2 * (relativeTau ?? 0)));
}

export function ThresholdControl({ ex, view, mode, setMode, recomputable, relativeTau }: ThresholdControlProps) {
  const max = sliderMax(ex.threshold.value, relativeTau);
  const step = max / 1000;
  const signals = signalsOf(ex.threshold);
  const embedding = signals.find((s) => s.signal === 'embedding');
  const copy = signals.find((s) => s.signal === 'copy' && s.used);
  // A calibration that found the embedding no help here: say so while the report's threshold stands.
  const embeddingOff = mode.kind === 'report' && embedding && !embedding.used;
  return (
    <section className="threshold" aria-label="Near-duplicate threshold" data-testid="threshold" data-tau={view.tau} data-source={view.source}>
      <p className="in-force">
        Near-duplicate threshold in force: <strong data-testid="tau">{fmt(view.tau, 4)}</strong> (embedding cosine distance) · {view.label}
        {embeddingOff && <> · embedding: {embedding.note}</>}
        {copy && <span data-testid="copy-fixed"> · plus the copy signal ({copy.measure}) below {fmt(copy.value, 4)}, {copy.source}, which the slider does not move</span>}
        {' '}· {view.sets.length} sets · {view.unvariedRows} unvaried, {view.unoriginalRows} unoriginal synthetic rows
        {view.ms > 0 && <> · recomputed in {view.ms.toFixed(1)} ms</>}
      </p>
      {recomputable ? (
        <div className="controls">
          <label><input type="radio" name="tau-mode" checked={mode.kind === 'report'} onChange={() => setMode({ kind: 'report' })} />
            {' '}as in the report ({fmt(ex.threshold.value, 4)}, {SOURCE_LABEL[ex.threshold.source]})</label>
          <label><input type="radio" name="tau-mode" checked={mode.kind === 'relative'} onChange={() => setMode({ kind: 'relative' })} data-testid="tau-relative" />
            {' '}Cleanlab's relative rule: 0.13 × median nearest-neighbour distance = {fmt(relativeTau ?? NaN, 4)}</label>
          <label className="slider">custom
            <input type="range" min={0} max={max} step={step} value={Math.min(view.tau, max)} aria-label="near-duplicate threshold"
              data-testid="tau-slider" onChange={(e) => setMode({ kind: 'custom', value: Number(e.target.value) })} />
            <input type="number" min={0} max={2} step={0.0001} value={Number(view.tau.toFixed(4))} aria-label="threshold value"
              onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setMode({ kind: 'custom', value: Math.max(0, e.target.valueAsNumber) })} />
          </label>
          {mode.kind === 'relative' && (
            <p className="note">Cleanlab's rule fails exactly when copying is worst: when most synthetic rows are copies, the median
              nearest-neighbour distance <em>is</em> the copy distance, and the copies fall above the threshold.</p>
          )}
        </div>
      ) : (
        <p className="note">This report carries no neighbour graph, so the threshold cannot be moved here; re-run to adjust it.</p>
      )}
    </section>
  );
}
