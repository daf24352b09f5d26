// One near-duplicate pair side by side, the characters that differ highlighted (core/text/char-diff):
// on the left what only the first text has, on the right what only the second has. The header says
// which signal joined the pair and shows both signals' values: the embedding's cosine distance and
// the character-shingle Jaccard (1 − the copy signal's distance).
import { useMemo } from 'react';
import { sideRuns } from '../../../core/text/char-diff.ts';
import type { PairReason } from '../../../report/schema.ts';

export { sideRuns };

export interface PairSide { path: string; side: 'real' | 'synthetic'; text: string }

/** The thresholds a pair was joined under: the embedding's tau and the copy signal's least Jaccard. */
export interface PairThresholds { tau: number | null; minJaccard: number | null }

export function reasonText(reason: PairReason, t: PairThresholds): string {
  const emb = `embedding: sentence vectors closer than ${t.tau === null ? 'the threshold' : t.tau.toFixed(4)}`;
  const copy = `copy: character shingles (Jaccard ≥ ${t.minJaccard === null ? '…' : t.minJaccard.toFixed(2)})`;
  return { exact: 'exact: identical text', embedding: emb, copy, 'embedding+copy': `${emb}; ${copy}` }[reason];
}

function Runs({ runs, kind }: { runs: [string, boolean][]; kind: 'removed' | 'added' }) {
  return <>{runs.map(([t, changed], i) => (changed ? <mark key={i} className={`diff-${kind}`} data-diff={kind}>{t}</mark> : <span key={i}>{t}</span>))}</>;
}

export function PairView(props: { a: PairSide; b: PairSide; reason: PairReason; distance: number | null; jaccard: number | null; thresholds?: PairThresholds }) {
  const { a, b } = props;
  const runs = useMemo(() => sideRuns(a.text, b.text), [a.text, b.text]);
  const changed = runs.left.filter((r) => r[1]).length + runs.right.filter((r) => r[1]).length;
  const why = reasonText(props.reason, props.thresholds ?? { tau: null, minJaccard: null });
  return (
    <article className="text-pair" data-testid="text-pair" data-reason={props.reason} data-changes={changed}>
      <header>
        <span className={`reason reason-${props.reason.replace('+', '-')}`} data-testid="pair-why">{why}</span>
        <span data-testid="pair-distance">embedding distance {props.distance === null ? '–' : props.distance.toFixed(4)}</span>
        <span data-testid="pair-jaccard">Jaccard {props.jaccard === null ? '–' : props.jaccard.toFixed(3)}</span>
        {changed === 0 && <span>identical</span>}
      </header>
      <div className="pair-sides">
        <div className="pair-side" data-testid="pair-left"><p className="who">{a.side}: <code>{a.path}</code></p><p className="text"><Runs runs={runs.left} kind="removed" /></p></div>
        <div className="pair-side" data-testid="pair-right"><p className="who">{b.side}: <code>{b.path}</code></p><p className="text"><Runs runs={runs.right} kind="added" /></p></div>
      </div>
    </article>
  );
}
