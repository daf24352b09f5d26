// The text behind a clicked point of the 2-D map, as a text card with its side and P(synthetic).
import type { Experiment } from '../../../report/schema.ts';
import { TextCard } from './TextCard.tsx';

export function TextMapItem({ ex, row }: { ex: Experiment; row: number }) {
  const r = ex.rows[row];
  return (
    <div className="map-item map-text" data-side={r.side}>
      <p><b className={r.side}>{r.side}</b>{r.nearDuplicateSet >= 0 ? ` · near-duplicate set ${r.nearDuplicateSet}` : ''}</p>
      <TextCard path={r.path} text={ex.text?.texts[row] ?? ''} score={{ label: 'P(synthetic)', value: r.p }} testId="map-item" />
    </div>
  );
}
