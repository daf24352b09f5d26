// A ranked gallery (most unrealistic synthetic items, least represented real items) as a windowed
// grid: as many columns as fit, only the rows in view rendered.
import { useEffect, useRef, useState } from 'react';
import type { Experiment } from '../../../report/schema.ts';
import { fmt } from '../../../report/meaning.ts';
import type { NearDuplicateView } from '../../hooks/useNearDuplicates.ts';
import { baseName } from './evidence.ts';
import { ItemDialog } from './ItemDialog.tsx';
import { ItemImage } from './ItemImage.tsx';
import { VirtualRows } from './VirtualRows.tsx';

export const CELL_WIDTH = 116;
export const CELL_HEIGHT = 150;
const FALLBACK_WIDTH = 6 * CELL_WIDTH;

export interface RankedGalleryProps {
  ex: Experiment;
  /** Row indices, in gallery order. */
  items: number[];
  /** The score shown under each item. */
  score: { label: string; of(row: number): number };
  view: Pick<NearDuplicateView, 'sets' | 'setIdPerRow'>;
  label: string;
  testId: string;
  height?: number;
}

/** Width of the element, followed with a ResizeObserver (0 where layout is unknown). */
export function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}

export function RankedGallery({ ex, items, score, view, label, testId, height = 420 }: RankedGalleryProps) {
  const { ref, width } = useWidth();
  const cols = Math.max(1, Math.floor((width || FALLBACK_WIDTH) / CELL_WIDTH));
  const rowCount = Math.ceil(items.length / cols);
  const [open, setOpen] = useState<number | null>(null); // position in items
  const close = () => {
    setOpen(null);
    ref.current?.querySelector<HTMLElement>('[role=listbox]')?.focus();
  };
  if (items.length === 0) return <p className="empty" data-testid={testId} data-count={0}>Nothing to show.</p>;
  return (
    <div ref={ref} className="gallery" data-testid={testId} data-count={items.length}>
      <VirtualRows rowCount={rowCount} rowHeight={CELL_HEIGHT} height={height} label={label}
        cellsInRow={(r) => Math.min(cols, items.length - r * cols)}
        onOpen={(r, c) => setOpen(r * cols + c)}
        renderRow={(r, cell) =>
          items.slice(r * cols, (r + 1) * cols).map((row, c) => (
            <figure key={row} {...cell(c)} style={{ width: CELL_WIDTH }} data-row={row}>
              <ItemImage ex={ex} row={row} />
              <figcaption>
                <span className="rank">#{r * cols + c + 1}</span> {score.label} {fmt(score.of(row))}
                <br /><span className="path" title={ex.rows[row].path}>{baseName(ex.rows[row].path)}</span>
              </figcaption>
            </figure>
          ))}
      />
      {open !== null && (
        <ItemDialog ex={ex} row={items[open]} view={view} position={`${open + 1} of ${items.length}`} onClose={close}
          onStep={(d) => setOpen((o) => (o === null ? o : Math.max(0, Math.min(items.length - 1, o + d))))} />
      )}
    </div>
  );
}
