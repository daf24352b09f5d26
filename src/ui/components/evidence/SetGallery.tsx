// Near-duplicate sets, one per row: the synthetic members, then the real items they copy, with
// which signal joined the set (embedding, copy signal, exact) and both signals' values.
// Windowed over sets; ↑↓ move between sets, ←→ between members, Enter opens one.
import { useMemo, useState } from 'react';
import type { Experiment, NearDuplicatePair } from '../../../report/schema.ts';
import { fmt } from '../../../report/meaning.ts';
import type { NearDuplicateView } from '../../hooks/useNearDuplicates.ts';
import type { ShownSet } from '../../../report/rankings.ts';
import { baseName } from './evidence.ts';
import { ItemDialog } from './ItemDialog.tsx';
import { ItemImage } from './ItemImage.tsx';
import { pairValues, rangeText, reasonsText, similarityName } from './pair-values.ts';
import { useWidth } from './RankedGallery.tsx';
import { VirtualRows } from './VirtualRows.tsx';

/** Members shown per set (the dialog steps through all of them). */
export const MAX_SHOWN = 40;
const ROW_HEIGHT = 150;

export type SetView = Pick<NearDuplicateView, 'sets' | 'setIdPerRow'> & Partial<Pick<NearDuplicateView, 'pairs'>>;

export function SetGallery(props: { ex: Experiment; sets: ShownSet[]; view: SetView; label: string; testId: string; height?: number }) {
  const { ex, sets, view, label, testId, height = 420 } = props;
  const { ref } = useWidth();
  const pairsBySet = useMemo(() => {
    const m = new Map<number, NearDuplicatePair[]>();
    for (const p of view.pairs ?? []) {
      const id = view.setIdPerRow[p.a];
      if (id < 0) continue;
      // Pushed, not copied per pair: a large set has thousands of pairs (copying made this quadratic).
      const list = m.get(id);
      if (list) list.push(p);
      else m.set(id, [p]);
    }
    return m;
  }, [view.pairs, view.setIdPerRow]);
  const similarity = similarityName(ex);
  const [open, setOpen] = useState<{ s: number; m: number } | null>(null);
  const members = (s: ShownSet) => [...s.synthetic, ...s.real];
  const close = () => {
    setOpen(null);
    ref.current?.querySelector<HTMLElement>('[role=listbox]')?.focus();
  };
  if (sets.length === 0) return <p className="empty" data-testid={testId} data-count={0}>No such sets at this threshold.</p>;
  const cur = open && sets[open.s] ? members(sets[open.s]) : null;
  return (
    <div ref={ref} className="gallery sets" data-testid={testId} data-count={sets.length}>
      <VirtualRows rowCount={sets.length} rowHeight={ROW_HEIGHT} height={height} label={label}
        cellsInRow={(r) => Math.min(MAX_SHOWN, members(sets[r]).length)}
        onOpen={(s, m) => setOpen({ s, m })}
        renderRow={(r, cell) => {
          const s = sets[r];
          const all = members(s).slice(0, MAX_SHOWN);
          return (
            <div className="set-row" data-set={s.set.id}>
              <div className="set-head">
                <strong>set #{s.set.id}</strong>
                <span>{s.synthetic.length} synthetic{s.real.length ? ` · ${s.real.length} real` : ''}</span>
                <SetJoined pairs={pairsBySet.get(s.set.id) ?? []} ex={ex} similarity={similarity}
                  fallback={`d ${fmt(s.set.minDistance, 4)}–${fmt(s.set.maxDistance, 4)}${s.set.exact ? ' · exact' : ''}`} />
                {members(s).length > MAX_SHOWN && <span>first {MAX_SHOWN} of {members(s).length}</span>}
              </div>
              <div className="strip">
                {all.map((row, c) => (
                  <figure key={row} {...cell(c)} data-row={row} data-side={ex.rows[row].side}>
                    <ItemImage ex={ex} row={row} />
                    <figcaption><span className={`side ${ex.rows[row].side}`}>{ex.rows[row].side}</span><br />
                      <span className="path" title={ex.rows[row].path}>{baseName(ex.rows[row].path)}</span></figcaption>
                  </figure>
                ))}
              </div>
            </div>
          );
        }}
      />
      {open && cur && (
        <ItemDialog ex={ex} row={cur[Math.min(open.m, cur.length - 1)]} view={view}
          position={`set #${sets[open.s].set.id}: ${Math.min(open.m, cur.length - 1) + 1} of ${cur.length}`} onClose={close}
          onStep={(d) => setOpen((o) => (o ? { s: o.s, m: Math.max(0, Math.min(cur.length - 1, o.m + d)) } : o))} />
      )}
    </div>
  );
}

/** Which signal joined a set and the range of both values over its pairs; each pair on hover. */
function SetJoined({ pairs, ex, similarity, fallback }: { pairs: NearDuplicatePair[]; ex: Experiment; similarity: string; fallback: string }) {
  if (!pairs.length) return <span>{fallback}</span>;
  const d = rangeText(pairs.map((p) => p.distance));
  const sim = rangeText(pairs.map((p) => (p.copyDistance === null ? null : 1 - p.copyDistance)));
  const each = pairs.slice(0, 30).map((p) => `${baseName(ex.rows[p.a].path)} – ${baseName(ex.rows[p.b].path)}: ${p.reason}, ${pairValues(p, similarity)}`);
  if (pairs.length > 30) each.push(`… ${pairs.length - 30} more pairs`);
  return (
    <span className="joined" data-testid="set-joined" data-reasons={[...new Set(pairs.map((p) => p.reason))].sort().join(',')} title={each.join('\n')}>
      joined by {reasonsText(pairs)}
      {d !== null && <><br />d {d}</>}
      {sim !== null && <><br />{similarity === 'thumbnail correlation' ? 'correlation' : similarity} {sim}</>}
    </span>
  );
}
