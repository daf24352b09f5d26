// A windowed list of fixed-height rows (@tanstack/react-virtual): only the rows in view (plus a
// few) are in the DOM, so thousands of items scroll smoothly. Keyboard: arrows move the active cell
// (left and right wrap across rows), Home/End, PageUp/PageDown, Enter or Space opens it. The active
// cell is announced through aria-activedescendant and kept in view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface CellProps {
  id: string;
  role: 'option';
  'aria-selected': boolean;
  className: string;
  onClick(): void;
}

export interface VirtualRowsProps {
  rowCount: number;
  rowHeight: number;
  /** Viewport height in px. */
  height: number;
  /** How many cells row r has (at least 1). */
  cellsInRow(r: number): number;
  renderRow(r: number, cell: (c: number) => CellProps): ReactNode;
  onOpen(r: number, c: number): void;
  label: string;
  testId?: string;
  overscan?: number;
}

export function VirtualRows(props: VirtualRowsProps) {
  const { rowCount, rowHeight, height, cellsInRow, renderRow, onOpen, overscan = 3 } = props;
  const base = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState({ r: 0, c: 0 });
  const r = Math.min(active.r, Math.max(0, rowCount - 1));
  const c = rowCount ? Math.min(active.c, cellsInRow(r) - 1) : 0;
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => ref.current,
    estimateSize: () => rowHeight,
    overscan,
    // The viewport's height is known before layout (it is ours, see the style below).
    initialRect: { width: 0, height },
  });

  const move = (row: number, col: number) => {
    row = Math.max(0, Math.min(rowCount - 1, row));
    col = Math.max(0, Math.min(cellsInRow(row) - 1, col));
    setActive({ r: row, c: col });
    virtualizer.scrollToIndex(row); // 'auto': scrolls only if the row is out of view
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!rowCount) return;
    const page = Math.max(1, Math.floor(height / rowHeight));
    switch (e.key) {
      case 'ArrowRight':
        if (c + 1 < cellsInRow(r)) move(r, c + 1);
        else if (r + 1 < rowCount) move(r + 1, 0);
        break;
      case 'ArrowLeft':
        if (c > 0) move(r, c - 1);
        else if (r > 0) move(r - 1, cellsInRow(r - 1) - 1);
        break;
      case 'ArrowDown': move(r + 1, c); break;
      case 'ArrowUp': move(r - 1, c); break;
      case 'PageDown': move(r + page, c); break;
      case 'PageUp': move(r - page, c); break;
      case 'Home': move(e.ctrlKey ? 0 : r, 0); break;
      case 'End': move(e.ctrlKey ? rowCount - 1 : r, Number.MAX_SAFE_INTEGER); break;
      case 'Enter':
      case ' ':
        onOpen(r, c);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  useEffect(() => {
    if (active.r >= rowCount && rowCount > 0) setActive({ r: rowCount - 1, c: 0 });
  }, [rowCount, active.r]);

  const cellId = (row: number, col: number) => `${base}-r${row}-c${col}`;
  return (
    <div ref={ref} className="vrows" role="listbox" aria-label={props.label} tabIndex={0} data-testid={props.testId}
      aria-activedescendant={rowCount ? cellId(r, c) : undefined} onKeyDown={onKeyDown}
      style={{ height, overflowY: 'auto', position: 'relative' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map(({ index: row, start }) => {
          const cell = (col: number): CellProps => ({
            id: cellId(row, col),
            role: 'option',
            'aria-selected': row === r && col === c,
            className: row === r && col === c ? 'cell active' : 'cell',
            onClick: () => {
              setActive({ r: row, c: col });
              onOpen(row, col);
            },
          });
          return (
            <div key={row} className="vrow" style={{ position: 'absolute', top: start, height: rowHeight, left: 0, right: 0 }}>
              {renderRow(row, cell)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
