// The near-duplicate pairs of a text experiment in core/text/pair-order's order, each with the
// signal that joined it and both signals' values; shown a page at a time.
import { useMemo, useState } from 'react';
import type { Experiment } from '../../../report/schema.ts';
import { orderedPairs } from '../../../core/text/pair-order.ts';
import { joinedBy, signalsOf } from '../../../report/threshold-text.ts';
import { PairView, type PairThresholds } from './PairView.tsx';

const PAGE = 20;

/** The thresholds the report's pairs were joined under (a signal not used: null). */
export function pairThresholds(ex: Pick<Experiment, 'threshold'>): PairThresholds {
  const signals = signalsOf(ex.threshold);
  const emb = signals.find((s) => s.signal === 'embedding' && s.used);
  const copy = signals.find((s) => s.signal === 'copy' && s.used);
  return { tau: emb?.value ?? null, minJaccard: copy ? 1 - copy.value : null };
}

export function TextPairs({ ex }: { ex: Experiment }) {
  const [shown, setShown] = useState(PAGE);
  const t = ex.text;
  const pairs = useMemo(() => orderedPairs(ex), [ex]);
  const thresholds = useMemo(() => pairThresholds(ex), [ex]);
  if (!t) return null;
  const counts = Object.entries(ex.reasonCounts ?? {}).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
  return (
    <section className="text-pairs" data-testid="text-pairs" data-count={pairs.length}>
      <h4>Near-duplicate pairs ({pairs.length})</h4>
      <p className="about">
        Pairs joined by {joinedBy(ex)}, or as exact copies; the copy signal compares character {t.shingles.size}-gram shingles
        ({t.shingles.normalisation}). Synthetic rows joined per reason: {counts || 'none'}.
      </p>
      {pairs.length === 0 && <p className="none">No synthetic text is a near-duplicate of another text.</p>}
      {pairs.slice(0, shown).map((p) => {
        const side = (r: number) => ({ path: ex.rows[r].path, side: ex.rows[r].side, text: t.texts[r] ?? '' });
        return <PairView key={`${p.a}-${p.b}`} a={side(p.a)} b={side(p.b)} reason={p.reason} distance={p.distance}
          jaccard={p.copyDistance === null ? null : 1 - p.copyDistance} thresholds={thresholds} />;
      })}
      {pairs.length > shown && <button className="link" onClick={() => setShown(shown + PAGE)}>Show more pairs ({pairs.length - shown} left)</button>}
    </section>
  );
}
