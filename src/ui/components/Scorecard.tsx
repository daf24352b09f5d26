import type { Experiment, FourScores } from '../../report/schema.ts';
import { BASELINE, fmt, MEANING, SCORE_KEYS } from '../../report/meaning.ts';
import { ThresholdSignals } from './evidence/ThresholdSignals.tsx';
import { ReferenceValue } from './comparison/ReferenceValue.tsx';

/**
 * The four scores of one experiment with their 95% intervals, baselines and meanings, and the
 * near-duplicate signals unvaried and unoriginal rest on, with how far to trust them.
 */
export function Scorecard({ experiment, reference }: { experiment: Experiment; reference?: FourScores }) {
  const { scores, auc, detectability, threshold, counts } = experiment;
  return (
    <section className="scorecard" aria-label={`Scores for ${experiment.name}`}>
      <div className="cards">
        {SCORE_KEYS.map((k) => {
          const e = scores[k];
          return (
            <article key={k} className="card" data-testid={`score-${k}`} data-value={e.value}>
              <h3>{k}</h3>
              <p className="value">{fmt(e.value)}</p>
              <p className="interval">95% {fmt(e.lo)}–{fmt(e.hi)} · n = {e.n}</p>
              <p className="baseline">indistinguishable ≈ {BASELINE[k]}</p>
              <ReferenceValue score={k} reference={reference?.[k]} />
              <p className="meaning">{MEANING[k]}</p>
            </article>
          );
        })}
      </div>
      <p className="extra">
        AUC {fmt(auc.value)} ({fmt(auc.lo)}–{fmt(auc.hi)}) · detectability {fmt(detectability.value)} ·
        {' '}{counts.real} real, {counts.synthetic} synthetic · {counts.nearDuplicateSets} near-duplicate sets, joined by:
      </p>
      <ThresholdSignals threshold={threshold} />
    </section>
  );
}
