// One item, large, with its scores. Escape (or the close button, or a click outside) closes it;
// the arrow keys step through the gallery it was opened from. It is drawn into <body>: the results
// are a layer of their own (will-change: transform), which would pin a fixed backdrop to them.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { Experiment } from '../../../report/schema.ts';
import { fmt } from '../../../report/meaning.ts';
import type { NearDuplicateView } from '../../hooks/useNearDuplicates.ts';
import { baseName } from './evidence.ts';
import { ItemImage } from './ItemImage.tsx';
import { pairsOfRow, pairValues, similarityName } from './pair-values.ts';

export interface ItemDialogProps {
  ex: Experiment;
  row: number;
  view: Pick<NearDuplicateView, 'sets' | 'setIdPerRow'> & Partial<Pick<NearDuplicateView, 'pairs'>>;
  /** Where the item sits in the gallery, e.g. "12 of 300". */
  position?: string;
  onClose(): void;
  onStep?(delta: number): void;
}

export function ItemDialog({ ex, row, view, position, onClose, onStep }: ItemDialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const r = ex.rows[row];
  const setId = view.setIdPerRow[row];
  const set = setId >= 0 ? view.sets[setId] : null;
  const pairs = set ? pairsOfRow(view.pairs ?? [], row) : [];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') onStep?.(1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') onStep?.(-1);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return createPortal(
    <div className="backdrop" onClick={onClose}>
      <div ref={ref} className="item-dialog" role="dialog" aria-modal="true" aria-label={r.path} tabIndex={-1}
        data-testid="item-dialog" data-row={row} onKeyDown={onKeyDown} onClick={(e) => e.stopPropagation()}>
        <button className="close" aria-label="Close" onClick={onClose}>×</button>
        <ItemImage ex={ex} row={row} large />
        <dl>
          <dt>path</dt><dd><code>{r.path}</code></dd>
          <dt>side</dt><dd>{r.side}{r.className != null ? ` · class ${r.className}` : ''}</dd>
          <dt>p(synthetic)</dt><dd>{fmt(r.p)} {r.side === 'real' ? `(1 − p = ${fmt(1 - r.p)})` : ''}</dd>
          <dt>label issue</dt><dd>{fmt(r.labelIssue)}</dd>
          <dt>nearest distance</dt><dd>{r.nearestDistance == null ? '–' : fmt(r.nearestDistance, 4)}</dd>
          <dt>near-duplicates</dt>
          <dd>{set ? `set #${set.id}: ${set.kind}, ${set.members.length} items, distances ${fmt(set.minDistance, 4)}–${fmt(set.maxDistance, 4)}${set.exact ? ', exact copies inside' : ''}` : 'none at this threshold'}</dd>
          {pairs.length > 0 && <>
            <dt>joined</dt>
            <dd data-testid="item-pairs">
              {pairs.slice(0, 8).map((p) => {
                const other = p.a === row ? p.b : p.a;
                return <div key={other}>to <code>{baseName(ex.rows[other].path)}</code> by {p.reason}: {pairValues(p, similarityName(ex))}</div>;
              })}
              {pairs.length > 8 && <div>… and {pairs.length - 8} more</div>}
            </dd>
          </>}
        </dl>
        {position && <p className="position">{position} · ← → step · Esc closes</p>}
      </div>
    </div>,
    document.body,
  );
}
