// The near-duplicate signals in force, a line each (value, source, false-pair and catch rates, in
// report/threshold-text's wording, shared with the CLI and the HTML export), and how each was
// calibrated on the real set behind a <details>: catch rate per kind of edit, and the distances of
// genuine neighbours against those of edited copies (docs/metrics.md §2).
import type { DistanceSummary, ThresholdInfo } from '../../../report/schema.ts';
import { fmt } from '../../../report/meaning.ts';
import { caughtByKindText, signalLines, signalsOf } from '../../../report/threshold-text.ts';

const spread = (d: DistanceSummary) => `median ${fmt(d.median, 4)}, 1st–99th percentile ${fmt(d.p01, 4)}–${fmt(d.p99, 4)} (n = ${d.n})`;

export function ThresholdSignals({ threshold }: { threshold: ThresholdInfo }) {
  // A table report without signals has the all-columns rule, not an embedding.
  if (!threshold.signals && threshold.source === 'table-rule') {
    return <div className="threshold-signals" data-testid="threshold-signals"><ul><li data-testid="signal-table-rule" data-source="table-rule" data-used="true">all-columns rule (table-rule): {threshold.note}.</li></ul></div>;
  }
  const signals = signalsOf(threshold);
  const lines = signalLines(threshold);
  const calibrated = signals.filter((s) => s.calibration);
  return (
    <div className="threshold-signals" data-testid="threshold-signals">
      <ul>
        {signals.map((s, i) => (
          <li key={s.signal} data-testid={`signal-${s.signal}`} data-source={s.source} data-used={String(s.used)}
            title={s.calibration ? `caught per edit: ${caughtByKindText(s)}` : undefined}>{lines[i]}</li>
        ))}
      </ul>
      {calibrated.length > 0 && (
        <details data-testid="calibration-details">
          <summary>How far to trust the thresholds: calibration on the real set</summary>
          {calibrated.map((s) => {
            const c = s.calibration!;
            return (
              <p key={s.signal} data-signal={s.signal}>
                <strong>{s.signal === 'copy' ? 'copy signal' : 'embedding'}</strong> ({s.measure}), at {fmt(s.value, 4)}: caught per edit {caughtByKindText(s) || '–'}.
                {' '}Each real row to its nearest distinct real row: {spread(c.null)}; each edited copy to its source: {spread(c.copies)}.
                {' '}Target: at most {(100 * c.targetFalsePairRate).toFixed(1)}% of {c.realRows} real rows flagged; {c.sampled} real rows edited.
              </p>
            );
          })}
        </details>
      )}
    </div>
  );
}
