// One near-duplicate pair side by side, the characters that differ highlighted (core/text/char-diff):
// on the left what only the first text has, on the right what only the second has.
import { useMemo } from 'react';
import { sideRuns } from '../../../core/text/char-diff.ts';

export { sideRuns };

export type PairReasonLabel = 'exact' | 'embedding' | 'minhash' | 'embedding+minhash';

export interface PairSide { path: string; side: 'real' | 'synthetic'; text: string }

const REASON_TEXT: Record<PairReasonLabel, string> = {
  exact: 'exact: identical text',
  embedding: 'embedding: sentence vectors closer than the threshold',
  minhash: 'minhash: character 5-gram Jaccard ≥ 0.8',
  'embedding+minhash': 'embedding and minhash',
};

function Runs({ runs, kind }: { runs: [string, boolean][]; kind: 'removed' | 'added' }) {
  return <>{runs.map(([t, changed], i) => (changed ? <mark key={i} className={`diff-${kind}`} data-diff={kind}>{t}</mark> : <span key={i}>{t}</span>))}</>;
}

export function PairView(props: { a: PairSide; b: PairSide; reason: PairReasonLabel; distance: number | null; jaccard: number | null }) {
  const { a, b } = props;
  const runs = useMemo(() => sideRuns(a.text, b.text), [a.text, b.text]);
  const changed = runs.left.filter((r) => r[1]).length + runs.right.filter((r) => r[1]).length;
  return (
    <article className="text-pair" data-testid="text-pair" data-reason={props.reason} data-changes={changed}>
      <header>
        <span className={`reason reason-${props.reason.replace('+', '-')}`} title={REASON_TEXT[props.reason]}>{props.reason}</span>
        {props.distance !== null && <span>distance {props.distance.toFixed(4)}</span>}
        {props.jaccard !== null && <span>Jaccard {props.jaccard.toFixed(3)}</span>}
        {changed === 0 && <span>identical</span>}
      </header>
      <div className="pair-sides">
        <div className="pair-side" data-testid="pair-left"><p className="who">{a.side}: <code>{a.path}</code></p><p className="text"><Runs runs={runs.left} kind="removed" /></p></div>
        <div className="pair-side" data-testid="pair-right"><p className="who">{b.side}: <code>{b.path}</code></p><p className="text"><Runs runs={runs.right} kind="added" /></p></div>
      </div>
    </article>
  );
}
