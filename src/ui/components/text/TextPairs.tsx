// The near-duplicate pairs of a text experiment in core/text/pair-order's order, each with its
// reason; shown a page at a time.
import { useMemo, useState } from 'react';
import type { Experiment } from '../../../report/schema.ts';
import { orderedPairs } from '../../../core/text/pair-order.ts';
import { PairView } from './PairView.tsx';

const PAGE = 20;

export function TextPairs({ ex }: { ex: Experiment }) {
  const [shown, setShown] = useState(PAGE);
  const t = ex.text;
  const pairs = useMemo(() => orderedPairs(ex), [ex]);
  if (!t) return null;
  const counts = Object.entries(t.reasonCounts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
  return (
    <section className="text-pairs" data-testid="text-pairs" data-count={pairs.length}>
      <h4>Near-duplicate pairs ({pairs.length})</h4>
      <p className="about">
        Pairs joined by the embedding distance (below {ex.threshold.value.toFixed(4)}), by MinHash ({t.minhash.shingle}-gram Jaccard ≥ {t.minhash.threshold})
        or as exact copies. Synthetic rows joined per reason: {counts || 'none'}.
      </p>
      {pairs.length === 0 && <p className="none">No synthetic text is a near-duplicate of another text.</p>}
      {pairs.slice(0, shown).map((p) => {
        const side = (r: number) => ({ path: ex.rows[r].path, side: ex.rows[r].side, text: t.texts[r] ?? '' });
        return <PairView key={`${p.a}-${p.b}`} a={side(p.a)} b={side(p.b)} reason={p.reason} distance={p.distance} jaccard={p.jaccard} />;
      })}
      {pairs.length > shown && <button className="link" onClick={() => setShown(shown + PAGE)}>Show more pairs ({pairs.length - shown} left)</button>}
    </section>
  );
}
