// The near-duplicate pairs of a text experiment, synthetic-vs-real (unoriginal) first, then
// synthetic-vs-synthetic (unvaried), each with its reason; shown a page at a time.
import { useMemo, useState } from 'react';
import type { Experiment } from '../../../core/report.ts';
import { PairView } from './PairView.tsx';

const PAGE = 20;

export function TextPairs({ ex }: { ex: Experiment }) {
  const [shown, setShown] = useState(PAGE);
  const t = ex.text;
  const pairs = useMemo(() => {
    if (!t) return [];
    const rank = (p: { a: number; b: number }) => (ex.rows[p.a].side !== ex.rows[p.b].side ? 0 : ex.rows[p.a].side === 'synthetic' ? 1 : 2);
    return [...t.pairs].filter((p) => rank(p) < 2).sort((x, y) => rank(x) - rank(y) || (x.distance ?? 0) - (y.distance ?? 0) || x.a - y.a || x.b - y.b)
      // The real text on the left when a pair crosses sides.
      .map((p) => (ex.rows[p.a].side === 'synthetic' && ex.rows[p.b].side === 'real' ? { ...p, a: p.b, b: p.a } : p));
  }, [ex, t]);
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
